import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '../../src/storage/database.js';

/** A fresh directory under the OS temp dir, and a function that removes it. */
export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `mfa-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Two connections to one fresh database (as two instances, or the bot and the CLI, have), and a function that closes both and removes the folder. */
export function twoDatabaseHandles(prefix: string): { dbs: readonly [SqliteDatabase, SqliteDatabase]; remove: () => void } {
  const temp = makeTempDir(prefix);
  const dbs = [openDatabase({ dataDir: temp.dir }), openDatabase({ dataDir: temp.dir })] as const;
  return {
    dbs,
    remove: () => {
      for (const db of dbs) db.close();
      temp.remove();
    },
  };
}
