import type { IntentId } from '../../src/nlu/intents.js';

/** Questions answered `none` with topics offered as one-tap choices (the matcher's `suggestions`). */
export interface NearMisses {
  /** In-scope questions rejected, and those of them whose right intent was among the topics offered. */
  readonly rejected: number;
  readonly offeredRight: number;
  /** Out-of-scope questions, and those that were offered any topic. */
  readonly outOfScope: number;
  readonly outOfScopeOffered: number;
}

/** One question's label and what was answered for it. */
export interface Offered {
  readonly expected: IntentId;
  readonly intent: IntentId;
  readonly suggestions: readonly IntentId[];
}

/** The near-miss counts over some answered questions (the same rule for cv.ts, measure.ts and heldout-summary.ts). */
export function countNearMisses(answers: Iterable<Offered>): NearMisses {
  let rejected = 0;
  let offeredRight = 0;
  let outOfScope = 0;
  let outOfScopeOffered = 0;
  for (const { expected, intent, suggestions } of answers) {
    if (expected === 'none') {
      outOfScope++;
      if (intent === 'none' && suggestions.length > 0) outOfScopeOffered++;
    } else if (intent === 'none') {
      rejected++;
      if (suggestions.includes(expected)) offeredRight++;
    }
  }
  return { rejected, offeredRight, outOfScope, outOfScopeOffered };
}
