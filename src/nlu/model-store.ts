import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Trained matchers kept between processes (as bytes, see matcher-snapshot.ts), each under a key that
 * hashes everything its training read (matcher-key.ts): a matcher trained from other examples,
 * settings or code has another key, so a stored one is only ever read back for exactly the same training.
 */
export interface TrainedModelStore {
  /** The bytes saved under `key`, or undefined when there are none. */
  load(key: string): Uint8Array | undefined;
  /** Whether save keeps anything (the build's store does; start-up's only reads). */
  readonly writable: boolean;
  save(key: string, bytes: Uint8Array): void;
}

/** Where `npm run build` writes the matcher trained from the bot's own examples: beside the compiled matcher. */
export const DEFAULT_MODEL_DIRECTORY = fileURLToPath(new URL('./trained/', import.meta.url));

/** A store that holds nothing: every matcher is trained (benchmarks of the training itself). */
export const NO_MODEL_STORE: TrainedModelStore = {
  load: () => undefined,
  writable: false,
  save: () => undefined,
};

/** One `<key>.bin` file per matcher in `directory`; written only when `writable`. */
export function createFileModelStore(directory: string, options: { readonly writable: boolean }): TrainedModelStore {
  const fileOf = (key: string): string => join(directory, `${key}.bin`);
  return {
    load(key) {
      try {
        return readFileSync(fileOf(key));
      } catch {
        return undefined;
      }
    },
    writable: options.writable,
    save(key, bytes) {
      if (!options.writable) return;
      mkdirSync(directory, { recursive: true });
      writeFileSync(fileOf(key), bytes);
    },
  };
}
