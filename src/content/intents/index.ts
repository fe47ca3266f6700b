import { OUT_OF_SCOPE_EXAMPLES } from './out-of-scope.js';
import { TRAINING_EXAMPLES } from './training.js';
import { TUNING_EXAMPLES } from './tuning.js';
import type { ExampleSet } from './types.js';

export type { ExampleSet } from './types.js';

/** What the matcher learns from: in-scope examples plus the out-of-scope list. */
export const TRAINING_SET: ExampleSet = { intents: TRAINING_EXAMPLES, none: OUT_OF_SCOPE_EXAMPLES };

/** What calibrates the matcher's confidence and `none` threshold; never trained on. */
export const TUNING_SET: ExampleSet = TUNING_EXAMPLES;
