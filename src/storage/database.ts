import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

export const DATABASE_FILE_NAME = 'mfa-assistant.sqlite';

export interface OpenDatabaseOptions {
  /** Directory for the database file; created when missing. */
  readonly dataDir: string;
  /** File name inside dataDir (default mfa-assistant.sqlite). */
  readonly fileName?: string;
  /** How long a writer waits for another process's lock before failing (default 5 s). */
  readonly busyTimeoutMs?: number;
  /**
   * FULL (default): every commit is flushed to disk before it returns (survives a power cut).
   * NORMAL: commits reach the write-ahead log at once and the disk at checkpoints: they survive a
   * killed process but the last few may be lost in a power cut. The setting is per connection.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

export function databasePath(dataDir: string, fileName: string = DATABASE_FILE_NAME): string {
  return resolve(join(dataDir, fileName));
}

/**
 * Opens (and creates) the one embedded database the bot keeps under DATA_DIR: bot state, the
 * feedback outbox and unanswered questions live in separate tables of this file.
 *
 * Crash safety: write-ahead log (WAL) with synchronous=FULL, so a transaction that has returned is
 * on disk and survives a killed process or a power cut; busy_timeout lets the CLI and the bot
 * share the file.
 */
export function openDatabase(options: OpenDatabaseOptions): SqliteDatabase {
  mkdirSync(options.dataDir, { recursive: true });
  const db = new Database(databasePath(options.dataDir, options.fileName), {
    timeout: options.busyTimeoutMs ?? 5000,
  });
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    db.close();
    throw new Error(`The database under ${options.dataDir} could not use write-ahead logging (got ${String(mode)})`);
  }
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  return db;
}
