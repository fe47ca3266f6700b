import { BlobServiceClient, RestError, type BlobRequestConditions, type ContainerClient } from '@azure/storage-blob';

/** The HTTP status of an Azure Storage error, or undefined for anything else. */
export function storageStatus(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}

/** A conditional write or a lease that lost to someone else: 409 (exists, leased) or 412 (ETag, lease id). */
export function lostRace(error: unknown): boolean {
  const status = storageStatus(error);
  return status === 409 || status === 412;
}

export interface Listed {
  readonly name: string;
  readonly metadata: Readonly<Record<string, string>>;
  /** Someone holds a lease on it (a deliverer is sending it). */
  readonly leased: boolean;
}

export interface Stored {
  readonly text: string;
  readonly etag: string;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface ContainerOptions {
  readonly connectionString: string;
  readonly container: string;
  /** Longest one storage call may take, the SDK's own retries included (default 5 s). */
  readonly timeoutMs?: number;
}

/**
 * One Azure Blob Storage container with the few operations the feedback store needs: read and
 * write small text blobs with ETag conditions, list a prefix with metadata, delete. The container
 * is created on first use (and again after a failed attempt), so an instance starts even while
 * storage is unreachable and recovers when it returns.
 */
export class FeedbackContainer {
  readonly client: ContainerClient;
  private ready: Promise<void> | null = null;

  constructor(options: ContainerOptions) {
    const timeoutMs = options.timeoutMs ?? 5_000;
    const service = BlobServiceClient.fromConnectionString(options.connectionString, {
      retryOptions: {
        maxTries: 3,
        tryTimeoutInMs: Math.max(100, Math.floor(timeoutMs / 2)),
        retryDelayInMs: 50,
        maxRetryDelayInMs: Math.max(100, Math.floor(timeoutMs / 4)),
      },
    });
    this.client = service.getContainerClient(options.container);
  }

  /** The container's URL, without credentials. */
  get location(): string {
    return this.client.url.split('?')[0] ?? this.client.url;
  }

  async ensure(): Promise<void> {
    this.ready ??= this.client.createIfNotExists().then(
      () => undefined,
      (error: unknown) => {
        this.ready = null;
        throw error;
      },
    );
    return this.ready;
  }

  async read(name: string): Promise<Stored | null> {
    await this.ensure();
    try {
      const response = await this.client.getBlobClient(name).download();
      const text = await streamText(response.readableStreamBody);
      return { text, etag: response.etag ?? '', metadata: response.metadata ?? {} };
    } catch (error) {
      if (storageStatus(error) === 404) return null;
      throw error;
    }
  }

  async exists(name: string): Promise<boolean> {
    await this.ensure();
    return this.client.getBlobClient(name).exists();
  }

  /** Writes `text`; false when `conditions` did not hold (409/412). */
  async write(name: string, text: string, metadata: Record<string, string>, conditions: BlobRequestConditions = {}): Promise<boolean> {
    await this.ensure();
    const body = Buffer.from(text, 'utf8');
    try {
      await this.client.getBlockBlobClient(name).upload(body, body.length, {
        metadata,
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return true;
    } catch (error) {
      if (lostRace(error)) return false;
      throw error;
    }
  }

  /** Deletes a blob if `conditions` hold (a lease id, an ETag); false when it was gone or they did not. */
  async remove(name: string, conditions: BlobRequestConditions = {}): Promise<boolean> {
    await this.ensure();
    try {
      await this.client.getBlobClient(name).delete({ conditions });
      return true;
    } catch (error) {
      if (storageStatus(error) === 404 || lostRace(error)) return false;
      throw error;
    }
  }

  async *list(prefix: string): AsyncGenerator<Listed> {
    await this.ensure();
    for await (const item of this.client.listBlobsFlat({ prefix, includeMetadata: true })) {
      yield { name: item.name, metadata: item.metadata ?? {}, leased: item.properties.leaseState === 'leased' };
    }
  }
}

async function streamText(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (stream === undefined) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
