import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/tempDir.js';
import { TEST_SECRET, makeHarness, verifySignature, type Harness } from '../support/feedbackHarness.js';
import { startReceiver, waitFor, type Receiver } from '../support/webhookReceiver.js';

let temp: ReturnType<typeof makeTempDir>;
let receiver: Receiver;
let harnesses: Harness[] = [];

beforeEach(() => {
  temp = makeTempDir('load');
});

afterEach(async () => {
  for (const h of harnesses) await h.close();
  harnesses = [];
  await receiver.close();
  temp.remove();
});

describe('500 items from 50 conversations at once', () => {
  it('are all delivered, none twice, even with two processes sharing the outbox and a flaky receiver', async () => {
    // every 7th request fails with 503 and every 11th with 429: retries happen throughout
    receiver = await startReceiver((req) =>
      req.sequence % 7 === 0 ? { status: 503 } : req.sequence % 11 === 0 ? { status: 429, headers: { 'retry-after': '0' } } : { status: 200 },
    );
    // two services on two connections to one database file stand for two bot processes
    // 10 items per user here; the 5-per-hour limit has its own test
    const rateLimit = { max: 100, windowMs: 3_600_000 };
    harnesses = [0, 1].map(() =>
      makeHarness({ dataDir: temp.dir, url: receiver.url, secret: TEST_SECRET, rateLimit, concurrency: 8 }),
    );
    for (const h of harnesses) h.service.start();

    const submissions = Array.from({ length: 500 }, (_, i) => {
      const h = harnesses[i % 2]!;
      return h.service.submit(
        { category: 'text or call', rating: (i % 5) + 1, text: `Conversation ${i % 50}, item ${i}: texts are slow` },
        { userId: `29:user-${i % 50}`, channel: 'msteams' },
      );
    });
    const results = await Promise.all(submissions);
    const ids = results.map((r) => (r.ok ? r.id : 'refused'));
    expect(ids).not.toContain('refused');
    expect(new Set(ids).size).toBe(500);
    expect(new Set(results.map((r) => (r.ok ? r.reference : ''))).size).toBe(500);

    const outbox = harnesses[0]!.service.outbox;
    await waitFor(async () => (await outbox.status()).delivered === 500, '500 delivered', 60_000);
    const counts = receiver.acceptedCounts();
    expect(counts.size).toBe(500);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect([...counts.keys()].sort()).toEqual([...ids].sort());
    expect(receiver.requests.length).toBeGreaterThan(500); // retries did happen
    for (const request of receiver.accepted) expect(() => verifySignature(request)).not.toThrow();
    expect(await outbox.status()).toMatchObject({ pending: 0, dead: 0, delivered: 500 });
  });
});
