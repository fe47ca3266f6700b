import type { SqliteDatabase } from '../storage/database.js';
import { textColumn } from '../storage/rows.js';
import { ensureFeedbackSchema } from './schema.js';
import type { MetaStore, Versioned } from './store.js';

/**
 * Small named values in the embedded database (the generated salt, the end of the last digest
 * period). The version a conditional write names is the value itself: compare-and-set runs in one
 * IMMEDIATE transaction, so it is exact.
 */
export class SqliteMetaStore implements MetaStore {
  private readonly db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.db = db;
    ensureFeedbackSchema(db);
  }

  async read(key: string): Promise<Versioned | null> {
    const value = this.readValue(key);
    return value === null ? null : { value, version: value };
  }

  async compareAndSet(key: string, version: string | null, value: string): Promise<boolean> {
    const run = this.db.transaction((): boolean => {
      if (this.readValue(key) !== version) return false;
      this.db
        .prepare('INSERT INTO feedback_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run(key, value);
      return true;
    });
    return run.immediate();
  }

  private readValue(key: string): string | null {
    const row: unknown = this.db.prepare('SELECT value FROM feedback_meta WHERE key = ?').get(key);
    return row === undefined ? null : textColumn(row, 'value');
  }
}
