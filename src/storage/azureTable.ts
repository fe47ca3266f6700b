import { TableClient, type TableEntity, type TableEntityResult, type UpdateMode } from '@azure/data-tables';

/** A row as read back (with its ETag), and one to write. */
export type TableRow = TableEntityResult<Record<string, unknown>>;
export type NewTableRow = TableEntity<Record<string, unknown>>;

/** The HTTP status a storage SDK call failed with (404 absent, 409 exists, 412 changed since read…), if it has one. */
export function storageStatus(error: unknown): number | undefined {
  return error instanceof Error && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

/** A table's client. Azurite (and only a local emulator) is plain http; the SDK signs over http only when told to. */
export function tableClient(connectionString: string, table: string): TableClient {
  const allowInsecureConnection = TableClient.fromConnectionString(connectionString, table).url.startsWith('http:');
  return TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection });
}

/**
 * One table of a storage account, as the funnel, reminder and feedback stores use it: its client, a
 * time limit for each call, and the table (and whatever else `alsoCreate` makes, such as a queue)
 * created on first use and again after a failed attempt, so an instance starts while storage is
 * unreachable and recovers when it returns. Its conditional writes answer false or null when
 * another writer was first, so stores that race other instances read again instead of catching.
 */
export class AzureTable {
  readonly client: TableClient;
  private ready: Promise<void> | null = null;

  constructor(
    connectionString: string,
    table: string,
    /** Longest one storage call may take, the SDK's own retries included. */
    private readonly timeoutMs = 5_000,
    private readonly alsoCreate: (limit: { abortSignal: AbortSignal }) => Promise<unknown> = async () => undefined,
  ) {
    this.client = tableClient(connectionString, table);
  }

  /** Where it is, for operators: the table's URL, without credentials. */
  get location(): string {
    return `${this.client.url.split('?')[0] ?? ''}/${this.client.tableName}`;
  }

  /** The time limit of one call. */
  limit(): { abortSignal: AbortSignal } {
    return { abortSignal: AbortSignal.timeout(this.timeoutMs) };
  }

  ensure(): Promise<void> {
    this.ready ??= Promise.all([this.client.createTable(this.limit()), this.alsoCreate(this.limit())]).then(
      () => undefined,
      (error: unknown) => {
        this.ready = null;
        throw error;
      },
    );
    return this.ready;
  }

  /** Makes a call once the table exists: its result, or `fallback` when storage answered one of `statuses` (404 absent…). */
  async call<T, F>(statuses: readonly number[], fallback: F, make: () => Promise<T>): Promise<T | F> {
    await this.ensure();
    try {
      return await make();
    } catch (error) {
      const status = storageStatus(error);
      if (status !== undefined && statuses.includes(status)) return fallback;
      throw error;
    }
  }

  /** A row, or null when there is none. */
  read(partitionKey: string, rowKey: string): Promise<TableRow | null> {
    return this.call([404], null, () => this.client.getEntity(partitionKey, rowKey, this.limit()));
  }

  /** Creates a row only if it is absent; false when it exists. */
  create(row: NewTableRow): Promise<boolean> {
    return this.call([409], false, () => this.client.createEntity(row, this.limit()).then(() => true));
  }

  /** Rewrites a row (whole, or only the properties given: `Merge`) only if it is still at `etag`: its new ETag, or null when it changed or went. */
  replace(row: NewTableRow, etag: string, mode: UpdateMode = 'Replace'): Promise<string | null> {
    return this.call([404, 412], null, async () => (await this.client.updateEntity(row, mode, { ...this.limit(), etag })).etag ?? null);
  }

  /** Writes a row only if it is still at `etag`, or, with no etag (null), only if it is absent: false when another writer was first. */
  async write(row: NewTableRow, etag: string | null): Promise<boolean> {
    return etag === null ? this.create(row) : (await this.replace(row, etag)) !== null;
  }

  /** Deletes a row (only if it is still at `etag`, when given); false when it was not there (or changed). */
  remove(partitionKey: string, rowKey: string, etag?: string): Promise<boolean> {
    return this.call([404, 412], false, () => this.client.deleteEntity(partitionKey, rowKey, { ...this.limit(), etag }).then(() => true));
  }

  /** The rows an OData `filter` selects; with `timed`, the whole listing within one call's time limit. */
  rows(filter: string, timed = false): Promise<TableRow[]> {
    return this.call([], [], async () => {
      const rows: TableRow[] = [];
      for await (const row of this.client.listEntities({ queryOptions: { filter }, ...(timed ? this.limit() : {}) })) rows.push(row);
      return rows;
    });
  }
}
