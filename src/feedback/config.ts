import { ConfigError } from '../configError.js';
import { resolve } from 'node:path';
import { parseDuration } from './time.js';
import { parseWebhookSecret, type WebhookSecret } from './webhookSecret.js';

export const WEBHOOK_FORMATS = ['json', 'teams-workflow'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export interface WebhookTarget {
  readonly url: URL;
  readonly format: WebhookFormat;
  /** Signs every request the Standard Webhooks way when set. */
  readonly secret: WebhookSecret | null;
}

export interface FeedbackConfig {
  /** Absolute directory for the database file. */
  readonly dataDir: string;
  /** Null when FEEDBACK_WEBHOOK_URL is unset: items are kept in the outbox until it is set. */
  readonly webhook: WebhookTarget | null;
  /** How often a digest is posted; null = off (the default). */
  readonly digestEveryMs: number | null;
  /** Salt for the pseudonymous user hash; null = a random salt generated once and kept in the database. */
  readonly userHashSalt: string | null;
  /** One-line facts worth logging at start-up (never the URL or the secret themselves). */
  readonly notices: readonly string[];
}

/** A bad feedback setting: a ConfigError, so start-up reports it like any other. */
export class FeedbackConfigError extends ConfigError {
  constructor(variable: string, problem: string) {
    super(variable, problem);
    this.name = 'FeedbackConfigError';
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const MIN_DIGEST_MS = 3_600_000;
const MAX_DIGEST_MS = 90 * 86_400_000;
const MIN_SALT_LENGTH = 16;

function value(env: Readonly<Record<string, string | undefined>>, name: string): string {
  return (env[name] ?? '').trim();
}

function webhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The value is not echoed: a workflow URL carries its own signature.
    throw new FeedbackConfigError('FEEDBACK_WEBHOOK_URL', 'is not a valid absolute URL');
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return url;
  if (url.protocol === 'http:') {
    throw new FeedbackConfigError('FEEDBACK_WEBHOOK_URL', 'must use https (http is allowed only for localhost or 127.0.0.1)');
  }
  throw new FeedbackConfigError('FEEDBACK_WEBHOOK_URL', `must be an https URL (got a ${url.protocol} URL)`);
}

function webhookFormat(text: string): WebhookFormat {
  if (text === '') return 'json';
  const match = WEBHOOK_FORMATS.find((f) => f === text.toLowerCase());
  if (match === undefined) {
    throw new FeedbackConfigError('FEEDBACK_WEBHOOK_FORMAT', `must be json or teams-workflow (got "${text}")`);
  }
  return match;
}

function digestEvery(text: string): number | null {
  if (text === '' || /^(off|none|never|0|false|no)$/i.test(text)) return null;
  const ms = parseDuration(text);
  if (ms === null) {
    throw new FeedbackConfigError('FEEDBACK_DIGEST_EVERY', `must be a duration such as 7d, 12h or 2w, or off (got "${text}")`);
  }
  if (ms < MIN_DIGEST_MS || ms > MAX_DIGEST_MS) {
    throw new FeedbackConfigError('FEEDBACK_DIGEST_EVERY', `must be between 1h and 90d (got "${text}")`);
  }
  return ms;
}

/**
 * Reads the feedback settings. Throws a FeedbackConfigError with one clear line on a bad value.
 *
 * - DATA_DIR (default ./data): where the database file lives.
 * - FEEDBACK_WEBHOOK_URL: https (http only for localhost/127.0.0.1); unset = items stay queued.
 * - FEEDBACK_WEBHOOK_FORMAT: json (default) or teams-workflow.
 * - FEEDBACK_WEBHOOK_SECRET: optional whsec_<base64> (24+ bytes) to sign requests.
 * - FEEDBACK_DIGEST_EVERY: e.g. 7d, 12h (1h–90d); off by default.
 * - FEEDBACK_USER_HASH_SALT: optional, 16+ characters; unset = random salt kept in the database.
 */
export function parseFeedbackConfig(env: Readonly<Record<string, string | undefined>>): FeedbackConfig {
  const notices: string[] = [];
  const dataDir = resolve(value(env, 'DATA_DIR') || './data');

  const urlText = value(env, 'FEEDBACK_WEBHOOK_URL');
  const format = webhookFormat(value(env, 'FEEDBACK_WEBHOOK_FORMAT'));
  const secretText = value(env, 'FEEDBACK_WEBHOOK_SECRET');
  let secret: WebhookSecret | null = null;
  if (secretText !== '') {
    const parsed = parseWebhookSecret(secretText);
    if ('problem' in parsed) throw new FeedbackConfigError('FEEDBACK_WEBHOOK_SECRET', parsed.problem);
    secret = parsed;
  }

  let webhook: WebhookTarget | null = null;
  if (urlText === '') {
    notices.push(`FEEDBACK_WEBHOOK_URL is not set: feedback is kept in the outbox under ${dataDir} and sent once it is set.`);
    if (secret !== null) notices.push('FEEDBACK_WEBHOOK_SECRET is set but unused because FEEDBACK_WEBHOOK_URL is not set.');
  } else {
    webhook = { url: webhookUrl(urlText), format, secret };
    notices.push(`Feedback is posted to the webhook as ${format}${secret === null ? ', unsigned' : ', signed (Standard Webhooks)'}.`);
  }

  const digestEveryMs = digestEvery(value(env, 'FEEDBACK_DIGEST_EVERY'));
  if (digestEveryMs !== null && webhook === null) {
    notices.push('FEEDBACK_DIGEST_EVERY is set: digests are queued and sent once FEEDBACK_WEBHOOK_URL is set.');
  }

  const salt = value(env, 'FEEDBACK_USER_HASH_SALT');
  if (salt !== '' && salt.length < MIN_SALT_LENGTH) {
    throw new FeedbackConfigError('FEEDBACK_USER_HASH_SALT', `must be at least ${MIN_SALT_LENGTH} characters (got ${salt.length})`);
  }

  return { dataDir, webhook, digestEveryMs, userHashSalt: salt === '' ? null : salt, notices };
}
