import type { SparseVector } from './feature-space.js';
import { seededRandom, softmaxInPlace, trainSoftmax, type SoftmaxModel, type TrainingSample } from './softmax-regression.js';

/**
 * A second stage for the intents the classifier mixes up: for each chosen pair of intents, a
 * two-class logistic regression trained on those two intents' examples alone (the same TF-IDF
 * vectors as the classifier), so the words that tell the two apart are all it learns. When the
 * classifier's top candidates are close, the pair models re-split the probability the close
 * candidates share between them (pairwise coupling), so the probabilities still sum as before and
 * calibration and the threshold read them as they read the classifier's.
 *
 * The pairs are chosen inside training: the pairs of intents between which the trained classifier
 * puts the most probability on its own training examples (the example's intent against each other
 * intent, both directions summed).
 */
export interface PairModels {
  /** How many pair models there are. */
  readonly size: number;
  /** P(class `a` | the question is `a` or `b`) by the pair model of a and b, or undefined when there is none. */
  probability(a: number, b: number, vector: SparseVector): number | undefined;
  readonly state: PairModelsState;
}

export interface PairModelsState {
  /** Per pair: its two classes (first < second) and how many columns it reads, in order. */
  readonly pairs: readonly (readonly [first: number, second: number, columns: number])[];
  /** Every pair's columns of the feature space, sorted, one pair after another. */
  readonly columns: Float64Array;
  /** Each column's weight for the first class against the second (the same layout). */
  readonly weights: Float64Array;
  /** One intercept per pair. */
  readonly bias: Float64Array;
}

export interface PairTrainingOptions {
  readonly l2: number;
  readonly epochs: number;
  readonly learningRate: number;
}

export interface PairSample {
  readonly vector: SparseVector;
  readonly label: number;
}

/**
 * The `count` pairs of in-scope classes the classifier confuses most on its training examples:
 * summed probability of the other class over each class's examples, both directions together.
 */
export function confusedPairs(samples: readonly PairSample[], model: SoftmaxModel, inScope: (label: number) => boolean, count: number): [number, number][] {
  const classes = model.classes;
  // mass[a × classes + b]: probability of b over a's examples; both directions are summed below.
  const mass = new Float64Array(classes * classes);
  for (const { vector, label } of samples) {
    if (!inScope(label)) continue;
    const probabilities = softmaxInPlace(model.logits(vector));
    const row = label * classes;
    for (let other = 0; other < classes; other++) mass[row + other] = (mass[row + other] ?? 0) + (probabilities[other] ?? 0);
  }
  const pairs: { a: number; b: number; mass: number }[] = [];
  for (let a = 0; a < classes; a++) {
    for (let b = a + 1; b < classes; b++) {
      if (inScope(a) && inScope(b)) pairs.push({ a, b, mass: (mass[a * classes + b] ?? 0) + (mass[b * classes + a] ?? 0) });
    }
  }
  pairs.sort((x, y) => y.mass - x.mass || x.a - y.a || x.b - y.b);
  return pairs.slice(0, count).map(({ a, b }) => [a, b]);
}

/** The column's position in `columns` (sorted), or -1. */
function localColumn(columns: Int32Array, column: number): number {
  let low = 0;
  let high = columns.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = columns[middle] ?? 0;
    if (value === column) return middle;
    if (value < column) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

interface PairModel {
  readonly columns: Int32Array;
  readonly weights: Float64Array;
  readonly bias: number;
}

/**
 * One pair's model. `local`: a column → local column table as long as the feature space, all -1,
 * and left so (shared by the pairs so that no table is allocated per pair).
 */
function trainPair(firstSamples: readonly PairSample[], secondSamples: readonly PairSample[], seed: number, options: PairTrainingOptions, local: Int32Array): PairModel {
  const found: number[] = [];
  for (const list of [firstSamples, secondSamples]) {
    for (const { vector } of list) {
      for (const column of vector.indices) {
        if (local[column] === -1) {
          local[column] = 0;
          found.push(column);
        }
      }
    }
  }
  const columns = new Int32Array(found).sort();
  for (let at = 0; at < columns.length; at++) local[columns[at] ?? 0] = at;
  const total = firstSamples.length + secondSamples.length;
  const samples: TrainingSample[] = [];
  for (const [label, list] of [[0, firstSamples], [1, secondSamples]] as const) {
    // Each intent's examples count as much in total as the other's.
    const weight = total / (2 * Math.max(1, list.length));
    for (const { vector } of list) {
      const indices = new Int32Array(vector.indices.length);
      for (let slot = 0; slot < indices.length; slot++) indices[slot] = local[vector.indices[slot] ?? 0] ?? 0;
      samples.push({ vector: { indices, values: vector.values }, label, weight });
    }
  }
  for (const column of columns) local[column] = -1;
  const model = trainSoftmax(samples, columns.length, 2, options, seededRandom(seed));
  const weights = new Float64Array(columns.length);
  for (let column = 0; column < columns.length; column++) weights[column] = (model.weights[column * 2] ?? 0) - (model.weights[column * 2 + 1] ?? 0);
  return { columns, weights, bias: (model.bias[0] ?? 0) - (model.bias[1] ?? 0) };
}

/** `dimensions`: the size of the feature space the samples' vectors are in. */
export function trainPairModels(samples: readonly PairSample[], pairs: readonly (readonly [number, number])[], options: PairTrainingOptions, dimensions: number): PairModels {
  const byLabel = new Map<number, PairSample[]>();
  for (const sample of samples) {
    const list = byLabel.get(sample.label);
    if (list === undefined) byLabel.set(sample.label, [sample]);
    else list.push(sample);
  }
  const local = new Int32Array(dimensions).fill(-1);
  const models = new Map<number, PairModel>();
  const keys: [number, number][] = [];
  for (const [a, b] of pairs) {
    const first = Math.min(a, b);
    const second = Math.max(a, b);
    keys.push([first, second]);
    models.set(first * 1024 + second, trainPair(byLabel.get(first) ?? [], byLabel.get(second) ?? [], first * 64 + second, options, local));
  }
  return modelsOf(keys, models);
}

/** The pair models a stored state describes. */
export function pairModelsFrom(state: PairModelsState): PairModels {
  const models = new Map<number, PairModel>();
  const keys: [number, number][] = [];
  let at = 0;
  state.pairs.forEach(([first, second, count], index) => {
    keys.push([first, second]);
    models.set(first * 1024 + second, {
      columns: Int32Array.from(state.columns.subarray(at, at + count)),
      weights: state.weights.subarray(at, at + count),
      bias: state.bias[index] ?? 0,
    });
    at += count;
  });
  return modelsOf(keys, models);
}

function modelsOf(keys: readonly [number, number][], models: ReadonlyMap<number, PairModel>): PairModels {
  const score = (model: PairModel, vector: SparseVector): number => {
    let sum = model.bias;
    const { indices, values } = vector;
    for (let slot = 0; slot < indices.length; slot++) {
      const column = localColumn(model.columns, indices[slot] ?? 0);
      if (column >= 0) sum += (values[slot] ?? 0) * (model.weights[column] ?? 0);
    }
    return 1 / (1 + Math.exp(-sum));
  };
  return {
    size: models.size,
    probability(a, b, vector) {
      const model = models.get(Math.min(a, b) * 1024 + Math.max(a, b));
      if (model === undefined) return undefined;
      const first = score(model, vector);
      return a < b ? first : 1 - first;
    },
    get state(): PairModelsState {
      const pairs: [number, number, number][] = [];
      const parts: PairModel[] = [];
      for (const [first, second] of keys) {
        const model = models.get(first * 1024 + second);
        if (model === undefined) continue;
        pairs.push([first, second, model.columns.length]);
        parts.push(model);
      }
      const total = parts.reduce((sum, part) => sum + part.columns.length, 0);
      const columns = new Float64Array(total);
      const weights = new Float64Array(total);
      let at = 0;
      for (const part of parts) {
        columns.set(part.columns, at);
        weights.set(part.weights, at);
        at += part.columns.length;
      }
      return { pairs, columns, weights, bias: Float64Array.from(parts, (part) => part.bias) };
    },
  };
}

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
