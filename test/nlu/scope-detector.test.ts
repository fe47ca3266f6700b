import { describe, expect, it } from 'vitest';
import { buildVocabulary, createAnalyser } from '../../src/nlu/analyser.js';
import { tokenise } from '../../src/nlu/normalise.js';
import { trainScopeDetector } from '../../src/nlu/scope-detector.js';

const inScope = [
  'how do i set up the authenticator app',
  'my verification code is not working',
  'the authenticator keeps asking me to approve',
  'what is multi-factor authentication',
  'set up verification on my nhsmail',
  'approve the sign in request on my phone',
];
const outOfScope = ['what time does the shop open', 'the printer is jammed', 'order more paracetamol', 'who won the football'];

function detector() {
  const analyser = createAnalyser(buildVocabulary([...inScope, ...outOfScope].map(tokenise)));
  const examples = [
    ...inScope.map((text) => ({ ...analyser.analyse(text), inScope: true })),
    ...outOfScope.map((text) => ({ ...analyser.analyse(text), inScope: false })),
  ];
  const trained = trainScopeDetector(examples, {
    l2: 1e-3,
    epochs: 30,
    learningRate: 0.5,
    lengthPrior: 0,
    noneWeight: 1,
    minGram: 3,
    maxGram: 5,
  });
  return { analyser, trained };
}

describe('the in-scope detector', () => {
  const { analyser, trained } = detector();
  const inScopeProbability = (text: string): number => trained.inScope(analyser.analyse(text));

  it('tells questions about MFA from questions about something else', () => {
    expect(inScopeProbability('the authenticator code')).toBeGreaterThan(0.5);
    expect(inScopeProbability('the printer')).toBeLessThan(0.5);
  });

  it('recognises a word it never saw through its letters ("reauthenticating" from "authenticator")', () => {
    // Both words are unknown to the analyser; only their letters tell them apart.
    expect(inScopeProbability('reauthenticating')).toBeGreaterThan(inScopeProbability('zygomorphous') + 0.1);
  });

  it('gives a probability between 0 and 1 for anything, including nothing it knows', () => {
    for (const text of ['', 'zzzz qqqq', 'a'.repeat(500)]) {
      const probability = inScopeProbability(text);
      expect(probability).toBeGreaterThanOrEqual(0);
      expect(probability).toBeLessThanOrEqual(1);
    }
  });
});
