import { accepts, type RankedCandidate } from './decision.js';
import type { IntentId } from './intents.js';

/**
 * Chooses the `none` threshold on tuning examples only: the value that maximises the mean of
 * in-scope accuracy and out-of-scope recall (so neither side is sacrificed for the other); where
 * several values tie, the middle one, which leaves the most room either side.
 */
export interface TuningItem {
  readonly ranked: readonly RankedCandidate[];
  readonly expected: IntentId;
}

export function balancedScore(items: readonly TuningItem[], threshold: number, ambiguityRatio: number): number {
  let inScope = 0;
  let inScopeCorrect = 0;
  let outOfScope = 0;
  let outOfScopeCorrect = 0;
  for (const item of items) {
    const best = item.ranked[0];
    const answered = best !== undefined && accepts(best.confidence, item.ranked[1]?.confidence ?? 0, { threshold, ambiguityRatio });
    const intent = answered ? best.intent : 'none';
    if (item.expected === 'none') {
      outOfScope++;
      if (intent === 'none') outOfScopeCorrect++;
    } else {
      inScope++;
      if (intent === item.expected) inScopeCorrect++;
    }
  }
  const accuracy = inScope === 0 ? 1 : inScopeCorrect / inScope;
  const recall = outOfScope === 0 ? 1 : outOfScopeCorrect / outOfScope;
  return (accuracy + recall) / 2;
}

export function tuneThreshold(
  items: readonly TuningItem[],
  ambiguityRatio: number,
  grid: readonly number[] = Array.from({ length: 95 }, (_, i) => 0.03 + i * 0.01),
): number {
  let best = -Infinity;
  let bestThresholds: number[] = [];
  for (const threshold of grid) {
    const score = balancedScore(items, threshold, ambiguityRatio);
    if (score > best + 1e-12) {
      best = score;
      bestThresholds = [threshold];
    } else if (Math.abs(score - best) <= 1e-12) {
      bestThresholds.push(threshold);
    }
  }
  return bestThresholds[Math.floor((bestThresholds.length - 1) / 2)] ?? 0.5;
}
