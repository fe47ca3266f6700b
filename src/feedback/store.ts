import { numberColumn, optionalNumberColumn, optionalTextColumn, textColumn } from '../storage/rows.js';
import type { FeedbackItem } from './model.js';

/**
 * Where feedback lives, in two roles: the records (items and digests with their delivery state,
 * references, the hourly limit, unanswered questions, named values such as the salt and the digest
 * period) and delivery (what is due to be posted, claimed by one deliverer at a time). The outbox
 * is both roles over one message id. Two implementations: the embedded SQLite database (one
 * instance, the default: one table serves both roles) and Azure Storage (any number of instances:
 * records in Table Storage, delivery through a Storage queue; see docs/notes/scale.md). Every
 * method is durable when its promise resolves.
 */
export interface FeedbackStore {
  readonly outbox: Outbox;
  readonly unanswered: UnansweredStore;
  readonly meta: MetaStore;
  /** Where it is, for operators (a file path or a container URL without credentials). */
  readonly location: string;
}

export type OutboxKind = 'feedback' | 'digest';
export type OutboxState = 'pending' | 'delivered' | 'dead';

/** One message waiting for (or done with) delivery. `body` is the stored JSON, parsed. */
export interface OutboxEntry {
  readonly id: string;
  readonly kind: OutboxKind;
  readonly reference: string | null;
  readonly createdAt: number;
  readonly body: unknown;
  readonly status: OutboxState;
  readonly attempts: number;
  /** Start of the retry window (enqueue time, or when retry-dead re-queued it). */
  readonly queuedAt: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
  readonly deliveredAt: number | null;
  readonly deadReason: string | null;
  readonly deadAt: number | null;
}

/** A stored message read back, checking every column: a SQLite row, or an Azure table row (its properties are named alike). */
export function entryFromRow(row: unknown): OutboxEntry {
  const kind = textColumn(row, 'kind');
  const status = textColumn(row, 'status');
  if (kind !== 'feedback' && kind !== 'digest') throw new TypeError(`Unknown outbox kind ${kind}`);
  if (status !== 'pending' && status !== 'delivered' && status !== 'dead') throw new TypeError(`Unknown outbox status ${status}`);
  return {
    id: textColumn(row, 'id'),
    kind,
    reference: optionalTextColumn(row, 'reference'),
    createdAt: numberColumn(row, 'created_at'),
    body: JSON.parse(textColumn(row, 'body')),
    status,
    attempts: numberColumn(row, 'attempts'),
    queuedAt: numberColumn(row, 'queued_at'),
    nextAttemptAt: numberColumn(row, 'next_attempt_at'),
    lastError: optionalTextColumn(row, 'last_error'),
    deliveredAt: optionalNumberColumn(row, 'delivered_at'),
    deadReason: optionalTextColumn(row, 'dead_reason'),
    deadAt: optionalNumberColumn(row, 'dead_at'),
  };
}

/** An entry this process has claimed: nobody else may send it until `lease` is settled or runs out. */
export interface ClaimedEntry extends OutboxEntry {
  /** What the store needs to settle the claim (on Azure the row's ETag, and the queue message's id and receipt when it came off the queue; unused by SQLite). */
  readonly lease: string;
}

export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { max: 5, windowMs: 3_600_000 };

/**
 * How long until a user whose sends were at `times` may send again (null = now): until the oldest
 * of their last `limit.max` sends within the window leaves it.
 */
export function limitWait(times: readonly number[], limit: RateLimit, now: number): number | null {
  const recent = times.filter((t) => t > now - limit.windowMs).sort((a, b) => a - b);
  if (recent.length < limit.max) return null;
  const oldest = recent[recent.length - limit.max] ?? now;
  return Math.max(1, oldest + limit.windowMs - now);
}

export type NewFeedback = Omit<FeedbackItem, 'id' | 'reference' | 'createdAt'>;

export type EnqueueResult =
  /** `repeated`: an item was already stored under this key; it is returned, nothing new is stored or counted. */
  | { readonly ok: true; readonly item: FeedbackItem; readonly repeated: boolean }
  | { readonly ok: false; readonly reason: 'rate-limited'; readonly retryAfterMs: number };

export interface DeadLetter {
  readonly id: string;
  readonly kind: OutboxKind;
  readonly reference: string | null;
  readonly reason: string;
  readonly deadAt: number;
  readonly attempts: number;
}

/** How far back `status` counts delivered messages unless told otherwise. */
export const DEFAULT_STATUS_PERIOD_MS = 7 * 86_400_000;

export interface OutboxStatus {
  readonly pending: number;
  /** Delivered, of the messages created at or after `deliveredSince` (the records are read by period). */
  readonly delivered: number;
  readonly deliveredSince: number;
  readonly dead: number;
  /** When the oldest pending message was queued, or null when none is pending. */
  readonly oldestPendingAt: number | null;
  readonly nextAttemptAt: number | null;
  readonly deadLetters: readonly DeadLetter[];
}

/** The status from the messages not delivered yet (pending or dead) and how many created since `since` were delivered. */
export function outboxStatus(open: readonly OutboxEntry[], delivered: number, since: number): OutboxStatus {
  const pending = open.filter((m) => m.status === 'pending');
  const dead = open.filter((m) => m.status === 'dead').sort((a, b) => (a.deadAt ?? 0) - (b.deadAt ?? 0));
  const earliest = (values: number[]) => (values.length === 0 ? null : Math.min(...values));
  return {
    pending: pending.length,
    delivered,
    deliveredSince: since,
    dead: dead.length,
    oldestPendingAt: earliest(pending.map((m) => m.createdAt)),
    nextAttemptAt: earliest(pending.map((m) => m.nextAttemptAt)),
    deadLetters: dead.map(({ id, kind, reference, deadReason, deadAt, attempts }) => ({ id, kind, reference, reason: deadReason ?? 'unknown', deadAt: deadAt ?? 0, attempts })),
  };
}

/**
 * The records of the outbox: what was received, under which id and reference, and where its
 * delivery stands. A message is stored (and due for delivery) before anyone is told it was received.
 */
export interface FeedbackRecords {
  /**
   * Stores a feedback item with a fresh id and a unique short reference, unless the user already
   * sent `limit.max` items within `limit.windowMs`. With a `key` (one per feedback conversation),
   * a second call with the same key and user returns the first item (`repeated`) and stores and
   * counts nothing, however close together the two calls come.
   */
  enqueueFeedback(fields: NewFeedback, limit?: RateLimit, key?: string): Promise<EnqueueResult>;
  /** How long until this user may send another item (null = now). */
  rateLimitWait(userHash: string, limit?: RateLimit): Promise<number | null>;
  /** Stores another message (a digest) under its own id; false when that id is already stored. */
  enqueueOther(id: string, kind: Exclude<OutboxKind, 'feedback'>, body: unknown): Promise<boolean>;
  get(id: string): Promise<OutboxEntry | null>;
  /** Pending and dead messages, and how many of those created since `sinceMs` (default: the last 7 days) were delivered. */
  status(sinceMs?: number): Promise<OutboxStatus>;
  /** Feedback items created in [from, to), oldest first, whatever their delivery state. */
  feedbackBetween(from: number, to: number): Promise<FeedbackItem[]>;
}

/**
 * Delivery: deliverers claim due messages with a lease so two deliverers (in one process or
 * several) never send the same message at the same time; a message leaves only as delivered or
 * dead-lettered, and a delivered one is never claimed again.
 */
export interface FeedbackDelivery {
  /**
   * Claims up to `limit` pending messages that are due and not claimed by anyone, for at least
   * `leaseMs`. Restricted to `onlyIds` when given.
   */
  claimDue(limit: number, leaseMs: number, onlyIds?: readonly string[]): Promise<ClaimedEntry[]>;
  /** When the next pending message becomes due, or null if none is known to be pending. */
  nextDueAt(onlyIds?: readonly string[]): Promise<number | null>;
  markDelivered(entry: ClaimedEntry): Promise<void>;
  /** Records a failed attempt and when to try again. `countAttempt` false for an attempt cut short by shutdown. */
  markRetry(entry: ClaimedEntry, nextAttemptAt: number, error: string, countAttempt?: boolean): Promise<void>;
  markDead(entry: ClaimedEntry, reason: string): Promise<void>;
  /** Puts every dead letter back in the queue with a fresh retry window; returns their ids. */
  retryDead(): Promise<string[]>;
}

/** Both roles over one message id: what the service, the deliverer and the CLI use. */
export interface Outbox extends FeedbackRecords, FeedbackDelivery {}

export interface UnansweredQuestion {
  readonly text: string;
  /** How many times it was asked in the period. */
  readonly count: number;
}

/** Questions the bot could not answer (already scrubbed), for the digest. */
export interface UnansweredStore {
  /** Counts one asking of `text` (whose normalised form is `key`) at `at`. */
  add(key: string, text: string, at: number): Promise<void>;
  /** The most asked questions in [from, to), most asked first. */
  top(from: number, to: number, limit: number): Promise<UnansweredQuestion[]>;
}

/** A stored value with the version a conditional write must name. */
export interface Versioned {
  readonly value: string;
  readonly version: string;
}

/** Small named values (the generated salt, the end of the last digest period). */
export interface MetaStore {
  read(key: string): Promise<Versioned | null>;
  /** Writes `value` only if the key is still at `version` (null: only if absent); false otherwise. */
  compareAndSet(key: string, version: string | null, value: string): Promise<boolean>;
}

/** Reads a value, or stores the one `make` gives when there is none yet; concurrent callers agree. */
export async function readOrCreate(meta: MetaStore, key: string, make: () => string): Promise<string> {
  for (let tries = 0; tries < 5; tries += 1) {
    const existing = await meta.read(key);
    if (existing !== null) return existing.value;
    if (await meta.compareAndSet(key, null, make())) {
      const stored = await meta.read(key);
      if (stored !== null) return stored.value;
    }
  }
  throw new Error(`Could not read or create ${key}`);
}
