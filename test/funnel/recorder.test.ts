import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FunnelRecorder, SqliteFunnelStore, type BucketCounts, type FunnelStore } from '../../src/funnel/index.js';
import { openDatabase } from '../../src/storage/database.js';
import { HttpChat } from '../support/httpChat.js';
import { startServer } from '../support/server.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2030, 0, 7, 9, 30);

/** A store in memory that can be told to fail, recording each batch it is given. */
class MemoryFunnelStore implements FunnelStore {
  failing = false;
  readonly batches: BucketCounts[][] = [];
  private readonly rows = new Map<string, number>();

  async add(batch: readonly BucketCounts[]): Promise<void> {
    if (this.failing) throw new Error('storage down');
    this.batches.push(batch.map((b) => ({ ...b, counts: new Map(b.counts) })));
    for (const b of batch) for (const [key, n] of b.counts) this.rows.set(`${b.kind}|${b.start}|${key}`, (this.rows.get(`${b.kind}|${b.start}|${key}`) ?? 0) + n);
  }

  async sum(kind: 'event' | 'cohort', from: number, to: number): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const [id, n] of this.rows) {
      const [k, start, key] = id.split('|');
      if (k === kind && Number(start) >= from && Number(start) < to && key !== undefined) out.set(key, (out.get(key) ?? 0) + n);
    }
    return out;
  }
}

describe('funnel recorder', () => {
  it('counts in memory and writes nothing until a flush, then one batch per flush', async () => {
    const store = new MemoryFunnelStore();
    const recorder = new FunnelRecorder({ store, clock: () => T0 });
    recorder.record({ kind: 'started', day: Math.floor(T0 / DAY) });
    recorder.record({ kind: 'reached', step: 1 });
    recorder.record({ kind: 'reached', step: 1 });
    expect(store.batches).toEqual([]);
    await recorder.flush();
    expect(store.batches).toHaveLength(1);
    expect(await store.sum('event', T0 - HOUR, T0 + HOUR)).toEqual(new Map([['started', 1], ['reached.1', 2]]));
    // The start also counts for its day (the cohort "unfinished for 7 days" is measured against).
    expect(await store.sum('cohort', Math.floor(T0 / DAY) * DAY, T0)).toEqual(new Map([['started', 1]]));
    await recorder.flush();
    expect(store.batches).toHaveLength(1);
  });

  it('counts nothing for an event that is not well formed (hostile or damaged saved progress)', async () => {
    const store = new MemoryFunnelStore();
    const recorder = new FunnelRecorder({ store, clock: () => T0 });
    recorder.record({ kind: 'reached', step: 0 });
    recorder.record({ kind: 'stuck', step: 7 });
    recorder.record({ kind: 'reached', step: 2.5 });
    recorder.record({ kind: 'started', day: 1 });
    recorder.record({ kind: 'finished', day: Number.NaN });
    recorder.record({ kind: 'practice', result: 'expired' });
    expect(recorder.pendingBuckets).toBe(0);
  });

  it('keeps the counts of a failed write and adds them to the next one: nothing lost, nothing doubled', async () => {
    const store = new MemoryFunnelStore();
    let now = T0;
    const recorder = new FunnelRecorder({ store, clock: () => now });
    recorder.record({ kind: 'worked' });
    store.failing = true;
    await expect(recorder.flush()).rejects.toThrow('storage down');
    recorder.record({ kind: 'worked' });
    now += HOUR;
    recorder.record({ kind: 'worked' });
    store.failing = false;
    await recorder.flush();
    expect(await store.sum('event', T0 - HOUR, T0 + DAY)).toEqual(new Map([['worked', 3]]));
    expect(await store.sum('event', T0 + HOUR / 2, T0 + DAY)).toEqual(new Map([['worked', 1]]));
  });

  it('stop writes what is pending (shutdown), and logs rather than throws when storage is down', async () => {
    const store = new MemoryFunnelStore();
    const warnings: object[] = [];
    const recorder = new FunnelRecorder({ store, clock: () => T0, flushEveryMs: 3_600_000, log: { warn: (fields) => warnings.push(fields) } });
    recorder.start();
    recorder.record({ kind: 'didNotWork' });
    await recorder.stop();
    expect(await store.sum('event', T0 - HOUR, T0 + HOUR)).toEqual(new Map([['didnotwork', 1]]));
    store.failing = true;
    recorder.record({ kind: 'didNotWork' });
    await recorder.stop();
    expect(warnings).toEqual([expect.objectContaining({ event: 'funnel_flush_failed', error: 'Error', buckets: 1 })]);
  });

  it('stop gives up after its deadline when the store hangs, so shutdown is never held', async () => {
    const hanging: FunnelStore = { add: () => new Promise(() => undefined), sum: async () => new Map() };
    const warnings: object[] = [];
    const recorder = new FunnelRecorder({ store: hanging, clock: () => T0, log: { warn: (fields) => warnings.push(fields) } });
    recorder.record({ kind: 'worked' });
    await recorder.stop({ deadlineMs: 50 });
    expect(warnings).toEqual([expect.objectContaining({ event: 'funnel_flush_failed', error: 'TimeoutError' })]);
  });

  it('the real server writes a turn\'s counts to the database when it shuts down (SIGTERM path)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mfa-funnel-'));
    try {
      const server = await startServer({ DATA_DIR: dataDir });
      const chat = new HttpChat(server.url, { conversationId: 'funnel-conv' });
      await chat.say('menu');
      await chat.press('Set up MFA');
      await chat.press('Next');
      await server.app.stop();
      const db = openDatabase({ dataDir });
      try {
        const counts = await new SqliteFunnelStore(db).sum('event', 0, Number.MAX_SAFE_INTEGER);
        expect(counts).toEqual(new Map([['started', 1], ['reached.1', 1], ['reached.2', 1]]));
      } finally {
        db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
