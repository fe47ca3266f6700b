import type { MetaStore, Versioned } from '../store.js';
import type { FeedbackContainer } from './container.js';

/** Named values in the shared container (`meta/<key>`); the version is the blob's ETag. */
export class BlobMetaStore implements MetaStore {
  private readonly container: FeedbackContainer;

  constructor(container: FeedbackContainer) {
    this.container = container;
  }

  async read(key: string): Promise<Versioned | null> {
    const stored = await this.container.read(metaBlob(key));
    return stored === null ? null : { value: stored.text, version: stored.etag };
  }

  compareAndSet(key: string, version: string | null, value: string): Promise<boolean> {
    return this.container.write(metaBlob(key), value, {}, version === null ? { ifNoneMatch: '*' } : { ifMatch: version });
  }
}

function metaBlob(key: string): string {
  return `meta/${encodeURIComponent(key)}`;
}
