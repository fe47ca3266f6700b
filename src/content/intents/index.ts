import { IN_SCOPE_INTENT_IDS, type InScopeIntentId } from '../../nlu/intents.js';
import { OUT_OF_SCOPE_EXAMPLES } from './out-of-scope.js';
import { CONTRAST_OUT_OF_SCOPE_EXAMPLES, CONTRAST_TRAINING_EXAMPLES } from './training-contrasts.js';
import { OUTSIDER_TRAINING_EXAMPLES } from './training-outsiders.js';
import { TRAINING_EXAMPLES } from './training.js';
import { TUNING_EXAMPLES } from './tuning.js';
import type { ExampleSet } from './types.js';

export type { ExampleSet } from './types.js';

function merged(): ExampleSet['intents'] {
  const intents: Partial<Record<InScopeIntentId, readonly string[]>> = {};
  for (const intent of IN_SCOPE_INTENT_IDS) {
    intents[intent] = [
      ...TRAINING_EXAMPLES[intent],
      ...(OUTSIDER_TRAINING_EXAMPLES[intent] ?? []),
      ...(CONTRAST_TRAINING_EXAMPLES[intent] ?? []),
    ];
  }
  return intents;
}

/** What the matcher learns from: in-scope examples (training.ts, training-outsiders.ts and training-contrasts.ts) plus the out-of-scope lists (out-of-scope.ts, then training-contrasts.ts's). */
export const TRAINING_SET: ExampleSet = { intents: merged(), none: [...OUT_OF_SCOPE_EXAMPLES, ...CONTRAST_OUT_OF_SCOPE_EXAMPLES] };

/** What calibrates the matcher's confidence and `none` threshold; never trained on. */
export const TUNING_SET: ExampleSet = TUNING_EXAMPLES;
