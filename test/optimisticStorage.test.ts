import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Storage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { StorageConflictError } from '../src/bot/faults.js';
import { GuardedStorage } from '../src/bot/guardedStorage.js';
import { OptimisticStorage } from '../src/bot/optimisticStorage.js';
import { createLogger } from '../src/log.js';

function turn(adapter: TestAdapter): TurnContext {
  return new TurnContext(adapter, { type: 'message', channelId: 'test', conversation: { id: 'c1', isGroup: false, name: '', conversationType: '' }, from: { id: 'u', name: '' }, recipient: { id: 'b', name: '' } });
}

/** Two turns of one conversation load the same state, each changes it, then both save. */
async function twoOverlappingTurns(storage: Storage): Promise<{ second: unknown; saved: unknown }> {
  const state = new ConversationState(storage);
  const step = state.createProperty<number>('step');
  const adapter = new TestAdapter();
  const first = turn(adapter);
  await step.set(first, 1);
  await state.saveChanges(first);

  const a = turn(adapter);
  const b = turn(adapter);
  await state.load(a);
  await state.load(b);
  await step.set(a, 2);
  await step.set(b, 3);
  await state.saveChanges(a);
  let second: unknown;
  try {
    await state.saveChanges(b);
  } catch (e) {
    second = e;
  }
  const check = turn(adapter);
  return { second, saved: await step.get(check) };
}

describe('saves are conditional on the ETag each turn read', () => {
  it('plain BotState over MemoryStorage: the later save silently overwrites the earlier one', async () => {
    const { second, saved } = await twoOverlappingTurns(new MemoryStorage());
    expect(second).toBeUndefined();
    expect(saved).toBe(3);
  });

  it('with OptimisticStorage the later save is refused as a conflict and the earlier one stands', async () => {
    const storage = new GuardedStorage({ storage: new OptimisticStorage(new MemoryStorage()), timeoutMs: 1000, logger: createLogger('silent') });
    const { second, saved } = await twoOverlappingTurns(storage);
    expect(second).toBeInstanceOf(StorageConflictError);
    expect(saved).toBe(2);
  });
});
