import { idempotencyKey, newId, newReference, type RandomBytes } from '../ids.js';
import { parseFeedbackItem, type FeedbackItem } from '../model.js';
import {
  DEFAULT_RATE_LIMIT,
  DEFAULT_STATUS_PERIOD_MS,
  limitWait,
  type DeadLetter,
  type EnqueueResult,
  type FeedbackRecords,
  type NewFeedback,
  type OutboxEntry,
  type OutboxKind,
  type OutboxStatus,
  type RateLimit,
} from '../store.js';
import type { Clock } from '../time.js';
import type { FeedbackAccount } from './account.js';
import { dayPartition, dayPartitions, findMessage, fromRow, readMessage, toEntry, toRow, type MessageRow } from './messageRow.js';

export interface TableRecordsOptions {
  readonly clock: Clock;
  readonly randomBytes: RandomBytes;
}

/**
 * The records in Azure Table Storage, shared by every instance (see messageRow.ts for the rows of a
 * message). Instances agree through the table's own conditions: an id, a reference and an
 * idempotency key are rows created only if absent; a user's send times (`user/<hash>`) are
 * rewritten only at the ETag read, so two instances cannot both let a sixth item through.
 */
export class TableRecords implements FeedbackRecords {
  private readonly account: FeedbackAccount;
  private readonly options: TableRecordsOptions;

  constructor(account: FeedbackAccount, options: TableRecordsOptions) {
    this.account = account;
    this.options = options;
  }

  async enqueueFeedback(fields: NewFeedback, limit: RateLimit = DEFAULT_RATE_LIMIT, key?: string): Promise<EnqueueResult> {
    const now = this.options.clock.now();
    const id = newId('fb', this.options.randomBytes);
    const scoped = key === undefined ? null : idempotencyKey(fields.userHash, key);
    if (scoped !== null) {
      const earlier = await this.claimKey(scoped, id, now);
      if (earlier !== null) {
        // Its first Send may have stopped before the queue heard of it (and said so to the user): tell it now. A repeat is harmless.
        if (earlier.status === 'pending' && earlier.attempts === 0) await this.account.announce(earlier.id, earlier.partition);
        return { ok: true, item: parseFeedbackItem(earlier.body), repeated: true };
      }
    }
    const wait = await this.recordSend(fields.userHash, limit, now);
    if (wait !== null) {
      if (scoped !== null) await this.account.remove('key', scoped); // so a later Send from the same conversation is judged afresh
      return { ok: false, reason: 'rate-limited', retryAfterMs: wait };
    }
    const item: FeedbackItem = { id, reference: await this.reserveReference(), createdAt: new Date(now).toISOString(), ...fields };
    if (!(await this.store(id, 'feedback', item.reference, now, item))) throw new Error('A fresh feedback id was already taken');
    return { ok: true, item, repeated: false };
  }

  async rateLimitWait(userHash: string, limit: RateLimit = DEFAULT_RATE_LIMIT): Promise<number | null> {
    const row = await this.account.read('user', userHash);
    return limitWait(sendTimes(row?.['times']), limit, this.options.clock.now());
  }

  enqueueOther(id: string, kind: Exclude<OutboxKind, 'feedback'>, body: unknown): Promise<boolean> {
    return this.store(id, kind, null, this.options.clock.now(), body);
  }

  async get(id: string): Promise<OutboxEntry | null> {
    const found = await findMessage(this.account, id);
    return found === null ? null : toEntry(found);
  }

  async status(sinceMs?: number): Promise<OutboxStatus> {
    const now = this.options.clock.now();
    const since = sinceMs ?? now - DEFAULT_STATUS_PERIOD_MS;
    const pending = await this.indexed('pending');
    const dead = await this.indexed('dead');
    let delivered = 0;
    for (const partition of dayPartitions('m', since, now + 1)) {
      for await (const row of this.account.partition(partition)) {
        if (row['status'] === 'delivered' && typeof row['createdAt'] === 'number' && row['createdAt'] >= since) delivered += 1;
      }
    }
    const deadLetters = dead
      .map((m): DeadLetter => ({ id: m.id, kind: m.kind, reference: m.reference, reason: m.deadReason ?? 'unknown', deadAt: m.deadAt ?? 0, attempts: m.attempts }))
      .sort((a, b) => a.deadAt - b.deadAt);
    return {
      pending: pending.length,
      delivered,
      deliveredSince: since,
      dead: dead.length,
      oldestPendingAt: minOf(pending.map((m) => m.createdAt)),
      nextAttemptAt: minOf(pending.map((m) => m.nextAttemptAt)),
      deadLetters,
    };
  }

  async feedbackBetween(from: number, to: number): Promise<FeedbackItem[]> {
    const items: FeedbackItem[] = [];
    // Nothing is created in the future: an open-ended period stops at tomorrow.
    for (const partition of dayPartitions('m', from, Math.min(to, this.options.clock.now() + 86_400_000))) {
      for await (const row of this.account.partition(partition)) {
        const m = fromRow(row);
        if (m.kind === 'feedback' && m.createdAt >= from && m.createdAt < to) items.push(parseFeedbackItem(m.body));
      }
    }
    return items.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  }

  /** The messages an index partition (`pending`, `dead`) points at that really are in that state. */
  async indexed(state: 'pending' | 'dead'): Promise<MessageRow[]> {
    const pointers: { id: string; partition: string }[] = [];
    for await (const row of this.account.partition(state)) {
      if (typeof row['p'] === 'string') pointers.push({ id: row.rowKey ?? '', partition: row['p'] });
    }
    const found = await Promise.all(pointers.map((p) => readMessage(this.account, p.partition, p.id)));
    return found.filter((m): m is MessageRow => m !== null && m.status === state);
  }

  /**
   * Stores a new message and makes it due: its id pointer first (created only if absent, so an id is
   * stored once), then its `pending` pointer, its row, and its id on the queue.
   */
  private async store(id: string, kind: OutboxKind, reference: string | null, now: number, body: unknown): Promise<boolean> {
    const partition = dayPartition('m', now);
    if (!(await this.account.create({ partitionKey: 'id', rowKey: id, p: partition }))) return false;
    await this.account.upsert({ partitionKey: 'pending', rowKey: id, p: partition });
    const row = toRow({
      partition, id, kind, reference, createdAt: now, body, status: 'pending', attempts: 0, queuedAt: now, nextAttemptAt: now,
      lastError: null, deliveredAt: null, deadReason: null, deadAt: null, leaseUntil: null,
    });
    await this.account.create(row);
    await this.account.announce(id, partition);
    return true;
  }

  /**
   * Takes an idempotency key for `id`, or returns the message stored under it earlier. Another
   * Send with the same key may be half-way through storing it: wait for its row (a few seconds at
   * most); a key whose message never appeared (its instance died) is taken over.
   */
  private async claimKey(scoped: string, id: string, now: number): Promise<MessageRow | null> {
    for (let tries = 0; tries < 60; tries += 1) {
      const partition = dayPartition('m', now);
      if (await this.account.create({ partitionKey: 'key', rowKey: scoped, id, p: partition, at: now })) return null;
      const held = await this.account.read('key', scoped);
      if (held === null) continue; // given up (rate-limited) meanwhile: try again
      const heldId = held['id'];
      const heldPartition = held['p'];
      const at = held['at'];
      if (typeof heldId !== 'string' || typeof heldPartition !== 'string' || typeof at !== 'number') throw new TypeError('Stored idempotency key is unreadable');
      const earlier = await readMessage(this.account, heldPartition, heldId);
      if (earlier !== null) return earlier;
      if (now - at > KEY_TAKEOVER_MS && (await this.account.replace({ partitionKey: 'key', rowKey: scoped, id, p: partition, at: now }, held.etag)) !== null) return null;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('Another Send from this conversation did not finish storing its item');
  }

  /** Counts a send for the user unless they are at the limit; returns how long to wait, or null. */
  private async recordSend(userHash: string, limit: RateLimit, now: number): Promise<number | null> {
    for (let tries = 0; tries < 20; tries += 1) {
      const row = await this.account.read('user', userHash);
      const times = sendTimes(row?.['times']).filter((t) => t > now - limit.windowMs);
      const wait = limitWait(times, limit, now);
      if (wait !== null) return wait;
      const next = { partitionKey: 'user', rowKey: userHash, times: JSON.stringify([...times, now]) };
      if (row === null ? await this.account.create(next) : (await this.account.replace(next, row.etag)) !== null) return null;
      // Another instance recorded a send for this user at the same moment: read again.
    }
    throw new Error('Could not record the send: the user record kept changing');
  }

  private async reserveReference(): Promise<string> {
    for (let tries = 0; tries < 100; tries += 1) {
      const reference = newReference(this.options.randomBytes, tries < 50 ? 4 : 6);
      if (await this.account.create({ partitionKey: 'ref', rowKey: reference })) return reference;
    }
    throw new Error('Could not find a free feedback reference');
  }
}

/** A Send whose item has not appeared this long after it took the key is taken to have died. */
const KEY_TAKEOVER_MS = 30_000;

function sendTimes(value: unknown): number[] {
  if (typeof value !== 'string') return [];
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed) ? parsed.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)) : [];
}

function minOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.min(...values);
}
