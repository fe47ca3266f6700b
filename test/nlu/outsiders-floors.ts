/**
 * Floors for the outsiders' held-out set (test/nlu/heldout-outsiders.jsonl): a little under the
 * figures measured in bench/RESULTS.md, so a change that makes the matcher worse fails CI. Not a
 * target: raise them only after measuring, never tune on that file.
 */
export const OUTSIDERS_FLOORS = {
  // Round 4 measured 0.908, 0.954 and 0.052 (227 of 250 in scope, 83 of 87 out of scope, 13 rejected): two questions of margin each.
  // With courtesies set aside (1 December) out of scope is 0.977 (85 of 87): the floor rose to two questions under it.
  inScopeAccuracy: 0.9,
  outOfScopeRecall: 0.95,
  falseRejectionRate: 0.06,
  /** Wrong in-scope answers given with confidence ≥ 0.9 (measured 1 in rounds 3 and 4, 4 before). */
  confidentWrong: 2,
  /**
   * In-scope questions answered at once or, rejected, with their right topic offered as a button
   * (one tap away): measured 0.936 (227 answered + 7 of the 13 rejected offered the right topic).
   */
  reachedInOneTap: 0.92,
  /** Out-of-scope questions offered a topic anyway (the card still says it does not know): measured 11 of 87 (0.126), then 12 of 87 (0.138) with courtesies set aside. */
  outOfScopeOffered: 0.15,
} as const;
