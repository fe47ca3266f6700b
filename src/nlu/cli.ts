import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { TRAINING_SET } from '../content/intents/index.js';
import { runCli } from './cli-commands.js';
import { createMatcher } from './matcher.js';

/** Entry point of `npm run nlu -- <command>` (see cli-commands.ts). */
const exitCode = await runCli(
  process.argv.slice(2),
  {
    stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
  },
  { createMatcher: () => createMatcher(), trainingSet: TRAINING_SET },
);
process.exitCode = exitCode;
