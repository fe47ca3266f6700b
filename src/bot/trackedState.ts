import { BotState, type Storage, type TurnContext } from 'botbuilder';

/** Where a state object is kept: the SDK's own state classes (ConversationState, UserState, …) make the keys. */
export interface StateKeys {
  getStorageKey(context: TurnContext): string | undefined;
}

type StateObject = Record<string, unknown>;

class Cached {
  constructor(
    readonly state: StateObject,
    /** The state as JSON (without its eTag) when it was read or last saved; '' means "save it". */
    readonly json: string,
  ) {}
}

function isStateObject(value: unknown): value is StateObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The state as JSON, leaving out the eTag the store adds (as botbuilder's change hash does). */
function jsonOf(state: StateObject): string {
  if (!('eTag' in state)) return JSON.stringify(state);
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

/**
 * A BotState that tells whether its object changed during the turn by comparing its JSON text
 * with the text it had when read, instead of botbuilder's change hash (its own `stringify`, with a
 * replacer called for every value, then SHA-256, on every load and every save). Same storage keys
 * (made by the SDK's class passed in), same contract: read once per turn, cached in turn state,
 * written only when changed (or forced), `clear` forces a write, `delete` removes it.
 *
 * Measured (bench/dialogContext.ts, "Dialog context" in bench/RESULTS.md): the change hash cost
 * about 10 µs each, four to six times a turn; JSON text costs about 2.5 µs. It relies only on
 * BotState's public methods, which the property accessors and dialogs call.
 */
export class TrackedState extends BotState {
  private readonly cacheKey = Symbol('trackedState');

  /**
   * @param together the set this state is read and saved with (one storage call each a turn);
   *   `readWithOthers` also reads it whenever another of the set is first read in a turn.
   */
  constructor(
    storage: Storage,
    keys: StateKeys,
    private readonly together?: { readonly states: TrackedStates; readonly readWithOthers: boolean },
  ) {
    super(storage, (context) => {
      try {
        const key = keys.getStorageKey(context);
        return key === undefined || key === '' ? Promise.reject(new Error('state: no storage key for this activity')) : Promise.resolve(key);
      } catch (error) {
        // The SDK's classes throw at once when the activity lacks an id the key needs.
        return Promise.reject(error instanceof Error ? error : new Error('state: no storage key for this activity'));
      }
    });
  }

  private cached(context: TurnContext): Cached | undefined {
    const value: unknown = context.turnState.get(this.cacheKey);
    return value instanceof Cached ? value : undefined;
  }

  /** Whether this turn has read (or cleared) the state already. */
  isRead(context: TurnContext): boolean {
    return this.cached(context) !== undefined;
  }

  /** This turn's storage key (rejects when the activity has none, e.g. no sender). */
  keyOf(context: TurnContext): Promise<string> {
    return this.storageKey(context);
  }

  /** Keeps what the store gave for this state as the turn's copy. */
  remember(context: TurnContext, item: unknown): StateObject {
    const state = isStateObject(item) ? item : {};
    context.turnState.set(this.cacheKey, new Cached(state, jsonOf(state)));
    return state;
  }

  override async load(context: TurnContext, force = false): Promise<StateObject> {
    const cached = this.cached(context);
    if (!force && cached !== undefined) return cached.state;
    if (!force && this.together?.readWithOthers === true) {
      await this.together.states.readTogether(context);
      const read = this.cached(context);
      if (read !== undefined) return read.state;
    }
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    return this.remember(context, items[key]);
  }

  /** What to write for this state at the end of the turn: nothing when it did not change (and `force` is false). */
  async changeOf(context: TurnContext, force = false): Promise<{ readonly key: string; readonly state: StateObject; readonly json: string } | undefined> {
    const cached = this.cached(context) ?? (force ? new Cached({}, '') : undefined);
    if (cached === undefined) return undefined;
    const json = jsonOf(cached.state);
    if (!force && json === cached.json) return undefined;
    return { key: await this.storageKey(context), state: cached.state, json };
  }

  /** Records that `state` (as `json`) is what the store now holds. */
  saved(context: TurnContext, state: StateObject, json: string): void {
    context.turnState.set(this.cacheKey, new Cached(state, json));
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const change = await this.changeOf(context, force);
    if (change === undefined) return;
    change.state.eTag = '*';
    await this.storage.write({ [change.key]: change.state });
    this.saved(context, change.state, change.json);
  }

  override async clear(context: TurnContext): Promise<void> {
    context.turnState.set(this.cacheKey, new Cached({}, ''));
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.cacheKey);
    const key = await this.storageKey(context);
    await this.storage.delete([key]);
  }

  override get(context: TurnContext): StateObject | undefined {
    return this.cached(context)?.state;
  }
}

/**
 * The states of a turn, read with one storage call and saved with one: a walkthrough step reads
 * the person's place and the user's progress and changes both, so this halves the calls (and, on
 * SQLite, the transactions) a turn makes. A state added with `readWithOthers: false` (one few
 * turns need, such as whether the conversation was greeted) is read only when asked for, and
 * still saved with the rest. On a store whose writes are all or nothing (SQLite), an ETag
 * conflict on one state now leaves every state of the turn unsaved, as the turn error handler
 * expects.
 */
export class TrackedStates {
  private readonly members: TrackedState[] = [];
  private readonly readTogetherStates: TrackedState[] = [];

  constructor(private readonly storage: Storage) {}

  add(keys: StateKeys, options: { readonly readWithOthers: boolean }): TrackedState {
    const state = new TrackedState(this.storage, keys, { states: this, readWithOthers: options.readWithOthers });
    this.members.push(state);
    if (options.readWithOthers) this.readTogetherStates.push(state);
    return state;
  }

  /** Reads every `readWithOthers` state not read yet this turn, in one call. One without a key is left to fail on its own read. */
  async readTogether(context: TurnContext): Promise<void> {
    const wanted: { state: TrackedState; key: string }[] = [];
    for (const state of this.readTogetherStates) {
      if (state.isRead(context)) continue;
      const key = await state.keyOf(context).catch(() => undefined);
      if (key !== undefined) wanted.push({ state, key });
    }
    if (wanted.length === 0) return;
    const items = await this.storage.read(wanted.map((w) => w.key));
    for (const { state, key } of wanted) if (!state.isRead(context)) state.remember(context, items[key]);
  }

  /** Saves every state that changed this turn, in one write. */
  async saveAll(context: TurnContext): Promise<void> {
    const changes: { state: TrackedState; change: { readonly key: string; readonly state: Record<string, unknown>; readonly json: string } }[] = [];
    for (const state of this.members) {
      const change = await state.changeOf(context);
      if (change !== undefined) changes.push({ state, change });
    }
    if (changes.length === 0) return;
    const items: Record<string, Record<string, unknown>> = {};
    for (const { change } of changes) {
      change.state.eTag = '*';
      items[change.key] = change.state;
    }
    await this.storage.write(items);
    for (const { state, change } of changes) state.saved(context, change.state, change.json);
  }
}
