import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AzureFunnelStore, FunnelRecorder, SqliteFunnelStore, type FunnelStore } from '../../src/funnel/index.js';
import { openDatabase } from '../../src/storage/database.js';
import { useAzurite } from '../support/azurite.js';
import { makeTempDir } from '../support/tempDir.js';

/** One behaviour, two stores: the embedded database and Azure Table Storage (on Azurite). */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2030, 0, 7, 9);

const azurite = useAzurite({ beforeAll, afterAll });
let tables = 0;
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Two handles on the same counters, as two instances (or the bot and the CLI) have. */
const stores: [string, () => [FunnelStore, FunnelStore]][] = [
  [
    'SQLite',
    () => {
      const temp = makeTempDir('funnel-store');
      const [a, b] = [openDatabase({ dataDir: temp.dir }), openDatabase({ dataDir: temp.dir })];
      cleanups.push(() => {
        a.close();
        b.close();
        temp.remove();
      });
      return [new SqliteFunnelStore(a), new SqliteFunnelStore(b)];
    },
  ],
  [
    'Azure table',
    () => {
      tables += 1;
      const options = { connectionString: azurite().connectionString(), table: `funnel${tables}` };
      return [new AzureFunnelStore(options), new AzureFunnelStore(options)];
    },
  ],
];

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe.each(stores)('funnel store contract: %s', (_name, make) => {
  it('adds counts to buckets and sums the buckets that start in [from, to), per kind', async () => {
    const [store, other] = make();
    await store.add([{ kind: 'event', start: T0, counts: counts({ started: 2, 'reached.1': 2 }) }]);
    await other.add([
      { kind: 'event', start: T0, counts: counts({ started: 1 }) },
      { kind: 'event', start: T0 + HOUR, counts: counts({ started: 5, worked: 1 }) },
      { kind: 'cohort', start: T0 - 9 * HOUR, counts: counts({ started: 7 }) },
    ]);
    expect(await store.sum('event', T0, T0 + 2 * HOUR)).toEqual(counts({ started: 8, 'reached.1': 2, worked: 1 }));
    expect(await store.sum('event', T0, T0 + HOUR)).toEqual(counts({ started: 3, 'reached.1': 2 }));
    expect(await store.sum('event', T0 + HOUR, T0 + DAY)).toEqual(counts({ started: 5, worked: 1 }));
    expect(await store.sum('event', T0 - DAY, T0)).toEqual(new Map());
    expect(await other.sum('cohort', T0 - DAY, T0)).toEqual(counts({ started: 7 }));
  });

  it('two instances adding to the same bucket at once lose nothing', async () => {
    const [a, b] = make();
    const batch = () => [{ kind: 'event' as const, start: T0, counts: counts({ 'practice.clock': 1, 'reached.2': 2 }) }];
    await Promise.all(Array.from({ length: 20 }, (_v, i) => (i % 2 === 0 ? a : b).add(batch())));
    expect(await a.sum('event', T0, T0 + HOUR)).toEqual(counts({ 'practice.clock': 20, 'reached.2': 40 }));
  }, 30_000);

  it('two recorders (two instances) counting the same hour, flushed at once and at shutdown, lose nothing', async () => {
    const [a, b] = make();
    const clock = () => T0 + 5 * 60_000;
    const one = new FunnelRecorder({ store: a, clock });
    const two = new FunnelRecorder({ store: b, clock });
    for (let i = 0; i < 50; i++) {
      one.record({ kind: 'reached', step: 1 });
      two.record({ kind: 'reached', step: 1 });
      if (i % 10 === 0) await Promise.all([one.flush(), two.flush()]);
    }
    two.record({ kind: 'worked' });
    await Promise.all([one.stop(), two.stop()]);
    expect(one.pendingBuckets + two.pendingBuckets).toBe(0);
    expect(await a.sum('event', T0, T0 + HOUR)).toEqual(counts({ 'reached.1': 100, worked: 1 }));
  }, 30_000);
});

describe('Azure funnel store', () => {
  it('reads a damaged counts property as nothing rather than failing the digest', async () => {
    tables += 1;
    const { TableClient } = await import('@azure/data-tables');
    const options = { connectionString: azurite().connectionString(), table: `funnel${tables}` };
    const store = new AzureFunnelStore(options);
    await store.add([{ kind: 'event', start: T0, counts: counts({ worked: 5 }) }]);
    const client = TableClient.fromConnectionString(options.connectionString, options.table, { allowInsecureConnection: true });
    await client.upsertEntity({ partitionKey: 'funnel', rowKey: `e-${String(T0 + HOUR).padStart(15, '0')}`, counts: '{"worked":"lots","x":-3,"y":1.5' }, 'Replace');
    await client.upsertEntity({ partitionKey: 'funnel', rowKey: `e-${String(T0 + 2 * HOUR).padStart(15, '0')}`, counts: '{"worked":"many","started":2}' }, 'Replace');
    expect(await store.sum('event', T0, T0 + DAY)).toEqual(counts({ worked: 5, started: 2 }));
  });
});
