import type { SqliteDatabase } from '../storage/database.js';
import type { RandomBytes } from './ids.js';
import { SqliteMetaStore } from './meta.js';
import { SqliteOutbox } from './outbox.js';
import { SqliteUnansweredStore } from './sqliteUnanswered.js';
import type { FeedbackStore } from './store.js';
import type { Clock } from './time.js';

/** The feedback store in the embedded database, beside bot state (one instance; the default). */
export function createSqliteFeedbackStore(db: SqliteDatabase, options: { readonly clock: Clock; readonly randomBytes: RandomBytes }): FeedbackStore {
  return {
    outbox: new SqliteOutbox(db, options),
    unanswered: new SqliteUnansweredStore(db),
    meta: new SqliteMetaStore(db),
    location: db.name,
  };
}
