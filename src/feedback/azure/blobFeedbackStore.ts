import type { RandomBytes } from '../ids.js';
import type { FeedbackStore } from '../store.js';
import type { Clock } from '../time.js';
import { BlobMetaStore } from './blobMeta.js';
import { BlobOutbox } from './blobOutbox.js';
import { BlobUnansweredStore } from './blobUnanswered.js';
import { FeedbackContainer } from './container.js';

export interface BlobFeedbackStoreOptions {
  readonly connectionString: string;
  readonly container: string;
  readonly clock: Clock;
  readonly randomBytes: RandomBytes;
  /** Longest one storage call may take (default 5 s). */
  readonly timeoutMs?: number;
}

/** The feedback store in one Azure Blob Storage container, shared by every instance (STORAGE=blob). */
export function createBlobFeedbackStore(options: BlobFeedbackStoreOptions): FeedbackStore {
  const container = new FeedbackContainer({
    connectionString: options.connectionString,
    container: options.container,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  return {
    outbox: new BlobOutbox(container, { clock: options.clock, randomBytes: options.randomBytes }),
    unanswered: new BlobUnansweredStore(container, options.randomBytes),
    meta: new BlobMetaStore(container),
    location: container.location,
  };
}
