import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from './database.js';
import { isRow, textColumn } from './rows.js';
import { StateCache, type Stored } from './stateCache.js';

export interface SqliteStorageOptions {
  /** Makes the eTag of each write (default: a random UUID). */
  readonly newETag?: () => string;
  /** Clock for the updated_at column (default Date.now). */
  readonly now?: () => number;
  /** Most items kept in memory between turns (default 4096; 0 turns the cache off). */
  readonly cacheSize?: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bot_state (
  key        TEXT PRIMARY KEY,
  etag       TEXT NOT NULL,
  data       TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
`;

/** An item to write, serialised when the call was made (as MemoryStorage does): the eTag it was read with, and what to store. */
interface Prepared {
  readonly key: string;
  readonly wanted: unknown;
  readonly stored: Stored;
}

/** One call waiting for the next commit: a write (all its items or none) or a delete. */
type Change =
  | { readonly kind: 'write'; readonly items: readonly Prepared[]; readonly settle: Settle }
  | { readonly kind: 'delete'; readonly keys: readonly string[]; readonly settle: Settle };

interface Settle {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Bot state in SQLite: the Bot Framework `Storage` contract (read / write / delete of JSON items
 * by key), structurally, so this file needs no SDK.
 *
 * Concurrency follows botbuilder's MemoryStorage: every write gives the item a new `eTag`;
 * a write whose item has no eTag or `eTag: '*'` always wins; a write whose eTag differs from the
 * stored one throws `Storage: error writing "<key>" due to eTag conflict.`; a write to a key that
 * does not exist yet succeeds whatever its eTag. Unlike MemoryStorage a call is all or nothing:
 * one conflict leaves every item of that call unwritten. Items are stored as JSON, so what comes
 * back is what JSON.stringify kept (as with MemoryStorage).
 *
 * Under load a turn's storage work was mostly the cost of entering SQLite at all (each statement,
 * each BEGIN and COMMIT), not the data (bench/RESULTS.md, "Load"), so this store enters it less:
 * - Group commit: the writes and deletes of every turn that reaches its save in the same pass of
 *   the event loop are committed together, in order, in one transaction just after it
 *   (setImmediate); each call's promise settles when that commit has happened (its own conflict
 *   rejects it alone). A write has still reached the write-ahead log before its turn replies.
 * - Reads come from a cache of recent items (StateCache), checked against other writers.
 */
export class SqliteStorage {
  private readonly newETag: () => string;
  private readonly now: () => number;
  // Prepared once: compiling the SQL on every call was a tenth of a turn's CPU time under load.
  private readonly select: Database.Statement;
  private readonly selectETag: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly readAll: Database.Transaction<(keys: string[]) => Record<string, unknown>>;
  private readonly commit: Database.Transaction<(changes: readonly Change[]) => Map<Change, unknown>>;
  private readonly cache: StateCache;
  private queued: Change[] = [];

  constructor(db: SqliteDatabase, options: SqliteStorageOptions = {}) {
    this.newETag = options.newETag ?? randomUUID;
    this.now = options.now ?? Date.now;
    db.exec(SCHEMA);
    this.cache = new StateCache(db.prepare('PRAGMA data_version').pluck(), options.cacheSize ?? 4096);
    this.select = db.prepare('SELECT data, etag FROM bot_state WHERE key = ?');
    this.selectETag = db.prepare('SELECT etag FROM bot_state WHERE key = ?').pluck();
    this.upsert = db.prepare(
      `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`,
    );
    this.remove = db.prepare('DELETE FROM bot_state WHERE key = ?');
    // The keys of one call in one read transaction: each statement on its own took and released SQLite's locks (system calls).
    this.readAll = db.transaction((keys: string[]) => {
      const items: Record<string, unknown> = {};
      for (const key of keys) {
        const row: unknown = this.select.get(key);
        if (row === undefined) continue;
        const stored = { json: textColumn(row, 'data'), eTag: textColumn(row, 'etag') };
        this.cache.set(key, stored);
        items[key] = JSON.parse(stored.json);
      }
      return items;
    });
    this.commit = db.transaction((changes: readonly Change[]) => this.applyAll(changes));
  }

  async read(keys: string[]): Promise<Record<string, unknown>> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const items: Record<string, unknown> = {};
    const missing: string[] = [];
    for (const key of keys) {
      const stored = this.cache.get(key);
      if (stored === undefined) missing.push(key);
      else items[key] = JSON.parse(stored.json);
    }
    return missing.length === 0 ? items : { ...items, ...this.readAll(missing) };
  }

  write(changes: Record<string, unknown>): Promise<void> {
    if (typeof changes !== 'object' || changes === null) return Promise.reject(new ReferenceError('Changes are required when writing.'));
    const items: Prepared[] = [];
    for (const [key, item] of Object.entries(changes)) {
      if (!isRow(item)) return Promise.reject(new TypeError(`Storage: item "${key}" must be an object.`));
      const eTag = this.newETag();
      items.push({ key, wanted: item['eTag'], stored: { json: JSON.stringify({ ...item, eTag }), eTag } });
    }
    return this.enqueue((settle) => ({ kind: 'write', items, settle }));
  }

  delete(keys: string[]): Promise<void> {
    return this.enqueue((settle) => ({ kind: 'delete', keys: [...keys], settle }));
  }

  private enqueue(make: (settle: Settle) => Change): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.queued.length === 0) setImmediate(() => this.flush());
      this.queued.push(make({ resolve, reject }));
    });
  }

  /** Commits every queued change in one transaction, then settles each call. */
  private flush(): void {
    const changes = this.queued;
    this.queued = [];
    let refused: Map<Change, unknown>;
    try {
      refused = this.commit.immediate(changes);
    } catch (error) {
      // Nothing was committed (a full disk, a closed database): every call fails, and the cache may be ahead of the file.
      this.cache.clear();
      for (const change of changes) change.settle.reject(error);
      return;
    }
    for (const change of changes) {
      if (refused.has(change)) change.settle.reject(refused.get(change));
      else change.settle.resolve();
    }
  }

  /**
   * Applies the changes in order inside the write transaction. A write is checked whole before
   * any of its items is written, so a conflict leaves it out entirely (returned, not thrown: the
   * other calls of the batch still commit). The cache is updated as it goes and so holds what the
   * transaction holds: a later call in the same batch checks its eTags against earlier ones.
   */
  private applyAll(changes: readonly Change[]): Map<Change, unknown> {
    // Inside the write lock: whatever another connection committed before it is seen now.
    this.cache.checkNow();
    const refused = new Map<Change, unknown>();
    for (const change of changes) {
      if (change.kind === 'delete') {
        for (const key of change.keys) {
          this.remove.run(key);
          this.cache.delete(key);
        }
        continue;
      }
      const conflict = change.items.find((item) => !this.eTagAllows(item));
      if (conflict !== undefined) {
        refused.set(change, new Error(`Storage: error writing "${conflict.key}" due to eTag conflict.`));
        continue;
      }
      const now = this.now();
      for (const { key, stored } of change.items) {
        this.upsert.run(key, stored.eTag, stored.json, now);
        this.cache.set(key, stored);
      }
    }
    return refused;
  }

  /** Whether an item's eTag lets it be written: none or '*', no such row yet, or the row's own. */
  private eTagAllows({ key, wanted }: Prepared): boolean {
    if (!wanted || wanted === '*') return true;
    const current = this.storedETag(key);
    return current === undefined || current === wanted;
  }

  /** The eTag the file holds for a key (undefined: no such row), from the cache when it has it. */
  private storedETag(key: string): string | undefined {
    const cached: Stored | undefined = this.cache.get(key);
    if (cached !== undefined) return cached.eTag;
    const eTag: unknown = this.selectETag.get(key);
    return typeof eTag === 'string' ? eTag : undefined;
  }
}
