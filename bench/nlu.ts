import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { TRAINING_SET, TUNING_SET } from '../src/content/intents/index.js';
import { IN_SCOPE_INTENT_IDS } from '../src/nlu/intents.js';
import { parseLabelledJsonl } from '../src/nlu/labelled.js';
import { CONFIDENT, measure, type HeldoutSet, type Measurement } from './nlu/measure.js';
import { writeSection } from './nlu/results-file.js';
import { SYSTEMS } from './nlu/systems.js';

/**
 * `npm run bench:nlu`: this bot's matcher against nlp.js (default and tuned threshold) and
 * natural's BayesClassifier, on the same training and tuning examples and the same two held-out
 * files. Prints a table per held-out file and writes them to bench/RESULTS.md (section "NLU")
 * with the date and machine.
 */
const PASSES = 20;
const loadAtStart = os.loadavg()[0] ?? 0;
const resultsPath = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const load = (file: string): HeldoutSet['questions'] =>
  parseLabelledJsonl(readFileSync(fileURLToPath(new URL(`../test/nlu/${file}`, import.meta.url)), 'utf8'));

const SETS: readonly (HeldoutSet & { readonly file: string; readonly about: string })[] = [
  {
    name: 'team',
    file: 'heldout.jsonl',
    about: 'written by the team (kept apart from the training examples, but by people who had written them)',
    questions: load('heldout.jsonl'),
  },
  {
    name: 'outsiders',
    file: 'heldout-outsiders.jsonl',
    about:
      'written the way people outside the team write (personas, context, typos, text-speak, no keywords), from the intent list and the facts only, before looking at any training example (issue 13)',
    questions: load('heldout-outsiders.jsonl'),
  },
];

// The matcher's start-up, createMatcher() in a fresh process, several times (one cold run moves a lot on a shared
// machine), both ways: training it, and reading the matcher the build stored (from a directory a first run fills).
const STARTUP_RUNS = 7;
const startupScript = fileURLToPath(new URL('./nlu/startup-train.ts', import.meta.url));
const storedDirectory = mkdtempSync(`${os.tmpdir()}/matcher-store-`);
const startupRun = (extra: readonly string[]): number =>
  Number(execFileSync(process.execPath, [...process.execArgv, startupScript, ...extra], { encoding: 'utf8' }).trim());
process.stderr.write(`start-up of the matcher, ${STARTUP_RUNS} fresh processes training it and ${STARTUP_RUNS} reading it, interleaved…\n`);
startupRun(['--stored', storedDirectory]);
const trainingMs: number[] = [];
const storedMs: number[] = [];
for (let run = 0; run < STARTUP_RUNS; run++) {
  trainingMs.push(startupRun([]));
  storedMs.push(startupRun(['--stored', storedDirectory]));
}
rmSync(storedDirectory, { recursive: true, force: true });
const spread = (times: number[]): string => {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return `median of ${sorted.length} processes ${median.toFixed(0)} ms (fastest ${(sorted[0] ?? NaN).toFixed(0)}, slowest ${(sorted[sorted.length - 1] ?? NaN).toFixed(0)})`;
};

const results: Measurement[] = [];
for (const system of SYSTEMS) {
  process.stderr.write(`measuring ${system.name}…\n`);
  results.push(await measure(system, TRAINING_SET, TUNING_SET, SETS, PASSES));
}

const fixed = (value: number): string => value.toFixed(3);
const table = (setName: string): string => {
  const rows = results.map((result) => {
    const found = result.results.find((item) => item.set === setName);
    if (found === undefined) throw new Error(`no result for ${setName}`);
    const { report, confidentWrong } = found;
    const overall = (report.inScopeAccuracy * report.inScope + report.outOfScopeRecall * report.outOfScope) / report.questions;
    return (
      `| ${result.name} | ${fixed(report.inScopeAccuracy)} | ${fixed(report.outOfScopeRecall)} | ` +
      `${fixed(report.falseRejectionRate)} | ${fixed(overall)} | ${fixed(report.macroF1)} | ${confidentWrong} |`
    );
  });
  return [
    `| System | In-scope accuracy | Out-of-scope recall | False rejections | Overall accuracy | Macro-F1 | Wrong answers with confidence ≥ ${CONFIDENT} |`,
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
};

/** What the matcher's rejections offer instead (the not-known card's "Were you asking about…?" buttons). */
const nearMissLine = (setName: string): string => {
  const lines = results.flatMap((result) => {
    const found = result.results.find((item) => item.set === setName);
    const near = found?.nearMisses;
    if (found === undefined || near === undefined) return [];
    const { report } = found;
    const reached = report.inScopeAccuracy * report.inScope + near.offeredRight;
    return [
      `${result.name}, questions it answered \`none\` (the card then offers the topics the question came closest to as buttons, ` +
        `decision.ts): of the ${near.rejected} in-scope questions it rejected, ${near.offeredRight} had the right topic offered, one tap away, ` +
        `so ${fixed(reached / report.inScope)} of in-scope questions reached their answer at once or in one tap (in-scope accuracy above: ${fixed(report.inScopeAccuracy)}); ` +
        `${near.outOfScopeOffered} of the ${near.outOfScope} out-of-scope questions were offered a topic (the card still says it does not know).`,
    ];
  });
  return lines.length === 0 ? '' : `\n\n${lines.join('\n')}`;
};

const timing = [
  '| System | Train ms | Classify µs median | Classify µs p99 |',
  '|---|---|---|---|',
  ...results.map(
    (result) =>
      `| ${result.name} | ${result.trainMs.toFixed(0)} | ${result.classifyMedianUs.toFixed(0)} | ${result.classifyP99Us.toFixed(0)} |`,
  ),
].join('\n');

const date = execSync('date', { encoding: 'utf8' }).trim();
const cores = execSync('nproc', { encoding: 'utf8' }).trim();
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const count = (set: typeof TRAINING_SET): number =>
  Object.values(set.intents).reduce((sum, list) => sum + (list?.length ?? 0), 0) + set.none.length;

const sections = SETS.map((set) => {
  const inScope = set.questions.filter((question) => question.intent !== 'none').length;
  return `### Held-out set "${set.name}": test/nlu/${set.file}

${set.questions.length} questions, ${inScope} in scope, ${set.questions.length - inScope} out of scope; ${set.about}.

${table(set.name)}${nearMissLine(set.name)}`;
});

const body = `Run: ${date}. Machine: ${cores} cores (nproc), ${cpu}, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}. Load average (1 min) at start ${loadAtStart.toFixed(1)}, at end ${(os.loadavg()[0] ?? 0).toFixed(1)}: timings on a shared machine are only as good as that.

Same data for every system: ${count(TRAINING_SET)} training examples (in-scope intents + out-of-scope list, src/content/intents),
${count(TUNING_SET)} tuning examples (threshold and calibration only). Two held-out files, never used to train or tune.

${sections.join('\n\n')}

### Speed (both held-out files together)

${timing}

Start-up of the matcher (\`createMatcher()\` in a fresh process, under tsx; issue 13's goal is under 500 ms): reading the matcher the build stored (\`npm run build\` trains it once, src/nlu/train-models.ts), ${spread(storedMs)}; training it, as when the stored one is missing or out of date, ${spread(trainingMs)}.

- In-scope accuracy: in-scope questions routed to the right intent (a rejection counts as wrong).
  Out-of-scope recall: out-of-scope questions answered \`none\`. False rejections: in-scope questions answered \`none\`
  (rate). Overall accuracy: every question answered right (in-scope intent or \`none\`). Macro-F1: mean F1 over the
  ${IN_SCOPE_INTENT_IDS.length} intents and \`none\`. Wrong answers with confidence ≥ ${CONFIDENT}: in-scope answers (not \`none\`) that were
  wrong although the system gave them that confidence (the matcher's is calibrated; nlp.js's is its own score).
- Train ms: from nothing to ready, including calibration / threshold tuning where the system has it (one run).
  The matcher is built first, in a cold process, so its train time includes the JIT warming up its code.
  Classify: time per question over ${PASSES} passes of both held-out files after a warm-up pass.
- nlp.js: @nlpjs/nlp + @nlpjs/lang-en-min, autoSave/autoLoad off, sentiment off, training log off, out-of-scope examples
  as its \`None\` intent; "tuned" sets its threshold to 0 and applies a threshold chosen on the tuning examples.
  natural: BayesClassifier with PorterStemmer, scores divided by their sum, threshold chosen on the tuning examples.
  Tuned thresholds maximise the mean of in-scope accuracy and out-of-scope recall on the tuning examples.
`;

process.stdout.write(`${body}\n`);
writeSection(resultsPath, 'NLU', body);
process.stderr.write(`written to ${resultsPath}\n`);
