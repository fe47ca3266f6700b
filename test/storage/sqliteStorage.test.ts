import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, TurnContext, type Storage } from 'botbuilder';
import { openDatabase, type SqliteDatabase } from '../../src/storage/database.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { makeTempDir } from '../support/tempDir.js';

let temp: ReturnType<typeof makeTempDir>;
let db: SqliteDatabase;

beforeEach(() => {
  temp = makeTempDir('storage');
  db = openDatabase({ dataDir: temp.dir });
});

afterEach(() => {
  if (db.open) db.close();
  temp.remove();
});

/** The same behaviour is checked on botbuilder's MemoryStorage and on ours. */
const implementations: [string, () => Storage][] = [
  ['MemoryStorage', () => new MemoryStorage()],
  ['SqliteStorage', () => new SqliteStorage(db)],
];

describe.each(implementations)('Storage contract: %s', (_name, make) => {
  it('reads back what was written, with an eTag, and omits unknown keys', async () => {
    const storage = make();
    await storage.write({ a: { n: 1, list: ['x'] } });
    const items = await storage.read(['a', 'missing']);
    expect(Object.keys(items)).toEqual(['a']);
    expect(items['a']).toMatchObject({ n: 1, list: ['x'] });
    expect(typeof items['a'].eTag).toBe('string');
  });

  it('a write without eTag or with "*" always wins', async () => {
    const storage = make();
    await storage.write({ a: { n: 1 } });
    await storage.write({ a: { n: 2 } });
    await storage.write({ a: { n: 3, eTag: '*' } });
    expect((await storage.read(['a']))['a']).toMatchObject({ n: 3 });
  });

  it('a write with the current eTag succeeds and changes the eTag', async () => {
    const storage = make();
    await storage.write({ a: { n: 1 } });
    const first = (await storage.read(['a']))['a'];
    await storage.write({ a: { ...first, n: 2 } });
    const second = (await storage.read(['a']))['a'];
    expect(second).toMatchObject({ n: 2 });
    expect(second.eTag).not.toBe(first.eTag);
  });

  it('a write with a stale eTag is refused and keeps the newer item', async () => {
    const storage = make();
    await storage.write({ a: { n: 1 } });
    const stale = (await storage.read(['a']))['a'];
    await storage.write({ a: { ...stale, n: 2 } });
    await expect(storage.write({ a: { ...stale, n: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['a']))['a']).toMatchObject({ n: 2 });
  });

  it('a write with an eTag to a key that does not exist succeeds', async () => {
    const storage = make();
    await storage.write({ fresh: { n: 1, eTag: 'something-old' } });
    expect((await storage.read(['fresh']))['fresh']).toMatchObject({ n: 1 });
  });

  it('writes the item as it was when write was called, whatever happens to it before the write settles', async () => {
    const storage = make();
    const item = { n: 1, nested: { list: ['x'] } };
    const written = storage.write({ a: item });
    item.n = 2;
    item.nested.list.push('y');
    await written;
    expect((await storage.read(['a']))['a']).toMatchObject({ n: 1, nested: { list: ['x'] } });
  });

  it('delete removes items and ignores unknown keys', async () => {
    const storage = make();
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.delete(['a', 'nope']);
    const items = await storage.read(['a', 'b']);
    expect(Object.keys(items)).toEqual(['b']);
  });

  it('returns copies: changing what was read does not change the store', async () => {
    const storage = make();
    await storage.write({ a: { n: 1 } });
    const item = (await storage.read(['a']))['a'];
    item.n = 99;
    expect((await storage.read(['a']))['a']).toMatchObject({ n: 1 });
  });
});

describe('SqliteStorage', () => {
  it('keeps state when the database is closed and opened again', async () => {
    await new SqliteStorage(db).write({ conv: { step: 'rating', answers: { category: 'FIDO2' } } });
    db.close();
    db = openDatabase({ dataDir: temp.dir });
    expect((await new SqliteStorage(db).read(['conv']))['conv']).toMatchObject({
      step: 'rating',
      answers: { category: 'FIDO2' },
    });
  });

  it('a batch with one conflict writes nothing', async () => {
    const storage = new SqliteStorage(db);
    await storage.write({ a: { n: 1 } });
    await expect(storage.write({ b: { n: 1 }, a: { n: 2, eTag: 'stale' } })).rejects.toThrow(
      'Storage: error writing "a" due to eTag conflict.',
    );
    expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['a']);
  });

  it('two connections to the same file see each other and detect conflicts', async () => {
    const other = openDatabase({ dataDir: temp.dir });
    try {
      const one: Storage = new SqliteStorage(db);
      const two: Storage = new SqliteStorage(other);
      await one.write({ a: { n: 1 } });
      const seen = (await two.read(['a']))['a'];
      await one.write({ a: { ...seen, n: 2 } });
      await expect(two.write({ a: { ...seen, n: 3 } })).rejects.toThrow(/eTag conflict/);
    } finally {
      other.close();
    }
  });

  it('calls made in the same pass of the event loop commit together, and a conflict refuses only its own call', async () => {
    const storage: Storage = new SqliteStorage(db);
    await storage.write({ a: { n: 1 }, b: { n: 1 } });
    const stale = (await storage.read(['a']))['a'];
    await storage.write({ a: { ...stale, n: 2 } });
    const calls = await Promise.allSettled([
      storage.write({ b: { n: 2 } }),
      storage.write({ a: { ...stale, n: 3 }, c: { n: 3 } }),
      storage.write({ d: { n: 4 } }),
    ]);
    expect(calls.map((c) => c.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(calls[1]).toMatchObject({ reason: new Error('Storage: error writing "a" due to eTag conflict.') });
    const items = await storage.read(['a', 'b', 'c', 'd']);
    expect(items).toMatchObject({ a: { n: 2 }, b: { n: 2 }, d: { n: 4 } });
    expect(items['c']).toBeUndefined();
  });

  it('a later call in the same pass is checked against an earlier one: two saves from one read, the second refused', async () => {
    const storage: Storage = new SqliteStorage(db);
    await storage.write({ a: { n: 1 } });
    const read = (await storage.read(['a']))['a'];
    const calls = await Promise.allSettled([storage.write({ a: { ...read, n: 2 } }), storage.write({ a: { ...read, n: 3 } })]);
    expect(calls.map((c) => c.status)).toEqual(['fulfilled', 'rejected']);
    expect((await storage.read(['a']))['a']).toMatchObject({ n: 2 });
  });

  it('keeps the order of calls in one pass: a write then a delete of the same key leaves nothing', async () => {
    const storage: Storage = new SqliteStorage(db);
    await Promise.all([storage.write({ a: { n: 1 } }), storage.delete(['a']), storage.write({ b: { n: 1 } })]);
    expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
    db.close();
    db = openDatabase({ dataDir: temp.dir });
    expect(Object.keys(await new SqliteStorage(db).read(['a', 'b']))).toEqual(['b']);
  });

  it('sees what another connection wrote since it last read the same key (its cache is emptied)', async () => {
    const other = openDatabase({ dataDir: temp.dir });
    try {
      const one = new SqliteStorage(db);
      const two = new SqliteStorage(other);
      await one.write({ a: { n: 1 } });
      expect((await two.read(['a']))['a']).toMatchObject({ n: 1 });
      await one.write({ a: { n: 2 } });
      // The other connection's cache is checked once per pass of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      expect((await two.read(['a']))['a']).toMatchObject({ n: 2 });
    } finally {
      other.close();
    }
  });

  it('a write refused by the file (database closed) fails every call waiting with it', async () => {
    const storage = new SqliteStorage(db);
    await storage.write({ a: { n: 1 } });
    const calls = Promise.allSettled([storage.write({ a: { n: 2 } }), storage.write({ b: { n: 2 } })]);
    db.close();
    expect((await calls).map((c) => c.status)).toEqual(['rejected', 'rejected']);
    db = openDatabase({ dataDir: temp.dir });
    const items = await new SqliteStorage(db).read(['a', 'b']);
    expect(Object.keys(items)).toEqual(['a']);
    expect(items['a']).toMatchObject({ n: 1 });
  });

  it('is a botbuilder Storage that ConversationState can load and save through', async () => {
    const storage: Storage = new SqliteStorage(db);
    const state = new ConversationState(storage);
    const counter = state.createProperty<number>('count');
    const adapter = new TestAdapter();
    const activity = {
      type: ActivityTypes.Message,
      text: 'hi',
      channelId: 'test',
      conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'user-1', name: 'User' },
      recipient: { id: 'bot', name: 'Bot' },
    };
    for (let turn = 1; turn <= 3; turn += 1) {
      const context = new TurnContext(adapter, activity);
      await state.load(context);
      const count = (await counter.get(context, 0)) + 1;
      await counter.set(context, count);
      await state.saveChanges(context);
    }
    db.close();
    db = openDatabase({ dataDir: temp.dir });
    const reopened = new ConversationState(new SqliteStorage(db));
    const context = new TurnContext(adapter, activity);
    await reopened.load(context);
    expect(await reopened.createProperty<number>('count').get(context, 0)).toBe(3);
  });
});
