import { softmaxInPlace } from './softmax-regression.js';

/**
 * Temperature scaling: one number T that turns the classifier's raw scores into probabilities
 * that mean what they say (of the answers given with confidence 0.8, about 80% right). T is chosen
 * to minimise the negative log-likelihood of the true labels on the tuning examples (golden-section
 * search over log T), so it never sees the training examples or the held-out test set.
 */
export interface LabelledLogits {
  readonly logits: Float64Array;
  readonly label: number;
}

export function negativeLogLikelihood(samples: readonly LabelledLogits[], temperature: number): number {
  let total = 0;
  let buffer = new Float64Array(0);
  for (const sample of samples) {
    if (buffer.length !== sample.logits.length) buffer = new Float64Array(sample.logits.length);
    buffer.set(sample.logits);
    const probabilities = softmaxInPlace(buffer, temperature);
    total -= Math.log(Math.max(probabilities[sample.label] ?? 0, 1e-12));
  }
  return samples.length === 0 ? 0 : total / samples.length;
}

export function fitTemperature(samples: readonly LabelledLogits[], min = 0.05, max = 20): number {
  if (samples.length === 0) return 1;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = Math.log(min);
  let high = Math.log(max);
  let a = high - ratio * (high - low);
  let b = low + ratio * (high - low);
  let fa = negativeLogLikelihood(samples, Math.exp(a));
  let fb = negativeLogLikelihood(samples, Math.exp(b));
  for (let round = 0; round < 60 && high - low > 1e-4; round++) {
    if (fa < fb) {
      high = b;
      b = a;
      fb = fa;
      a = high - ratio * (high - low);
      fa = negativeLogLikelihood(samples, Math.exp(a));
    } else {
      low = a;
      a = b;
      fa = fb;
      b = low + ratio * (high - low);
      fb = negativeLogLikelihood(samples, Math.exp(b));
    }
  }
  return Math.exp((low + high) / 2);
}
