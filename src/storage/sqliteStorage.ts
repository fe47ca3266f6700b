import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from './database.js';
import { isRow, textColumn } from './rows.js';

export interface SqliteStorageOptions {
  /** Makes the eTag of each write (default: a random UUID). */
  readonly newETag?: () => string;
  /** Clock for the updated_at column (default Date.now). */
  readonly now?: () => number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bot_state (
  key        TEXT PRIMARY KEY,
  etag       TEXT NOT NULL,
  data       TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
`;

/**
 * Bot state in SQLite: the Bot Framework `Storage` contract (read / write / delete of JSON items
 * by key), structurally, so this file needs no SDK.
 *
 * Concurrency follows botbuilder's MemoryStorage: every write gives the item a new `eTag`;
 * a write whose item has no eTag or `eTag: '*'` always wins; a write whose eTag differs from the
 * stored one throws `Storage: error writing "<key>" due to eTag conflict.`; a write to a key that
 * does not exist yet succeeds whatever its eTag. Unlike MemoryStorage a batch is all or nothing:
 * one conflict rolls back every change in that call. Items are stored as JSON, so what comes back
 * is what JSON.stringify kept (as with MemoryStorage).
 */
export class SqliteStorage {
  private readonly newETag: () => string;
  private readonly now: () => number;
  // Prepared once: compiling the SQL on every call was a tenth of a turn's CPU time under load.
  private readonly select: Database.Statement;
  private readonly selectETag: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly apply: Database.Transaction<(entries: [string, unknown][]) => void>;
  private readonly removeAll: Database.Transaction<(keys: string[]) => void>;
  private readonly readAll: Database.Transaction<(keys: string[]) => Record<string, unknown>>;

  constructor(db: SqliteDatabase, options: SqliteStorageOptions = {}) {
    this.newETag = options.newETag ?? randomUUID;
    this.now = options.now ?? Date.now;
    db.exec(SCHEMA);
    this.select = db.prepare('SELECT data FROM bot_state WHERE key = ?');
    this.selectETag = db.prepare('SELECT etag FROM bot_state WHERE key = ?');
    this.upsert = db.prepare(
      `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`,
    );
    this.remove = db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.apply = db.transaction((entries: [string, unknown][]) => {
      for (const [key, item] of entries) {
        if (!isRow(item)) throw new TypeError(`Storage: item "${key}" must be an object.`);
        const wanted = item['eTag'];
        const row: unknown = this.selectETag.get(key);
        if (row !== undefined && Boolean(wanted) && wanted !== '*') {
          if (wanted !== textColumn(row, 'etag')) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        const eTag = this.newETag();
        this.upsert.run(key, eTag, JSON.stringify({ ...item, eTag }), this.now());
      }
    });
    // The keys of one call in one read transaction: each statement on its own took and released SQLite's locks (system calls).
    this.readAll = db.transaction((keys: string[]) => {
      const items: Record<string, unknown> = {};
      for (const key of keys) {
        const row: unknown = this.select.get(key);
        if (row !== undefined) items[key] = JSON.parse(textColumn(row, 'data'));
      }
      return items;
    });
    this.removeAll = db.transaction((all: string[]) => {
      for (const key of all) this.remove.run(key);
    });
  }

  async read(keys: string[]): Promise<Record<string, unknown>> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    return this.readAll(keys);
  }

  async write(changes: Record<string, unknown>): Promise<void> {
    if (typeof changes !== 'object' || changes === null) throw new ReferenceError('Changes are required when writing.');
    this.apply.immediate(Object.entries(changes));
  }

  async delete(keys: string[]): Promise<void> {
    this.removeAll.immediate(keys);
  }
}
