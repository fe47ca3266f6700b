/** Builds and checks the Teams app package: manifest.json and both icons at the zip's root. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillTemplate, resolveSettings, type SettingName } from './appSettings.js';
import { consistencyErrors, iconErrors, schemaErrors } from './manifestChecks.js';
import type { ZipEntry } from './zip.js';

export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

export interface PreparedPackage {
  readonly entries: readonly ZipEntry[];
  readonly defaulted: readonly SettingName[];
  readonly errors: readonly string[];
}

function packageVersion(root: string): string {
  const parsed: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
    return parsed.version;
  }
  throw new Error('package.json has no version');
}

/** Fills manifest/manifest.template.json from env and checks the result and the icons. */
export async function preparePackage(env: Readonly<Record<string, string | undefined>>, root: string): Promise<PreparedPackage> {
  const { settings, defaulted, errors } = resolveSettings(env, packageVersion(root));
  if (errors.length > 0) return { entries: [], defaulted, errors };
  const template: unknown = JSON.parse(readFileSync(join(root, 'manifest', 'manifest.template.json'), 'utf8'));
  const manifest = fillTemplate(template, settings);
  const entries: ZipEntry[] = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: 'color.png', data: readFileSync(join(root, 'manifest', 'color.png')) },
    { name: 'outline.png', data: readFileSync(join(root, 'manifest', 'outline.png')) },
  ];
  return { entries, defaulted, errors: await packageErrors(entries) };
}

/** Everything wrong with a package's files (as found in the zip), or [] when Teams should accept it. */
export async function packageErrors(entries: readonly ZipEntry[]): Promise<string[]> {
  const errors: string[] = [];
  const find = (name: string): Buffer | undefined => entries.find((entry) => entry.name === name)?.data;
  for (const name of PACKAGE_FILES) {
    if (!find(name)) errors.push(`${name} is missing from the package root`);
  }
  const manifestData = find('manifest.json');
  if (manifestData) {
    let manifest: unknown;
    try {
      manifest = JSON.parse(manifestData.toString('utf8'));
    } catch {
      errors.push('manifest.json is not valid JSON');
    }
    if (manifest !== undefined) {
      errors.push(...(await schemaErrors(manifest)), ...consistencyErrors(manifest));
    }
  }
  const color = find('color.png');
  const outline = find('outline.png');
  if (color && outline) errors.push(...iconErrors(color, outline));
  return errors;
}
