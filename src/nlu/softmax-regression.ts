import type { SparseVector } from './feature-space.js';

/**
 * Multinomial logistic regression (softmax) over sparse vectors, with an intercept per class and
 * L2 regularisation (applied to the weights a sample touches), trained by stochastic gradient
 * descent with (row-wise) AdaGrad step sizes over a seeded shuffle, so training is repeatable and takes a few
 * milliseconds for this bot's few hundred examples.
 */
export interface TrainingSample {
  readonly vector: SparseVector;
  readonly label: number;
  /** How much this sample counts (default 1). */
  readonly weight?: number;
}

export interface SoftmaxOptions {
  /** L2 penalty on the weights (not the intercepts). */
  readonly l2: number;
  /** Passes over the examples. */
  readonly epochs: number;
  /** AdaGrad base step. */
  readonly learningRate: number;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxOptions = { l2: 1e-3, epochs: 12, learningRate: 0.5 };

export interface SoftmaxModel {
  readonly classes: number;
  /** Raw class scores (logits) for one vector. */
  logits(vector: SparseVector): Float64Array;
}

/** In-place softmax of `scores` divided by `temperature`. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const score of scores) if (score > max) max = score;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    const value = Math.exp(((scores[k] ?? 0) - max) / temperature);
    scores[k] = value;
    sum += value;
  }
  for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] ?? 0) / sum;
  return scores;
}

function computeLogits(
  weights: Float64Array,
  bias: Float64Array,
  classes: number,
  vector: SparseVector,
  out: Float64Array,
): Float64Array {
  out.set(bias);
  const { indices, values } = vector;
  for (let slot = 0; slot < indices.length; slot++) {
    const row = (indices[slot] ?? 0) * classes;
    const value = values[slot] ?? 0;
    for (let k = 0; k < classes; k++) out[k] = (out[k] ?? 0) + value * (weights[row + k] ?? 0);
  }
  return out;
}

/**
 * Classes whose error for an example is smaller than this are not updated for it (nor shrunk by
 * L2): once the model is right, most of the 25 classes have a negligible error, and skipping them
 * makes training several times faster without changing what it learns in any measurable way.
 */
const SKIP_BELOW = 1e-3;

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32), for shuffling the examples. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = swap;
  }
}

export function trainSoftmax(
  samples: readonly TrainingSample[],
  dimensions: number,
  classes: number,
  options: SoftmaxOptions = DEFAULT_SOFTMAX_OPTIONS,
  random: () => number = seededRandom(20240801),
): SoftmaxModel {
  const size = dimensions * classes;
  const weights = new Float64Array(size);
  const bias = new Float64Array(classes);
  // AdaGrad with one accumulator per feature row (not per weight): one square root per feature
  // per example instead of one per class, which keeps training to a few milliseconds.
  const squaredRow = new Float64Array(dimensions);
  let squaredBias = 0;
  const epsilon = 1e-8;
  const scores = new Float64Array(classes);
  const active = new Int32Array(classes);
  const order = samples.map((_, index) => index);
  const rate = options.learningRate;
  const l2 = options.l2;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const sampleIndex of order) {
      const sample = samples[sampleIndex];
      if (sample === undefined) continue;
      softmaxInPlace(computeLogits(weights, bias, classes, sample.vector, scores));
      const share = sample.weight ?? 1;
      scores[sample.label] = (scores[sample.label] ?? 0) - 1;
      let errorSquares = 0;
      let activeCount = 0;
      for (let k = 0; k < classes; k++) {
        const g = share * (scores[k] ?? 0);
        scores[k] = g;
        errorSquares += g * g;
        if (g > SKIP_BELOW || g < -SKIP_BELOW) active[activeCount++] = k;
      }
      squaredBias += errorSquares;
      const biasStep = rate / (Math.sqrt(squaredBias) + epsilon);
      for (let k = 0; k < classes; k++) bias[k] = (bias[k] ?? 0) - biasStep * (scores[k] ?? 0);
      // An example every class already gets right changes no weight: skip its features.
      if (activeCount === 0) continue;
      const { indices, values } = sample.vector;
      for (let slot = 0; slot < indices.length; slot++) {
        const feature = indices[slot] ?? 0;
        const value = values[slot] ?? 0;
        const row = feature * classes;
        const accumulated = (squaredRow[feature] ?? 0) + value * value * errorSquares;
        squaredRow[feature] = accumulated;
        const step = rate / (Math.sqrt(accumulated) + epsilon);
        for (let slotK = 0; slotK < activeCount; slotK++) {
          const k = active[slotK] ?? 0;
          const j = row + k;
          const w = weights[j] ?? 0;
          weights[j] = w - step * (value * (scores[k] ?? 0) + l2 * w);
        }
      }
    }
  }

  return {
    classes,
    logits(vector: SparseVector): Float64Array {
      return computeLogits(weights, bias, classes, vector, new Float64Array(classes));
    },
  };
}
