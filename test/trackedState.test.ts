import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationState, MemoryStorage, PrivateConversationState, TestAdapter, TurnContext, UserState, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { StorageConflictError } from '../src/bot/faults.js';
import { GuardedStorage } from '../src/bot/guardedStorage.js';
import { OptimisticStorage } from '../src/bot/optimisticStorage.js';
import { TrackedState, TrackedStates } from '../src/bot/trackedState.js';
import { createLogger } from '../src/log.js';
import { openDatabase, SqliteStorage } from '../src/storage/index.js';

function turn(adapter: TestAdapter, user = 'u'): TurnContext {
  return new TurnContext(adapter, { type: 'message', channelId: 'test', conversation: { id: 'c1', isGroup: false, name: '', conversationType: '' }, from: { id: user, name: '' }, recipient: { id: 'b', name: '' } });
}

/** MemoryStorage that counts the calls reaching it, and the keys of each. */
class CountingStorage extends MemoryStorage {
  writes = 0;
  readonly reads: string[][] = [];
  readonly written: string[][] = [];
  override read(keys: string[]): Promise<StoreItems> {
    this.reads.push([...keys]);
    return super.read(keys);
  }
  override write(changes: StoreItems): Promise<void> {
    this.writes++;
    this.written.push(Object.keys(changes));
    return super.write(changes);
  }
}

describe('TrackedState: bot state saved only when it changed', () => {
  it('uses the same storage key as the SDK class it is given (state saved before the change is still found)', async () => {
    const storage = new MemoryStorage();
    const adapter = new TestAdapter();
    const sdk = new PrivateConversationState(storage);
    const context = turn(adapter);
    await sdk.createProperty<number>('step').set(context, 4);
    await sdk.saveChanges(context);
    const tracked = new TrackedState(storage, new PrivateConversationState(storage));
    expect(await tracked.createProperty<number>('step').get(turn(adapter))).toBe(4);
  });

  it('writes a changed state once, skips an unchanged one, writes again after the next change', async () => {
    const storage = new CountingStorage();
    const state = new TrackedState(storage, new UserState(storage));
    const progress = state.createProperty<{ step: number }>('progress');
    const adapter = new TestAdapter();

    const first = turn(adapter);
    await progress.set(first, { step: 1 });
    await state.saveChanges(first);
    await state.saveChanges(first);
    expect(storage.writes).toBe(1);

    const second = turn(adapter);
    expect(await progress.get(second)).toEqual({ step: 1 });
    await state.saveChanges(second);
    expect(storage.writes).toBe(1);

    const third = turn(adapter);
    const saved = await progress.get(third);
    if (saved !== undefined) saved.step = 2;
    await state.saveChanges(third);
    expect(storage.writes).toBe(2);
    expect(await progress.get(turn(adapter))).toEqual({ step: 2 });
  });

  it('clear forces a save of an empty state; delete removes it from storage', async () => {
    const storage = new CountingStorage();
    const state = new TrackedState(storage, new UserState(storage));
    const progress = state.createProperty<number>('progress');
    const adapter = new TestAdapter();
    const first = turn(adapter);
    await progress.set(first, 3);
    await state.saveChanges(first);

    const second = turn(adapter);
    await state.clear(second);
    await state.saveChanges(second);
    expect(storage.writes).toBe(2);
    expect(await progress.get(turn(adapter))).toBeUndefined();

    const third = turn(adapter);
    await progress.set(third, 5);
    await state.saveChanges(third);
    await state.delete(turn(adapter));
    expect(await storage.read(['test/users/u/'])).toEqual({});
  });

  it('keeps each person apart (the key includes the user), and saves with the ETag each turn read', async () => {
    const storage = new GuardedStorage({ storage: new OptimisticStorage(new MemoryStorage()), logger: createLogger('silent') });
    const state = new TrackedState(storage, new PrivateConversationState(storage));
    const step = state.createProperty<number>('step');
    const adapter = new TestAdapter();
    const alice = turn(adapter, 'alice');
    await step.set(alice, 1);
    await state.saveChanges(alice);
    expect(await step.get(turn(adapter, 'bob'))).toBeUndefined();

    const a = turn(adapter, 'alice');
    const b = turn(adapter, 'alice');
    await step.set(a, 2);
    await step.set(b, 3);
    await state.saveChanges(a);
    await expect(state.saveChanges(b)).rejects.toBeInstanceOf(StorageConflictError);
    expect(await step.get(turn(adapter, 'alice'))).toBe(2);
  });
});

describe('TrackedStates: a turn reads its states with one storage call and saves them with one', () => {
  function threeStates(storage: CountingStorage) {
    const states = new TrackedStates(storage);
    const conversation = states.add(new ConversationState(storage), { readWithOthers: false });
    const personal = states.add(new PrivateConversationState(storage), { readWithOthers: true });
    const user = states.add(new UserState(storage), { readWithOthers: true });
    return { states, greeted: conversation.createProperty<boolean>('greeted'), step: personal.createProperty<number>('step'), progress: user.createProperty<number>('progress') };
  }

  it("reads the person's place and the user's progress together, and the conversation's state only when asked for", async () => {
    const storage = new CountingStorage();
    const { step, progress, greeted } = threeStates(storage);
    const context = turn(new TestAdapter());
    expect(await step.get(context)).toBeUndefined();
    expect(await progress.get(context)).toBeUndefined();
    expect(storage.reads).toEqual([['test/conversations/c1/users/u/', 'test/users/u/']]);
    await greeted.get(context);
    expect(storage.reads).toHaveLength(2);
    expect(storage.reads[1]).toEqual(['test/conversations/c1/']);
  });

  it('saves every state that changed in one write, and none that did not', async () => {
    const storage = new CountingStorage();
    const { states, step, progress, greeted } = threeStates(storage);
    const adapter = new TestAdapter();
    const first = turn(adapter);
    await step.set(first, 2);
    await progress.set(first, 2);
    await greeted.set(first, true);
    await states.saveAll(first);
    expect(storage.written).toEqual([['test/conversations/c1/', 'test/conversations/c1/users/u/', 'test/users/u/']]);

    const second = turn(adapter);
    expect(await step.get(second)).toBe(2);
    await progress.set(second, 3);
    await states.saveAll(second);
    expect(storage.written[1]).toEqual(['test/users/u/']);

    const third = turn(adapter);
    await step.get(third);
    await states.saveAll(third);
    expect(storage.writes).toBe(2);
    expect(await progress.get(turn(adapter))).toBe(3);
    expect(await greeted.get(turn(adapter))).toBe(true);
  });

  it('a state whose key the activity cannot make (no sender) fails on its own, the others are still read', async () => {
    const storage = new CountingStorage();
    const states = new TrackedStates(storage);
    const conversation = states.add(new ConversationState(storage), { readWithOthers: true });
    const user = states.add(new UserState(storage), { readWithOthers: true });
    const context = new TurnContext(new TestAdapter(), { type: 'message', channelId: 'test', conversation: { id: 'c1', isGroup: false, name: '', conversationType: '' }, recipient: { id: 'b', name: '' } });
    expect(await conversation.createProperty<number>('n').get(context, 1)).toBe(1);
    expect(storage.reads).toEqual([['test/conversations/c1/']]);
    await expect(user.createProperty<number>('n').get(context)).rejects.toThrow(/from\.id/);
  });

  it('on SQLite a conflict on one state leaves every state of the turn as the other turn saved it', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'tracked-states-'));
    const db = openDatabase({ dataDir: temp });
    try {
      const storage = new GuardedStorage({ storage: new OptimisticStorage(new SqliteStorage(db)), logger: createLogger('silent') });
      const states = new TrackedStates(storage);
      const step = states.add(new PrivateConversationState(storage), { readWithOthers: true }).createProperty<number>('step');
      const progress = states.add(new UserState(storage), { readWithOthers: true }).createProperty<number>('progress');
      const adapter = new TestAdapter();
      const before = turn(adapter);
      await step.set(before, 1);
      await states.saveAll(before);
      // Two turns at once; only the person's place was saved before, so only it has an ETag to conflict on.
      const a = turn(adapter);
      const b = turn(adapter);
      await step.set(a, 2);
      await progress.set(a, 2);
      await step.set(b, 3);
      await progress.set(b, 3);
      await states.saveAll(a);
      await expect(states.saveAll(b)).rejects.toBeInstanceOf(StorageConflictError);
      const after = turn(adapter);
      expect([await step.get(after), await progress.get(after)]).toEqual([2, 2]);
    } finally {
      db.close();
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
