import type { SqliteDatabase } from '../storage/database.js';
import { numberColumn, textColumn } from '../storage/rows.js';
import { ensureFeedbackSchema } from './schema.js';
import type { UnansweredQuestion, UnansweredStore } from './store.js';

/** Unanswered questions in the embedded database: one row per question, one per asking. */
export class SqliteUnansweredStore implements UnansweredStore {
  private readonly db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.db = db;
    ensureFeedbackSchema(db);
  }

  async add(key: string, text: string, at: number): Promise<void> {
    const run = this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO unanswered_questions (key, text, count, first_seen, last_seen) VALUES (?, ?, 1, ?, ?)
           ON CONFLICT(key) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen`,
        )
        .run(key, text, at, at);
      this.db.prepare('INSERT INTO unanswered_hits (question_key, at) VALUES (?, ?)').run(key, at);
    });
    run.immediate();
  }

  async top(from: number, to: number, limit: number): Promise<UnansweredQuestion[]> {
    return this.db
      .prepare(
        `SELECT q.text AS text, COUNT(*) AS n FROM unanswered_hits h JOIN unanswered_questions q ON q.key = h.question_key
         WHERE h.at >= ? AND h.at < ? GROUP BY q.key ORDER BY n DESC, MAX(h.at) DESC LIMIT ?`,
      )
      .all(from, to, limit)
      .map((row) => ({ text: textColumn(row, 'text'), count: numberColumn(row, 'n') }));
  }
}
