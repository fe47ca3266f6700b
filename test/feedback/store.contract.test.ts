import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackAccount, tableMeta } from '../../src/feedback/azure/account.js';
import { createAzureFeedbackStore } from '../../src/feedback/azure/outbox.js';
import { idempotencyKey, REFERENCE_PATTERN } from '../../src/feedback/ids.js';
import { createSqliteFeedbackStore } from '../../src/feedback/sqliteStore.js';
import { readOrCreate, type FeedbackStore, type NewFeedback } from '../../src/feedback/store.js';
import { openDatabase } from '../../src/storage/database.js';
import { useAzurite } from '../support/azurite.js';
import { makeTempDir } from '../support/tempDir.js';

/**
 * One behaviour, two stores: the embedded SQLite database and Azure Table Storage with a Storage
 * queue (on Azurite).
 * Whatever the deliverer, the digest and the dialogs rely on must hold for both.
 */
const START = Date.UTC(2030, 0, 6, 9);
const HOUR = 3_600_000;

interface Made {
  readonly store: FeedbackStore;
  /** A second handle on the same data, as another instance (or the CLI) would have. */
  readonly other: FeedbackStore;
  readonly clock: { now: () => number };
  advance(ms: number): void;
}

const azurite = useAzurite({ beforeAll, afterAll });
let containers = 0;
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function clockAt(start: number) {
  let now = start;
  return { clock: { now: () => now }, advance: (ms: number) => void (now += ms) };
}

const stores: [string, () => Made][] = [
  [
    'SQLite',
    () => {
      const temp = makeTempDir('store-contract');
      const [db, db2] = [openDatabase({ dataDir: temp.dir }), openDatabase({ dataDir: temp.dir })];
      cleanups.push(() => {
        db.close();
        db2.close();
        temp.remove();
      });
      const { clock, advance } = clockAt(START);
      const options = { clock, randomBytes: (n: number) => new Uint8Array(randomBytes(n)) };
      return { store: createSqliteFeedbackStore(db, options), other: createSqliteFeedbackStore(db2, options), clock, advance };
    },
  ],
  [
    'Azure tables and queue',
    () => {
      containers += 1;
      const { clock, advance } = clockAt(START);
      // This clock is not the queue's: a message is never hidden past its row's next look (hideAtMostMs 0).
      const options = { ...azureNames(), clock, randomBytes: (n: number) => new Uint8Array(randomBytes(n)), hideAtMostMs: 0 };
      return { store: createAzureFeedbackStore(options), other: createAzureFeedbackStore(options), clock, advance };
    },
  ],
];

function azureNames() {
  return { connectionString: azurite().connectionString(), table: `contract${containers}`, queue: `contract-${containers}` };
}

function fields(userHash: string, text = 'The code was refused until I fixed the phone clock.'): NewFeedback {
  return { category: 'authenticator app', rating: 3, text, removed: [], role: 'pharmacist', contact: null, channel: 'msteams', userHash };
}

async function enqueue(store: FeedbackStore, userHash: string, text?: string): Promise<string> {
  const result = await store.outbox.enqueueFeedback(fields(userHash, text));
  if (!result.ok) throw new Error('refused');
  return result.item.id;
}

describe.each(stores)('the feedback store: %s', (_name, make) => {
  it('keeps an item as pending with a readable reference, and counts it', async () => {
    const { store } = make();
    const result = await store.outbox.enqueueFeedback(fields('u1'));
    if (!result.ok) throw new Error('refused');
    expect(result.item.reference).toMatch(REFERENCE_PATTERN);
    expect(result.item.createdAt).toBe(new Date(START).toISOString());
    expect(await store.outbox.get(result.item.id)).toMatchObject({ id: result.item.id, kind: 'feedback', status: 'pending', attempts: 0, nextAttemptAt: START });
    expect(await store.outbox.get('fb_missing')).toBeNull();
    expect(await store.outbox.status()).toEqual({ pending: 1, delivered: 0, deliveredSince: START - 7 * 24 * HOUR, dead: 0, oldestPendingAt: START, nextAttemptAt: START, deadLetters: [] });
  });

  it('takes 5 items per user an hour, on every handle; the 6th is told when it may send again', async () => {
    const { store, other, advance } = make();
    for (let i = 0; i < 5; i += 1) {
      await enqueue(i % 2 === 0 ? store : other, 'busy');
      advance(60_000);
    }
    const sixth = await other.outbox.enqueueFeedback(fields('busy'));
    expect(sixth).toEqual({ ok: false, reason: 'rate-limited', retryAfterMs: HOUR - 5 * 60_000 });
    expect(await store.outbox.rateLimitWait('busy')).toBe(HOUR - 5 * 60_000);
    expect(await store.outbox.rateLimitWait('someone-else')).toBeNull();
    advance(HOUR - 5 * 60_000 + 1);
    expect(await store.outbox.rateLimitWait('busy')).toBeNull();
    expect((await store.outbox.enqueueFeedback(fields('busy'))).ok).toBe(true);
  });

  it('one item per key and user: a repeat returns it and counts nothing, even when both arrive at once', async () => {
    const { store, other } = make();
    const first = await store.outbox.enqueueFeedback(fields('twice'), undefined, 'flow-1');
    const again = await other.outbox.enqueueFeedback(fields('twice', 'Edited before the second press.'), undefined, 'flow-1');
    if (!first.ok || !again.ok) throw new Error('refused');
    expect(first.repeated).toBe(false);
    expect(again).toEqual({ ok: true, item: first.item, repeated: true });
    // Two presses at the same moment, on two instances: one item between them.
    const racing = await Promise.all([store.outbox.enqueueFeedback(fields('twice'), undefined, 'flow-2'), other.outbox.enqueueFeedback(fields('twice'), undefined, 'flow-2')]);
    const ids = racing.map((r) => (r.ok ? r.item.id : 'refused'));
    expect(ids[0]).toBe(ids[1]);
    expect(racing.map((r) => r.ok && r.repeated).sort()).toEqual([false, true]);
    // The same key from someone else is their own conversation.
    const theirs = await store.outbox.enqueueFeedback(fields('someone-else'), undefined, 'flow-1');
    expect(theirs.ok && theirs.item.id !== first.item.id).toBe(true);
    expect((await store.outbox.feedbackBetween(START, START + HOUR)).map((i) => i.userHash).sort()).toEqual(['someone-else', 'twice', 'twice']);
    expect(await store.outbox.status()).toMatchObject({ pending: 3 });
    // Only two of the user's five an hour are spent.
    for (let i = 0; i < 3; i += 1) expect((await store.outbox.enqueueFeedback(fields('twice'), undefined, `more-${i}`)).ok).toBe(true);
    expect((await store.outbox.enqueueFeedback(fields('twice'), undefined, 'one-too-many')).ok).toBe(false);
    // A refused key is not kept: once the hour has passed, the same conversation may send.
    expect(await store.outbox.rateLimitWait('twice')).not.toBeNull();
  });

  it('counts delivered messages of the period asked for', async () => {
    const { store, advance } = make();
    const old = await enqueue(store, 'old');
    advance(10 * 24 * HOUR);
    const recent = await enqueue(store, 'recent');
    for (const entry of await store.outbox.claimDue(5, 20_000, [old, recent])) await store.outbox.markDelivered(entry);
    expect(await store.outbox.status()).toMatchObject({ pending: 0, delivered: 1, deliveredSince: START + 3 * 24 * HOUR });
    expect(await store.outbox.status(START)).toMatchObject({ delivered: 2, deliveredSince: START });
  });

  it('gives every item its own reference', async () => {
    const { store } = make();
    const references = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      const result = await store.outbox.enqueueFeedback(fields(`user-${i}`));
      if (result.ok) references.add(result.item.reference);
    }
    expect(references.size).toBe(20);
  });

  it('stores another message once by its id, even after it was delivered or dead-lettered', async () => {
    const { store, other } = make();
    expect(await store.outbox.enqueueOther('dg_one', 'digest', { n: 1 })).toBe(true);
    expect(await other.outbox.enqueueOther('dg_one', 'digest', { n: 2 })).toBe(false);
    const [claimed] = await store.outbox.claimDue(1, 10_000);
    if (claimed === undefined) throw new Error('not claimed');
    expect(claimed.body).toEqual({ n: 1 });
    await store.outbox.markDelivered(claimed);
    expect(await store.outbox.enqueueOther('dg_one', 'digest', { n: 3 })).toBe(false);
    expect(await store.outbox.enqueueOther('dg_two', 'digest', {})).toBe(true);
    const [two] = await store.outbox.claimDue(1, 10_000);
    if (two === undefined) throw new Error('not claimed');
    await store.outbox.markDead(two, 'HTTP 400');
    expect(await store.outbox.enqueueOther('dg_two', 'digest', {})).toBe(false);
  });

  it('claims only what is due, up to the limit, only the ids asked for, oldest first', async () => {
    const { store, advance } = make();
    const first = await enqueue(store, 'a');
    advance(1000);
    const second = await enqueue(store, 'b');
    advance(1000);
    const third = await enqueue(store, 'c');
    expect((await store.outbox.claimDue(1, 20_000)).map((e) => e.id)).toEqual([first]);
    expect((await store.outbox.claimDue(5, 20_000, [third])).map((e) => e.id)).toEqual([third]);
    expect((await store.outbox.claimDue(5, 20_000)).map((e) => e.id)).toEqual([second]);
    expect(await store.outbox.claimDue(5, 20_000)).toEqual([]);
    expect(await store.outbox.claimDue(0, 20_000)).toEqual([]);
  });

  it('two handles claiming at the same moment never get the same message', async () => {
    const { store, other } = make();
    const ids = new Set<string>();
    for (let i = 0; i < 8; i += 1) ids.add(await enqueue(store, `racer-${i}`));
    const [mine, theirs] = await Promise.all([store.outbox.claimDue(8, 20_000), other.outbox.claimDue(8, 20_000)]);
    const claimed = [...mine, ...theirs].map((e) => e.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(new Set(claimed)).toEqual(ids);
  });

  it('a retry moves the due time and counts the attempt (not when cut short by shutdown)', async () => {
    const { store, advance } = make();
    const id = await enqueue(store, 'r');
    const [claimed] = await store.outbox.claimDue(1, 20_000);
    if (claimed === undefined) throw new Error('not claimed');
    await store.outbox.markRetry(claimed, START + 60_000, 'HTTP 503');
    expect(await store.outbox.get(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503', nextAttemptAt: START + 60_000 });
    expect(await store.outbox.nextDueAt()).toBe(START + 60_000);
    expect(await store.outbox.claimDue(1, 20_000)).toEqual([]);
    advance(60_000);
    const [again] = await store.outbox.claimDue(1, 20_000);
    if (again === undefined) throw new Error('not claimed again');
    expect(again.attempts).toBe(1);
    await store.outbox.markRetry(again, START + 60_000, 'interrupted by shutdown', false);
    expect(await store.outbox.get(id)).toMatchObject({ attempts: 1, lastError: 'interrupted by shutdown' });
  });

  it('a delivered message is never claimed again; a dead one is listed with its reason until retried', async () => {
    const { store, other, advance } = make();
    const delivered = await enqueue(store, 'd1');
    const dead = await enqueue(store, 'd2');
    for (const entry of await store.outbox.claimDue(2, 20_000)) {
      if (entry.id === delivered) await store.outbox.markDelivered(entry);
      else await store.outbox.markDead(entry, 'HTTP 400: the webhook refused the message');
    }
    advance(HOUR);
    expect(await other.outbox.claimDue(5, 20_000)).toEqual([]);
    expect(await store.outbox.nextDueAt()).toBeNull();
    const status = await other.outbox.status();
    expect(status).toMatchObject({ pending: 0, delivered: 1, dead: 1, oldestPendingAt: null, nextAttemptAt: null });
    expect(status.deadLetters).toEqual([{ id: dead, kind: 'feedback', reference: expect.stringMatching(REFERENCE_PATTERN), reason: 'HTTP 400: the webhook refused the message', deadAt: START, attempts: 1 }]);
    expect(await store.outbox.get(delivered)).toMatchObject({ status: 'delivered', attempts: 1, deliveredAt: START + 0 });

    expect(await other.outbox.retryDead()).toEqual([dead]);
    expect(await store.outbox.get(dead)).toMatchObject({ status: 'pending', attempts: 0, queuedAt: START + HOUR, nextAttemptAt: START + HOUR, deadReason: null });
    expect((await store.outbox.claimDue(5, 20_000)).map((e) => e.id)).toEqual([dead]);
    expect(await store.outbox.retryDead()).toEqual([]);
  });

  it('lists the feedback of a period, oldest first, whatever its state, and no digests', async () => {
    const { store, advance } = make();
    const early = await enqueue(store, 'p1', 'First day text.');
    advance(HOUR);
    const later = await enqueue(store, 'p2', 'Second text, an hour on.');
    await store.outbox.enqueueOther('dg_x', 'digest', {});
    const [claimed] = await store.outbox.claimDue(1, 20_000, [early]);
    if (claimed === undefined) throw new Error('not claimed');
    await store.outbox.markDelivered(claimed);
    advance(HOUR);
    await enqueue(store, 'p3', 'Outside the period.');
    const items = await store.outbox.feedbackBetween(START, START + 2 * HOUR);
    expect(items.map((i) => i.id)).toEqual([early, later]);
    expect(items[1]).toMatchObject({ text: 'Second text, an hour on.', userHash: 'p2', category: 'authenticator app' });
  });

  it('counts unanswered questions in a period, most asked first, then most recent', async () => {
    const { store, other } = make();
    await store.unanswered.add('smartwatch', 'Can I use my smartwatch?', START);
    await other.unanswered.add('smartwatch', 'can I use my smartwatch', START + 1000);
    await store.unanswered.add('linux', 'What about Linux? — ünïcode ✓', START + 2000);
    await store.unanswered.add('tablet', 'And a tablet?', START + 3000);
    await store.unanswered.add('late', 'Outside the period', START + 2 * 86_400_000);
    expect(await other.unanswered.top(START, START + 86_400_000, 10)).toEqual([
      { text: 'Can I use my smartwatch?', count: 2 },
      { text: 'And a tablet?', count: 1 },
      { text: 'What about Linux? — ünïcode ✓', count: 1 },
    ]);
    expect(await store.unanswered.top(START, START + 86_400_000, 1)).toEqual([{ text: 'Can I use my smartwatch?', count: 2 }]);
    expect(await store.unanswered.top(START + 1500, START + 3 * 86_400_000, 10)).toHaveLength(3);
  });

  it('named values: created once, then changed only by whoever names the current version', async () => {
    const { store, other } = make();
    expect(await store.meta.read('k')).toBeNull();
    expect(await store.meta.compareAndSet('k', null, 'one')).toBe(true);
    expect(await other.meta.compareAndSet('k', null, 'two')).toBe(false);
    const current = await other.meta.read('k');
    expect(current?.value).toBe('one');
    expect(await store.meta.compareAndSet('k', current?.version ?? '', 'three')).toBe(true);
    expect(await other.meta.compareAndSet('k', current?.version ?? '', 'four')).toBe(false);
    expect((await other.meta.read('k'))?.value).toBe('three');

    const salts = await Promise.all([0, 1, 2, 3].map((i) => readOrCreate(i % 2 === 0 ? store.meta : other.meta, 'salt', () => `salt-${i}`)));
    expect(new Set(salts).size).toBe(1);
  });
});

describe('the shared outbox on Azure tables and a queue', () => {
  it('two instances delivering 50 messages at once mark each delivered exactly once', async () => {
    const [, make] = stores[1] ?? [];
    if (make === undefined) throw new Error('no Azure store');
    const { store, other } = make();
    const ids = new Set<string>();
    for (let i = 0; i < 50; i += 1) ids.add(await enqueue(i % 2 === 0 ? store : other, `many-${i}`));
    const delivered: string[] = [];
    const work = async (instance: FeedbackStore) => {
      for (;;) {
        const batch = await instance.outbox.claimDue(4, 20_000);
        if (batch.length === 0 && (await instance.outbox.nextDueAt()) === null) return;
        for (const entry of batch) {
          delivered.push(entry.id);
          await instance.outbox.markDelivered(entry);
        }
      }
    };
    await Promise.all([work(store), work(other)]);
    expect(delivered).toHaveLength(50);
    expect(new Set(delivered)).toEqual(ids);
    expect(await store.outbox.status()).toMatchObject({ pending: 0, delivered: 50, dead: 0 });
  }, 60_000);

  it('a message on the queue twice is sent once: the row, not the queue, says who sends it and whether it went', async () => {
    const [, make] = stores[1] ?? [];
    if (make === undefined) throw new Error('no Azure store');
    const { store, other } = make();
    const id = await enqueue(store, 'dup');
    const found = await store.outbox.get(id);
    if (found === null) throw new Error('not stored');
    await new FeedbackAccount({ ...azureNames() }).announce(found);
    const [mine, theirs] = await Promise.all([store.outbox.claimDue(5, 20_000), other.outbox.claimDue(5, 20_000)]);
    expect([...mine, ...theirs].map((e) => e.id)).toEqual([id]);
    const [claimed] = [...mine, ...theirs];
    if (claimed === undefined) throw new Error('not claimed');
    await (mine.length > 0 ? store : other).outbox.markDelivered(claimed);
    // The repeat still on the queue is tidied away by whoever receives it, and never sent.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await store.outbox.claimDue(5, 20_000)).toEqual([]);
    expect(await store.outbox.claimDue(5, 20_000)).toEqual([]);
    expect(await store.outbox.nextDueAt()).toBeNull();
  }, 20_000);

  it('a deliverer whose lease ran out and was taken over settles nothing: the message is the new holder\'s', async () => {
    const [, make] = stores[1] ?? [];
    if (make === undefined) throw new Error('no Azure store');
    const { store, other, advance } = make();
    const id = await enqueue(store, 'slow');
    const [late] = await store.outbox.claimDue(1, 1_000, [id]);
    advance(2_000);
    const [taken] = await other.outbox.claimDue(1, 20_000, [id]);
    if (late === undefined || taken === undefined) throw new Error('not claimed');
    await store.outbox.markDead(late, 'HTTP 400');
    expect(await store.outbox.get(id)).toMatchObject({ status: 'pending', attempts: 0 });
    await other.outbox.markDelivered(taken);
    expect(await store.outbox.get(id)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await store.outbox.status()).toMatchObject({ pending: 0, delivered: 1, dead: 0 });
  });

  it('a message that keeps taking its deliverer down (received again and again, never settled) is dead-lettered as poison', async () => {
    containers += 1;
    const { clock, advance } = clockAt(START);
    const store = createAzureFeedbackStore({ ...azureNames(), clock, randomBytes: (n: number) => new Uint8Array(randomBytes(n)), hideAtMostMs: 0, maxUnsettledReceives: 2 });
    const id = await enqueue(store, 'poison');
    for (let i = 0; i < 2; i += 1) {
      expect((await store.outbox.claimDue(1, 1_000)).map((e) => e.id)).toEqual([id]);
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // "crashed": the lease runs out unsettled
      advance(1_100);
    }
    expect(await store.outbox.claimDue(1, 1_000)).toEqual([]);
    const status = await store.outbox.status();
    expect(status).toMatchObject({ pending: 0, dead: 1 });
    expect(status.deadLetters[0]?.reason).toContain('poison');
    expect(await store.outbox.retryDead()).toEqual([id]);
    expect(await store.outbox.get(id)).toMatchObject({ status: 'pending', attempts: 0 });
  }, 20_000);

  it('a message goes on the queue before its row is written: one received before its row waits for it, one whose row never came (its instance stopped in between) is dropped', async () => {
    containers += 1;
    const { clock } = clockAt(START);
    const options = { ...azureNames(), clock, randomBytes: (n: number) => new Uint8Array(randomBytes(n)), hideAtMostMs: 0, maxUnsettledReceives: 2 };
    const [store, account] = [createAzureFeedbackStore(options), new FeedbackAccount(options)];
    // Sent, and received before the row is there: not yet, so it stays on the queue.
    await account.announce({ id: 'dg_early', createdAt: START });
    expect(await store.outbox.claimDue(5, 20_000)).toEqual([]);
    expect((await account.queue.peekMessages()).peekedMessageItems).toHaveLength(1);
    expect(await store.outbox.enqueueOther('dg_early', 'digest', {})).toBe(true);
    const claimed = [...(await store.outbox.claimDue(5, 20_000)), ...(await store.outbox.claimDue(5, 20_000))];
    expect(claimed.map((e) => e.id)).toEqual(['dg_early']);
    // Sent, and its row never written: dropped once received more often than a live message could be.
    await account.queue.clearMessages();
    await account.announce({ id: 'dg_orphan', createdAt: START });
    for (let i = 0; i < 3; i += 1) expect(await store.outbox.claimDue(5, 20_000)).toEqual([]);
    expect((await account.queue.peekMessages()).peekedMessageItems).toHaveLength(0);
    expect(await store.outbox.get('dg_orphan')).toBeNull();
  });

  it('a Send whose instance stopped after taking its key and before storing the item: the next Send from the conversation stores that item, under its id, once', async () => {
    const [, make] = stores[1] ?? [];
    if (make === undefined) throw new Error('no Azure store');
    const { store, other } = make();
    const item = { ...fields('stopped'), id: 'fb_stoppedhalfway', reference: 'FB-2345', createdAt: new Date(START).toISOString() };
    await tableMeta(new FeedbackAccount({ ...azureNames() }), 'keys').compareAndSet(idempotencyKey('stopped', 'flow-stopped'), null, JSON.stringify(item));
    expect(await store.outbox.get(item.id)).toBeNull();
    const again = await Promise.all([store.outbox.enqueueFeedback(fields('stopped'), undefined, 'flow-stopped'), other.outbox.enqueueFeedback(fields('stopped'), undefined, 'flow-stopped')]);
    expect(again).toEqual([{ ok: true, item, repeated: true }, { ok: true, item, repeated: true }]);
    expect((await store.outbox.claimDue(5, 20_000)).map((e) => e.id)).toEqual([item.id]);
    expect(await other.outbox.claimDue(5, 20_000)).toEqual([]);
    expect(await store.outbox.status()).toMatchObject({ pending: 1 });
  });
});
