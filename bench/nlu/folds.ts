import type { ExampleSet } from '../../src/content/intents/index.js';
import { IN_SCOPE_INTENT_IDS } from '../../src/nlu/intents.js';

/** Cross-validation's folds: every intent's examples and the out-of-scope list split into five. */
export const FOLDS = 5;

/** A fold from a hash of `salt` and the text (FNV-1a): the same partition for every variant measured. */
export function hashFold(text: string, salt: string): number {
  let hash = 2166136261;
  for (const char of `${salt}\u0000${text}`) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  return hash % FOLDS;
}

function foldOf(list: readonly string[], fold: number, keep: boolean, salt: string | undefined): string[] {
  return list.filter((text, index) => ((salt === undefined ? index % FOLDS : hashFold(text, salt)) === fold) !== keep);
}

/**
 * `fold` left out of `set` (test) and the rest (train): by position within each list, or with
 * `salt` by hashFold (`cv.ts --split-salt=S`). Each list keeps its order.
 */
export function splitFold(set: ExampleSet, fold: number, salt?: string): { train: ExampleSet; test: ExampleSet } {
  const train: Record<string, string[]> = {};
  const test: Record<string, string[]> = {};
  for (const intent of IN_SCOPE_INTENT_IDS) {
    const list = set.intents[intent] ?? [];
    train[intent] = foldOf(list, fold, true, salt);
    test[intent] = foldOf(list, fold, false, salt);
  }
  return {
    train: { intents: train, none: foldOf(set.none, fold, true, salt) },
    test: { intents: test, none: foldOf(set.none, fold, false, salt) },
  };
}
