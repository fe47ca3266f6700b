import type Database from 'better-sqlite3';

/** An item as the file holds it: its JSON (eTag included) and its eTag. */
export interface Stored {
  readonly json: string;
  readonly eTag: string;
}

/**
 * The bot state items read or written last, as the database file holds them, so a turn's read
 * need not enter SQLite. Another connection's commit (another process sharing the file, or this
 * process's feedback connection) changes `PRAGMA data_version`, and then the cache is emptied.
 *
 * The version is looked at once per pass of the event loop, before the first read of the pass,
 * and again inside every write transaction (where the eTags are checked, so a write can never
 * overwrite another process's change unseen). A read therefore sees the file as it was at most
 * one pass earlier: the same as a read that happened to run just before the other commit.
 * Least recently used items go first once `size` items are kept.
 */
export class StateCache {
  private readonly items = new Map<string, Stored>();
  private version: unknown;
  private checked = false;

  constructor(
    private readonly dataVersion: Database.Statement,
    private readonly size: number,
  ) {
    this.version = dataVersion.get();
  }

  get(key: string): Stored | undefined {
    if (this.size === 0) return undefined;
    this.checkOncePerPass();
    const stored = this.items.get(key);
    if (stored !== undefined) {
      this.items.delete(key);
      this.items.set(key, stored);
    }
    return stored;
  }

  set(key: string, stored: Stored): void {
    if (this.size === 0) return;
    this.items.delete(key);
    this.items.set(key, stored);
    if (this.items.size <= this.size) return;
    const oldest = this.items.keys().next();
    if (oldest.done !== true) this.items.delete(oldest.value);
  }

  delete(key: string): void {
    this.items.delete(key);
  }

  clear(): void {
    this.items.clear();
  }

  /** Empties the cache if another connection has committed since the last look. */
  checkNow(): void {
    const version: unknown = this.dataVersion.get();
    if (version !== this.version) this.items.clear();
    this.version = version;
  }

  private checkOncePerPass(): void {
    if (this.checked) return;
    this.checked = true;
    this.checkNow();
    setImmediate(() => {
      this.checked = false;
    });
  }
}
