import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAzureFeedbackStore } from '../../src/feedback/azure/outbox.js';
import { defaultRandomBytes } from '../../src/feedback/ids.js';
import { systemClock } from '../../src/feedback/time.js';
import { startAzurite } from '../support/azurite.js';
import { runTs } from '../support/childProcess.js';
import { TEST_SECRET, makeHarness, verifySignature } from '../support/feedbackHarness.js';
import { makeTempDir } from '../support/tempDir.js';
import { startReceiver, waitFor, type Receiver } from '../support/webhookReceiver.js';

const CLI = 'src/feedback/cli.ts';

let temp: ReturnType<typeof makeTempDir>;
let receiver: Receiver;

beforeEach(async () => {
  temp = makeTempDir('cli');
  receiver = await startReceiver();
});

afterEach(async () => {
  await receiver.close();
  temp.remove();
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { DATA_DIR: temp.dir, FEEDBACK_USER_HASH_SALT: 'test-salt-0123456789', ...extra };
}

/** Two items: one dead-lettered by a 400, one left pending (no webhook), one unanswered question. */
async function seed(): Promise<{ deadId: string; pendingId: string }> {
  receiver.behaviour = () => ({ status: 400 });
  const online = makeHarness({ dataDir: temp.dir, url: receiver.url, secret: TEST_SECRET });
  online.service.start();
  const dead = await online.service.submit(
    { category: 'text or call', rating: 2, text: 'Texts arrive late when the signal is weak' },
    { userId: 'a', channel: 'msteams' },
  );
  await waitFor(async () => (await online.service.outbox.status()).dead === 1, 'dead letter');
  await online.close();
  const offline = makeHarness({ dataDir: temp.dir });
  const pending = await offline.service.submit(
    { category: 'authenticator app', rating: 4, text: 'The phone clock was wrong, once fixed the codes worked' },
    { userId: 'b', channel: 'msteams' },
  );
  await offline.service.recordUnanswered('Does it work on a smartwatch?');
  await offline.close();
  if (!dead.ok || !pending.ok) throw new Error('seed refused');
  return { deadId: dead.id, pendingId: pending.id };
}

describe('npm run feedback', () => {
  it('status shows pending, delivered and dead counts, the oldest pending age and dead letters', async () => {
    const { deadId } = await seed();
    const { code, stdout } = await runTs(CLI, env(), ['status']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/pending: {3}1 \(oldest queued less than a minute ago; due now\)/);
    expect(stdout).toContain('delivered: 0 (of those queued in the last 7d)');
    expect(stdout).toContain('dead:      1');
    expect(stdout).toContain(`${deadId}`);
    expect(stdout).toContain('HTTP 400: the webhook refused the message');
    expect(stdout).toContain('Webhook: not configured');

    const json = await runTs(CLI, env(), ['status', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ pending: 1, delivered: 0, dead: 1, webhookConfigured: false });
  });

  it('retry-dead re-queues dead letters and sends them', async () => {
    const { deadId, pendingId } = await seed();
    receiver.behaviour = () => ({ status: 200 });
    const { code, stdout } = await runTs(CLI, env({ FEEDBACK_WEBHOOK_URL: receiver.url, FEEDBACK_WEBHOOK_SECRET: TEST_SECRET }), ['retry-dead']);
    expect(code).toBe(0);
    expect(stdout).toContain('Re-queued 1 dead letter.');
    expect(stdout).toContain('Delivered 1; dead again 0; still queued 0.');
    expect(receiver.acceptedCounts().get(deadId)).toBe(1);
    expect(receiver.acceptedCounts().has(pendingId)).toBe(false); // only what was re-queued
    const after = await runTs(CLI, env(), ['status', '--json']);
    expect(JSON.parse(after.stdout)).toMatchObject({ pending: 1, delivered: 1, dead: 0 });
  });

  it('digest prints the collation; --post sends it signed to the webhook', async () => {
    await seed();
    const printed = await runTs(CLI, env(), ['digest', '--since', '1d']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('2 items of feedback.');
    expect(printed.stdout).toContain('Average rating 3 out of 5');
    expect(printed.stdout).toContain('  text or call: 1 (average 2)');
    expect(printed.stdout).toContain('  1× Does it work on a smartwatch?');
    expect(receiver.requests).toHaveLength(1); // only the 400 from seeding

    receiver.behaviour = () => ({ status: 200 });
    const posted = await runTs(CLI, env({ FEEDBACK_WEBHOOK_URL: receiver.url, FEEDBACK_WEBHOOK_SECRET: TEST_SECRET }), ['digest', '--post']);
    expect(posted.code).toBe(0);
    expect(posted.stdout).toMatch(/Posted to the webhook \(dg_[0-9a-z]+\)\./);
    const request = receiver.accepted.find((r) => r.id.startsWith('dg_'));
    expect(request).toBeDefined();
    expect(verifySignature(request!)).toMatchObject({ type: 'digest', total: 2, unanswered: [{ text: 'Does it work on a smartwatch?', count: 1 }] });
    expect(receiver.accepted.filter((r) => r.id.startsWith('fb_'))).toHaveLength(0); // digest only
  });

  it('explains bad usage and bad configuration in one line', async () => {
    const bad = await runTs(CLI, env(), ['digest', '--since', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('--since must be a duration such as 7d, 12h or 2w (got "lots")');
    const config = await runTs(CLI, env({ FEEDBACK_WEBHOOK_URL: 'http://example.org/x' }), ['status']);
    expect(config.code).toBe(2);
    expect(config.stderr.trim()).toBe(
      'Configuration error: FEEDBACK_WEBHOOK_URL must use https (http is allowed only for localhost or 127.0.0.1)',
    );
    const post = await runTs(CLI, env(), ['digest', '--post']);
    expect(post.code).toBe(1);
    expect(post.stderr).toContain('Cannot post: FEEDBACK_WEBHOOK_URL is not set.');
  });

  it('with STORAGE=azure it works on the table and queue every instance uses', async () => {
    const azurite = await startAzurite();
    try {
      const names = { table: 'clifeedback', queue: 'cli-feedback' };
      const store = createAzureFeedbackStore({ connectionString: azurite.connectionString(), ...names, clock: systemClock, randomBytes: defaultRandomBytes });
      await store.outbox.enqueueFeedback({ category: 'FIDO2', rating: 5, text: 'The key worked first time', removed: [], role: null, contact: null, channel: 'msteams', userHash: 'h1' });
      await store.unanswered.add('can i use a smartwatch', 'Can I use a smartwatch?', Date.now());
      const azure = env({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString(), AZURE_FEEDBACK_TABLE: names.table, AZURE_FEEDBACK_QUEUE: names.queue });
      const status = await runTs(CLI, azure, ['status']);
      expect(status.code).toBe(0);
      expect(status.stdout).toContain(`Feedback outbox: http://127.0.0.1:${azurite.tablePort}/devstoreaccount1/clifeedback and http://127.0.0.1:${azurite.queuePort}/devstoreaccount1/cli-feedback`);
      expect(status.stdout).toContain('pending:   1');
      expect(status.stdout).not.toContain('AccountKey');
      const digest = await runTs(CLI, azure, ['digest', '--since', '1d']);
      expect(digest.stdout).toContain('1 item of feedback.');
      expect(digest.stdout).toContain('  1× Can I use a smartwatch?');
    } finally {
      await azurite.stop();
    }
  }, 40_000);
});
