import type { SqliteDatabase } from '../storage/database.js';

/**
 * Tables of the feedback outbox, beside bot_state in the same database file.
 * Times are milliseconds since the epoch.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS feedback_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS feedback_outbox (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('feedback', 'digest')),
  reference       TEXT UNIQUE,
  user_hash       TEXT,
  created_at      INTEGER NOT NULL,
  body            TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  queued_at       INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  lease_until     INTEGER,
  last_error      TEXT,
  delivered_at    INTEGER,
  dead_at         INTEGER,
  dead_reason     TEXT
);
CREATE INDEX IF NOT EXISTS feedback_outbox_due ON feedback_outbox (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS feedback_outbox_user ON feedback_outbox (user_hash, created_at);
CREATE INDEX IF NOT EXISTS feedback_outbox_kind ON feedback_outbox (kind, created_at);

-- One row per feedback conversation that sent an item: a second Send from it returns that item.
CREATE TABLE IF NOT EXISTS feedback_keys (
  key TEXT PRIMARY KEY,
  id  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS unanswered_questions (
  key        TEXT PRIMARY KEY,
  text       TEXT NOT NULL,
  count      INTEGER NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS unanswered_hits (
  question_key TEXT NOT NULL REFERENCES unanswered_questions (key) ON DELETE CASCADE,
  at           INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS unanswered_hits_at ON unanswered_hits (at);
`;

export function ensureFeedbackSchema(db: SqliteDatabase): void {
  db.exec(SCHEMA);
}
