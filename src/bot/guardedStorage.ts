import type { Storage, StoreItems } from 'botbuilder';
import type { Logger } from '../log.js';
import { isETagConflict, StorageConflictError, StorageUnavailableError, withTimeout } from './faults.js';

export interface GuardedStorageOptions {
  readonly storage: Storage;
  /** Makes a fresh store after a failure, for stores that cache a failed start-up (BlobsStorage). */
  readonly recreate?: () => Storage;
  /** Longest one call may take; leave out for a store that cannot be slow (in memory). */
  readonly timeoutMs?: number;
  readonly logger: Logger;
}

/**
 * Puts a time limit on every storage call and turns what can go wrong into two kinds of error the
 * turn error handler understands: StorageConflictError (an ETag check failed: another turn saved
 * first) and StorageUnavailableError (anything else, including no answer in time).
 *
 * BlobsStorage creates its container once and caches that promise, failure included; so after any
 * failure the next call uses a fresh store, and the bot recovers by itself when storage returns.
 */
export class GuardedStorage implements Storage {
  private inner: Storage;
  private healthy = true;

  constructor(private readonly options: GuardedStorageOptions) {
    this.inner = options.storage;
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.guard('read', (s) => s.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.guard('write', (s) => s.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.guard('delete', (s) => s.delete(keys));
  }

  private async guard<T>(operation: 'read' | 'write' | 'delete', call: (s: Storage) => Promise<T>): Promise<T> {
    const store = this.inner;
    try {
      const { timeoutMs } = this.options;
      const result = await (timeoutMs === undefined ? call(store) : withTimeout(call(store), timeoutMs, () => new StorageUnavailableError(operation, 'timeout')));
      if (!this.healthy) {
        this.healthy = true;
        this.options.logger.info({ event: 'storage_recovered', operation }, 'storage is answering again');
      }
      return result;
    } catch (error) {
      if (isETagConflict(error)) throw new StorageConflictError();
      const reason = error instanceof StorageUnavailableError ? error.reason : 'failed';
      const code = errorCode(error);
      this.options.logger.warn(
        { event: 'storage_unavailable', operation, reason, error: error instanceof Error ? error.name : 'unknown', ...(code === undefined ? {} : { code }) },
        'storage call failed',
      );
      this.healthy = false;
      if (this.inner === store && this.options.recreate !== undefined) this.inner = this.options.recreate();
      throw new StorageUnavailableError(operation, reason);
    }
  }
}

/** An error's code when it is a word ("AuthenticationFailed", "ECONNREFUSED", "REQUEST_SEND_ERROR"): never digits, so never a user's code. */
function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error) || typeof error.code !== 'string') return undefined;
  return /^[A-Za-z_]{1,64}$/.test(error.code) ? error.code : undefined;
}
