import { describe, expect, it } from 'vitest';
import { buildFeatureSpace } from '../../src/nlu/feature-space.js';
import { pairModelsFrom, trainPairModels } from '../../src/nlu/pair-models.js';
import { rerank, type RerankSettings } from '../../src/nlu/pair-reranker.js';

// Two intents that share "phone": a new phone (0) and a phone not with me today (1); 2 is `none`.
const examples: [string, number][] = [
  ['got a new phone', 0],
  ['new phone how do i move mfa', 0],
  ['my phone was replaced with a new one', 0],
  ['bought a new phone', 0],
  ['left my phone at home today', 1],
  ['phone is at home and i need to sign in', 1],
  ['forgot my phone at home', 1],
  ['my phone is at home today', 1],
];
const words = (text: string): string[] => text.split(' ').map((word) => `w:${word}`);
const space = buildFeatureSpace(examples.map(([text]) => words(text)));
const samples = examples.map(([text, label]) => ({ vector: space.vectorise(words(text)), label }));
const pairs = trainPairModels(samples, [[0, 1]], { l2: 1e-4, epochs: 30, learningRate: 0.5 }, space.size);
const blend: RerankSettings = { ratio: 0.3, top: 2, weight: 1, mode: 'blend' };

/** The classifier's probabilities for the two intents and `none` (index 2). */
const probabilities = (newPhone: number, notWithMe: number, none: number): Float64Array => Float64Array.from([newPhone, notWithMe, none]);
const sum = (values: Float64Array): number => values.reduce((total, value) => total + value, 0);

describe('the pair reranker', () => {
  it('puts the intent whose deciding words the question names first, when the classifier had them close', () => {
    const scores = probabilities(0.5, 0.4, 0.1);
    rerank(scores, 2, space.vectorise(words('phone at home today')), pairs, blend);
    expect(scores[1]).toBeGreaterThan(scores[0] ?? 1);
  });

  it('keeps the probability the two shared, and leaves `none` alone, so calibration and the threshold still read it', () => {
    const scores = probabilities(0.5, 0.4, 0.1);
    rerank(scores, 2, space.vectorise(words('phone at home today')), pairs, blend);
    expect(sum(scores)).toBeCloseTo(1, 12);
    expect(scores[2]).toBe(0.1);
  });

  it('does not touch a clear first choice (second below the ratio)', () => {
    const scores = probabilities(0.8, 0.1, 0.1);
    expect(rerank(scores, 2, space.vectorise(words('phone at home today')), pairs, blend)).toBe(false);
    expect([...scores]).toEqual([0.8, 0.1, 0.1]);
  });

  it('only swaps the two in order mode, keeping the classifier\'s probabilities', () => {
    const scores = probabilities(0.5, 0.4, 0.1);
    rerank(scores, 2, space.vectorise(words('phone at home today')), pairs, { ...blend, mode: 'order' });
    expect([...scores]).toEqual([0.4, 0.5, 0.1]);
  });

  it('answers the same when read back from its stored state', () => {
    const read = pairModelsFrom(pairs.state);
    for (const [text] of examples) {
      const vector = space.vectorise(words(text));
      expect(read.probability(0, 1, vector)).toBe(pairs.probability(0, 1, vector));
    }
    expect(pairs.probability(1, 0, space.vectorise(words('new phone')))).toBeCloseTo(1 - (pairs.probability(0, 1, space.vectorise(words('new phone'))) ?? 0), 12);
  });
});
