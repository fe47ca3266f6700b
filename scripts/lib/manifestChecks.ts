/**
 * Checks a Teams app package before it leaves the building: the manifest against the official
 * JSON schema (bundled in @microsoft/app-manifest, so no network), the icons against the sizes and
 * colours Teams asks for, and a few cross-checks the schema cannot express.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';

const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/(v[\w.]+)\/MicrosoftTeams\.schema\.json$/;

/** Where the bundled schema for a manifest's `$schema` lives, or undefined if not bundled. */
export function bundledSchemaPath(schemaUrl: string): string | undefined {
  const version = SCHEMA_URL.exec(schemaUrl)?.[1];
  if (!version) return undefined;
  const packageDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
  const path = join(packageDir, 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
  return existsSync(path) ? path : undefined;
}

interface ManifestHead {
  readonly $schema: string;
  readonly manifestVersion: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Just enough shape to choose a schema; the schema validation that follows is the real check
 * (the library's parameter type is the manifest type it is about to verify).
 */
function hasSchemaHead(value: unknown): value is ManifestHead & TeamsManifest {
  return isRecord(value) && typeof value.$schema === 'string' && typeof value.manifestVersion === 'string';
}

/** Validates a parsed manifest against its `$schema`, offline. Returns readable errors, or []. */
export async function schemaErrors(manifest: unknown): Promise<string[]> {
  if (!hasSchemaHead(manifest)) return ['manifest must be an object with $schema and manifestVersion'];
  if (!bundledSchemaPath(manifest.$schema)) {
    return [`$schema ${manifest.$schema} is not a Teams schema bundled in @microsoft/app-manifest`];
  }
  // The library loads a bundled schema from its own folder when it has one (checked above),
  // so this never reaches the network.
  const errors = await AppManifestUtils.validateAgainstSchema(manifest);
  return errors.map((error) => `schema: ${error}`);
}

function readPng(name: string, data: Buffer): PNG | string {
  try {
    return PNG.sync.read(data);
  } catch {
    return `${name} is not a readable PNG`;
  }
}

/**
 * Teams asks for a full-colour 192×192 icon and a 32×32 outline icon that is white on a
 * transparent background: every outline pixel must be pure white (any opacity) or fully transparent.
 */
export function iconErrors(color: Buffer, outline: Buffer): string[] {
  const errors: string[] = [];
  const colorPng = readPng('color icon', color);
  if (typeof colorPng === 'string') errors.push(colorPng);
  else if (colorPng.width !== 192 || colorPng.height !== 192) {
    errors.push(`color icon must be 192×192, is ${colorPng.width}×${colorPng.height}`);
  }
  const outlinePng = readPng('outline icon', outline);
  if (typeof outlinePng === 'string') errors.push(outlinePng);
  else {
    if (outlinePng.width !== 32 || outlinePng.height !== 32) {
      errors.push(`outline icon must be 32×32, is ${outlinePng.width}×${outlinePng.height}`);
    }
    let offending = 0;
    let visible = 0;
    const d = outlinePng.data;
    for (let i = 0; i < d.length; i += 4) {
      const alpha = d[i + 3] ?? 0;
      if (alpha === 0) continue;
      visible++;
      if (d[i] !== 255 || d[i + 1] !== 255 || d[i + 2] !== 255) offending++;
    }
    if (offending > 0) errors.push(`outline icon must be white on transparent: ${offending} pixels are coloured`);
    if (visible === 0) errors.push('outline icon is empty');
  }
  return errors;
}

function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** Checks the schema cannot express: no placeholder left, tab hosts listed in validDomains. */
export function consistencyErrors(manifest: unknown): string[] {
  const errors: string[] = [];
  const text = JSON.stringify(manifest);
  const leftover = /\$\{\{[^}]*\}\}/.exec(text);
  if (leftover) errors.push(`placeholder ${leftover[0]} was not filled in`);
  if (!isRecord(manifest)) return errors;
  const domains = Array.isArray(manifest.validDomains) ? manifest.validDomains : [];
  const tabs = Array.isArray(manifest.staticTabs) ? manifest.staticTabs : [];
  for (const tab of tabs) {
    if (!isRecord(tab) || tab.contentUrl === undefined) continue;
    const host = hostOf(tab.contentUrl);
    if (!host || !domains.includes(host)) {
      errors.push(`static tab ${String(tab.entityId)}: host of contentUrl must be listed in validDomains`);
    }
  }
  return errors;
}
