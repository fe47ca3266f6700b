import { TestAdapter, TurnContext, type StatePropertyAccessor } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { EnrolProgressStore } from '../../src/dialogs/progress.js';
import type { Funnel, FunnelEvent } from '../../src/funnel/index.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2030, 0, 7, 9);
const DAY0 = Math.floor(T0 / DAY);

/** A user-state property held in a variable, as the bot's UserState would hold it for one user. */
class Property implements StatePropertyAccessor<unknown> {
  constructor(public value: unknown = undefined) {}
  readonly name = 'enrolProgress';
  async get(): Promise<unknown> {
    return this.value;
  }
  async set(_context: TurnContext, value: unknown): Promise<void> {
    this.value = value;
  }
  async delete(): Promise<void> {
    this.value = undefined;
  }
}

function setUp(saved?: unknown) {
  let now = T0;
  const events: FunnelEvent[] = [];
  const funnel: Funnel = { record: (e) => void events.push(e) };
  const property = new Property(saved);
  const store = new EnrolProgressStore(property, funnel, () => now);
  const context = new TurnContext(new TestAdapter(), { type: 'message' });
  return { store, property, events, context, advance: (ms: number) => void (now += ms) };
}

describe('walkthrough progress and the funnel', () => {
  it('a first step shown starts a walkthrough on today\'s day; each step counts once however often it is shown', async () => {
    const { store, property, events, context } = setUp();
    await store.set(context, { step: 1 });
    await store.set(context, { step: 2 });
    await store.set(context, { step: 1 });
    await store.set(context, { step: 2 });
    await store.set(context, { step: 3 });
    expect(events).toEqual([{ kind: 'started', day: DAY0 }, { kind: 'reached', step: 1 }, { kind: 'reached', step: 2 }, { kind: 'reached', step: 3 }]);
    expect(property.value).toEqual({ step: 3, started: DAY0, furthest: 3 });
  });

  it('"Yes, it worked" within 7 days of the start day counts as finished for that day; on the 8th day after, only as worked', async () => {
    const soon = setUp();
    await soon.store.set(soon.context, { step: 6 });
    soon.advance(7 * DAY);
    await soon.store.finish(soon.context);
    expect(soon.events.slice(-2)).toEqual([{ kind: 'worked' }, { kind: 'finished', day: DAY0 }]);
    expect(soon.property.value).toBeUndefined();

    const late = setUp();
    await late.store.set(late.context, { step: 6 });
    late.advance(8 * DAY);
    await late.store.finish(late.context);
    expect(late.events.slice(-1)).toEqual([{ kind: 'worked' }]);
  });

  it('progress saved before the funnel (no start day) is no new start, and its finish is only worked', async () => {
    const { store, property, events, context } = setUp({ step: 3 });
    await store.set(context, { step: 3 });
    await store.set(context, { step: 4 });
    await store.finish(context);
    expect(events).toEqual([{ kind: 'reached', step: 4 }, { kind: 'worked' }]);
    expect(property.value).toBeUndefined();
  });

  it('damaged saved progress is read as far as it is sound, and counts nothing it cannot stand behind', async () => {
    const { store, events, context, property } = setUp({ step: 2, started: 'yesterday', furthest: 1e9 });
    await store.set(context, { step: 3 });
    await store.finish(context);
    expect(events).toEqual([{ kind: 'worked' }]);
    const broken = setUp({ step: 'two', started: DAY0 });
    await broken.store.set(broken.context, { step: 1 });
    // Not a walkthrough in progress at all: a fresh start.
    expect(broken.events).toEqual([{ kind: 'started', day: DAY0 }, { kind: 'reached', step: 1 }]);
    expect(property.value).toBeUndefined();
  });
});
