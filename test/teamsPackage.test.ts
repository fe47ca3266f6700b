import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { preparePackage } from '../scripts/lib/appPackage.js';
import { PLACEHOLDER_GUID, SETTING_NAMES } from '../scripts/lib/appSettings.js';
import { colorIcon, outlineIcon } from '../scripts/lib/iconArt.js';
import { iconErrors, schemaErrors } from '../scripts/lib/manifestChecks.js';
import { createZip, readZip } from '../scripts/lib/zip.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const zipPath = join(root, 'build', 'appPackage.zip');
// each of these tests starts npm and tsx in a child process: allow for a busy machine
const SPAWN_TIMEOUT = { timeout: 60_000 };

/** The parent's environment without any app setting, plus the given ones. */
function envWith(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SETTING_NAMES) delete env[name];
  return { ...env, ...settings };
}

function run(args: string[], settings: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', '--silent', ...args], { cwd: root, env: envWith(settings), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function manifestOf(zip: Buffer): Record<string, unknown> {
  const entry = readZip(zip).find((e) => e.name === 'manifest.json');
  const parsed: unknown = JSON.parse(entry?.data.toString('utf8') ?? 'null');
  if (!isRecord(parsed)) throw new Error('manifest.json is not an object');
  return parsed;
}

const deployment = {
  TEAMS_APP_ID: '3f1c2b9a-5d4e-4c6b-9a8f-1e2d3c4b5a69',
  MicrosoftAppId: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
  PUBLIC_HOSTNAME: 'mfa-assistant.example.org',
  DEVELOPER_NAME: 'Example Pharmacy Group',
  PRIVACY_URL: 'https://example.org/privacy',
  TERMS_URL: 'https://example.org/terms',
  DEVELOPER_WEBSITE_URL: 'https://example.org/',
};

describe('npm run package', () => {
  it('writes a zip with manifest.json and both icons at its root, filled from the environment', SPAWN_TIMEOUT, () => {
    const result = run(['package'], deployment);
    expect(result.output).toContain('Wrote build/appPackage.zip');
    expect(result.status).toBe(0);

    const zip = readFileSync(zipPath);
    expect(readZip(zip).map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = manifestOf(zip);
    expect(manifest.id).toBe(deployment.TEAMS_APP_ID);
    expect(manifest.developer).toEqual({
      name: deployment.DEVELOPER_NAME,
      websiteUrl: deployment.DEVELOPER_WEBSITE_URL,
      privacyUrl: deployment.PRIVACY_URL,
      termsOfUseUrl: deployment.TERMS_URL,
    });
    expect(manifest.validDomains).toEqual([deployment.PUBLIC_HOSTNAME]);
    expect(manifest.version).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);

    const schema = String(manifest.$schema);
    const version = /teams\/v1\.(\d+)\//.exec(schema)?.[1];
    expect(Number(version)).toBeGreaterThanOrEqual(21);
    expect(manifest.manifestVersion).toBe(`1.${version}`);

    const bots = Array.isArray(manifest.bots) ? manifest.bots : [];
    expect(bots).toHaveLength(1);
    const bot: unknown = bots[0];
    if (!isRecord(bot)) throw new Error('bot is not an object');
    expect(bot.botId).toBe(deployment.MicrosoftAppId);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const titles = JSON.stringify(bot.commandLists);
    for (const command of ['why MFA', 'set up MFA', 'choose a method', 'fix a problem', 'practise', 'feedback', 'help']) {
      expect(titles).toContain(`"title":"${command}"`);
    }

    const tabs = Array.isArray(manifest.staticTabs) ? manifest.staticTabs.filter(isRecord) : [];
    expect(tabs.map((t) => t.entityId)).toContain('conversations');
    const guide = tabs.find((t) => t.entityId === 'guide');
    expect(guide?.contentUrl).toBe('https://mfa-assistant.example.org/tab');
    expect(guide?.scopes).toEqual(['personal']);
  });

  it('works with no environment at all, using placeholder defaults, and says so', SPAWN_TIMEOUT, () => {
    const result = run(['package']);
    expect(result.status).toBe(0);
    expect(result.output).toContain('local defaults used');
    const manifest = manifestOf(readFileSync(zipPath));
    expect(manifest.id).toBe(PLACEHOLDER_GUID);
    expect(manifest.validDomains).toEqual(['localhost']);
  });

  it('refuses a host given as a URL, naming the setting to fix', SPAWN_TIMEOUT, () => {
    const result = run(['package'], { ...deployment, PUBLIC_HOSTNAME: 'https://mfa-assistant.example.org/' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('PUBLIC_HOSTNAME');
  });

  it('refuses an app id that is not a GUID', SPAWN_TIMEOUT, () => {
    const result = run(['package'], { ...deployment, TEAMS_APP_ID: 'mfa-assistant' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('TEAMS_APP_ID must be a GUID');
  });
});

describe('npm run validate:manifest', () => {
  it('accepts the manifest the environment produces', SPAWN_TIMEOUT, () => {
    const result = run(['validate:manifest'], deployment);
    expect(result.output).toContain('Valid:');
    expect(result.status).toBe(0);
  });

  it('rejects a package whose manifest breaks the schema, and one missing an icon', SPAWN_TIMEOUT, async () => {
    const prepared = await preparePackage(envWith(deployment), root);
    expect(prepared.errors).toEqual([]);
    const entries = prepared.entries;
    const dir = mkdtempSync(join(tmpdir(), 'mfa-manifest-'));

    const broken = entries.map((entry) => {
      if (entry.name !== 'manifest.json') return entry;
      const manifest: unknown = JSON.parse(entry.data.toString('utf8'));
      if (!isRecord(manifest)) throw new Error('manifest is not an object');
      return { name: entry.name, data: Buffer.from(JSON.stringify({ ...manifest, accentColor: 'NHS blue' })) };
    });
    writeFileSync(join(dir, 'broken.zip'), createZip(broken));
    const schemaResult = run(['validate:manifest', '--', join(dir, 'broken.zip')]);
    expect(schemaResult.status).not.toBe(0);
    expect(schemaResult.output).toContain('/accentColor');

    writeFileSync(join(dir, 'no-outline.zip'), createZip(entries.filter((e) => e.name !== 'outline.png')));
    const iconResult = run(['validate:manifest', '--', join(dir, 'no-outline.zip')]);
    expect(iconResult.status).not.toBe(0);
    expect(iconResult.output).toContain('outline.png is missing');
  });
});

describe('schema validation', () => {
  it('reports an unknown bot scope', async () => {
    const prepared = await preparePackage(envWith(deployment), root);
    expect(prepared.errors).toEqual([]);
    const manifest = manifestOf(createZip(prepared.entries));
    expect(await schemaErrors(manifest)).toEqual([]);
    const errors = await schemaErrors({ ...manifest, bots: [{ botId: PLACEHOLDER_GUID, scopes: ['everyone'] }] });
    expect(errors.join('\n')).toContain('/bots/0/scopes/0');
  });
});

describe('app icons', () => {
  const color = readFileSync(join(root, 'manifest', 'color.png'));
  const outline = readFileSync(join(root, 'manifest', 'outline.png'));

  it('has a 192×192 colour icon and a 32×32 outline icon that is white on transparent', () => {
    const colorPng = PNG.sync.read(color);
    expect([colorPng.width, colorPng.height]).toEqual([192, 192]);
    const outlinePng = PNG.sync.read(outline);
    expect([outlinePng.width, outlinePng.height]).toEqual([32, 32]);
    let white = 0;
    for (let i = 0; i < outlinePng.data.length; i += 4) {
      const [r, g, b, a] = [outlinePng.data[i], outlinePng.data[i + 1], outlinePng.data[i + 2], outlinePng.data[i + 3]];
      if (a === 0) continue;
      expect([r, g, b]).toEqual([255, 255, 255]);
      white++;
    }
    expect(white).toBeGreaterThan(100); // there is a drawing, not just a transparent square
    expect(iconErrors(color, outline)).toEqual([]);
  });

  it('matches what scripts/make-icons.ts draws (regenerate with npm run icons)', () => {
    expect(colorIcon().equals(color)).toBe(true);
    expect(outlineIcon().equals(outline)).toBe(true);
  });

  it('catches an outline icon with colour in it, and icons of the wrong size', () => {
    const tinted = PNG.sync.read(outline);
    const i = tinted.data.findIndex((_v, at) => at % 4 === 3 && (tinted.data[at] ?? 0) > 0) - 3;
    tinted.data[i + 1] = 94; // turn one visible pixel from white to blue
    expect(iconErrors(color, PNG.sync.write(tinted)).join()).toContain('1 pixels are coloured');
    expect(iconErrors(outline, color).join()).toContain('color icon must be 192×192');
  });
});

describe('zip', () => {
  it('round-trips entries, including empty and binary ones', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('hello '.repeat(100)) },
      { name: 'empty', data: Buffer.alloc(0) },
      { name: 'dir/bin', data: Buffer.from([0, 255, 1, 254, 2]) },
    ];
    expect(readZip(createZip(entries))).toEqual(entries);
  });

  it('detects a corrupted entry', () => {
    const zip = createZip([{ name: 'a.txt', data: Buffer.from('the quick brown fox') }]);
    const damaged = Buffer.from(zip);
    damaged[40] = (damaged[40] ?? 0) ^ 0xff; // inside the deflated data
    expect(() => readZip(damaged)).toThrow();
  });
});
