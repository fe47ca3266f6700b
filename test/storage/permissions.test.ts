import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../src/storage/database.js';
import { startServer } from '../support/server.js';
import { makeTempDir } from '../support/tempDir.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

const temps: (() => void)[] = [];
afterEach(() => {
  for (const remove of temps.splice(0)) remove();
});

/** Issue 15, item 5: feedback contact details and the user-hash salt are readable by the bot's account only. */
describe('the database folder is 0700 and its files 0600', () => {
  it('a new DATA_DIR, as the server makes it', async () => {
    const temp = makeTempDir('perm-new');
    temps.push(temp.remove);
    const dataDir = join(temp.dir, 'data');
    const server = await startServer({ DATA_DIR: dataDir });
    try {
      await fetch(`${server.url}/healthz`);
      const db = databasePath(dataDir);
      expect(modeOf(dataDir)).toBe(0o700);
      for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(modeOf(file)).toBe(0o600);
    } finally {
      await server.close();
    }
  });

  it('an existing install left at 0755/0644 is put right at start-up', () => {
    const temp = makeTempDir('perm-old');
    temps.push(temp.remove);
    const dataDir = join(temp.dir, 'data');
    openDatabase({ dataDir }).close();
    chmodSync(dataDir, 0o755);
    const db = databasePath(dataDir);
    chmodSync(db, 0o644);
    writeFileSync(`${db}-wal`, '');
    chmodSync(`${db}-wal`, 0o644);
    openDatabase({ dataDir }).close();
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(db)).toBe(0o600);
  });

  it('a nested DATA_DIR gets 0700 too', () => {
    const temp = makeTempDir('perm-nested');
    temps.push(temp.remove);
    mkdirSync(join(temp.dir, 'a'), { mode: 0o755 });
    const dataDir = join(temp.dir, 'a', 'b');
    openDatabase({ dataDir }).close();
    expect(modeOf(dataDir)).toBe(0o700);
  });
});
