import type { InScopeIntentId } from '../../nlu/intents.js';

/**
 * Example questions for intent matching: for every in-scope intent a list of ways people ask it,
 * and a list of questions the bot must NOT try to answer (`none`).
 */
export interface ExampleSet {
  readonly intents: Readonly<Record<InScopeIntentId, readonly string[]>>;
  readonly none: readonly string[];
}
