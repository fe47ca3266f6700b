/**
 * One cold start-up training of the matcher, in a process of its own (as `npm start` builds it):
 * prints the milliseconds `createMatcher()` took. Run by bench/nlu.ts, several times.
 */
import { createMatcher } from '../../src/nlu/matcher.js';

const started = process.hrtime.bigint();
createMatcher();
process.stdout.write(`${Number(process.hrtime.bigint() - started) / 1e6}\n`);
