import type { InScopeIntentId } from '../../nlu/intents.js';

/**
 * Example questions for intent matching: for in-scope intents, lists of ways people ask them, and a
 * list of questions the bot must NOT try to answer (`none`). The bot's own sets (training.ts,
 * tuning.ts) cover every intent; a set built for a test or experiment may cover only some.
 */
export interface ExampleSet {
  readonly intents: Readonly<Partial<Record<InScopeIntentId, readonly string[]>>>;
  readonly none: readonly string[];
}
