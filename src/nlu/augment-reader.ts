import type { Analyser } from './analyser.js';
import type { AugmentReader } from './augment.js';
import type { IntentId } from './intents.js';

/**
 * What augmentation needs to know about the training words (augment.ts): whether a word is a cue of
 * an example's intent, and whether a typo reads back as the word it was made from.
 * A stem is a cue of an intent when at least CUE_SHARE of the training examples that contain it are
 * that intent's, and at least two are.
 */
export const CUE_SHARE = 0.3;

export interface ReaderExample {
  readonly intent: IntentId;
  readonly stems: readonly string[];
}

export function stemIntentCounts(examples: readonly ReaderExample[]): Map<string, Map<IntentId, number>> {
  const counts = new Map<string, Map<IntentId, number>>();
  for (const { intent, stems } of examples) {
    for (const stem of new Set(stems)) {
      const perIntent = counts.get(stem) ?? new Map<IntentId, number>();
      perIntent.set(intent, (perIntent.get(intent) ?? 0) + 1);
      counts.set(stem, perIntent);
    }
  }
  return counts;
}

/** Whether `stem` is mostly one intent's in these counts (CUE_SHARE, at least two examples); `intent` limits it to that one. */
export function isCueStem(counts: ReadonlyMap<string, ReadonlyMap<IntentId, number>>, stem: string, intent?: IntentId): boolean {
  const perIntent = counts.get(stem);
  if (perIntent === undefined) return false;
  let total = 0;
  for (const count of perIntent.values()) total += count;
  const cueOf = (count: number): boolean => count >= 2 && count >= CUE_SHARE * total;
  if (intent !== undefined) return cueOf(perIntent.get(intent) ?? 0);
  for (const count of perIntent.values()) if (cueOf(count)) return true;
  return false;
}

export function createAugmentReader(examples: readonly ReaderExample[], analyser: Analyser): AugmentReader {
  const counts = stemIntentCounts(examples);
  const stemsOf = new Map<string, string>();
  const read = (token: string): string => {
    let stems = stemsOf.get(token);
    if (stems === undefined) {
      stems = analyser.analyseTokens([token]).stems.join(' ');
      stemsOf.set(token, stems);
    }
    return stems;
  };
  return {
    isCue(token, source) {
      const intent = examples[source]?.intent;
      if (intent === undefined) return true;
      return read(token).split(' ').some((stem) => isCueStem(counts, stem, intent));
    },
    readsAs: (typed, word) => read(typed) === read(word),
  };
}
