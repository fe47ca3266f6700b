/**
 * All configuration, read and checked once. A bad value stops start-up with one clear line
 * naming the variable and what is wrong (a ConfigError).
 */
import { isIP } from 'node:net';
import { ConfigError } from './configError.js';
import { parseFeedbackConfig, type FeedbackConfig } from './feedback/index.js';

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export type StorageKind = 'sqlite' | 'memory' | 'blob';

export interface BotCredentials {
  readonly appId: string;
  readonly appPassword: string;
  readonly tenantId: string;
  readonly appType: AppType;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly credentials: BotCredentials;
  /** True when no MicrosoftAppId is set: the bot accepts local unauthenticated traffic. */
  readonly localMode: boolean;
  /**
   * `sqlite` (default): bot state in the embedded database under DATA_DIR; `memory`: lost on
   * restart; `blob` (STORAGE=azure or blob): Azure Storage, shared by every instance.
   */
  readonly storage: StorageKind;
  /** DATA_DIR and the feedback webhook, digest and hashing settings. */
  readonly feedback: FeedbackConfig;
  readonly logLevel: LogLevel;
  readonly maxBodyBytes: number;
  /**
   * Serve the Web Chat bridge at /chat (DEV_CHAT). Defaults to localMode; never true with
   * credentials: the bridge talks to /api/messages without a token, which only works (and is only
   * safe) when the bot accepts unauthenticated local traffic anyway.
   */
  readonly devChat: boolean;
  /** One Azure storage account: bot state in a blob container, feedback in a table and a queue; set when STORAGE=azure (or blob). */
  readonly blob: BlobStorageConfig | undefined;
  /** Limits and time budgets that keep the server responsive under load, faults and abuse. */
  readonly resilience: ResilienceConfig;
  /** "Remind me tomorrow": how often due reminders are looked for. */
  readonly reminders: RemindersConfig;
}

export interface RemindersConfig {
  /** How often the store is checked for due reminders (REMINDER_TICK_MS, default a minute). */
  readonly tickMs: number;
}

export interface BlobStorageConfig {
  readonly connectionString: string;
  /** Bot state (AZURE_STORAGE_CONTAINER). */
  readonly container: string;
  /** Feedback records: items, references, limits, unanswered questions, digest periods, salt (AZURE_FEEDBACK_TABLE). */
  readonly feedbackTable: string;
  /** What is due to be posted to the feedback webhook (AZURE_FEEDBACK_QUEUE). */
  readonly feedbackQueue: string;
  /** "Remind me tomorrow" reminders waiting to be sent (AZURE_REMINDER_TABLE). */
  readonly reminderTable: string;
}

export interface ResilienceConfig {
  /** Longest a turn may run before the user gets a "please try again" (TURN_TIMEOUT_MS). */
  readonly turnTimeoutMs: number;
  /** Longest one storage read, write or delete may take (STORAGE_TIMEOUT_MS). */
  readonly storageTimeoutMs: number;
  /** Requests per minute from one client address; 0 turns the limit off (RATE_LIMIT_PER_IP). */
  readonly ratePerIpPerMinute: number;
  /** Requests per minute from one client address to the tab's /api/ask and /api/guide; 0 turns the limit off (RATE_LIMIT_TAB_PER_IP). */
  readonly ratePerIpTabPerMinute: number;
  /** Turns per minute in one conversation; 0 turns the limit off (RATE_LIMIT_PER_CONVERSATION). */
  readonly ratePerConversationPerMinute: number;
  /** Take the client address from X-Forwarded-For (behind Azure App Service or another proxy). */
  readonly trustProxy: boolean;
  /**
   * How many proxies of ours stand in front of the bot (TRUST_PROXY_HOPS, default 1): the client
   * address is the X-Forwarded-For entry this many from the right, the one our nearest proxy wrote.
   * Entries further left are written by the client and never trusted.
   */
  readonly trustProxyHops: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export { ConfigError };

export type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined ? fallback : value.trim();
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = text(env, name, '');
  if (value === '') return fallback;
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (match === undefined) throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  return match;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = text(env, name, '');
  if (value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(name, `must be a whole number (got "${value}")`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${n})`);
  return n;
}

function flag(env: Env, name: string): boolean | undefined {
  const value = text(env, name, '').toLowerCase();
  if (value === '') return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigError(name, `must be true or false (got "${text(env, name, '')}")`);
}

/** DEV_CHAT: on by default in local mode; true with credentials is refused (see docs/notes/webchat.md). */
function devChat(env: Env, localMode: boolean): boolean {
  const explicit = flag(env, 'DEV_CHAT');
  if (explicit === true && !localMode) {
    throw new ConfigError('DEV_CHAT', 'cannot be true when MicrosoftAppId is set: the test chat talks to the bot without a token; unset DEV_CHAT or run without credentials');
  }
  return explicit ?? localMode;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function credentials(env: Env): BotCredentials {
  const appId = text(env, 'MicrosoftAppId', '');
  const appPassword = text(env, 'MicrosoftAppPassword', '');
  const tenantId = text(env, 'MicrosoftAppTenantId', '');
  const appType = oneOf<AppType>(env, 'MicrosoftAppType', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], 'MultiTenant');
  if (appId !== '' && !GUID.test(appId)) throw new ConfigError('MicrosoftAppId', 'must be a GUID (the bot\'s Microsoft App ID)');
  if (appId === '' && appPassword !== '') throw new ConfigError('MicrosoftAppId', 'is empty but MicrosoftAppPassword is set; set both or neither');
  if (appId !== '' && appType !== 'UserAssignedMSI' && appPassword === '') {
    throw new ConfigError('MicrosoftAppPassword', 'is required when MicrosoftAppId is set');
  }
  if (appType !== 'MultiTenant' && appId !== '' && tenantId === '') {
    throw new ConfigError('MicrosoftAppTenantId', `is required when MicrosoftAppType is ${appType}`);
  }
  if (tenantId !== '' && !GUID.test(tenantId)) throw new ConfigError('MicrosoftAppTenantId', 'must be a GUID');
  return { appId, appPassword, tenantId, appType };
}

/** Container and queue names: 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit. */
const CONTAINER = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;
/** Table names: 3-63 letters and digits, starting with a letter. */
const TABLE = /^[A-Za-z][A-Za-z0-9]{2,62}$/;

function blobStorage(env: Env, storage: StorageKind): BlobStorageConfig | undefined {
  if (storage !== 'blob') return undefined;
  const connectionString = text(env, 'AZURE_STORAGE_CONNECTION_STRING', '');
  if (connectionString === '') throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING', 'is required when STORAGE is azure');
  const parts = connectionString.split(';').map((p) => p.trim().split('=')[0]?.toLowerCase() ?? '');
  const has = (name: string) => parts.includes(name);
  const usable = has('usedevelopmentstorage') || has('blobendpoint') || (has('accountname') && (has('accountkey') || has('sharedaccesssignature')));
  // The value is a secret: the message names what is missing, never the value itself.
  if (!usable) throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING', 'is not an Azure Storage connection string (needs AccountName and AccountKey, or BlobEndpoint)');
  for (const part of connectionString.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || !/Endpoint$/i.test(part.slice(0, at).trim())) continue;
    if (!isHttpUrl(part.slice(at + 1).trim())) throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING', `has a ${part.slice(0, at).trim()} that is not an http(s) address`);
  }
  // Feedback needs the account's table and queue too: named, or derived from the EndpointSuffix (as in the portal's string).
  if (!has('usedevelopmentstorage') && !has('endpointsuffix') && !(has('tableendpoint') && has('queueendpoint'))) {
    throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING', 'needs TableEndpoint and QueueEndpoint, or EndpointSuffix, for the feedback table and queue');
  }
  const container = text(env, 'AZURE_STORAGE_CONTAINER', 'mfa-bot-state') || 'mfa-bot-state';
  if (!CONTAINER.test(container)) throw new ConfigError('AZURE_STORAGE_CONTAINER', `must be 3-63 lowercase letters, digits and single hyphens (got "${container}")`);
  const feedbackTable = text(env, 'AZURE_FEEDBACK_TABLE', 'mfafeedback') || 'mfafeedback';
  if (!TABLE.test(feedbackTable)) throw new ConfigError('AZURE_FEEDBACK_TABLE', `must be 3-63 letters and digits, starting with a letter (got "${feedbackTable}")`);
  const feedbackQueue = text(env, 'AZURE_FEEDBACK_QUEUE', 'mfa-feedback') || 'mfa-feedback';
  if (!CONTAINER.test(feedbackQueue)) throw new ConfigError('AZURE_FEEDBACK_QUEUE', `must be 3-63 lowercase letters, digits and single hyphens (got "${feedbackQueue}")`);
  const reminderTable = text(env, 'AZURE_REMINDER_TABLE', 'mfareminders') || 'mfareminders';
  if (!TABLE.test(reminderTable)) throw new ConfigError('AZURE_REMINDER_TABLE', `must be 3-63 letters and digits, starting with a letter (got "${reminderTable}")`);
  return { connectionString, container, feedbackTable, feedbackQueue, reminderTable };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** An IP address or a host name (letters, digits, hyphens and dots): what the server can listen on. */
function host(env: Env, localMode: boolean): string {
  const value = text(env, 'HOST', '');
  // Without credentials nothing is authenticated: only this machine may talk to the bot unless HOST opens it up.
  if (value === '') return localMode ? '127.0.0.1' : '0.0.0.0';
  if (isIP(value) === 0 && !/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(value)) {
    throw new ConfigError('HOST', `must be an IP address or a host name (got "${value}")`);
  }
  return value;
}

function resilience(env: Env): ResilienceConfig {
  return {
    turnTimeoutMs: integer(env, 'TURN_TIMEOUT_MS', 8000, 100, 8000),
    storageTimeoutMs: integer(env, 'STORAGE_TIMEOUT_MS', 3000, 50, 8000),
    ratePerIpPerMinute: integer(env, 'RATE_LIMIT_PER_IP', 3000, 0, 10_000_000),
    ratePerConversationPerMinute: integer(env, 'RATE_LIMIT_PER_CONVERSATION', 30, 0, 10_000_000),
    ratePerIpTabPerMinute: integer(env, 'RATE_LIMIT_TAB_PER_IP', 120, 0, 10_000_000),
    trustProxy: flag(env, 'TRUST_PROXY') ?? false,
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 1, 1, 10),
  };
}

/** REMINDER_TICK_MS: how often due reminders are looked for (1 s to an hour; default a minute). Also read by `npm run chat`. */
export function parseRemindersConfig(env: Env): RemindersConfig {
  return { tickMs: integer(env, 'REMINDER_TICK_MS', 60_000, 1_000, 3_600_000) };
}

export function loadConfig(env: Env): Config {
  const creds = credentials(env);
  const localMode = creds.appId === '';
  // STORAGE=azure names what it is (a storage account: blobs, a table, a queue); blob, its old name, still works.
  const named = oneOf<StorageKind | 'azure'>(env, 'STORAGE', ['sqlite', 'memory', 'azure', 'blob'], 'sqlite');
  const storage: StorageKind = named === 'azure' ? 'blob' : named;
  return {
    port: integer(env, 'PORT', 3978, 0, 65535),
    host: host(env, localMode),
    credentials: creds,
    localMode,
    storage,
    feedback: parseFeedbackConfig(env),
    logLevel: oneOf<LogLevel>(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    maxBodyBytes: 256 * 1024,
    devChat: devChat(env, localMode),
    blob: blobStorage(env, storage),
    resilience: resilience(env),
    reminders: parseRemindersConfig(env),
  };
}
