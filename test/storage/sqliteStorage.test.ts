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
