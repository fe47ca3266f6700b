import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExampleSet } from '../../src/content/intents/types.js';
import { createMatcher, type MatcherOptions, type TrainedMatcher } from '../../src/nlu/matcher.js';
import { createFileModelStore, NO_MODEL_STORE, type TrainedModelStore } from '../../src/nlu/model-store.js';

// A small set, so each matcher trains in moments; the detector takes part, as at start-up.
const training: ExampleSet = {
  intents: {
    'methods.sms': ['sms please', 'codes by text message', 'can i get a text instead', 'sms setup'],
    'trouble.no_code': ['missing code', 'code not arrived', 'the code never came', 'no text came through'],
    'chat.greeting': ['hello', 'hi there', 'good morning', 'hey bot'],
  },
  none: ['weather today', 'printer jammed', 'book a taxi', 'smartcard locked', 'what is for lunch'],
};
const tuning: ExampleSet = {
  intents: { 'methods.sms': ['text me the code'], 'trouble.no_code': ['my code has not come'], 'chat.greeting': ['hiya'] },
  none: ['where is the canteen', 'printer broken'],
};
const settings = { epochs: 20, detectorEpochs: 6 };
const QUESTIONS = ['sms code', 'hello there', 'no code came', 'the weather', 'txt me pls', 'a code by sms?', 'hi'];

/** The store in `directory`, counting what is read from it. */
function countingStore(directory: string): TrainedModelStore & { readonly hits: () => number } {
  const files = createFileModelStore(directory, { writable: true });
  let hits = 0;
  return {
    load(key) {
      const text = files.load(key);
      if (text !== undefined) hits++;
      return text;
    },
    writable: true,
    save: (key, text) => files.save(key, text),
    hits: () => hits,
  };
}

const answers = (matcher: TrainedMatcher): unknown => [matcher.calibration.temperature, matcher.calibration.threshold, QUESTIONS.map((text) => matcher.match(text))];
const trained = (options: MatcherOptions): TrainedMatcher => createMatcher({ ...options, modelStore: NO_MODEL_STORE });

const directories: string[] = [];
function freshDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'matcher-store-'));
  directories.push(directory);
  return directory;
}
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('the stored matcher (read at start-up instead of training)', () => {
  it('answers every question exactly as the matcher trained from the same examples', () => {
    const store = countingStore(freshDirectory());
    createMatcher({ training, tuning, settings, modelStore: store });
    const read = createMatcher({ training, tuning, settings, modelStore: store });
    expect(store.hits()).toBe(1);
    expect(answers(read)).toEqual(answers(trained({ training, tuning, settings })));
  });

  it('is never used once an example has changed: the matcher is trained again', () => {
    const store = countingStore(freshDirectory());
    createMatcher({ training, tuning, settings, modelStore: store });
    const changed: ExampleSet = { ...training, intents: { ...training.intents, 'chat.greeting': ['hello', 'hi there', 'good evening', 'hey bot'] } };
    const matcher = createMatcher({ training: changed, tuning, settings, modelStore: store });
    expect(store.hits()).toBe(0);
    expect(answers(matcher)).toEqual(answers(trained({ training: changed, tuning, settings })));
  });

  it('is never used once a tuning example, the answers or a setting has changed', () => {
    const store = countingStore(freshDirectory());
    createMatcher({ training, tuning, settings, modelStore: store });
    createMatcher({ training, tuning: { ...tuning, none: ['where is the canteen'] }, settings, modelStore: store });
    createMatcher({ training, tuning, settings, content: { 'methods.sms': 'Codes by text message.' }, modelStore: store });
    createMatcher({ training, tuning, settings: { ...settings, epochs: 21 }, modelStore: store });
    expect(store.hits()).toBe(0);
  });

  it('trains when the stored file is cut short, and answers as if nothing had been stored', () => {
    const directory = freshDirectory();
    const store = countingStore(directory);
    createMatcher({ training, tuning, settings, modelStore: store });
    for (const file of readdirSync(directory)) {
      const bytes = readFileSync(join(directory, file));
      writeFileSync(join(directory, file), bytes.subarray(0, bytes.length - 8));
    }
    const matcher = createMatcher({ training, tuning, settings, modelStore: store });
    expect(store.hits()).toBe(1);
    expect(answers(matcher)).toEqual(answers(trained({ training, tuning, settings })));
  });

  it('is not written by a store that only reads (start-up)', () => {
    const directory = freshDirectory();
    createMatcher({ training, tuning, settings, modelStore: createFileModelStore(directory, { writable: false }) });
    expect(readdirSync(directory)).toEqual([]);
  });
});
