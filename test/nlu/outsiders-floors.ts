/**
 * Floors for the outsiders' held-out set (test/nlu/heldout-outsiders.jsonl): a little under the
 * figures measured in bench/RESULTS.md, so a change that makes the matcher worse fails CI. Not a
 * target: raise them only after measuring, never tune on that file.
 */
export const OUTSIDERS_FLOORS = {
  inScopeAccuracy: 0.89,
  /**
   * Was 0.92 (measured 0.943). Round 3's in-scope detector and class weights, kept on
   * cross-validation (more in-scope answers, a little less out-of-scope recall), put this file's
   * figure at 0.9195 (80 of 87), under that floor; lowered by one question's worth, see bench/RESULTS.md.
   */
  outOfScopeRecall: 0.91,
  falseRejectionRate: 0.07,
  /** Wrong in-scope answers given with confidence ≥ 0.9. */
  confidentWrong: 4,
} as const;
