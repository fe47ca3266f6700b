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

/** What a turn writes for one state: the object under its key, and its JSON to remember once written. */
interface StateChange {
  readonly key: string;
  readonly state: StateObject;
  readonly json: string;
}

/** Writes the changes of one turn in one storage call, then records each as what the store holds. */
async function writeChanges(storage: Storage, context: TurnContext, changed: readonly { readonly owner: TrackedState; readonly change: StateChange }[]): Promise<void> {
  if (changed.length === 0) return;
  const items: Record<string, StateObject> = {};
  for (const { change } of changed) {
    change.state.eTag = '*';
    items[change.key] = change.state;
  }
  await storage.write(items);
  for (const { owner, change } of changed) owner.saved(context, change.state, change.json);
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

  /** Whether it is read whenever another state of its set is first read in a turn. */
  get readsWithOthers(): boolean {
    return this.together?.readWithOthers === true;
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
    if (!force && this.together !== undefined && this.readsWithOthers) {
      await this.together.states.readTogether(context);
      const read = this.cached(context);
      if (read !== undefined) return read.state;
    }
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    return this.remember(context, items[key]);
  }

  /** What to write for this state at the end of the turn: nothing when it did not change (and `force` is false). */
  async changeOf(context: TurnContext, force = false): Promise<StateChange | undefined> {
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
    if (change !== undefined) await writeChanges(this.storage, context, [{ owner: this, change }]);
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

  constructor(private readonly storage: Storage) {}

  add(keys: StateKeys, options: { readonly readWithOthers: boolean }): TrackedState {
    const state = new TrackedState(this.storage, keys, { states: this, readWithOthers: options.readWithOthers });
    this.members.push(state);
    return state;
  }

  /** Reads every `readWithOthers` state not read yet this turn, in one call. One without a key is left to fail on its own read. */
  async readTogether(context: TurnContext): Promise<void> {
    const wanted: { state: TrackedState; key: string }[] = [];
    for (const state of this.members) {
      if (!state.readsWithOthers || state.isRead(context)) continue;
      const key = await state.keyOf(context).catch(() => undefined);
      if (key !== undefined) wanted.push({ state, key });
    }
    if (wanted.length === 0) return;
    const items = await this.storage.read(wanted.map((w) => w.key));
    for (const { state, key } of wanted) if (!state.isRead(context)) state.remember(context, items[key]);
  }

  /** Saves every state that changed this turn, in one write. */
  async saveAll(context: TurnContext): Promise<void> {
    const changed: { owner: TrackedState; change: StateChange }[] = [];
    for (const owner of this.members) {
      const change = await owner.changeOf(context);
      if (change !== undefined) changed.push({ owner, change });
    }
    await writeChanges(this.storage, context, changed);
  }
}
