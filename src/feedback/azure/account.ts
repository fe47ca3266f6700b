import { TableClient, type TableEntity, type TableEntityResult } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';

/** The HTTP status of an Azure Storage error (tables and queues alike), or undefined for anything else. */
export function storageStatus(error: unknown): number | undefined {
  return error instanceof Error && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

/** A conditional write that lost to someone else: 409 (already exists) or 412 (ETag changed). */
export function lostRace(error: unknown): boolean {
  const status = storageStatus(error);
  return status === 409 || status === 412;
}

export interface AccountOptions {
  readonly connectionString: string;
  readonly table: string;
  readonly queue: string;
  /** Longest one storage call may take, the SDK's own retries included (default 5 s). */
  readonly timeoutMs?: number;
}

export type Row = TableEntityResult<Record<string, unknown>>;
export type NewRow = TableEntity<Record<string, unknown>>;

/**
 * The feedback's part of one Azure storage account: a table (the records) and a queue (what is
 * due to be posted), with the few operations the store needs. Both are created on first use (and
 * again after a failed attempt), so an instance starts even while storage is unreachable and
 * recovers when it returns.
 */
export class FeedbackAccount {
  readonly table: TableClient;
  readonly queue: QueueClient;
  private readonly timeoutMs: number;
  private ready: Promise<void> | null = null;

  constructor(options: AccountOptions) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    const table = TableClient.fromConnectionString(options.connectionString, options.table);
    // Azurite (and only a local emulator) is plain http; the SDK refuses to sign over http unless told.
    this.table = table.url.startsWith('http:')
      ? TableClient.fromConnectionString(options.connectionString, options.table, { allowInsecureConnection: true })
      : table;
    this.queue = new QueueClient(options.connectionString, options.queue, {
      retryOptions: {
        maxTries: 3,
        tryTimeoutInMs: Math.max(100, Math.floor(this.timeoutMs / 2)),
        retryDelayInMs: 50,
        maxRetryDelayInMs: Math.max(100, Math.floor(this.timeoutMs / 4)),
      },
    });
  }

  /** Where it is, for operators: the table's and the queue's URLs, without credentials. */
  get location(): string {
    return `${this.table.url.split('?')[0] ?? ''}/${this.table.tableName} and ${this.queue.url.split('?')[0] ?? ''}`;
  }

  /** A time limit for one call. */
  limit(): { abortSignal: AbortSignal } {
    return { abortSignal: AbortSignal.timeout(this.timeoutMs) };
  }

  async ensure(): Promise<void> {
    this.ready ??= Promise.all([this.table.createTable(this.limit()), this.queue.createIfNotExists(this.limit())]).then(
      () => undefined,
      (error: unknown) => {
        this.ready = null;
        throw error;
      },
    );
    return this.ready;
  }

  async read(partitionKey: string, rowKey: string): Promise<Row | null> {
    await this.ensure();
    try {
      return await this.table.getEntity(partitionKey, rowKey, this.limit());
    } catch (error) {
      if (storageStatus(error) === 404) return null;
      throw error;
    }
  }

  /** Creates a row only if it is absent; false when it exists. */
  async create(entity: NewRow): Promise<boolean> {
    await this.ensure();
    try {
      await this.table.createEntity(entity, this.limit());
      return true;
    } catch (error) {
      if (lostRace(error)) return false;
      throw error;
    }
  }

  /** Replaces a row only if it is still at `etag`; its new ETag, or null when it changed or went. */
  async replace(entity: NewRow, etag: string): Promise<string | null> {
    await this.ensure();
    try {
      return (await this.table.updateEntity(entity, 'Replace', { ...this.limit(), etag })).etag ?? null;
    } catch (error) {
      if (lostRace(error) || storageStatus(error) === 404) return null;
      throw error;
    }
  }

  async upsert(entity: NewRow): Promise<void> {
    await this.ensure();
    await this.table.upsertEntity(entity, 'Replace', this.limit());
  }

  /** Deletes a row (only at `etag` when given); false when it was gone or had changed. */
  async remove(partitionKey: string, rowKey: string, etag?: string): Promise<boolean> {
    await this.ensure();
    try {
      await this.table.deleteEntity(partitionKey, rowKey, { ...this.limit(), ...(etag === undefined ? {} : { etag }) });
      return true;
    } catch (error) {
      if (storageStatus(error) === 404 || lostRace(error)) return false;
      throw error;
    }
  }

  /** Puts a stored message's id (and its row's partition) on the queue, due at once. */
  async announce(id: string, partition: string): Promise<void> {
    await this.ensure();
    await this.queue.sendMessage(JSON.stringify({ id, p: partition }), this.limit());
  }

  /** Every row of one partition: the only kind of query the store makes, so none reads more than the partition asked for. */
  async *partition(partitionKey: string): AsyncGenerator<Row> {
    await this.ensure();
    yield* this.table.listEntities({ queryOptions: { filter: `PartitionKey eq '${partitionKey.replace(/'/g, "''")}'` } });
  }
}
