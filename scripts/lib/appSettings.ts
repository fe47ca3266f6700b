/**
 * The values an app package needs from its environment, each with a local default so that
 * `npm run package` works on a fresh checkout. Defaults are obviously placeholders: a package
 * built with them installs for a local trial only (see docs/notes/teams.md).
 */

export interface AppSettings {
  /** The Teams app's own id (a GUID; create one per organisation, keep it across versions). */
  readonly TEAMS_APP_ID: string;
  /** The bot's Microsoft Entra app id (a GUID), as registered for the Azure Bot resource. */
  readonly MicrosoftAppId: string;
  /** Public host name of the server (no scheme, no path), e.g. mfa-assistant.example.nhs.uk. */
  readonly PUBLIC_HOSTNAME: string;
  /** Organisation publishing the app, shown in Teams (32 characters at most). */
  readonly DEVELOPER_NAME: string;
  readonly DEVELOPER_WEBSITE_URL: string;
  readonly PRIVACY_URL: string;
  readonly TERMS_URL: string;
  /** The app package's version (x.y.z); raise it for every package uploaded to Teams. */
  readonly APP_VERSION: string;
}

export type SettingName = keyof AppSettings;

export const SETTING_NAMES: readonly SettingName[] = [
  'TEAMS_APP_ID',
  'MicrosoftAppId',
  'PUBLIC_HOSTNAME',
  'DEVELOPER_NAME',
  'DEVELOPER_WEBSITE_URL',
  'PRIVACY_URL',
  'TERMS_URL',
  'APP_VERSION',
];

export const PLACEHOLDER_GUID = '00000000-0000-0000-0000-000000000000';
export const DEFAULT_HOSTNAME = 'localhost';

export interface ResolvedSettings {
  readonly settings: AppSettings;
  /** Settings that fell back to a local default: fine for a trial, not for distribution. */
  readonly defaulted: readonly SettingName[];
  /** Values present but unusable; the package must not be built. */
  readonly errors: readonly string[];
}

type Env = Readonly<Record<string, string | undefined>>;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Reads the settings from env (empty strings count as unset); `version` is package.json's. */
export function resolveSettings(env: Env, version: string): ResolvedSettings {
  const defaulted: SettingName[] = [];
  const errors: string[] = [];
  const read = (name: SettingName, fallback: string): string => {
    const value = env[name]?.trim();
    if (value) return value;
    // package.json's version is the intended default, not a placeholder
    if (name !== 'APP_VERSION') defaulted.push(name);
    return fallback;
  };

  const host = read('PUBLIC_HOSTNAME', DEFAULT_HOSTNAME);
  const settings: AppSettings = {
    TEAMS_APP_ID: read('TEAMS_APP_ID', PLACEHOLDER_GUID),
    MicrosoftAppId: read('MicrosoftAppId', PLACEHOLDER_GUID),
    PUBLIC_HOSTNAME: host,
    DEVELOPER_NAME: read('DEVELOPER_NAME', 'Local trial (not for use)'),
    DEVELOPER_WEBSITE_URL: read('DEVELOPER_WEBSITE_URL', `https://${host}/tab`),
    PRIVACY_URL: read('PRIVACY_URL', `https://${host}/privacy`),
    TERMS_URL: read('TERMS_URL', `https://${host}/terms`),
    APP_VERSION: read('APP_VERSION', version),
  };

  for (const name of ['TEAMS_APP_ID', 'MicrosoftAppId'] as const) {
    if (!GUID.test(settings[name])) errors.push(`${name} must be a GUID (like ${PLACEHOLDER_GUID})`);
  }
  if (!HOSTNAME.test(host)) {
    errors.push('PUBLIC_HOSTNAME must be a bare host name, without https:// or a path or a port (e.g. bot.example.org)');
  }
  if (settings.DEVELOPER_NAME.length > 32) errors.push('DEVELOPER_NAME must be 32 characters at most');
  for (const name of ['DEVELOPER_WEBSITE_URL', 'PRIVACY_URL', 'TERMS_URL'] as const) {
    if (!isHttpsUrl(settings[name])) errors.push(`${name} must be an https:// URL`);
  }
  if (!SEMVER.test(settings.APP_VERSION)) errors.push('APP_VERSION must be a version like 1.2.3');
  return { settings, defaulted, errors };
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function isSettingName(name: string): name is SettingName {
  return (SETTING_NAMES as readonly string[]).includes(name);
}

/**
 * Fills `${{NAME}}` placeholders in every string of a parsed JSON template. Works on parsed
 * values (not text) so a setting can never break the JSON. Unknown names are an error.
 */
export function fillTemplate(template: unknown, settings: AppSettings): unknown {
  if (typeof template === 'string') {
    return template.replace(PLACEHOLDER, (_match, name: string) => {
      if (!isSettingName(name)) throw new Error(`unknown placeholder \${{${name}}} in the manifest template`);
      return settings[name];
    });
  }
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, settings));
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fillTemplate(value, settings)]));
  }
  return template;
}
