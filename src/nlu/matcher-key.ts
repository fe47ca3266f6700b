import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The key a trained matcher is stored under (model-store.ts): a SHA-256 of everything its training
 * reads, so that changing any of it trains again instead of reading a stale matcher back:
 * the examples, tuning examples, answer content and settings (as given); the code that analyses and
 * trains (every module of this directory, as the running process has it: the compiled JavaScript
 * under `npm start`, the TypeScript under tsx); the `natural` package (stemmer, distances); the
 * Node, V8 (Math.exp, Math.log), ICU and Unicode (accent folding in normalise.ts) versions and the
 * byte order of the stored numbers.
 */
export function matcherKey(inputs: unknown): string {
  const hash = createHash('sha256');
  const { node, v8, icu, unicode } = process.versions;
  hash.update(JSON.stringify({ format: 1, inputs, node, v8, icu, unicode, byteOrder: endianness() }));
  hash.update(codeDigest());
  return hash.digest('hex');
}

const NLU_DIRECTORY = fileURLToPath(new URL('.', import.meta.url));
/** `.js` when compiled, `.ts` under tsx: the files this very module is one of. */
const OWN_EXTENSION = extname(fileURLToPath(import.meta.url));

function codeDigest(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(NLU_DIRECTORY).filter((file) => file.endsWith(OWN_EXTENSION)).sort()) {
    hash.update(`${name}\n`);
    hash.update(readFileSync(`${NLU_DIRECTORY}${name}`));
  }
  hash.update(readFileSync(createRequire(import.meta.url).resolve('natural/package.json')));
  return hash.digest('hex');
}
