import { TableClient } from '@azure/data-tables';

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
 * unreachable and recovers when it returns.
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
}
