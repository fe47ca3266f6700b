import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteOutbox } from '../../src/feedback/outbox.js';
import { openDatabase } from '../../src/storage/database.js';
import { spawnTs, type Child } from '../support/childProcess.js';
import { TEST_SECRET, verifySignature } from '../support/feedbackHarness.js';
import { makeTempDir } from '../support/tempDir.js';
import { startReceiver, waitFor, type Receiver } from '../support/webhookReceiver.js';

const FIXTURE = 'test/fixtures/feedbackProcess.ts';

let temp: ReturnType<typeof makeTempDir>;
let receiver: Receiver;
const children: Child[] = [];

function queuedIds(child: Child): string[] {
  for (const message of child.messages) {
    if (typeof message === 'object' && message !== null && 'queued' in message && Array.isArray(message.queued)) {
      return message.queued.filter((id): id is string => typeof id === 'string');
    }
  }
  return [];
}

function start(env: Record<string, string>): Child {
  const child = spawnTs(FIXTURE, {
    DATA_DIR: temp.dir,
    FEEDBACK_WEBHOOK_URL: receiver.url,
    FEEDBACK_WEBHOOK_SECRET: TEST_SECRET,
    FEEDBACK_USER_HASH_SALT: 'crash-test-salt-0123456789',
    ...env,
  });
  children.push(child);
  return child;
}

beforeEach(() => {
  temp = makeTempDir('crash');
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await child.exited;
  }
  await receiver.close();
  temp.remove();
});

describe('the bot process is killed', () => {
  it('SIGKILL after an item is confirmed and while it is being sent: after restart it is delivered, once', async () => {
    receiver = await startReceiver(() => 'hang'); // the webhook is slow: the item is in flight when the process dies
    const first = start({ FIXTURE_SUBMIT: '1', FIXTURE_TIMEOUT_MS: '500' });
    await waitFor(() => queuedIds(first).length === 1, 'item confirmed', 20_000);
    const [id] = queuedIds(first);
    await waitFor(() => receiver.requests.length >= 1, 'delivery attempt in flight', 20_000);
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect(receiver.accepted).toHaveLength(0);

    receiver.behaviour = () => ({ status: 200 });
    const second = start({ FIXTURE_SUBMIT: '0', FIXTURE_TIMEOUT_MS: '500' });
    await waitFor(() => receiver.accepted.length === 1, 'delivered after restart', 20_000);
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    expect(receiver.accepted[0]?.id).toBe(id);
    expect(receiver.acceptedCounts().get(id ?? '')).toBe(1);
    const payload = verifySignature(receiver.accepted[0]!);
    expect(payload).toMatchObject({ type: 'feedback', id, category: 'enrolment' });
    expect(JSON.stringify(payload)).not.toContain('123456');

    const db = openDatabase({ dataDir: temp.dir });
    try {
      const outbox = new SqliteOutbox(db, { clock: { now: () => Date.now() }, randomBytes: (n) => new Uint8Array(n) });
      expect(await outbox.status()).toMatchObject({ pending: 0, delivered: 1, dead: 0 });
    } finally {
      db.close();
    }
  });

  it('SIGKILL before any attempt (webhook down): after restart every item is delivered, once', async () => {
    receiver = await startReceiver(() => ({ status: 503 }));
    const first = start({ FIXTURE_SUBMIT: '5', FIXTURE_TIMEOUT_MS: '500' });
    await waitFor(() => queuedIds(first).length === 5, 'items confirmed', 20_000);
    const ids = queuedIds(first);
    first.process.kill('SIGKILL');
    await first.exited;
    expect(receiver.accepted).toHaveLength(0);

    receiver.behaviour = () => ({ status: 200 });
    const second = start({ FIXTURE_SUBMIT: '0' });
    await waitFor(() => receiver.accepted.length === 5, 'delivered after restart', 20_000);
    second.process.kill('SIGTERM');
    await second.exited;
    const counts = receiver.acceptedCounts();
    expect([...counts.keys()].sort()).toEqual([...ids].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('SIGTERM flushes an item whose delivery is under way, then exits cleanly', async () => {
    receiver = await startReceiver(() => ({ status: 200, delayMs: 700 })); // slow webhook: in flight at SIGTERM
    const child = start({ FIXTURE_SUBMIT: '1' });
    await waitFor(() => queuedIds(child).length === 1 && receiver.requests.length === 1, 'delivery under way', 20_000);
    expect(receiver.accepted).toHaveLength(0);
    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    expect(receiver.acceptedCounts().get(queuedIds(child)[0] ?? '')).toBe(1);
    const db = openDatabase({ dataDir: temp.dir });
    try {
      const outbox = new SqliteOutbox(db, { clock: { now: () => Date.now() }, randomBytes: (n) => new Uint8Array(n) });
      expect(await outbox.status()).toMatchObject({ pending: 0, delivered: 1 });
    } finally {
      db.close();
    }
  });
});
