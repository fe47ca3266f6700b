import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../src/storage/database.js';
import { StateCache } from '../../src/storage/stateCache.js';
import { makeTempDir } from '../support/tempDir.js';

let temp: ReturnType<typeof makeTempDir>;
let db: SqliteDatabase;

beforeEach(() => {
  temp = makeTempDir('state-cache');
  db = openDatabase({ dataDir: temp.dir });
});

afterEach(() => {
  if (db.open) db.close();
  temp.remove();
});

const item = (n: number) => ({ json: JSON.stringify({ n, eTag: `e${n}` }), eTag: `e${n}` });

describe('StateCache', () => {
  it('keeps at most its size, dropping the item used least recently', () => {
    const cache = new StateCache(db.prepare('PRAGMA data_version').pluck(), 2);
    cache.set('a', item(1));
    cache.set('b', item(2));
    expect(cache.get('a')).toEqual(item(1));
    cache.set('c', item(3));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(item(1));
    expect(cache.get('c')).toEqual(item(3));
  });

  it('keeps nothing with size 0', () => {
    const cache = new StateCache(db.prepare('PRAGMA data_version').pluck(), 0);
    cache.set('a', item(1));
    expect(cache.get('a')).toBeUndefined();
  });

  it('is emptied when another connection commits to the file, and not by this connection', () => {
    const cache = new StateCache(db.prepare('PRAGMA data_version').pluck(), 10);
    cache.checkNow();
    cache.set('a', item(1));
    db.exec('CREATE TABLE mine (x); INSERT INTO mine VALUES (1)');
    cache.checkNow();
    expect(cache.get('a')).toEqual(item(1));
    const other = openDatabase({ dataDir: temp.dir });
    try {
      other.exec('INSERT INTO mine VALUES (2)');
    } finally {
      other.close();
    }
    cache.checkNow();
    expect(cache.get('a')).toBeUndefined();
  });
});
