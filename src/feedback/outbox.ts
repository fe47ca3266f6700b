import type { SqliteDatabase } from '../storage/database.js';
import { numberColumn, optionalNumberColumn, textColumn } from '../storage/rows.js';
import { idempotencyKey, newId, referenceCandidates, type RandomBytes } from './ids.js';
import { parseFeedbackItem, type FeedbackItem } from './model.js';
import { ensureFeedbackSchema } from './schema.js';
import {
  DEFAULT_RATE_LIMIT,
  DEFAULT_STATUS_PERIOD_MS,
  entryFromRow,
  limitWait,
  outboxStatus,
  type ClaimedEntry,
  type EnqueueResult,
  type NewFeedback,
  type Outbox,
  type OutboxEntry,
  type OutboxKind,
  type OutboxStatus,
  type RateLimit,
} from './store.js';
import type { Clock } from './time.js';

export interface SqliteOutboxOptions {
  readonly clock: Clock;
  readonly randomBytes: RandomBytes;
}

/**
 * The outbox in the embedded SQLite database (WAL + synchronous=FULL): a message is on disk before
 * anyone is told it was received; claims are leases in the row (`lease_until`), taken in an
 * IMMEDIATE transaction, so deliverers in this process or another sharing the file (the CLI) never
 * send the same message at the same time. The work is synchronous; the promises are the Outbox
 * contract, which the Azure implementation needs.
 */
export class SqliteOutbox implements Outbox {
  private readonly db: SqliteDatabase;
  private readonly clock: Clock;
  private readonly randomBytes: RandomBytes;

  constructor(db: SqliteDatabase, options: SqliteOutboxOptions) {
    this.db = db;
    this.clock = options.clock;
    this.randomBytes = options.randomBytes;
    ensureFeedbackSchema(db);
  }

  /**
   * Stores a feedback item with a fresh id and a unique short reference, unless the user already
   * sent `limit.max` items within `limit.windowMs`; with a `key`, once per key and user. Durable
   * when it returns. One IMMEDIATE transaction, so a second Send racing the first waits for it.
   */
  async enqueueFeedback(fields: NewFeedback, limit: RateLimit = DEFAULT_RATE_LIMIT, key?: string): Promise<EnqueueResult> {
    const scoped = key === undefined ? null : idempotencyKey(fields.userHash, key);
    const run = this.db.transaction((): EnqueueResult => {
      const now = this.clock.now();
      if (scoped !== null) {
        const earlier: unknown = this.db.prepare('SELECT o.body AS body FROM feedback_keys k JOIN feedback_outbox o ON o.id = k.id WHERE k.key = ?').get(scoped);
        if (earlier !== undefined) return { ok: true, item: parseFeedbackItem(JSON.parse(textColumn(earlier, 'body'))), repeated: true };
      }
      const wait = this.waitFor(fields.userHash, limit, now);
      if (wait !== null) return { ok: false, reason: 'rate-limited', retryAfterMs: wait };
      const item: FeedbackItem = {
        id: newId('fb', this.randomBytes),
        reference: this.uniqueReference(),
        createdAt: new Date(now).toISOString(),
        ...fields,
      };
      this.insert(item.id, 'feedback', item.reference, item.userHash, now, item);
      if (scoped !== null) this.db.prepare('INSERT INTO feedback_keys (key, id) VALUES (?, ?)').run(scoped, item.id);
      return { ok: true, item, repeated: false };
    });
    return run.immediate();
  }

  /**
   * How long until this user may send another item (null = now), counting their feedback created
   * within the last `limit.windowMs`.
   */
  async rateLimitWait(userHash: string, limit: RateLimit = DEFAULT_RATE_LIMIT): Promise<number | null> {
    return this.waitFor(userHash, limit, this.clock.now());
  }

  private waitFor(userHash: string, limit: RateLimit, now: number): number | null {
    const recent = this.db
      .prepare(
        `SELECT created_at FROM feedback_outbox WHERE kind = 'feedback' AND user_hash = ? AND created_at > ?
         ORDER BY created_at ASC`,
      )
      .all(userHash, now - limit.windowMs)
      .map((row) => numberColumn(row, 'created_at'));
    return limitWait(recent, limit, now);
  }

  async enqueueOther(id: string, kind: Exclude<OutboxKind, 'feedback'>, body: unknown): Promise<boolean> {
    const run = this.db.transaction((): boolean => {
      if (this.db.prepare('SELECT 1 FROM feedback_outbox WHERE id = ?').get(id) !== undefined) return false;
      this.insert(id, kind, null, null, this.clock.now(), body);
      return true;
    });
    return run.immediate();
  }

  private insert(id: string, kind: OutboxKind, reference: string | null, userHash: string | null, now: number, body: unknown): void {
    this.db
      .prepare(
        `INSERT INTO feedback_outbox (id, kind, reference, user_hash, created_at, body, status, attempts, queued_at, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
      )
      .run(id, kind, reference, userHash, now, JSON.stringify(body), now, now);
  }

  private uniqueReference(): string {
    const taken = this.db.prepare('SELECT 1 FROM feedback_outbox WHERE reference = ?');
    for (const reference of referenceCandidates(this.randomBytes)) {
      if (taken.get(reference) === undefined) return reference;
    }
    throw new Error('Could not find a free feedback reference');
  }

  /**
   * Claims up to `limit` pending messages that are due and not leased by anyone, leasing them for
   * `leaseMs`. Restricted to `onlyIds` when given.
   */
  async claimDue(limit: number, leaseMs: number, onlyIds?: readonly string[]): Promise<ClaimedEntry[]> {
    if (limit <= 0) return [];
    const run = this.db.transaction((): ClaimedEntry[] => {
      const now = this.clock.now();
      const idFilter = onlyIds === undefined ? '' : `AND id IN (${onlyIds.map(() => '?').join(',') || 'NULL'})`;
      const rows = this.db
        .prepare(
          `SELECT * FROM feedback_outbox
           WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?) ${idFilter}
           ORDER BY next_attempt_at ASC, created_at ASC LIMIT ?`,
        )
        .all(now, now, ...(onlyIds ?? []), limit);
      const lease = this.db.prepare('UPDATE feedback_outbox SET lease_until = ? WHERE id = ?');
      return rows.map((row) => {
        const entry = entryFromRow(row);
        lease.run(now + leaseMs, entry.id);
        return { ...entry, lease: '' };
      });
    });
    return run.immediate();
  }

  /** When the next pending message becomes due (or its lease runs out), or null if none is pending. */
  async nextDueAt(onlyIds?: readonly string[]): Promise<number | null> {
    const idFilter = onlyIds === undefined ? '' : `AND id IN (${onlyIds.map(() => '?').join(',') || 'NULL'})`;
    const row: unknown = this.db
      .prepare(
        `SELECT MIN(MAX(next_attempt_at, COALESCE(lease_until, 0))) AS due FROM feedback_outbox WHERE status = 'pending' ${idFilter}`,
      )
      .get(...(onlyIds ?? []));
    return optionalNumberColumn(row, 'due');
  }

  async markDelivered({ id }: ClaimedEntry): Promise<void> {
    this.db
      .prepare(
        `UPDATE feedback_outbox SET status = 'delivered', delivered_at = ?, attempts = attempts + 1, lease_until = NULL, last_error = NULL
         WHERE id = ? AND status = 'pending'`,
      )
      .run(this.clock.now(), id);
  }

  /** Records a failed attempt and when to try again. `countAttempt` false for an attempt cut short by shutdown. */
  async markRetry({ id }: ClaimedEntry, nextAttemptAt: number, error: string, countAttempt = true): Promise<void> {
    this.db
      .prepare(
        `UPDATE feedback_outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + ?, lease_until = NULL
         WHERE id = ? AND status = 'pending'`,
      )
      .run(nextAttemptAt, error, countAttempt ? 1 : 0, id);
  }

  async markDead({ id }: ClaimedEntry, reason: string): Promise<void> {
    this.db
      .prepare(
        `UPDATE feedback_outbox SET status = 'dead', dead_at = ?, dead_reason = ?, attempts = attempts + 1, lease_until = NULL
         WHERE id = ? AND status = 'pending'`,
      )
      .run(this.clock.now(), reason, id);
  }

  /** Puts every dead letter back in the queue with a fresh 24-hour window; returns their ids. */
  async retryDead(): Promise<string[]> {
    const run = this.db.transaction((): string[] => {
      const now = this.clock.now();
      const ids = this.db
        .prepare(`SELECT id FROM feedback_outbox WHERE status = 'dead' ORDER BY created_at`)
        .all()
        .map((row) => textColumn(row, 'id'));
      this.db
        .prepare(
          `UPDATE feedback_outbox SET status = 'pending', attempts = 0, queued_at = ?, next_attempt_at = ?, lease_until = NULL,
             dead_at = NULL, dead_reason = NULL
           WHERE status = 'dead'`,
        )
        .run(now, now);
      return ids;
    });
    return run.immediate();
  }

  async get(id: string): Promise<OutboxEntry | null> {
    const row: unknown = this.db.prepare('SELECT * FROM feedback_outbox WHERE id = ?').get(id);
    return row === undefined ? null : entryFromRow(row);
  }

  async status(sinceMs?: number): Promise<OutboxStatus> {
    const since = sinceMs ?? this.clock.now() - DEFAULT_STATUS_PERIOD_MS;
    const open = this.db.prepare(`SELECT * FROM feedback_outbox WHERE status <> 'delivered' ORDER BY created_at`).all().map(entryFromRow);
    const delivered: unknown = this.db.prepare(`SELECT COUNT(*) AS n FROM feedback_outbox WHERE status = 'delivered' AND created_at >= ?`).get(since);
    return outboxStatus(open, numberColumn(delivered, 'n'), since);
  }

  async feedbackBetween(from: number, to: number): Promise<FeedbackItem[]> {
    return this.db
      .prepare(`SELECT body FROM feedback_outbox WHERE kind = 'feedback' AND created_at >= ? AND created_at < ? ORDER BY created_at`)
      .all(from, to)
      .map((row) => parseFeedbackItem(JSON.parse(textColumn(row, 'body'))));
  }
}
