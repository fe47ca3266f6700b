import type { SparseVector } from './feature-space.js';
import type { PairModels } from './pair-models.js';

/**
 * The second stage of the ranking: when the classifier's top candidates are close, the pair models
 * (pair-models.ts) re-split the probability those candidates share between them (pairwise coupling),
 * so the probabilities still sum as before and calibration, the threshold and `none` read them as
 * they read the classifier's. Measured in bench/RESULTS.md, "Pairwise reranker".
 */
export interface RerankSettings {
  /** Candidates at least this fraction of the first take part (the others are left alone). */
  readonly ratio: number;
  /** How many of the top candidates may take part (2 or 3). */
  readonly top: number;
  /** Weight of the pair models' split against the classifier's (1: the pair models alone). */
  readonly weight: number;
  /** 'blend': the shared probability is re-split; 'order': only the order changes (the probabilities are swapped). */
  readonly mode: 'blend' | 'order';
}

/** The `limit` largest entries of `probabilities` except `skip`, largest first (as indices). */
function topIndices(probabilities: Float64Array, skip: number, limit: number): number[] {
  const top: number[] = [];
  for (let k = 0; k < probabilities.length; k++) {
    if (k === skip) continue;
    const value = probabilities[k] ?? 0;
    let position = top.length;
    while (position > 0 && (probabilities[top[position - 1] ?? 0] ?? 0) < value) position--;
    if (position >= limit) continue;
    top.splice(position, 0, k);
    if (top.length > limit) top.pop();
  }
  return top;
}

/**
 * Re-splits, in place, the probability the close top candidates share (the others and `skip`,
 * the `none` class, untouched), by pairwise coupling of the pair models' answers (where a pair has
 * no model, the classifier's own ratio stands in): p_i ∝ 1 / (Σ_j 1/q_ij − (k − 2)).
 * Returns whether anything was re-split.
 */
export function rerank(probabilities: Float64Array, skip: number, vector: SparseVector, pairs: PairModels, settings: RerankSettings): boolean {
  const top = topIndices(probabilities, skip, settings.top);
  const best = probabilities[top[0] ?? 0] ?? 0;
  const close = top.filter((k) => (probabilities[k] ?? 0) >= settings.ratio * best && (probabilities[k] ?? 0) > 0);
  if (close.length < 2) return false;
  const own = close.map((k) => probabilities[k] ?? 0);
  const shared = own.reduce((sum, p) => sum + p, 0);
  let modelled = false;
  const coupled = close.map((i, x) => {
    let inverse = 0;
    close.forEach((j, y) => {
      if (x === y) return;
      const q = pairs.probability(i, j, vector);
      if (q !== undefined) modelled = true;
      const value = q ?? (own[x] ?? 0) / ((own[x] ?? 0) + (own[y] ?? 0));
      inverse += 1 / Math.max(value, 1e-9);
    });
    return 1 / Math.max(inverse - (close.length - 2), 1e-9);
  });
  if (!modelled) return false;
  const coupledSum = coupled.reduce((sum, p) => sum + p, 0);
  const split = close.map((_, x) => settings.weight * ((coupled[x] ?? 0) / coupledSum) + (1 - settings.weight) * ((own[x] ?? 0) / shared));
  if (settings.mode === 'blend') {
    close.forEach((k, x) => (probabilities[k] = shared * (split[x] ?? 0)));
  } else {
    // The same probabilities, handed out in the order of the blended split.
    const order = close.map((k, x) => ({ k, value: split[x] ?? 0 })).sort((p, q) => q.value - p.value);
    const values = [...own].sort((p, q) => q - p);
    order.forEach(({ k }, x) => (probabilities[k] = values[x] ?? 0));
  }
  return true;
}
