import { TRAINING_SET, TUNING_SET } from '../../src/content/intents/index.js';
import { OUT_OF_SCOPE_EXAMPLES } from '../../src/content/intents/out-of-scope.js';
import { CONTRAST_TRAINING_EXAMPLES } from '../../src/content/intents/training-contrasts.js';
import { evaluatePredictions, type Prediction } from '../../src/nlu/evaluate.js';
import { FOLDS, hashFold, splitFold } from './folds.js';
import { countNearMisses, type Offered } from './near-misses.js';
import { IN_SCOPE_INTENT_IDS, type IntentId } from '../../src/nlu/intents.js';
import { createMatcher, type MatcherSettings } from '../../src/nlu/matcher.js';

/**
 * `npx tsx bench/nlu/cv.ts ['{"l2":1e-3}'] [--per-intent] [--confusion] [--misranked] [--calibration] [--split-salt=S] [--wrap-test]`: 5-fold cross-validation over the
 * training examples (every intent and the out-of-scope list split into five by position; the
 * matcher trained on four, threshold and calibration on the tuning examples, scored on the fifth).
 * The figures decisions are made on; the held-out files are never read here.
 */
/** `--split-salt=S`: each example's fold from a hash of S and its text instead of its position (other partitions, same for every variant). */
const splitSalt = process.argv.slice(2).find((arg) => arg.startsWith('--split-salt='))?.slice('--split-salt='.length);

/**
 * `--wrap-test`: every left-out question is asked wrapped in a friendly lead-in (and every other one a
 * tail too) the way outsiders write, to see whether filler changes the answer. A diagnostic, not the
 * measure changes are judged on. The phrases are not augment.ts's (some share words with them, as
 * real messages would), and several carry words other intents use ("hi", "quick", "bother").
 */
const WRAP_LEADS = [
  'hi sorry to bother you, quick one:',
  'my manager says i need to ask you this.',
  "i've just got back from annual leave and",
  'good morning, hope you are well.',
  'sorry if this is a silly question but',
  'not sure if you can help,',
  'our area manager emailed about this and',
  'hello there! bit of a strange one.',
];
const WRAP_TAILS = ['thanks so much!', 'any help appreciated x', 'cheers'];
const wrapTest = process.argv.includes('--wrap-test');

function wrapped(text: string): string {
  if (!wrapTest) return text;
  const hash = hashFold(text, 'wrap') + 5 * hashFold(text, 'wrap2');
  const lead = WRAP_LEADS[hash % WRAP_LEADS.length] ?? '';
  const tail = hash % 2 === 0 ? ` ${WRAP_TAILS[hash % WRAP_TAILS.length] ?? ''}` : '';
  return `${lead} ${text}${tail}`;
}

const args = process.argv.slice(2);
const settings: Partial<MatcherSettings> = JSON.parse(args.find((arg) => arg.startsWith('{')) ?? '{}');
const predictions: Prediction[] = [];
/** Each in-scope CV question's top-ranked intent, whether or not it was rejected. */
const ranked: { text: string; expected: IntentId; top: IntentId }[] = [];
/** What each CV question was answered, with the topics offered (near-miss counts). */
const offered: Offered[] = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const { train, test } = splitFold(TRAINING_SET, fold, splitSalt);
  const matcher = createMatcher({ training: train, tuning: TUNING_SET, settings });
  if (args.includes('--calibration')) {
    const { temperature, threshold } = matcher.calibration;
    console.log(`fold ${fold}: temperature ${temperature.toFixed(3)} threshold ${threshold.toFixed(2)}`);
  }
  const add = (text: string, expected: Prediction['expected']): void => {
    // Recorded as written (the lists below are looked up by it), asked wrapped with --wrap-test.
    const result = matcher.match(wrapped(text));
    predictions.push({ text, expected, predicted: result.intent, confidence: result.confidence });
    offered.push({ expected, intent: result.intent, suggestions: result.suggestions });
    if (expected !== 'none') ranked.push({ text, expected, top: result.candidates[0]?.intent ?? 'none' });
  };
  for (const intent of IN_SCOPE_INTENT_IDS) for (const text of test.intents[intent] ?? []) add(text, intent);
  for (const text of test.none) add(text, 'none');
}
const report = evaluatePredictions(predictions);
const confidentWrong = predictions.filter((p) => p.predicted !== 'none' && p.predicted !== p.expected && p.confidence >= 0.9).length;
const f = (value: number): string => value.toFixed(3);
console.log(
  `CV in ${f(report.inScopeAccuracy)}  out ${f(report.outOfScopeRecall)}  FR ${f(report.falseRejectionRate)}  ` +
    `balanced ${f((report.inScopeAccuracy + report.outOfScopeRecall) / 2)}  >=0.9 wrong ${confidentWrong}  (n=${report.questions})`,
);
const nearMisses = countNearMisses(offered);
console.log(
  `Near misses: ${nearMisses.offeredRight} of ${nearMisses.rejected} rejected in-scope questions offered the right topic; ` +
    `${nearMisses.outOfScopeOffered} of ${nearMisses.outOfScope} out-of-scope questions offered a topic`,
);
const confidentRight = predictions.filter((p) => p.predicted !== 'none' && p.predicted === p.expected && p.confidence >= 0.9).length;
console.log(`Right answers at >=0.9 ${confidentRight} of ${predictions.filter((p) => p.predicted !== 'none' && p.predicted === p.expected).length}`);
const original = new Set(OUT_OF_SCOPE_EXAMPLES);
const originalNone = predictions.filter((p) => p.expected === 'none' && original.has(p.text));
// In-scope examples written before round 4 (training.ts and training-outsiders.ts): new examples
// are scored too, so this shows whether they help the old ones and not only themselves.
const contrasts = new Set(Object.values(CONTRAST_TRAINING_EXAMPLES).flat());
const older = predictions.filter((p) => p.expected !== 'none' && !contrasts.has(p.text));
const olderWrong = older.filter((p) => p.predicted !== p.expected);
console.log(
  `CV in on examples before round 4 ${f(1 - olderWrong.length / older.length)}  FR ${f(olderWrong.filter((p) => p.predicted === 'none').length / older.length)}  (n=${older.length})`,
);
console.log(`CV out on out-of-scope.ts alone ${f(originalNone.filter((p) => p.predicted === 'none').length / originalNone.length)}`);
if (args.includes('--per-intent')) {
  for (const score of [...report.perIntent].sort((a, b) => a.recall - b.recall)) {
    const rejected = predictions.filter((p) => p.expected === score.intent && p.predicted === 'none').length;
    console.log(`${score.intent.padEnd(28)} n=${String(score.support).padStart(3)} recall ${f(score.recall)} precision ${f(score.precision)} rejected ${rejected}`);
  }
}
if (args.includes('--confusion') || args.includes('--misranked')) {
  // Ranking alone (rejection ignored): which intent came first for each in-scope question, and the
  // pairs of intents most often put first in each other's place, both directions counted together.
  const misranked = ranked.filter((r) => r.top !== r.expected);
  const olderRanked = ranked.filter((r) => !contrasts.has(r.text));
  const olderRight = olderRanked.filter((r) => r.top === r.expected).length;
  console.log(
    `Top intent right ${f(1 - misranked.length / ranked.length)} of ${ranked.length} in-scope CV questions, ` +
      `${f(olderRight / olderRanked.length)} of the ${olderRanked.length} before round 4`,
  );
  const pairs = new Map<string, { forward: number; back: number }>();
  for (const r of misranked) {
    const [a, b] = [r.expected, r.top].sort();
    const key = `${a} ~ ${b}`;
    const pair = pairs.get(key) ?? { forward: 0, back: 0 };
    if (r.expected === a) pair.forward++;
    else pair.back++;
    pairs.set(key, pair);
  }
  const top = [...pairs.entries()].sort((x, y) => y[1].forward + y[1].back - (x[1].forward + x[1].back)).slice(0, 20);
  for (const [key, { forward, back }] of top) console.log(`${String(forward + back).padStart(3)}  ${key}  (${forward} → / ${back} ←)`);
  if (args.includes('--misranked')) {
    for (const p of predictions.filter((p) => p.predicted !== 'none' && p.predicted !== p.expected && p.confidence >= 0.9)) {
      console.log(`  wrong at ${f(p.confidence)}: ${p.expected} → ${p.predicted}: ${p.text}`);
    }
    for (const p of predictions.filter((p) => p.expected !== 'none' && p.predicted === 'none')) console.log(`  in scope rejected: ${p.expected}: ${p.text}`);
    for (const p of predictions.filter((p) => p.expected === 'none' && p.predicted !== 'none')) console.log(`  out of scope answered: → ${p.predicted} (${f(p.confidence)}): ${p.text}`);
    for (const r of [...misranked].sort((x, y) => x.expected.localeCompare(y.expected))) console.log(`  ${r.expected} → ${r.top}: ${r.text}`);
  }
}

// The same matcher trained on every training example, scored on the tuning examples (a fixed set,
// so changes to the training examples can be compared; it also chose the threshold, so it flatters).
const full = createMatcher({ settings });
const tuning: Prediction[] = [];
for (const intent of IN_SCOPE_INTENT_IDS) {
  for (const text of TUNING_SET.intents[intent] ?? []) {
    const result = full.match(text);
    tuning.push({ text, expected: intent, predicted: result.intent, confidence: result.confidence });
  }
}
for (const text of TUNING_SET.none) {
  const result = full.match(text);
  tuning.push({ text, expected: 'none', predicted: result.intent, confidence: result.confidence });
}
const tuned = evaluatePredictions(tuning);
console.log(
  `Tuning in ${f(tuned.inScopeAccuracy)}  out ${f(tuned.outOfScopeRecall)}  FR ${f(tuned.falseRejectionRate)}  (n=${tuned.questions})`,
);
