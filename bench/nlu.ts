import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { TRAINING_SET, TUNING_SET } from '../src/content/intents/index.js';
import { parseLabelledJsonl } from '../src/nlu/labelled.js';
import { measure, type Measurement } from './nlu/measure.js';
import { writeSection } from './nlu/results-file.js';
import { SYSTEMS } from './nlu/systems.js';

/**
 * `npm run bench:nlu`: this bot's matcher against nlp.js (default and tuned threshold) and
 * natural's BayesClassifier, on the same training and tuning examples and the same held-out file.
 * Prints a table and writes it to bench/RESULTS.md (section "NLU") with the date and machine.
 */
const PASSES = 20;
const heldoutPath = fileURLToPath(new URL('../test/nlu/heldout.jsonl', import.meta.url));
const resultsPath = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const heldout = parseLabelledJsonl(readFileSync(heldoutPath, 'utf8'));

const results: Measurement[] = [];
for (const system of SYSTEMS) {
  process.stderr.write(`measuring ${system.name}…\n`);
  results.push(await measure(system, TRAINING_SET, TUNING_SET, heldout, PASSES));
}

const fixed = (value: number): string => value.toFixed(3);
const rows = results.map(
  (result) =>
    `| ${result.name} | ${fixed(result.report.inScopeAccuracy)} | ${fixed(result.report.outOfScopeRecall)} | ` +
    `${fixed(result.report.falseRejectionRate)} | ${fixed(result.report.macroF1)} | ${result.trainMs.toFixed(0)} | ` +
    `${result.classifyMedianUs.toFixed(0)} | ${result.classifyP99Us.toFixed(0)} |`,
);

const date = execSync('date', { encoding: 'utf8' }).trim();
const cores = execSync('nproc', { encoding: 'utf8' }).trim();
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const count = (set: typeof TRAINING_SET): number =>
  Object.values(set.intents).reduce((sum, list) => sum + (list?.length ?? 0), 0) + set.none.length;
const inScope = heldout.filter((question) => question.intent !== 'none').length;

const body = `Run: ${date}. Machine: ${cores} cores (nproc), ${cpu}, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}.

Same data for every system: ${count(TRAINING_SET)} training examples (in-scope intents + out-of-scope list, src/content/intents),
${count(TUNING_SET)} tuning examples (threshold and calibration only), held-out test/nlu/heldout.jsonl: ${heldout.length} questions,
${inScope} in scope, ${heldout.length - inScope} out of scope (never used to train or tune).

| System | In-scope accuracy | Out-of-scope recall | False rejections | Macro-F1 | Train ms | Classify µs median | Classify µs p99 |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

- In-scope accuracy: in-scope questions routed to the right intent (a rejection counts as wrong).
  Out-of-scope recall: out-of-scope questions answered \`none\`. False rejections: in-scope questions answered \`none\`
  (rate). Macro-F1: mean F1 over the 24 intents and \`none\`.
- Train ms: from nothing to ready, including calibration / threshold tuning where the system has it (one run).
  Classify: time per question over ${PASSES} passes of the held-out file after a warm-up pass.
- nlp.js: @nlpjs/nlp + @nlpjs/lang-en-min, autoSave/autoLoad off, sentiment off, training log off, out-of-scope examples
  as its \`None\` intent; "tuned" sets its threshold to 0 and applies a threshold chosen on the tuning examples.
  natural: BayesClassifier with PorterStemmer, scores divided by their sum, threshold chosen on the tuning examples.
  Tuned thresholds maximise the mean of in-scope accuracy and out-of-scope recall on the tuning examples.
`;

process.stdout.write(`${body}\n`);
writeSection(resultsPath, 'NLU', body);
process.stderr.write(`written to ${resultsPath}\n`);
