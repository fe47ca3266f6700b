import type { ExampleSet } from '../content/intents/types.js';
import { evaluateMatcher } from './evaluate.js';
import { LabelledFileError, parseLabelledJsonl } from './labelled.js';
import { formatReport } from './report-format.js';
import type { Matcher } from './types.js';

/**
 * `npm run nlu -- <command>`, the content authors' tool:
 * - `classify`: one question per line on stdin → one JSON line per question on stdout,
 *   `{"text", "intent", "confidence"}` ("none" when rejected). Nothing else on stdout.
 * - `test FILE.jsonl [--json]`: score the matcher on `{"text", "intent"}` lines.
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
    io.stdout(`${JSON.stringify({ text, intent: result.intent, confidence: round(result.confidence) })}\n`);
  }
  return 0;
}

async function test(args: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((arg) => arg !== '--json');
  const [file] = files;
  if (file === undefined || files.length > 1) {
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
  return 0;
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
