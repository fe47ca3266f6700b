import { detectSharedSecret, scrubText } from '../privacy/index.js';
import type { UnansweredQuestion, UnansweredStore } from './store.js';
import type { Clock } from './time.js';

export type { UnansweredQuestion } from './store.js';

/** Longest question kept, in characters. */
export const UNANSWERED_TEXT_MAX = 300;

/** The same question asked twice in different case or spacing counts as one. */
export function questionKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/[\s?!.,;:]+$/u, '').trim();
}

/**
 * Questions the bot could not answer, for the digest: scrubbed text and how often it was asked.
 * A message holding what looks like a code or password is not kept at all.
 */
export class UnansweredQuestions {
  private readonly store: UnansweredStore;
  private readonly clock: Clock;

  constructor(store: UnansweredStore, options: { readonly clock: Clock }) {
    this.store = store;
    this.clock = options.clock;
  }

  /** Resolves false when nothing was kept (empty, or it held a secret). */
  async record(question: string): Promise<boolean> {
    if (detectSharedSecret(question) !== null) return false;
    const text = scrubText(question).text.replace(/\s+/g, ' ').trim().slice(0, UNANSWERED_TEXT_MAX);
    const key = questionKey(text);
    if (key === '') return false;
    await this.store.add(key, text, this.clock.now());
    return true;
  }

  /** The most asked questions in [from, to), most asked first. */
  top(from: number, to: number, limit: number): Promise<UnansweredQuestion[]> {
    return this.store.top(from, to, limit);
  }
}
