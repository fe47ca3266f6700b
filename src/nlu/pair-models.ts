import type { SparseVector } from './feature-space.js';
import { seededRandom, softmaxInPlace, trainSoftmax, type SoftmaxModel, type TrainingSample } from './softmax-regression.js';

/**
 * Pair models for the intents the classifier mixes up: for each chosen pair of intents, a two-class
 * logistic regression trained on those two intents' examples alone (the same TF-IDF vectors as the
 * classifier), so the words that tell the two apart are all it learns; pair-reranker.ts uses them.
 * Each model keeps only the columns its two intents' examples have (sorted), so 100 pairs add about
 * 0.9 MB to the stored matcher, not 100 × the feature space.
 *
 * The pairs are chosen inside training: the pairs of intents between which the trained classifier
 * puts the most probability on its own training examples (the example's intent against each other
 * intent, both directions summed).
 */
export interface PairModels {
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

/** A pair's key in the map of models (first < second; far fewer than 1024 classes). */
function keyOf(first: number, second: number): number {
  return first * 1024 + second;
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
    models.set(keyOf(first, second), trainPair(byLabel.get(first) ?? [], byLabel.get(second) ?? [], first * 64 + second, options, local));
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
    models.set(keyOf(first, second), {
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
    probability(a, b, vector) {
      const model = models.get(keyOf(Math.min(a, b), Math.max(a, b)));
      if (model === undefined) return undefined;
      const first = score(model, vector);
      return a < b ? first : 1 - first;
    },
    get state(): PairModelsState {
      const pairs: [number, number, number][] = [];
      const parts: PairModel[] = [];
      for (const [first, second] of keys) {
        const model = models.get(keyOf(first, second));
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
