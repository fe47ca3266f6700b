import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedbackConfigError, parseFeedbackConfig } from '../../src/feedback/config.js';
import { parseDuration } from '../../src/feedback/time.js';

const SECRET = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;

describe('parseFeedbackConfig', () => {
  it('has safe defaults: ./data, no webhook (items stay queued), digest off, salt generated', () => {
    const config = parseFeedbackConfig({});
    expect(config).toMatchObject({ dataDir: resolve('./data'), webhook: null, digestEveryMs: null, userHashSalt: null });
    expect(config.notices).toEqual([
      `FEEDBACK_WEBHOOK_URL is not set: feedback is kept in the outbox under ${resolve('./data')} and sent once it is set.`,
    ]);
  });

  it('reads a full configuration', () => {
    const config = parseFeedbackConfig({
      DATA_DIR: '/var/lib/mfa',
      FEEDBACK_WEBHOOK_URL: 'https://prod-00.uksouth.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=xyz',
      FEEDBACK_WEBHOOK_FORMAT: 'teams-workflow',
      FEEDBACK_WEBHOOK_SECRET: SECRET,
      FEEDBACK_DIGEST_EVERY: '7d',
      FEEDBACK_USER_HASH_SALT: 'a-long-enough-salt',
    });
    expect(config.dataDir).toBe('/var/lib/mfa');
    expect(config.webhook?.url.hostname).toBe('prod-00.uksouth.logic.azure.com');
    expect(config.webhook?.format).toBe('teams-workflow');
    expect(config.webhook?.secret?.key).toHaveLength(32);
    expect(config.digestEveryMs).toBe(7 * 86_400_000);
    expect(config.userHashSalt).toBe('a-long-enough-salt');
    expect(config.notices.join(' ')).not.toContain('sig=xyz');
  });

  it.each([
    ['http://localhost:3978/hook'],
    ['http://127.0.0.1:9000/hook'],
    ['http://[::1]:9000/hook'],
  ])('allows plain http for %s', (url) => {
    expect(parseFeedbackConfig({ FEEDBACK_WEBHOOK_URL: url }).webhook?.url.href).toBe(new URL(url).href);
  });

  it.each<[Record<string, string>, string]>([
    [{ FEEDBACK_WEBHOOK_URL: 'http://example.org/hook' }, 'Configuration error: FEEDBACK_WEBHOOK_URL must use https (http is allowed only for localhost or 127.0.0.1)'],
    [{ FEEDBACK_WEBHOOK_URL: 'not a url?sig=secret' }, 'Configuration error: FEEDBACK_WEBHOOK_URL is not a valid absolute URL'],
    [{ FEEDBACK_WEBHOOK_URL: 'ftp://example.org/' }, 'Configuration error: FEEDBACK_WEBHOOK_URL must be an https URL (got a ftp: URL)'],
    [{ FEEDBACK_WEBHOOK_FORMAT: 'xml' }, 'Configuration error: FEEDBACK_WEBHOOK_FORMAT must be json or teams-workflow (got "xml")'],
    [{ FEEDBACK_WEBHOOK_SECRET: 'abc' }, 'Configuration error: FEEDBACK_WEBHOOK_SECRET must start with whsec_ followed by the base64 key'],
    [{ FEEDBACK_WEBHOOK_SECRET: 'whsec_!!!' }, 'Configuration error: FEEDBACK_WEBHOOK_SECRET must be whsec_ followed by valid base64'],
    [{ FEEDBACK_WEBHOOK_SECRET: 'whsec_c2hvcnQ=' }, 'Configuration error: FEEDBACK_WEBHOOK_SECRET key must be at least 24 bytes (got 5)'],
    [{ FEEDBACK_DIGEST_EVERY: 'weekly' }, 'Configuration error: FEEDBACK_DIGEST_EVERY must be a duration such as 7d, 12h or 2w, or off (got "weekly")'],
    [{ FEEDBACK_DIGEST_EVERY: '5m' }, 'Configuration error: FEEDBACK_DIGEST_EVERY must be between 1h and 90d (got "5m")'],
    [{ FEEDBACK_USER_HASH_SALT: 'short' }, 'Configuration error: FEEDBACK_USER_HASH_SALT must be at least 16 characters (got 5)'],
  ])('refuses %j with one clear line', (env, message) => {
    let error: unknown;
    try {
      parseFeedbackConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeedbackConfigError);
    expect(error).toHaveProperty('message', message);
    expect(message).not.toContain('\n');
    expect(message).not.toContain('secret?');
  });

  it('accepts off for the digest and notes a secret without URL', () => {
    const config = parseFeedbackConfig({ FEEDBACK_DIGEST_EVERY: 'off', FEEDBACK_WEBHOOK_SECRET: SECRET });
    expect(config.digestEveryMs).toBeNull();
    expect(config.notices).toContain('FEEDBACK_WEBHOOK_SECRET is set but unused because FEEDBACK_WEBHOOK_URL is not set.');
  });
});

describe('parseDuration', () => {
  it.each<[string, number | null]>([
    ['7d', 7 * 86_400_000],
    ['12h', 12 * 3_600_000],
    ['30m', 30 * 60_000],
    ['2w', 14 * 86_400_000],
    ['7 days', 7 * 86_400_000],
    [' 1 hour ', 3_600_000],
    ['7', null],
    ['d7', null],
    ['1.5h', null],
    ['', null],
  ])('%j → %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});
