import { detectSharedSecret, scrubText } from '../privacy/index.js';
import type { SqliteDatabase } from '../storage/database.js';
import { numberColumn, textColumn } from '../storage/rows.js';
import { ensureFeedbackSchema } from './schema.js';
import type { Clock } from './time.js';

export interface UnansweredQuestion {
  readonly text: string;
  /** How many times it was asked in the period. */
  readonly count: number;
}

/** Longest question kept, in characters. */
export const UNANSWERED_TEXT_MAX = 300;

/** The same question asked twice in different case or spacing counts as one. */
function questionKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/[\s?!.,;:]+$/u, '').trim();
}

/**
 * Questions the bot could not answer, for the digest: scrubbed text and how often it was asked.
 * A message holding what looks like a code or password is not kept at all.
 */
export class UnansweredQuestions {
  private readonly db: SqliteDatabase;
  private readonly clock: Clock;

  constructor(db: SqliteDatabase, options: { readonly clock: Clock }) {
    this.db = db;
    this.clock = options.clock;
    ensureFeedbackSchema(db);
  }

  /** Returns false when nothing was kept (empty, or it held a secret). */
  record(question: string): boolean {
    if (detectSharedSecret(question) !== null) return false;
    const text = scrubText(question).text.replace(/\s+/g, ' ').trim().slice(0, UNANSWERED_TEXT_MAX);
    const key = questionKey(text);
    if (key === '') return false;
    const now = this.clock.now();
    const run = this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO unanswered_questions (key, text, count, first_seen, last_seen) VALUES (?, ?, 1, ?, ?)
           ON CONFLICT(key) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen`,
        )
        .run(key, text, now, now);
      this.db.prepare('INSERT INTO unanswered_hits (question_key, at) VALUES (?, ?)').run(key, now);
    });
    run.immediate();
    return true;
  }

  /** The most asked questions in [from, to), most asked first. */
  top(from: number, to: number, limit: number): UnansweredQuestion[] {
    return this.db
      .prepare(
        `SELECT q.text AS text, COUNT(*) AS n FROM unanswered_hits h JOIN unanswered_questions q ON q.key = h.question_key
         WHERE h.at >= ? AND h.at < ? GROUP BY q.key ORDER BY n DESC, MAX(h.at) DESC LIMIT ?`,
      )
      .all(from, to, limit)
      .map((row) => ({ text: textColumn(row, 'text'), count: numberColumn(row, 'n') }));
  }
}
