import { odata } from '@azure/data-tables';
import { AzureTable } from '../storage/azureTable.js';
import type { BucketKind } from './events.js';
import { addCounts, type BucketCounts, type FunnelStore } from './store.js';

/** The partition the counters take in the feedback table (the records use other partition keys). */
export const FUNNEL_PARTITION = 'funnel';

export interface AzureFunnelStoreOptions {
  readonly connectionString: string;
  /** The feedback records' table (AZURE_FEEDBACK_TABLE). */
  readonly table: string;
  /** Longest one storage call may take (default 5 s). */
  readonly timeoutMs?: number;
  /** Read-modify-write attempts per bucket before giving up (the recorder keeps the counts and tries again later). */
  readonly maxTries?: number;
}

/** Bucket row keys sort by time: the kind's letter, then the start in ms, zero-padded. */
function rowKey(kind: BucketKind, start: number): string {
  return `${kind === 'event' ? 'e' : 'c'}-${String(start).padStart(15, '0')}`;
}

/** A stored `counts` property, read as hostile: only non-negative whole numbers are kept. */
export function parseCounts(value: unknown): Map<string, number> {
  const counts = new Map<string, number>();
  if (typeof value !== 'string') return counts;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return counts;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return counts;
  for (const [key, n] of Object.entries(parsed)) if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) counts.set(key, n);
  return counts;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The counters in Azure Table Storage, in the feedback records' table: one entity per bucket
 * (partition `funnel`, row key the bucket), its counts one JSON property. Adding is a
 * read-modify-write conditioned on the entity's ETag (create when absent, conditioned on it
 * not existing), retried when another instance wrote first, so no count is lost or doubled.
 */
export class AzureFunnelStore implements FunnelStore {
  private readonly table: AzureTable;
  private readonly maxTries: number;

  constructor(options: AzureFunnelStoreOptions) {
    this.table = new AzureTable(options.connectionString, options.table, options.timeoutMs);
    this.maxTries = options.maxTries ?? 20;
  }

  async add(batch: readonly BucketCounts[]): Promise<void> {
    await Promise.all(batch.map((bucket) => this.addBucket(bucket)));
  }

  private async addBucket(bucket: BucketCounts): Promise<void> {
    const key = rowKey(bucket.kind, bucket.start);
    for (let attempt = 0; attempt < this.maxTries; attempt++) {
      if (attempt > 0) await pause(5 + Math.random() * 20 * Math.min(attempt, 5));
      const row = await this.table.read(FUNNEL_PARTITION, key);
      const counts = row === null ? bucket.counts : addCounts(parseCounts(row['counts']), bucket.counts);
      const next = { partitionKey: FUNNEL_PARTITION, rowKey: key, counts: JSON.stringify(Object.fromEntries(counts)) };
      if (await this.table.write(next, row?.etag ?? null)) return;
      // Lost the race to another instance: read again and retry.
    }
    throw new Error(`Funnel counts not saved after ${this.maxTries} tries: too many writers at once`);
  }

  async sum(kind: BucketKind, from: number, to: number): Promise<Map<string, number>> {
    const filter = odata`PartitionKey eq ${FUNNEL_PARTITION} and RowKey ge ${rowKey(kind, Math.max(0, from))} and RowKey lt ${rowKey(kind, Math.max(0, to))}`;
    const total = new Map<string, number>();
    for (const row of await this.table.rows(filter)) addCounts(total, parseCounts(row['counts']));
    return total;
  }
}
