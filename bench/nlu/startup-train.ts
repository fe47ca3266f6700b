/**
 * One cold start-up of the matcher, in a process of its own: prints the milliseconds `createMatcher()`
 * took. Run by bench/nlu.ts, several times, two ways:
 *   (no argument)            trains it, as start-up did before the build stored the trained matcher
 *                            (and still does when the stored one is missing or out of date);
 *   --stored <directory>     reads the matcher stored in <directory> (model-store.ts), as `npm start`
 *                            does after `npm run build`; a first run with an empty directory trains and writes it.
 */
import { createMatcher } from '../../src/nlu/matcher.js';
import { createFileModelStore, NO_MODEL_STORE } from '../../src/nlu/model-store.js';

const at = process.argv.indexOf('--stored');
const directory = at === -1 ? undefined : process.argv[at + 1];
const modelStore = directory === undefined ? NO_MODEL_STORE : createFileModelStore(directory, { writable: true });
const started = process.hrtime.bigint();
createMatcher({ modelStore });
process.stdout.write(`${Number(process.hrtime.bigint() - started) / 1e6}\n`);
