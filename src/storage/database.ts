import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
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
 * The database holds feedback contact details and the user-hash salt: only the bot's own account
 * may read it. Sets the mode and checks it took (a folder or file owned by another account cannot
 * be changed: start-up stops with one line naming DATA_DIR).
 */
function ownerOnly(path: string, mode: number): void {
  chmodSync(path, mode);
  if ((statSync(path).mode & 0o777) !== mode) {
    throw Object.assign(new Error(`${path} could not be made private`), { code: 'EPERM' });
  }
}

/**
 * Opens (and creates) the one embedded database the bot keeps under DATA_DIR: bot state, the
 * feedback outbox and unanswered questions live in separate tables of this file.
 *
 * Crash safety: write-ahead log (WAL) with synchronous=FULL, so a transaction that has returned is
 * on disk and survives a killed process or a power cut; busy_timeout lets the CLI and the bot
 * share the file. The folder is 0700 and the files 0600, set and checked every time it is opened.
 */
export function openDatabase(options: OpenDatabaseOptions): SqliteDatabase {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  ownerOnly(options.dataDir, 0o700);
  const path = databasePath(options.dataDir, options.fileName);
  const db = new Database(path, {
    timeout: options.busyTimeoutMs ?? 5000,
  });
  // Created with the process umask (often 0644). Set before WAL starts: SQLite gives -wal and -shm the database file's mode.
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) ownerOnly(file, 0o600);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    db.close();
    throw new Error(`The database under ${options.dataDir} could not use write-ahead logging (got ${String(mode)})`);
  }
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  return db;
}
