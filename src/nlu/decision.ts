import type { InScopeIntentId } from './intents.js';
import type { MatchCandidate, MatchResult } from './types.js';

/**
 * From calibrated probabilities to a decision: answer the best in-scope intent when its
 * probability reaches the threshold (a clear top intent is answered, never questioned); when it
 * falls short but the top two together reach it and are close, answer the best and flag it
 * ambiguous (the bot asks "Did you mean…?"); otherwise `none`. "Close" means the second is at
 * least `ambiguityRatio` times as likely as the first. A question answered `none` still names the
 * top two in-scope intents that are at least `suggestFloor` likely, as suggestions: a near miss
 * (most wrongly rejected questions are one) then costs the user one tap, not a dead end.
 */
export interface DecisionSettings {
  readonly threshold: number;
  readonly ambiguityRatio: number;
  /** Least probability of a suggestion offered with `none` (left out: no suggestions). */
  readonly suggestFloor?: number;
}

/** At most this many suggestions go with `none`. */
const MAX_SUGGESTIONS = 2;

export interface RankedCandidate {
  readonly intent: InScopeIntentId;
  readonly confidence: number;
}

/** Whether the best candidate is answered (true) or the question gets `none` (false). */
export function accepts(first: number, second: number, settings: DecisionSettings): boolean {
  if (first >= settings.threshold) return true;
  return second >= settings.ambiguityRatio * first && first + second >= settings.threshold;
}

/** `ranked`: in-scope intents with probabilities, best first (at least the top two). */
export function decide(ranked: readonly RankedCandidate[], settings: DecisionSettings): MatchResult {
  const candidates: MatchCandidate[] = ranked.slice(0, 3).map(({ intent, confidence }) => ({ intent, confidence }));
  const first = ranked[0];
  if (first === undefined) return { intent: 'none', confidence: 1, candidates, ambiguous: false, suggestions: [] };
  const second = ranked[1]?.confidence ?? 0;
  if (accepts(first.confidence, second, settings)) {
    // Accepted below the threshold only happens when the top two are close (see accepts).
    return { intent: first.intent, confidence: first.confidence, candidates, ambiguous: first.confidence < settings.threshold, suggestions: [] };
  }
  const floor = settings.suggestFloor ?? Number.POSITIVE_INFINITY;
  const suggestions = ranked.slice(0, MAX_SUGGESTIONS).filter((c) => c.confidence >= floor).map((c) => c.intent);
  return { intent: 'none', confidence: 1 - first.confidence, candidates, ambiguous: false, suggestions };
}
