import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateMatcher } from '../../src/nlu/evaluate.js';
import { parseLabelledJsonl } from '../../src/nlu/labelled.js';
import { createMatcher } from '../../src/nlu/matcher.js';
import { OUTSIDERS_FLOORS } from './outsiders-floors.js';

// The second held-out file (issue 13): questions written the way people outside the team write,
// from the intent list and the facts only, before anyone looked at the training examples. It is
// never used to train or tune; the floors (outsiders-floors.ts, also checked through
// `npm run nlu -- test` in cli.test.ts) sit a little under the figures measured in bench/RESULTS.md.
const outsiders = parseLabelledJsonl(readFileSync(new URL('./heldout-outsiders.jsonl', import.meta.url), 'utf8'));

describe('intent matching on questions written by outsiders', () => {
  const matcher = createMatcher();
  const report = evaluateMatcher(matcher, outsiders);

  it('is a fair test: at least 300 questions, a quarter of them out of scope', () => {
    expect(report.questions).toBeGreaterThanOrEqual(300);
    expect(report.outOfScope / report.questions).toBeGreaterThanOrEqual(0.25);
  });

  it('routes most in-scope questions to the right intent and rejects few of them', () => {
    expect(report.inScopeAccuracy).toBeGreaterThanOrEqual(OUTSIDERS_FLOORS.inScopeAccuracy);
    expect(report.falseRejectionRate).toBeLessThanOrEqual(OUTSIDERS_FLOORS.falseRejectionRate);
  });

  it('says "none" to most questions outside what it knows', () => {
    expect(report.outOfScopeRecall).toBeGreaterThanOrEqual(OUTSIDERS_FLOORS.outOfScopeRecall);
  });

  it('offers the right topic as a button for most questions it cannot place, and rarely offers one for a question outside what it knows', () => {
    const results = outsiders.map((question) => ({ question, result: matcher.match(question.text) }));
    const inScope = results.filter(({ question }) => question.intent !== 'none');
    const reached = inScope.filter(({ question, result }) => result.intent === question.intent || (result.intent === 'none' && result.suggestions.some((s) => s === question.intent)));
    expect(reached.length / inScope.length).toBeGreaterThanOrEqual(OUTSIDERS_FLOORS.reachedInOneTap);
    const outOfScope = results.filter(({ question }) => question.intent === 'none');
    const offered = outOfScope.filter(({ result }) => result.intent === 'none' && result.suggestions.length > 0);
    expect(offered.length / outOfScope.length).toBeLessThanOrEqual(OUTSIDERS_FLOORS.outOfScopeOffered);
  });

  it('is rarely wrong when it says it is at least 90% sure', () => {
    const confidentWrong = report.misrouted.filter((miss) => miss.predicted !== 'none' && miss.confidence >= 0.9);
    expect(confidentWrong.length).toBeLessThanOrEqual(OUTSIDERS_FLOORS.confidentWrong);
  });
});
