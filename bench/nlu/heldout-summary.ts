import { readFileSync } from 'node:fs';
import { evaluateMatcher } from '../../src/nlu/evaluate.js';
import { parseLabelledJsonl } from '../../src/nlu/labelled.js';
import { createMatcher, type MatcherSettings } from '../../src/nlu/matcher.js';
import { countNearMisses } from './near-misses.js';

/**
 * `npx tsx bench/nlu/heldout-summary.ts ['{…settings}']`: the held-out files' summary figures only
 * (no question is printed), for a final check after a decision made by cross-validation.
 */
const settings: Partial<MatcherSettings> = JSON.parse(process.argv.slice(2).find((arg) => arg.startsWith('{')) ?? '{}');
const matcher = createMatcher({ settings });
for (const file of ['test/nlu/heldout.jsonl', 'test/nlu/heldout-outsiders.jsonl']) {
  const questions = parseLabelledJsonl(readFileSync(file, 'utf8'));
  const confidentWrong = questions.filter((q) => {
    const result = matcher.match(q.text);
    return result.intent !== 'none' && result.intent !== q.intent && result.confidence >= 0.9;
  }).length;
  const r = evaluateMatcher(matcher, questions);
  const near = countNearMisses(questions.map((q) => ({ expected: q.intent, ...matcher.match(q.text) })));
  const overall = (r.inScopeAccuracy * r.inScope + r.outOfScopeRecall * r.outOfScope) / r.questions;
  console.log(
    `${file.padEnd(34)} in ${r.inScopeAccuracy.toFixed(3)} out ${r.outOfScopeRecall.toFixed(3)} FR ${r.falseRejectionRate.toFixed(3)} overall ${overall.toFixed(3)} >=0.9 wrong ${confidentWrong}; ` +
      `rejected in scope ${near.rejected}, right topic offered ${near.offeredRight}; out of scope offered a topic ${near.outOfScopeOffered} of ${near.outOfScope}`,
  );
}
