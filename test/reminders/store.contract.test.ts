import { statSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reminderKey, toReminderAddress, type NewReminder, type ReminderAddress, type ReminderStore } from '../../src/reminders/index.js';
import { AzureReminderStore } from '../../src/reminders/azureStore.js';
import { SqliteReminderStore } from '../../src/reminders/sqliteStore.js';
import { useAzurite } from '../support/azurite.js';
import { twoDatabaseHandles } from '../support/tempDir.js';

/**
 * One behaviour, two stores: reminders in the embedded SQLite database and in Azure Table Storage
 * (on Azurite). `other` is a second handle on the same data, as another instance would have.
 */
const START = Date.UTC(2030, 0, 6, 9);
const HOUR = 3_600_000;
const LEASE = 5 * 60_000;

const azurite = useAzurite({ beforeAll, afterAll });
let tables = 0;
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

interface Made {
  readonly store: ReminderStore;
  readonly other: ReminderStore;
  readonly path?: string;
}

const stores: [string, () => Made][] = [
  [
    'SQLite',
    () => {
      const { dbs, remove } = twoDatabaseHandles('reminder-contract');
      const [db, db2] = dbs;
      cleanups.push(remove);
      return { store: new SqliteReminderStore(db), other: new SqliteReminderStore(db2), path: db.name };
    },
  ],
  [
    'Azure table',
    () => {
      tables += 1;
      const options = { connectionString: azurite().connectionString(), table: `reminders${tables}` };
      return { store: new AzureReminderStore(options), other: new AzureReminderStore(options) };
    },
  ],
];

function address(conversationId: string, userId = '29:user'): ReminderAddress {
  const a = toReminderAddress({ channelId: 'msteams', serviceUrl: 'https://smba.example/uk/', conversation: { id: conversationId, conversationType: 'personal', tenantId: 't-1' }, user: { id: userId, name: 'Jo Bloggs' }, bot: { id: '28:bot' } });
  if (a === undefined) throw new Error('bad address');
  return a;
}

function reminder(conversationId: string, dueAt: number): NewReminder {
  const a = address(conversationId);
  return { key: reminderKey(a), address: a, dueAt, createdAt: START };
}

describe.each(stores)('reminder store: %s', (_name, make) => {
  it('a reminder is claimed only when due, by one instance only, and gone once completed', async () => {
    const { store, other } = make();
    const r = reminder('a:conv-1', START + 24 * HOUR);
    await store.set(r);
    expect(await store.claimDue(START + 24 * HOUR - 1, LEASE, 10)).toEqual([]);
    const [mine, theirs] = await Promise.all([store.claimDue(START + 24 * HOUR, LEASE, 10), other.claimDue(START + 24 * HOUR, LEASE, 10)]);
    expect([...(mine ?? []), ...(theirs ?? [])].map((c) => c.key)).toEqual([r.key]);
    const claimed = [...mine, ...theirs][0];
    if (claimed === undefined) throw new Error('not claimed');
    expect(claimed.address).toEqual(r.address);
    expect(claimed.dueAt).toBe(r.dueAt);
    await store.complete(claimed);
    expect(await other.claimDue(START + 48 * HOUR, LEASE, 10)).toEqual([]);
    expect(await other.list(START)).toEqual([]);
  });

  it('a crashed instance\'s claim runs out and another instance takes it over', async () => {
    const { store, other } = make();
    const due = START + HOUR;
    await store.set(reminder('a:conv-2', due));
    expect(await store.claimDue(due, LEASE, 10)).toHaveLength(1);
    // The claimer "crashes": nothing is settled. Within the lease nobody else may take it.
    expect(await other.claimDue(due + LEASE - 1, LEASE, 10)).toEqual([]);
    const taken = await other.claimDue(due + LEASE, LEASE, 10);
    expect(taken).toHaveLength(1);
  });

  it('a new request replaces the pending one; the old claim cannot remove the new one', async () => {
    const { store, other } = make();
    const first = reminder('a:conv-3', START + HOUR);
    await store.set(first);
    const [claimed] = await store.claimDue(START + HOUR, LEASE, 10);
    if (claimed === undefined) throw new Error('not claimed');
    await other.set({ ...first, dueAt: START + 7 * 24 * HOUR });
    await store.complete(claimed);
    const listed = await other.list(START + HOUR);
    expect(listed.map((l) => [l.key, l.dueAt, l.claimed])).toEqual([[first.key, START + 7 * 24 * HOUR, false]]);
    expect(await other.claimDue(START + 2 * HOUR, LEASE, 10)).toEqual([]);
  });

  it('cancel removes it; cancelling again says there was none', async () => {
    const { store, other } = make();
    const r = reminder('a:conv-4', START + HOUR);
    await store.set(r);
    expect(await other.cancel(r.key)).toBe(true);
    expect(await other.cancel(r.key)).toBe(false);
    expect(await store.claimDue(START + 10 * HOUR, LEASE, 10)).toEqual([]);
  });

  it('a failed send is retried later with the attempt counted', async () => {
    const { store, other } = make();
    await store.set(reminder('a:conv-5', START + HOUR));
    const [claimed] = await store.claimDue(START + HOUR, LEASE, 10);
    if (claimed === undefined) throw new Error('not claimed');
    await store.retry(claimed, START + 2 * HOUR);
    expect(await other.claimDue(START + 2 * HOUR - 1, LEASE, 10)).toEqual([]);
    const [again] = await other.claimDue(START + 2 * HOUR, LEASE, 10);
    expect(again?.attempts).toBe(1);
  });

  it('lists soonest first, with the channel and no ids or names', async () => {
    const { store } = make();
    await store.set(reminder('a:later', START + 7 * 24 * HOUR));
    await store.set(reminder('a:sooner', START + 24 * HOUR));
    const listed = await store.list(START);
    expect(listed.map((l) => l.dueAt)).toEqual([START + 24 * HOUR, START + 7 * 24 * HOUR]);
    expect(listed.every((l) => l.channelId === 'msteams' && !l.claimed && l.attempts === 0)).toBe(true);
    expect(JSON.stringify(listed)).not.toMatch(/a:later|a:sooner|29:user/);
  });

  it('claims at most `limit`, and only the named key when asked', async () => {
    const { store } = make();
    const rs = ['a:1', 'a:2', 'a:3'].map((c, i) => reminder(c, START + i));
    for (const r of rs) await store.set(r);
    expect(await store.claimDue(START + 10, LEASE, 2)).toHaveLength(2);
    const only = await store.claimDue(START + 10, LEASE, 10, rs[2]?.key);
    expect(only.map((c) => c.key)).toEqual([rs[2]?.key]);
  });
});

describe('what a reminder keeps', () => {
  it('the address keeps ids and the service URL, never the user\'s name', () => {
    const a = address('a:conv-1');
    expect(JSON.stringify(a)).not.toContain('Jo Bloggs');
    expect(a).toEqual({ channelId: 'msteams', serviceUrl: 'https://smba.example/uk/', conversation: { id: 'a:conv-1', conversationType: 'personal', tenantId: 't-1' }, user: { id: '29:user' }, bot: { id: '28:bot' } });
  });

  it('an address without a service URL, or with one that is not http(s), is refused', () => {
    expect(toReminderAddress({ channelId: 'msteams', conversation: { id: 'c' }, user: { id: 'u' }, bot: { id: 'b' } })).toBeUndefined();
    expect(toReminderAddress({ channelId: 'msteams', serviceUrl: 'file:///etc/passwd', conversation: { id: 'c' }, user: { id: 'u' }, bot: { id: 'b' } })).toBeUndefined();
  });

  it('SQLite: a row whose address is not JSON (a damaged file) is dropped when due, and the others are still sent', async () => {
    const { dbs, remove } = twoDatabaseHandles('reminder-damaged');
    cleanups.push(remove);
    const [db] = dbs;
    const store = new SqliteReminderStore(db);
    await store.set(reminder('a:good', START));
    db.prepare("INSERT INTO reminders (key, address, due_at, created_at) VALUES ('damaged', '{not json', ?, ?)").run(START, START);
    expect((await store.list(START)).map((r) => [r.key, r.channelId])).toContainEqual(['damaged', 'unknown']);
    const claimed = await store.claimDue(START, LEASE, 10);
    expect(claimed.map((r) => r.address.conversation.id)).toEqual(['a:good']);
    expect((await store.list(START)).map((r) => r.key)).not.toContain('damaged');
  });

  it('the SQLite file stays private (0600)', () => {
    const made = stores[0]?.[1]();
    if (made?.path === undefined) throw new Error('no path');
    expect(statSync(made.path).mode & 0o777).toBe(0o600);
  });
});
