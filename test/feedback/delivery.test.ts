import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/tempDir.js';
import { FAST_RETRY, TEST_SECRET, draft, makeHarness, verifySignature, type Harness } from '../support/feedbackHarness.js';
import { freePort, startReceiver, waitFor, type Receiver } from '../support/webhookReceiver.js';

let temp: ReturnType<typeof makeTempDir>;
let receiver: Receiver | null;
const harnesses: Harness[] = [];

function harness(options: Parameters<typeof makeHarness>[0]): Harness {
  const h = makeHarness(options);
  harnesses.push(h);
  return h;
}

beforeEach(() => {
  temp = makeTempDir('delivery');
  receiver = null;
});

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  await receiver?.close();
  temp.remove();
});

async function submitMany(h: Harness, count: number, users = count): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const result = await h.service.submit(draft(`Item ${i}: the code arrived late`), { userId: `user-${i % users}`, channel: 'msteams' });
    if (!result.ok) throw new Error('submit refused');
    ids.push(result.id);
  }
  return ids;
}

function expectExactlyOnce(r: Receiver, ids: readonly string[]): void {
  const counts = r.acceptedCounts();
  expect([...counts.keys()].sort()).toEqual([...ids].sort());
  for (const id of ids) expect(counts.get(id)).toBe(1);
  // nothing is sent again once delivered
  for (const id of ids) {
    const firstAccepted = r.accepted.find((a) => a.id === id);
    expect(r.requests.filter((q) => q.id === id && q.sequence > (firstAccepted?.sequence ?? 0))).toEqual([]);
  }
}

describe('delivery to a real webhook receiver', () => {
  it('retries 5xx until accepted: every item arrives exactly once, signed', async () => {
    receiver = await startReceiver((req) => (req.sequence <= 4 ? { status: 503 } : { status: 200 }));
    const h = harness({ dataDir: temp.dir, url: receiver.url, secret: TEST_SECRET });
    h.service.start();
    const ids = await submitMany(h, 5);
    const r = receiver;
    await waitFor(async () => r.accepted.length === 5 && (await h.service.outbox.status()).pending === 0, 'all delivered');
    expectExactlyOnce(r, ids);
    for (const request of r.requests) expect(() => verifySignature(request)).not.toThrow();
    expect(r.requests.length).toBeGreaterThan(5);
    const retried = r.requests.filter((q) => q.attemptForId > 1).map((q) => q.id);
    expect(retried.length).toBeGreaterThan(0);
    // the retry carries the same webhook-id and the same body
    for (const id of retried) {
      const bodies = new Set(r.requests.filter((q) => q.id === id).map((q) => q.body));
      expect(bodies.size).toBe(1);
    }
    expect((await h.service.outbox.status())).toMatchObject({ pending: 0, delivered: 5, dead: 0 });
  });

  it('honours Retry-After on 429', async () => {
    receiver = await startReceiver((req) => (req.attemptForId === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 }));
    const h = harness({ dataDir: temp.dir, url: receiver.url, secret: TEST_SECRET });
    h.service.start();
    const [id] = await submitMany(h, 1);
    const r = receiver;
    await waitFor(() => r.requests.length === 1, 'first attempt');
    await waitFor(async () => (await h.service.outbox.get(id ?? ''))?.attempts === 1, 'attempt recorded');
    const entry = (await h.service.outbox.get(id ?? ''));
    expect(entry?.lastError).toBe('HTTP 429');
    expect(entry?.status).toBe('pending');
    expect((entry?.nextAttemptAt ?? 0) - (r.requests[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(950);
    await waitFor(() => r.accepted.length === 1, 'delivery after Retry-After');
    expectExactlyOnce(r, [id ?? '']);
    expect(() => verifySignature(r.accepted[0]!)).not.toThrow();
  });

  it('treats a receiver that hangs as a timeout and retries', async () => {
    receiver = await startReceiver((req) => (req.attemptForId === 1 ? 'hang' : { status: 202 }));
    const h = harness({ dataDir: temp.dir, url: receiver.url, secret: TEST_SECRET, retry: { ...FAST_RETRY, timeoutMs: 300 } });
    h.service.start();
    const ids = await submitMany(h, 3);
    const r = receiver;
    await waitFor(async () => r.accepted.length === 3 && (await h.service.outbox.status()).delivered === 3, 'delivered after timeouts');
    expectExactlyOnce(r, ids);
    expect(r.requests.filter((q) => q.attemptForId === 1)).toHaveLength(3);
    expect((await h.service.outbox.status()).delivered).toBe(3);
  });

  it('retries a refused connection until the receiver comes up', async () => {
    const port = await freePort();
    const h = harness({ dataDir: temp.dir, url: `http://127.0.0.1:${port}/hook`, secret: TEST_SECRET });
    h.service.start();
    const ids = await submitMany(h, 2);
    await waitFor(async () => (await Promise.all(ids.map((id) => h.service.outbox.get(id)))).every((e) => (e?.attempts ?? 0) >= 2), 'refused attempts');
    expect((await h.service.outbox.get(ids[0] ?? ''))?.lastError).toMatch(/ECONNREFUSED/);
    receiver = await startReceiver(() => ({ status: 200 }), port);
    const r = receiver;
    await waitFor(() => r.accepted.length === 2, 'delivered once the receiver is up');
    expectExactlyOnce(r, ids);
  });

  it('dead-letters on 400 with the reason, and retry-dead sends it again', async () => {
    receiver = await startReceiver(() => ({ status: 400 }));
    const h = harness({ dataDir: temp.dir, url: receiver.url, secret: TEST_SECRET });
    h.service.start();
    const [id] = await submitMany(h, 1);
    await waitFor(async () => (await h.service.outbox.status()).dead === 1, 'dead letter');
    const status = (await h.service.outbox.status());
    expect(status.deadLetters[0]).toMatchObject({ id, reason: 'HTTP 400: the webhook refused the message', attempts: 1 });
    expect(receiver.requests).toHaveLength(1); // a 400 is not retried

    receiver.behaviour = () => ({ status: 200 });
    expect((await h.service.outbox.retryDead())).toEqual([id]);
    h.service.deliverer.nudge();
    const r = receiver;
    // The receiver counts the request before the deliverer has read its answer: wait for both.
    await waitFor(async () => r.accepted.length === 1 && (await h.service.outbox.status()).delivered === 1, 'delivered after retry-dead');
    expect((await h.service.outbox.status())).toMatchObject({ pending: 0, delivered: 1, dead: 0 });
  });

  it('dead-letters a redirect instead of following it', async () => {
    receiver = await startReceiver(() => ({ status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } }));
    const h = harness({ dataDir: temp.dir, url: receiver.url });
    h.service.start();
    await submitMany(h, 1);
    await waitFor(async () => (await h.service.outbox.status()).dead === 1, 'dead letter');
    expect((await h.service.outbox.status()).deadLetters[0]?.reason).toMatch(/HTTP 302: redirects are not followed/);
  });

  it('gives up after the retry window and says why', async () => {
    receiver = await startReceiver(() => ({ status: 500 }));
    const h = harness({ dataDir: temp.dir, url: receiver.url, retry: { ...FAST_RETRY, giveUpAfterMs: 300 } });
    h.service.start();
    await submitMany(h, 1);
    await waitFor(async () => (await h.service.outbox.status()).dead === 1, 'given up');
    expect((await h.service.outbox.status()).deadLetters[0]?.reason).toMatch(/^gave up after \d+ seconds of retries; last error: HTTP 500$/);
    expect(receiver.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('without a secret still sends webhook-id, and no signature', async () => {
    receiver = await startReceiver();
    const h = harness({ dataDir: temp.dir, url: receiver.url });
    h.service.start();
    const [id] = await submitMany(h, 1);
    const r = receiver;
    await waitFor(() => r.accepted.length === 1, 'delivered');
    expect(r.accepted[0]?.headers['webhook-id']).toBe(id);
    expect(r.accepted[0]?.headers['webhook-signature']).toBeUndefined();
  });

  it('without a webhook URL keeps items queued, and a later start with one delivers them', async () => {
    const quiet = harness({ dataDir: temp.dir });
    quiet.service.start();
    const ids = await submitMany(quiet, 2);
    expect((await quiet.service.outbox.status())).toMatchObject({ pending: 2, delivered: 0 });
    await quiet.close();
    harnesses.splice(harnesses.indexOf(quiet), 1);

    receiver = await startReceiver();
    const h = harness({ dataDir: temp.dir, url: receiver.url, secret: TEST_SECRET });
    h.service.start();
    const r = receiver;
    await waitFor(() => r.accepted.length === 2, 'delivered after restart');
    expectExactlyOnce(r, ids);
  });

  it('stop() flushes what is in flight before its deadline', async () => {
    receiver = await startReceiver(() => ({ status: 200 }));
    const slow = receiver;
    const h = harness({ dataDir: temp.dir, url: receiver.url, post: async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { postWithNode } = await import('../../src/feedback/httpPost.js');
      return postWithNode(request);
    } });
    h.service.start();
    const ids = await submitMany(h, 2);
    await h.service.stop({ deadlineMs: 5_000 });
    expect((await h.service.outbox.status())).toMatchObject({ pending: 0, delivered: 2 });
    expectExactlyOnce(slow, ids);
  });

  it('stop() interrupts a hung request at its deadline; the item stays pending and goes out after restart', async () => {
    receiver = await startReceiver((req) => (req.sequence === 1 ? 'hang' : { status: 200 }));
    const first = harness({ dataDir: temp.dir, url: receiver.url, retry: { ...FAST_RETRY, timeoutMs: 10_000 } });
    first.service.start();
    const [id] = await submitMany(first, 1);
    const r = receiver;
    await waitFor(() => r.requests.length === 1, 'request in flight');
    await first.service.stop({ deadlineMs: 200 });
    expect((await first.service.outbox.get(id ?? ''))).toMatchObject({ status: 'pending', attempts: 0, lastError: 'interrupted by shutdown' });
    // after stop, new items are stored but not sent by the stopped service
    const late = await first.service.submit(draft('Sent while shutting down'), { userId: 'late', channel: 'msteams' });
    expect(late.ok).toBe(true);
    await first.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    const second = harness({ dataDir: temp.dir, url: r.url });
    second.service.start();
    await waitFor(() => r.accepted.length === 2, 'delivered after restart');
    expect(r.acceptedCounts().get(id ?? '')).toBe(1);
  });
});
