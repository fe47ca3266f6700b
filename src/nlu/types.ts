import type { IntentId, InScopeIntentId } from './intents.js';

/** One intent the question may be about, with a calibrated probability (0–1). */
export interface MatchCandidate {
  readonly intent: IntentId;
  readonly confidence: number;
}

export interface MatchResult {
  /** The intent to act on; `none` when the question is outside what the bot knows. */
  readonly intent: IntentId;
  /**
   * How likely the decision is right: for an in-scope intent, a conservative estimate of how often
   * answers like it are right (confidence-table.ts; never more than its probability); for `none`,
   * one minus the probability of the best in-scope candidate.
   */
  readonly confidence: number;
  /** The top three in-scope intents with their probabilities, best first (empty when nothing in the text was recognised). */
  readonly candidates: readonly MatchCandidate[];
  /** True when neither of the top two is clear alone but together they are, and they are close: the bot should ask "Did you mean…?". */
  readonly ambiguous: boolean;
  /**
   * When the answer is `none`: the in-scope topics it came closest to (at most two, each at least
   * the matcher's `suggestFloor` likely), for the bot to offer as one-tap choices; empty otherwise.
   */
  readonly suggestions: readonly InScopeIntentId[];
}

export interface Matcher {
  match(text: string): MatchResult;
}

/** A question with the intent it should get (from tests, tuning data or an author's JSONL file). */
export interface LabelledQuestion {
  readonly text: string;
  readonly intent: IntentId;
}

export type { IntentId, InScopeIntentId };
