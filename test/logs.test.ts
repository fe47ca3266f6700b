import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';
import { startBotProcess, type BotProcess } from './support/botProcess.js';
import { postActivity } from './support/server.js';

/** Things a user or a caller might send that must never reach the logs. */
const SECRETS = {
  password: 'Hunter2-Pa55word!',
  code: '493817',
  name: 'Zebedee Quartermaine',
  email: 'zebedee.quartermaine@nhs.net',
  bearer: 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2VuLWJvZHk.c2lnbmF0dXJlLXNlY3JldA',
  appPassword: 'AppPassword-Do-Not-Log-8841',
  accountKey: 'U3RvcmFnZUtleURvTm90TG9nLTk5MjE=',
  cardInput: 'typed-into-a-card-7731',
};

async function talk(bot: BotProcess, withToken: boolean) {
  const conversation = { id: `logs-${withToken ? 'auth' : 'local'}` };
  const from = { id: 'user-logs', name: SECRETS.name };
  const auth: Record<string, string> = withToken ? { authorization: `Bearer ${SECRETS.bearer}` } : {};
  const statuses: number[] = [];
  const say = async (activity: Record<string, unknown>, headers: Record<string, string> = auth) => statuses.push((await postActivity(bot.url, { conversation, from, ...activity }, headers)).status);
  await say({ type: 'message', text: `my password is ${SECRETS.password}` });
  await say({ type: 'message', text: `the code is ${SECRETS.code}, email me at ${SECRETS.email}` });
  await say({ type: 'message', value: { action: 'flow', flow: 'x', at: 'y', choice: 'next', password: SECRETS.password, note: SECRETS.cardInput } });
  await say({ type: 'invoke', name: 'application/search', value: SECRETS.cardInput });
  // Bad requests are logged too: make sure their content is not.
  const bad = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: `{"type":"message","text":"${SECRETS.password}"` });
  statuses.push(bad.status);
  const notActivity = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ type: 'message', text: SECRETS.password, from: SECRETS.email }) });
  statuses.push(notActivity.status);
  // Over the conversation's rate limit.
  for (let i = 0; i < 4; i++) await say({ type: 'message', text: `${SECRETS.code} again` });
  return statuses;
}

function checkLogs(output: string): Record<string, unknown>[] {
  for (const secret of Object.values(SECRETS)) expect(output).not.toContain(secret);
  const lines = output.split('\n').filter((l) => l.startsWith('{'));
  const entries = lines.map((l): Record<string, unknown> => {
    const v: unknown = JSON.parse(l);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`not a JSON object: ${l}`);
    return Object.fromEntries(Object.entries(v));
  });
  for (const e of entries) {
    expect(typeof e.level).toBe('number');
    expect(typeof e.time).toBe('number');
    expect(e.service).toBe('mfa-assistant');
  }
  // Anything else the process printed is Node's own one-line warnings, not logs of ours.
  const other = output.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'));
  for (const l of other) expect(l).toMatch(/DeprecationWarning|--trace-deprecation/);
  return entries;
}

describe('logs: structured JSON, and nothing a user typed, no tokens, no secrets', () => {
  it('local mode with blob storage that is down: messages, card data, bad bodies, storage errors, rate limits', async () => {
    const bot = await startBotProcess({
      LOG_LEVEL: 'trace',
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${SECRETS.accountKey};BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;`,
      STORAGE_TIMEOUT_MS: '300',
      RATE_LIMIT_PER_CONVERSATION: '6',
    });
    try {
      const statuses = await talk(bot, false);
      expect(statuses).toContain(200);
      expect(statuses).toContain(400);
      await bot.waitForOutput('"scope":"conversation"');
    } finally {
      await bot.stop();
    }
    const events = new Set(checkLogs(bot.output()).map((e) => e.event));
    // The logs were written while all that went through: these paths really ran.
    for (const event of ['matcher_ready', 'started', 'turn', 'request_rejected', 'storage_unavailable', 'turn_error', 'rate_limited', 'stopping', 'stopped']) expect(events).toContain(event);
  });

  it('with credentials: a bearer token and the app password never appear', async () => {
    const bot = await startBotProcess({ LOG_LEVEL: 'trace', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: SECRETS.appPassword });
    try {
      const statuses = await talk(bot, true);
      expect(statuses).toContain(401);
    } finally {
      await bot.stop();
    }
    const entries = checkLogs(bot.output());
    expect(entries.some((e) => e.event === 'request_rejected' && e.status === 401)).toBe(true);
  });

  it('the redaction list catches fields a careless log call might pass', () => {
    let written = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info({ text: SECRETS.password, activity: { text: SECRETS.code, value: SECRETS.cardInput }, headers: { authorization: `Bearer ${SECRETS.bearer}` }, config: { connectionString: SECRETS.accountKey, appPassword: SECRETS.appPassword }, value: SECRETS.cardInput }, 'careless');
    for (const secret of Object.values(SECRETS)) expect(written).not.toContain(secret);
    expect(written).toContain('[redacted]');
  });
});
