import type { SqliteDatabase } from '../storage/database.js';
import { textColumn } from '../storage/rows.js';

/** Small named values the feedback machinery keeps (the generated salt, the last digest time). */
export function readMeta(db: SqliteDatabase, key: string): string | null {
  const row: unknown = db.prepare('SELECT value FROM feedback_meta WHERE key = ?').get(key);
  return row === undefined ? null : textColumn(row, 'value');
}

export function writeMeta(db: SqliteDatabase, key: string, value: string): void {
  db.prepare(
    'INSERT INTO feedback_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** Reads a value, or stores the one `make` gives when there is none yet (atomically). */
export function readOrCreateMeta(db: SqliteDatabase, key: string, make: () => string): string {
  const run = db.transaction((): string => {
    const existing = readMeta(db, key);
    if (existing !== null) return existing;
    const created = make();
    writeMeta(db, key, created);
    return created;
  });
  return run.immediate();
}
