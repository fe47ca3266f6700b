import type { Config } from '../config.js';
import { openDatabase } from '../storage/database.js';
import { createAzureFeedbackStore } from './azure/outbox.js';
import type { RandomBytes } from './ids.js';
import { createSqliteFeedbackStore } from './sqliteStore.js';
import type { FeedbackStore } from './store.js';
import type { Clock } from './time.js';

/** Where feedback is kept: the embedded database under DATA_DIR, or an Azure storage account's table and queue. */
export type FeedbackStoreSettings =
  | { readonly kind: 'sqlite'; readonly dataDir: string }
  | { readonly kind: 'azure'; readonly connectionString: string; readonly table: string; readonly queue: string; readonly timeoutMs: number };

export interface OpenFeedbackStore {
  readonly store: FeedbackStore;
  /** Releases what the store holds open (the database file). */
  close(): void;
}

/**
 * Feedback lives beside bot state: in the embedded database, or — with STORAGE=azure (or blob),
 * when instances share state — in the same storage account's table and queue, so any instance
 * delivers what another took.
 */
export function feedbackStoreSettings(config: Config): FeedbackStoreSettings {
  if (config.storage === 'blob' && config.blob !== undefined) {
    const { connectionString, feedbackTable, feedbackQueue } = config.blob;
    return { kind: 'azure', connectionString, table: feedbackTable, queue: feedbackQueue, timeoutMs: config.resilience.storageTimeoutMs };
  }
  return { kind: 'sqlite', dataDir: config.feedback.dataDir };
}

/** Opens the feedback store the settings name. Azure's table and queue are created on first use. */
export function openFeedbackStore(settings: FeedbackStoreSettings, options: { readonly clock: Clock; readonly randomBytes: RandomBytes }): OpenFeedbackStore {
  if (settings.kind === 'azure') {
    const { connectionString, table, queue, timeoutMs } = settings;
    return { store: createAzureFeedbackStore({ connectionString, table, queue, timeoutMs, ...options }), close: () => undefined };
  }
  const db = openDatabase({ dataDir: settings.dataDir });
  return { store: createSqliteFeedbackStore(db, options), close: () => db.close() };
}
