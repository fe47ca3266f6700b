import type { SqliteDatabase } from '../storage/database.js';
import { numberColumn, textColumn } from '../storage/rows.js';
import type { BucketKind } from './events.js';
import type { BucketCounts, FunnelStore } from './store.js';

/** The funnel's counters in the embedded database: one row per bucket and counter. */
export class SqliteFunnelStore implements FunnelStore {
  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS funnel_counts (
      kind TEXT NOT NULL, start INTEGER NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (kind, start, key)
    ) WITHOUT ROWID`);
  }

  async add(batch: readonly BucketCounts[]): Promise<void> {
    const upsert = this.db.prepare(
      'INSERT INTO funnel_counts (kind, start, key, n) VALUES (?, ?, ?, ?) ON CONFLICT(kind, start, key) DO UPDATE SET n = n + excluded.n',
    );
    const run = this.db.transaction(() => {
      for (const bucket of batch) for (const [key, n] of bucket.counts) upsert.run(bucket.kind, bucket.start, key, n);
    });
    run.immediate();
  }

  async sum(kind: BucketKind, from: number, to: number): Promise<Map<string, number>> {
    const rows = this.db.prepare('SELECT key, SUM(n) AS n FROM funnel_counts WHERE kind = ? AND start >= ? AND start < ? GROUP BY key').all(kind, from, to);
    return new Map(rows.map((row) => [textColumn(row, 'key'), numberColumn(row, 'n')]));
  }
}
