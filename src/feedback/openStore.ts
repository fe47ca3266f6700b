import type { Config } from '../config.js';
import { openDatabase } from '../storage/database.js';
import { createBlobFeedbackStore } from './azure/blobFeedbackStore.js';
import type { RandomBytes } from './ids.js';
import { createSqliteFeedbackStore } from './sqliteStore.js';
import type { FeedbackStore } from './store.js';
import type { Clock } from './time.js';

/** Where feedback is kept: the embedded database under DATA_DIR, or an Azure Blob Storage container. */
export type FeedbackStoreSettings =
  | { readonly kind: 'sqlite'; readonly dataDir: string }
  | { readonly kind: 'blob'; readonly connectionString: string; readonly container: string; readonly timeoutMs: number };

export interface OpenFeedbackStore {
  readonly store: FeedbackStore;
  /** Releases what the store holds open (the database file). */
  close(): void;
}

/**
 * Feedback lives beside bot state: in the embedded database, or — with STORAGE=blob, when
 * instances share state — in its own Azure container, so any instance delivers what another took.
 */
export function feedbackStoreSettings(config: Config): FeedbackStoreSettings {
  if (config.storage === 'blob' && config.blob !== undefined) {
    const { connectionString, feedbackContainer } = config.blob;
    return { kind: 'blob', connectionString, container: feedbackContainer, timeoutMs: config.resilience.storageTimeoutMs };
  }
  return { kind: 'sqlite', dataDir: config.feedback.dataDir };
}

/** Opens the feedback store the settings name. Azure's container is created on first use. */
export function openFeedbackStore(settings: FeedbackStoreSettings, options: { readonly clock: Clock; readonly randomBytes: RandomBytes }): OpenFeedbackStore {
  if (settings.kind === 'blob') {
    const { connectionString, container, timeoutMs } = settings;
    return { store: createBlobFeedbackStore({ connectionString, container, timeoutMs, ...options }), close: () => undefined };
  }
  const db = openDatabase({ dataDir: settings.dataDir });
  return { store: createSqliteFeedbackStore(db, options), close: () => db.close() };
}
