import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRAINING_SET, TUNING_SET } from '../../src/content/intents/index.js';
import { IN_SCOPE_INTENT_IDS } from '../../src/nlu/intents.js';
import { exampleSetToQuestions, parseLabelledJsonl } from '../../src/nlu/labelled.js';
import { tokenise } from '../../src/nlu/normalise.js';

const heldout = parseLabelledJsonl(readFileSync(new URL('../nlu/heldout.jsonl', import.meta.url), 'utf8'));
// The second held-out set, written the way people outside the team write (issue 13).
const outsiders = parseLabelledJsonl(readFileSync(new URL('../nlu/heldout-outsiders.jsonl', import.meta.url), 'utf8'));
const training = exampleSetToQuestions(TRAINING_SET);
const tuning = exampleSetToQuestions(TUNING_SET);
const key = (text: string): string => tokenise(text).join(' ');

describe('intent examples', () => {
  it.each(IN_SCOPE_INTENT_IDS)('%s has at least 15 training examples and some tuning examples', (intent) => {
    expect(TRAINING_SET.intents[intent]?.length ?? 0).toBeGreaterThanOrEqual(15);
    expect(TUNING_SET.intents[intent]?.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('has an out-of-scope list with near-domain questions', () => {
    expect(TRAINING_SET.none.length).toBeGreaterThanOrEqual(50);
    const text = TRAINING_SET.none.join('\n').toLowerCase();
    for (const topic of ['smartcard', 'outlook', 'pharmacy', 'printer', 'password']) expect(text).toContain(topic);
  });

  it('never repeats a question within training or tuning', () => {
    for (const set of [training, tuning]) {
      const keys = set.map((question) => key(question.text));
      expect(keys.filter((item, index) => keys.indexOf(item) !== index)).toEqual([]);
    }
  });

  it('keeps training, tuning and the held-out test apart', () => {
    const trainingKeys = new Set(training.map((question) => key(question.text)));
    const tuningKeys = new Set(tuning.map((question) => key(question.text)));
    expect(tuning.filter((question) => trainingKeys.has(key(question.text)))).toEqual([]);
    for (const set of [heldout, outsiders]) {
      expect(set.filter((question) => trainingKeys.has(key(question.text)) || tuningKeys.has(key(question.text)))).toEqual([]);
    }
  });

  it('has two held-out tests of at least 200 questions each, a quarter out of scope, covering every intent between them', () => {
    for (const set of [heldout, outsiders]) {
      expect(set.length).toBeGreaterThanOrEqual(200);
      expect(set.filter((question) => question.intent === 'none').length / set.length).toBeGreaterThanOrEqual(0.25);
    }
    expect(outsiders.length).toBeGreaterThanOrEqual(300);
    for (const intent of IN_SCOPE_INTENT_IDS) expect(outsiders.some((question) => question.intent === intent)).toBe(true);
  });
});
