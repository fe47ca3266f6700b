/**
 * npm run package: writes build/appPackage.zip (manifest.json + icons at the root), ready to upload
 * to Teams, from manifest/manifest.template.json and the environment (see docs/notes/teams.md).
 * Refuses to write a package that fails the schema or icon checks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageErrors, preparePackage } from './lib/appPackage.js';
import { createZip, readZip } from './lib/zip.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const prepared = await preparePackage(process.env, root);
if (prepared.errors.length > 0) {
  process.stderr.write(`App package not written:\n${prepared.errors.map((e) => `  - ${e}\n`).join('')}`);
  process.exit(1);
}
const zip = createZip(prepared.entries);
const readBack = await packageErrors(readZip(zip));
if (readBack.length > 0) {
  process.stderr.write(`App package failed its read-back check:\n${readBack.map((e) => `  - ${e}\n`).join('')}`);
  process.exit(1);
}
const buildDir = join(root, 'build');
mkdirSync(join(buildDir, 'appPackage'), { recursive: true });
for (const entry of prepared.entries) writeFileSync(join(buildDir, 'appPackage', entry.name), entry.data);
writeFileSync(join(buildDir, 'appPackage.zip'), zip);

if (prepared.defaulted.length > 0) {
  process.stderr.write(
    `Note: local defaults used for ${prepared.defaulted.join(', ')}.\n` +
      '  Fine for a local trial; set them before giving the package to anyone (docs/notes/teams.md).\n',
  );
}
process.stdout.write('Wrote build/appPackage.zip (manifest.json, color.png, outline.png)\n');
