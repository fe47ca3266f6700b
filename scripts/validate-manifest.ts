/**
 * npm run validate:manifest [-- path/to/appPackage.zip]
 * Offline check against the official Teams JSON schema bundled in @microsoft/app-manifest, plus
 * the icon and consistency checks. With no argument it checks the manifest the current
 * environment would produce; with a zip it checks that package exactly as Teams would receive it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packageErrors, preparePackage } from './lib/appPackage.js';
import { readZip } from './lib/zip.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const zipPath = process.argv[2];

let errors: readonly string[];
let what: string;
if (zipPath) {
  what = zipPath;
  try {
    errors = await packageErrors(readZip(readFileSync(zipPath)));
  } catch (error) {
    errors = [error instanceof Error ? error.message : String(error)];
  }
} else {
  what = 'manifest/manifest.template.json with the current environment';
  errors = (await preparePackage(process.env, root)).errors;
}

if (errors.length > 0) {
  process.stderr.write(`Invalid: ${what}\n${errors.map((e) => `  - ${e}\n`).join('')}`);
  process.exit(1);
}
process.stdout.write(`Valid: ${what} (Teams schema, icons, validDomains)\n`);
