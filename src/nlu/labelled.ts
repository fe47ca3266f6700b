import type { ExampleSet } from '../content/intents/types.js';
import { IN_SCOPE_INTENT_IDS, isIntentId } from './intents.js';
import type { LabelledQuestion } from './types.js';

/** An example set as a flat list of labelled questions (in-scope intents in id order, then `none`). */
export function exampleSetToQuestions(set: ExampleSet): LabelledQuestion[] {
  const questions: LabelledQuestion[] = [];
  for (const intent of IN_SCOPE_INTENT_IDS) {
    for (const text of set.intents[intent] ?? []) questions.push({ text, intent });
  }
  for (const text of set.none) questions.push({ text, intent: 'none' });
  return questions;
}

export class LabelledFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'LabelledFileError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses JSON Lines of `{"text": "…", "intent": "…"}`; blank lines are skipped.
 * Throws LabelledFileError naming the line for anything else.
 */
export function parseLabelledJsonl(content: string): LabelledQuestion[] {
  const questions: LabelledQuestion[] = [];
  const lines = content.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new LabelledFileError(index + 1, 'not valid JSON');
    }
    if (!isRecord(value)) throw new LabelledFileError(index + 1, 'expected an object {"text": …, "intent": …}');
    const { text, intent } = value;
    if (typeof text !== 'string' || text.trim() === '') {
      throw new LabelledFileError(index + 1, '"text" must be a non-empty string');
    }
    if (!isIntentId(intent)) throw new LabelledFileError(index + 1, `unknown intent ${JSON.stringify(intent)}`);
    questions.push({ text, intent });
  }
  return questions;
}
