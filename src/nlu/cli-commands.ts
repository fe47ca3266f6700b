import type { ExampleSet } from '../content/intents/types.js';
import { evaluateMatcher, type EvaluationReport } from './evaluate.js';
import { LabelledFileError, parseLabelledJsonl } from './labelled.js';
import { formatReport } from './report-format.js';
import type { Matcher } from './types.js';

/**
 * `npm run nlu -- <command>`, the content authors' tool:
 * - `classify`: one question per line on stdin → one JSON line per question on stdout,
 *   `{"text", "intent", "confidence"}` ("none" when rejected, then `"suggestions"`: the topics offered, if any). Nothing else on stdout.
 * - `test FILE.jsonl [--json] [floors]`: score the matcher on `{"text", "intent"}` lines; with
 *   floors (`--min-in-scope=0.86 --min-out-of-scope=0.9 --max-false-rejections=0.09`) it exits 1
 *   when a figure falls past its floor, so CI can run it as a regression check.
 * - `export`: the training examples as JSON `{"intents": {id: […]}, "none": […]}`.
 */
export interface CliIo {
  /** Lines of standard input. */
  readonly stdinLines: () => AsyncIterable<string>;
  readonly readFile: (path: string) => Promise<string>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface CliDeps {
  readonly createMatcher: () => Matcher;
  readonly trainingSet: ExampleSet;
}

export const USAGE = `Usage:
  npm run -s nlu -- classify                 questions on stdin (one per line) → JSON lines on stdout
  npm run -s nlu -- test FILE.jsonl [--json] score the matcher on {"text": …, "intent": …} lines
      [--min-in-scope=N] [--min-out-of-scope=N] [--max-false-rejections=N]
                                             exit 1 when a figure (0–1) falls past its floor
  npm run -s nlu -- export                   the training examples as JSON
`;

/** Confidence rounded for output: enough to compare, short enough to read. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

async function classify(io: CliIo, deps: CliDeps): Promise<number> {
  const matcher = deps.createMatcher();
  for await (const line of io.stdinLines()) {
    const text = line.replace(/\r$/, '');
    if (text.trim() === '') continue;
    const result = matcher.match(text);
    const offered = result.suggestions.length > 0 ? { suggestions: result.suggestions } : {};
    io.stdout(`${JSON.stringify({ text, intent: result.intent, confidence: round(result.confidence), ...offered })}\n`);
  }
  return 0;
}

const FLOORS = {
  '--min-in-scope': { label: 'in-scope accuracy', read: (r: EvaluationReport) => r.inScopeAccuracy, atLeast: true },
  '--min-out-of-scope': { label: 'out-of-scope recall', read: (r: EvaluationReport) => r.outOfScopeRecall, atLeast: true },
  '--max-false-rejections': { label: 'false-rejection rate', read: (r: EvaluationReport) => r.falseRejectionRate, atLeast: false },
} as const;

type FloorName = keyof typeof FLOORS;

function isFloorName(name: string): name is FloorName {
  return Object.hasOwn(FLOORS, name);
}

/** `--min-in-scope=0.9` and friends → floors; undefined when an option is unknown or not a number in 0–1. */
function parseFloors(options: readonly string[]): Map<FloorName, number> | undefined {
  const floors = new Map<FloorName, number>();
  for (const option of options) {
    const [name = '', value = '', ...rest] = option.split('=');
    const floor = Number(value);
    if (!isFloorName(name) || rest.length > 0 || value.trim() === '' || !(floor >= 0 && floor <= 1)) return undefined;
    floors.set(name, floor);
  }
  return floors;
}

async function test(args: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((arg) => !arg.startsWith('--'));
  const floors = parseFloors(args.filter((arg) => arg.startsWith('--') && arg !== '--json'));
  const [file] = files;
  if (file === undefined || files.length > 1 || floors === undefined) {
    io.stderr(USAGE);
    return 64;
  }
  let content: string;
  try {
    content = await io.readFile(file);
  } catch {
    io.stderr(`nlu test: cannot read ${file}\n`);
    return 66;
  }
  let questions;
  try {
    questions = parseLabelledJsonl(content);
  } catch (error) {
    if (error instanceof LabelledFileError) {
      io.stderr(`nlu test: ${file} ${error.message}\n`);
      return 65;
    }
    throw error;
  }
  const report = evaluateMatcher(deps.createMatcher(), questions);
  if (json) {
    io.stdout(
      `${JSON.stringify({
        ...report,
        misrouted: report.misrouted.map((miss) => ({ ...miss, confidence: round(miss.confidence) })),
      })}\n`,
    );
  } else {
    io.stdout(formatReport(report));
  }
  let failed = false;
  for (const [name, floor] of floors) {
    const { label, read, atLeast } = FLOORS[name];
    const value = read(report);
    if (atLeast ? value < floor : value > floor) {
      io.stderr(`nlu test: ${label} ${value.toFixed(3)} is ${atLeast ? 'below' : 'above'} the floor ${floor}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

export async function runCli(args: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'classify':
      if (rest.length > 0) break;
      return classify(io, deps);
    case 'test':
      return test(rest, io, deps);
    case 'export':
      if (rest.length > 0) break;
      io.stdout(`${JSON.stringify({ intents: deps.trainingSet.intents, none: deps.trainingSet.none }, null, 2)}\n`);
      return 0;
    default:
      break;
  }
  io.stderr(USAGE);
  return 64;
}
