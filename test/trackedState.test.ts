import { MemoryStorage, PrivateConversationState, TestAdapter, TurnContext, UserState, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { StorageConflictError } from '../src/bot/faults.js';
import { GuardedStorage } from '../src/bot/guardedStorage.js';
import { OptimisticStorage } from '../src/bot/optimisticStorage.js';
import { TrackedState } from '../src/bot/trackedState.js';
import { createLogger } from '../src/log.js';

function turn(adapter: TestAdapter, user = 'u'): TurnContext {
  return new TurnContext(adapter, { type: 'message', channelId: 'test', conversation: { id: 'c1', isGroup: false, name: '', conversationType: '' }, from: { id: user, name: '' }, recipient: { id: 'b', name: '' } });
}

/** MemoryStorage that counts the writes reaching it. */
class CountingStorage extends MemoryStorage {
  writes = 0;
  override write(changes: StoreItems): Promise<void> {
    this.writes++;
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
