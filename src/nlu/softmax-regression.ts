import type { SparseVector } from './feature-space.js';

/**
 * Multinomial logistic regression (softmax) over sparse vectors, with an intercept per class and
 * L2 regularisation (applied to the weights a sample touches), trained by stochastic gradient
 * descent with (row-wise) AdaGrad step sizes over a seeded shuffle, so training is repeatable. With
 * this bot's 1,600 examples and 31 classes it is the largest part of the matcher's start-up (see SgdTrainer).
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
  /** Feature f's weight for class k at `f × classes + k` (what a stored model keeps, see matcher-snapshot.ts). */
  readonly weights: Float64Array;
  readonly bias: Float64Array;
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

/**
 * Classes whose error for an example is smaller than this are not updated for it (nor shrunk by
 * L2). Measured with the 31 classes and 1,608 examples of issue 13, almost every class stays above
 * it (it skipped about 0.3% of the updates), so it no longer saves much time.
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

function shuffle(order: Int32Array, random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = swap;
  }
}

/**
 * The training examples packed once into flat typed arrays (sample n's features are
 * `features[start[n]]` … `features[start[n + 1] - 1]`), so the passes read numbers only. A class,
 * not an object literal: V8 remembers the array types in a literal's fields and threw the trainer's
 * optimised code away when the detector's examples were packed (see SgdTrainer).
 */
class PackedSamples {
  readonly start: Int32Array;
  readonly features: Int32Array;
  readonly values: Float64Array;
  readonly labels: Int32Array;
  readonly shares: Float64Array;

  constructor(samples: readonly TrainingSample[]) {
    let total = 0;
    for (const sample of samples) total += sample.vector.indices.length;
    this.start = new Int32Array(samples.length + 1);
    this.features = new Int32Array(total);
    this.values = new Float64Array(total);
    this.labels = new Int32Array(samples.length);
    this.shares = new Float64Array(samples.length);
    let at = 0;
    samples.forEach((sample, n) => {
      this.start[n] = at;
      this.features.set(sample.vector.indices, at);
      this.values.set(sample.vector.values, at);
      at += sample.vector.indices.length;
      this.labels[n] = sample.label;
      this.shares[n] = sample.weight ?? 1;
    });
    this.start[samples.length] = at;
  }
}

const EPSILON = 1e-8;

/**
 * The state of one training run and the step it takes per example. Why a class of small methods
 * over typed arrays rather than one function with nested loops: training runs once, in a cold
 * process, so most of its time used to go on V8 running the loops unoptimised while it compiled
 * (and, after each deoptimisation, recompiled) one large function. Small methods that only ever
 * see numbers and typed arrays are compiled sooner and faster and are not deoptimised when the
 * in-scope detector trains with other options and other sample objects. The arithmetic, and its
 * order, is exactly that of the plain loops, so the weights come out the same to the bit.
 */
class SgdTrainer {
  readonly weights: Float64Array;
  readonly bias: Float64Array;
  /** AdaGrad accumulator per feature row (not per weight): one square root per feature per example. */
  private readonly squaredRow: Float64Array;
  private squaredBias = 0;
  /** Scores, then probabilities, then gradient of the current example (reused, no allocation per example). */
  private readonly scores: Float64Array;
  /** Classes whose gradient is at least SKIP_BELOW, in `active[0 … activeCount - 1]`. */
  private readonly active: Int32Array;
  private activeCount = 0;

  constructor(
    dimensions: number,
    private readonly classes: number,
    private readonly rate: number,
    private readonly l2: number,
  ) {
    this.weights = new Float64Array(dimensions * classes);
    this.bias = new Float64Array(classes);
    this.squaredRow = new Float64Array(dimensions);
    this.scores = new Float64Array(classes);
    this.active = new Int32Array(classes);
  }

  /** One pass over the examples in `order`. */
  pass(samples: PackedSamples, order: Int32Array): void {
    for (let position = 0; position < order.length; position++) this.learn(samples, order[position] ?? 0);
  }

  private learn(samples: PackedSamples, n: number): void {
    const from = samples.start[n] ?? 0;
    const to = samples.start[n + 1] ?? 0;
    computeLogits(this.weights, this.bias, this.classes, samples.features, samples.values, from, to, this.scores);
    softmaxInPlace(this.scores);
    const errorSquares = this.gradient(samples.labels[n] ?? 0, samples.shares[n] ?? 1);
    this.stepBias(errorSquares);
    // An example every class already gets right changes no weight: skip its features.
    if (this.activeCount > 0) this.stepWeights(samples.features, samples.values, from, to, errorSquares);
  }

  /** Probabilities → weighted error (probability − 1 for the label) in place; lists the active classes; returns Σ error². */
  private gradient(label: number, share: number): number {
    const scores = this.scores;
    scores[label] = (scores[label] ?? 0) - 1;
    let errorSquares = 0;
    let activeCount = 0;
    for (let k = 0; k < this.classes; k++) {
      const g = share * (scores[k] ?? 0);
      scores[k] = g;
      errorSquares += g * g;
      if (g > SKIP_BELOW || g < -SKIP_BELOW) this.active[activeCount++] = k;
    }
    this.activeCount = activeCount;
    return errorSquares;
  }

  private stepBias(errorSquares: number): void {
    this.squaredBias += errorSquares;
    const step = this.rate / (Math.sqrt(this.squaredBias) + EPSILON);
    for (let k = 0; k < this.classes; k++) this.bias[k] = (this.bias[k] ?? 0) - step * (this.scores[k] ?? 0);
  }

  private stepWeights(features: Int32Array, values: Float64Array, from: number, to: number, errorSquares: number): void {
    for (let slot = from; slot < to; slot++) {
      const feature = features[slot] ?? 0;
      const value = values[slot] ?? 0;
      const accumulated = (this.squaredRow[feature] ?? 0) + value * value * errorSquares;
      this.squaredRow[feature] = accumulated;
      this.stepRow(feature * this.classes, value, this.rate / (Math.sqrt(accumulated) + EPSILON));
    }
  }

  /** L2-shrunk gradient step on the active classes' weights of one feature row. */
  private stepRow(row: number, value: number, step: number): void {
    const { weights, scores, active, l2 } = this;
    for (let slot = 0; slot < this.activeCount; slot++) {
      const k = active[slot] ?? 0;
      const j = row + k;
      const w = weights[j] ?? 0;
      weights[j] = w - step * (value * (scores[k] ?? 0) + l2 * w);
    }
  }
}

/** Logits (bias + Σ value × weight row) of the features `features[from … to - 1]`, into `out`. */
function computeLogits(
  weights: Float64Array,
  bias: Float64Array,
  classes: number,
  features: Int32Array,
  values: Float64Array,
  from: number,
  to: number,
  out: Float64Array,
): Float64Array {
  out.set(bias);
  for (let slot = from; slot < to; slot++) {
    const row = (features[slot] ?? 0) * classes;
    const value = values[slot] ?? 0;
    for (let k = 0; k < classes; k++) out[k] = (out[k] ?? 0) + value * (weights[row + k] ?? 0);
  }
  return out;
}

export function trainSoftmax(
  samples: readonly TrainingSample[],
  dimensions: number,
  classes: number,
  options: SoftmaxOptions = DEFAULT_SOFTMAX_OPTIONS,
  random: () => number = seededRandom(20240801),
): SoftmaxModel {
  const packed = new PackedSamples(samples);
  const trainer = new SgdTrainer(dimensions, classes, options.learningRate, options.l2);
  const order = Int32Array.from(samples, (_, index) => index);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    trainer.pass(packed, order);
  }
  return softmaxModelFrom(trainer.weights, trainer.bias, classes);
}

/** The model with these weights and intercepts (trained here or read back from a stored matcher). */
export function softmaxModelFrom(weights: Float64Array, bias: Float64Array, classes: number): SoftmaxModel {
  return {
    classes,
    weights,
    bias,
    logits(vector: SparseVector): Float64Array {
      const { indices, values } = vector;
      return computeLogits(weights, bias, classes, indices, values, 0, indices.length, new Float64Array(classes));
    },
  };
}
