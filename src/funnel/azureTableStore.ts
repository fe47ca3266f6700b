import { TableClient } from '@azure/data-tables';
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

function statusOf(error: unknown): number | undefined {
  return error instanceof Error && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : undefined;
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
  private readonly client: TableClient;
  private readonly timeoutMs: number;
  private readonly maxTries: number;
  private ready: Promise<void> | null = null;

  constructor(options: AzureFunnelStoreOptions) {
    const client = TableClient.fromConnectionString(options.connectionString, options.table);
    // Azurite (and only a local emulator) is plain http; the SDK refuses to sign over http unless told.
    this.client = client.url.startsWith('http:') ? TableClient.fromConnectionString(options.connectionString, options.table, { allowInsecureConnection: true }) : client;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.maxTries = options.maxTries ?? 20;
  }

  private limit(): { abortSignal: AbortSignal } {
    return { abortSignal: AbortSignal.timeout(this.timeoutMs) };
  }

  private ensure(): Promise<void> {
    this.ready ??= this.client.createTable(this.limit()).then(
      () => undefined,
      (error: unknown) => {
        this.ready = null;
        throw error;
      },
    );
    return this.ready;
  }

  async add(batch: readonly BucketCounts[]): Promise<void> {
    await this.ensure();
    await Promise.all(batch.map((bucket) => this.addBucket(bucket)));
  }

  private async addBucket(bucket: BucketCounts): Promise<void> {
    const keys = { partitionKey: FUNNEL_PARTITION, rowKey: rowKey(bucket.kind, bucket.start) };
    for (let attempt = 0; attempt < this.maxTries; attempt++) {
      if (attempt > 0) await pause(5 + Math.random() * 20 * Math.min(attempt, 5));
      const row = await this.read(keys.partitionKey, keys.rowKey);
      try {
        if (row === null) {
          await this.client.createEntity({ ...keys, counts: JSON.stringify(Object.fromEntries(bucket.counts)) }, this.limit());
        } else {
          const merged = addCounts(parseCounts(row.counts), bucket.counts);
          await this.client.updateEntity({ ...keys, counts: JSON.stringify(Object.fromEntries(merged)) }, 'Replace', { ...this.limit(), etag: row.etag });
        }
        return;
      } catch (error) {
        const status = statusOf(error);
        if (status !== 409 && status !== 412) throw error; // lost the race: read again and retry
      }
    }
    throw new Error(`Funnel counts not saved after ${this.maxTries} tries: too many writers at once`);
  }

  private async read(partitionKey: string, key: string): Promise<{ counts: unknown; etag: string } | null> {
    try {
      const row = await this.client.getEntity<{ counts?: unknown }>(partitionKey, key, this.limit());
      return { counts: row.counts, etag: row.etag };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  async sum(kind: BucketKind, from: number, to: number): Promise<Map<string, number>> {
    await this.ensure();
    const filter = `PartitionKey eq '${FUNNEL_PARTITION}' and RowKey ge '${rowKey(kind, Math.max(0, from))}' and RowKey lt '${rowKey(kind, Math.max(0, to))}'`;
    const total = new Map<string, number>();
    for await (const row of this.client.listEntities<{ counts?: unknown }>({ queryOptions: { filter } })) addCounts(total, parseCounts(row.counts));
    return total;
  }
}
