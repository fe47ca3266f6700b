import type { MetaStore, Versioned } from '../store.js';
import type { FeedbackAccount } from './account.js';

/** Named values (the salt, the end of the last digest period) as rows `meta/<key>`; the version is the row's ETag. */
export class TableMetaStore implements MetaStore {
  constructor(private readonly account: FeedbackAccount) {}

  async read(key: string): Promise<Versioned | null> {
    const row = await this.account.read('meta', encodeURIComponent(key));
    const value = row?.['value'];
    return row === null || typeof value !== 'string' ? null : { value, version: row.etag };
  }

  async compareAndSet(key: string, version: string | null, value: string): Promise<boolean> {
    const row = { partitionKey: 'meta', rowKey: encodeURIComponent(key), value };
    return version === null ? this.account.create(row) : (await this.account.replace(row, version)) !== null;
  }
}
