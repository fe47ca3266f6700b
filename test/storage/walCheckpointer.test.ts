import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databasePath, openDatabase, type SqliteDatabase } from '../../src/storage/database.js';
import { BACKSTOP_PAGES, WalCheckpointer } from '../../src/storage/walCheckpointer.js';
import { makeTempDir } from '../support/tempDir.js';

let temp: ReturnType<typeof makeTempDir>;
let db: SqliteDatabase;

beforeEach(() => {
  temp = makeTempDir('checkpoint');
  db = openDatabase({ dataDir: temp.dir, synchronous: 'NORMAL' });
  db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)');
});

afterEach(() => {
  if (db.open) db.close();
  temp.remove();
});

/** Writes `rows` rows of 2 KB, one transaction each, as turns do. */
function write(rows: number, from = 0): void {
  const insert = db.prepare('INSERT OR REPLACE INTO t (k, v) VALUES (?, ?)');
  for (let i = from; i < from + rows; i++) insert.run(i, 'x'.repeat(2000));
}

const fileSize = (path: string) => statSync(path).size;

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('WalCheckpointer: the write-ahead log is copied into the database off the event loop', () => {
  it("copies the bot's writes into the database file while its own connection checkpoints only past the backstop", async () => {
    const path = databasePath(temp.dir);
    const failures: string[] = [];
    const checkpointer = new WalCheckpointer({ path, db, intervalMs: 20, onFailure: (r) => failures.push(r) });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
    const before = fileSize(path);
    write(500);
    // 500 rows of 2 KB are about 250 pages: below the backstop, so only the worker can have copied them.
    await until(() => fileSize(path) > before + 500 * 2000);
    await checkpointer.stop();
    expect(failures).toEqual([]);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 500 });
  });

  it('keeps the log bounded under steady writes: it starts again from its beginning', async () => {
    const path = databasePath(temp.dir);
    const checkpointer = new WalCheckpointer({ path, db, intervalMs: 10, backstopPages: 500, onFailure: () => undefined });
    // About 10,000 pages (40 MB) in all, in rounds of 1,250 pages with a pause between, over the same keys.
    for (let round = 0; round < 8; round++) {
      write(2500, 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await checkpointer.stop();
    // A log that never started again would hold every page written; this one holds at most a round and the backstop.
    expect(fileSize(`${path}-wal`)).toBeLessThan((500 + 1250 + 250) * 4200);
  });

  it('a worker that cannot open the database is reported once, and the connection checkpoints by itself again', async () => {
    const failures: string[] = [];
    const checkpointer = new WalCheckpointer({ path: `${temp.dir}/missing/none.sqlite`, db, onFailure: (r) => failures.push(r) });
    await until(() => failures.length > 0);
    expect(failures).toHaveLength(1);
    expect(failures[0]).not.toContain('\n');
    expect(checkpointer.running).toBe(false);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpointer.stop();
  });

  it('stop ends the worker thread and can be called twice', async () => {
    const checkpointer = new WalCheckpointer({ path: databasePath(temp.dir), db, onFailure: () => undefined });
    expect(checkpointer.running).toBe(true);
    const first = checkpointer.stop();
    expect(checkpointer.stop()).toBe(first);
    await first;
    expect(checkpointer.running).toBe(false);
  });
});

describe('the app checkpoints its database off the event loop', () => {
  it('copies the tables made at start-up into the database file at once, long before the backstop', async () => {
    const { startServer } = await import('../support/server.js');
    const dataDir = makeTempDir('app-checkpoint');
    const server = await startServer({ DATA_DIR: dataDir.dir, STORAGE: 'sqlite' });
    try {
      // The tables of bot state, feedback, the funnel and reminders are a few dozen pages, all still in the log at start-up.
      await until(() => fileSize(databasePath(dataDir.dir)) > 16 * 4096);
    } finally {
      await server.close();
      dataDir.remove();
    }
  });
});
