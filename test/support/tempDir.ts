import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '../../src/storage/database.js';

/** A fresh directory under the OS temp dir, and a function that removes it. */
export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `mfa-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh database in its own folder, and a function that closes it and removes the folder. */
export function tempDatabase(prefix: string): { db: SqliteDatabase; remove: () => void } {
  const { dbs, remove } = databaseHandles(prefix, 1);
  const [db] = dbs;
  if (db === undefined) throw new Error('no database');
  return { db, remove };
}

function databaseHandles(prefix: string, count: number): { dbs: SqliteDatabase[]; remove: () => void } {
  const temp = makeTempDir(prefix);
  const dbs = Array.from({ length: count }, () => openDatabase({ dataDir: temp.dir }));
  return {
    dbs,
    remove: () => {
      for (const db of dbs) db.close();
      temp.remove();
    },
  };
}

/** Two connections to one fresh database (as two instances, or the bot and the CLI, have), and a function that closes both and removes the folder. */
export function twoDatabaseHandles(prefix: string): { dbs: readonly [SqliteDatabase, SqliteDatabase]; remove: () => void } {
  const { dbs, remove } = databaseHandles(prefix, 2);
  const [a, b] = dbs;
  if (a === undefined || b === undefined) throw new Error('no database');
  return { dbs: [a, b], remove };
}
