import { readdirSync, rmSync } from 'node:fs';
import { createMatcher } from './matcher.js';
import { createFileModelStore, DEFAULT_MODEL_DIRECTORY } from './model-store.js';

/**
 * Run by `npm run build` after compiling (`node dist/nlu/train-models.js`): trains the matcher from
 * the bot's examples and writes it beside the compiled code, so that `npm start` reads it back
 * instead of training (model-store.ts). What earlier builds wrote is removed first; it could not be
 * read anyway, since its key hashes the examples, settings and code it was trained from (matcher-key.ts).
 */
rmSync(DEFAULT_MODEL_DIRECTORY, { recursive: true, force: true });
const started = process.hrtime.bigint();
createMatcher({ modelStore: createFileModelStore(DEFAULT_MODEL_DIRECTORY, { writable: true }) });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(`matcher trained in ${ms.toFixed(0)} ms, written to ${DEFAULT_MODEL_DIRECTORY} (${readdirSync(DEFAULT_MODEL_DIRECTORY).length} file)\n`);
