import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateMatcher } from '../../src/nlu/evaluate.js';
import { parseLabelledJsonl } from '../../src/nlu/labelled.js';
import { createMatcher } from '../../src/nlu/matcher.js';

// The held-out file was written before any tuning and is never used to train or tune.
const heldout = parseLabelledJsonl(readFileSync(new URL('./heldout.jsonl', import.meta.url), 'utf8'));

describe('intent matching on the held-out questions', () => {
  const report = evaluateMatcher(createMatcher(), heldout);

  it('is a fair test: at least 200 questions, a quarter of them out of scope', () => {
    expect(report.questions).toBeGreaterThanOrEqual(200);
    expect(report.outOfScope / report.questions).toBeGreaterThanOrEqual(0.25);
  });

  it('routes at least 90% of in-scope questions to the right intent', () => {
    expect(report.inScopeAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('says "none" to at least 85% of questions outside what it knows', () => {
    expect(report.outOfScopeRecall).toBeGreaterThanOrEqual(0.85);
  });
});
