import { readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { spawnTs, type Child } from '../support/childProcess.js';
import { TEST_SECRET, verifySignature } from '../support/feedbackHarness.js';
import { makeTempDir } from '../support/tempDir.js';
import { startReceiver, waitFor, type Receiver } from '../support/webhookReceiver.js';

/**
 * STORAGE=azure: bot instances share one feedback outbox — records in Azure Table Storage, delivery
 * through a Storage queue (Azurite here) — so
 * an item one instance accepted is delivered by whichever instance is up, once by its id, and the
 * per-user limit and the user hash are the same on every instance. Each "instance" is a real
 * process opening the store the way the bot does (test/fixtures/feedbackProcess.ts).
 */
const FIXTURE = 'test/fixtures/feedbackProcess.ts';

let azurite: Azurite;
let receiver: Receiver;
let temp: ReturnType<typeof makeTempDir>;
let containers = 0;
let env: Record<string, string>;
const children: Child[] = [];

function queuedIds(child: Child): string[] | null {
  for (const message of child.messages) {
    if (typeof message === 'object' && message !== null && 'queued' in message && Array.isArray(message.queued)) {
      return message.queued.filter((id): id is string => typeof id === 'string');
    }
  }
  return null;
}

async function queued(child: Child): Promise<string[]> {
  await waitFor(() => queuedIds(child) !== null, 'the instance to report what it queued', 20_000);
  return queuedIds(child) ?? [];
}

function instance(extra: Record<string, string>): Child {
  const child = spawnTs(FIXTURE, { ...env, ...extra });
  children.push(child);
  return child;
}

function payloadOf(index: number): Record<string, unknown> {
  const request = receiver.accepted[index];
  if (request === undefined) throw new Error(`no request ${index}`);
  const payload: unknown = verifySignature(request);
  if (typeof payload !== 'object' || payload === null) throw new Error('payload is not an object');
  return Object.fromEntries(Object.entries(payload));
}

beforeAll(async () => {
  azurite = await startAzurite();
  receiver = await startReceiver();
}, 30_000);

afterAll(async () => {
  await receiver?.close();
  await azurite?.stop();
});

beforeEach(() => {
  temp = makeTempDir('shared-outbox');
  containers += 1;
  receiver.requests.length = 0;
  receiver.accepted.length = 0;
  receiver.behaviour = () => ({ status: 200 });
  env = {
    STORAGE: 'azure',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString(),
    AZURE_STORAGE_CONTAINER: `state-${containers}`,
    AZURE_FEEDBACK_TABLE: `feedback${containers}`,
    AZURE_FEEDBACK_QUEUE: `feedback-${containers}`,
    DATA_DIR: temp.dir,
    FEEDBACK_WEBHOOK_URL: receiver.url,
    FEEDBACK_WEBHOOK_SECRET: TEST_SECRET,
    FIXTURE_TIMEOUT_MS: '1000',
  };
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await child.exited;
  }
  temp.remove();
});

describe('STORAGE=azure: instances share one feedback outbox on a table and a queue (Azurite)', () => {
  it('items an instance accepted while the webhook was down are delivered by another after it dies, each once', { timeout: 60_000 }, async () => {
    receiver.behaviour = () => ({ status: 503 });
    const a = instance({ FIXTURE_SUBMIT: '3' });
    const ids = await queued(a);
    expect(ids).toHaveLength(3);
    await waitFor(() => new Set(receiver.requests.map((r) => r.id)).size === 3, 'A to try each item', 20_000);
    a.process.kill('SIGKILL');
    await a.exited;

    receiver.behaviour = () => ({ status: 200 });
    const b = instance({ FIXTURE_SUBMIT: '0' });
    expect(await queued(b)).toEqual([]);
    // An item A was sending when it died reappears on the queue when its lease (visibility timeout) runs out.
    await waitFor(() => receiver.accepted.length === 3, 'B to deliver what A accepted', 40_000);
    b.process.kill('SIGTERM');
    expect(await b.exited).toBe(0);

    const counts = receiver.acceptedCounts();
    expect([...counts.keys()].sort()).toEqual([...ids].sort());
    expect([...counts.values()]).toEqual([1, 1, 1]);
    expect(payloadOf(0)).toMatchObject({ type: 'feedback', category: 'enrolment' });
    // Nothing was kept on the instance's own disk: it could be replaced at any time.
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  it('an instance killed while its request to the webhook is in flight: another delivers the item once its lease runs out', { timeout: 60_000 }, async () => {
    receiver.behaviour = () => 'hang';
    const a = instance({ FIXTURE_SUBMIT: '1' });
    const [id] = await queued(a);
    await waitFor(() => receiver.requests.length >= 1, 'A to be sending the item', 20_000);
    a.process.kill('SIGKILL');
    await a.exited;
    expect(receiver.accepted).toHaveLength(0);

    receiver.behaviour = () => ({ status: 200 });
    instance({ FIXTURE_SUBMIT: '0' });
    await waitFor(() => receiver.accepted.length === 1, 'B to deliver the item A was sending', 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.accepted.map((r) => r.id)).toEqual([id]);
  });

  it('two instances accepting and delivering side by side send every item exactly once', async () => {
    receiver.behaviour = () => ({ status: 200, delayMs: 20 });
    const [a, b] = [instance({ FIXTURE_SUBMIT: '12' }), instance({ FIXTURE_SUBMIT: '12' })];
    const ids = [...(await queued(a)), ...(await queued(b))];
    expect(new Set(ids).size).toBe(24);
    await waitFor(() => receiver.accepted.length >= 24, 'all 24 delivered', 30_000);
    // Both are still running and looking at the outbox: give a second delivery the chance to happen.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const counts = receiver.acceptedCounts();
    expect(counts.size).toBe(24);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(receiver.requests).toHaveLength(24);
  });

  it('one user gets the same hash and one hourly allowance whichever instance they reach', async () => {
    const a = instance({ FIXTURE_SUBMIT: '3', FIXTURE_USER: '29:same-person' });
    expect(await queued(a)).toHaveLength(3);
    const b = instance({ FIXTURE_SUBMIT: '3', FIXTURE_USER: '29:same-person' });
    expect(await queued(b)).toHaveLength(2); // the sixth in the hour is refused, as on one instance
    await waitFor(() => receiver.accepted.length === 5, 'five delivered', 20_000);
    const hashes = new Set(receiver.accepted.map((_, i) => payloadOf(i)['userHash']));
    expect(hashes.size).toBe(1);
  });
});
