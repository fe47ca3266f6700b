import { setTimeout as sleep } from 'node:timers/promises';
import { numberColumn, textColumn } from '../../storage/rows.js';
import { idempotencyKey, newId, newReference, type RandomBytes } from '../ids.js';
import { parseFeedbackItem, type FeedbackItem } from '../model.js';
import { DEFAULT_RATE_LIMIT, DEFAULT_STATUS_PERIOD_MS, limitWait, type FeedbackRecords, type MetaStore } from '../store.js';
import type { EnqueueResult, NewFeedback, OutboxEntry, OutboxKind, OutboxStatus, RateLimit, UnansweredStore } from '../store.js';
import type { Clock } from '../time.js';
import { day, days, messageRow, toMessage, type FeedbackAccount, type Message, type Row } from './account.js';

/**
 * The records in Azure Table Storage, shared by every instance (a message's rows: see Message).
 * Instances agree through the table's own conditions: an id, a reference and an idempotency key
 * (`key/<hash>`) are rows created only if absent; a user's send times (`user/<hash>`) are rewritten
 * only at the ETag read, so two instances cannot both let a sixth item through.
 */
export class TableRecords implements FeedbackRecords {
  constructor(
    protected readonly account: FeedbackAccount,
    protected readonly clock: Clock,
    private readonly randomBytes: RandomBytes,
  ) {}

  async enqueueFeedback(fields: NewFeedback, limit: RateLimit = DEFAULT_RATE_LIMIT, key?: string): Promise<EnqueueResult> {
    const now = this.clock.now();
    const id = newId('fb', this.randomBytes);
    const scoped = key === undefined ? null : idempotencyKey(fields.userHash, key);
    const earlier = scoped === null ? null : await this.takeKey(scoped, id, now);
    if (earlier !== null) {
      // Its first Send may have stopped before the queue heard of it: tell the queue now (a repeat is harmless).
      if (earlier.status === 'pending' && earlier.attempts === 0) await this.account.announce(earlier);
      return { ok: true, item: parseFeedbackItem(earlier.body), repeated: true };
    }
    const wait = await this.countSend(fields.userHash, limit, now);
    if (wait !== null) {
      if (scoped !== null) await this.account.remove('key', scoped); // so a later Send from the conversation is judged afresh
      return { ok: false, reason: 'rate-limited', retryAfterMs: wait };
    }
    const item: FeedbackItem = { id, reference: await this.reserveReference(), createdAt: new Date(now).toISOString(), ...fields };
    if (!(await this.store(id, 'feedback', item.reference, now, item))) throw new Error('A fresh feedback id was already taken');
    return { ok: true, item, repeated: false };
  }

  async rateLimitWait(userHash: string, limit: RateLimit = DEFAULT_RATE_LIMIT): Promise<number | null> {
    return limitWait(sendTimes(await this.account.read('user', userHash)), limit, this.clock.now());
  }

  enqueueOther(id: string, kind: Exclude<OutboxKind, 'feedback'>, body: unknown): Promise<boolean> {
    return this.store(id, kind, null, this.clock.now(), body);
  }

  async get(id: string): Promise<OutboxEntry | null> {
    const found = await this.account.find(id);
    return found === null ? null : entryOf(found);
  }

  async status(sinceMs?: number): Promise<OutboxStatus> {
    const now = this.clock.now();
    const since = sinceMs ?? now - DEFAULT_STATUS_PERIOD_MS;
    const [open, created] = await Promise.all([this.open(), this.createdBetween(since, now + 1)]);
    const pending = open.filter((m) => m.status === 'pending');
    const dead = open.filter((m) => m.status === 'dead').sort((a, b) => (a.deadAt ?? 0) - (b.deadAt ?? 0));
    const earliest = (values: number[]) => (values.length === 0 ? null : Math.min(...values));
    return {
      pending: pending.length,
      delivered: created.filter((m) => m.status === 'delivered').length,
      deliveredSince: since,
      dead: dead.length,
      oldestPendingAt: earliest(pending.map((m) => m.createdAt)),
      nextAttemptAt: earliest(pending.map((m) => m.nextAttemptAt)),
      deadLetters: dead.map(({ id, kind, reference, deadReason, deadAt, attempts }) => {
        return { id, kind, reference, reason: deadReason ?? 'unknown', deadAt: deadAt ?? 0, attempts };
      }),
    };
  }

  async feedbackBetween(from: number, to: number): Promise<FeedbackItem[]> {
    // Nothing is created in the future: an open-ended period stops at tomorrow.
    const created = await this.createdBetween(from, Math.min(to, this.clock.now() + 86_400_000));
    return created.filter((m) => m.kind === 'feedback').map((m) => parseFeedbackItem(m.body));
  }

  /** The messages created in [from, to), oldest first, read from the days of the period alone. */
  private async createdBetween(from: number, to: number): Promise<Message[]> {
    const found: Message[] = [];
    for (const partition of days('m', from, to)) {
      for (const row of await this.account.list(partition)) found.push(toMessage(row, partition));
    }
    return found.filter((m) => m.createdAt >= from && m.createdAt < to).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** The messages not delivered yet (pending or dead), as their `open` pointers and then their rows say. */
  protected async open(): Promise<Message[]> {
    const pointers = await this.account.list('open');
    const found = await Promise.all(pointers.map((p) => this.account.message(textColumn(p, 'p'), p.rowKey ?? '')));
    return found.filter((m): m is Message => m !== null && m.status !== 'delivered');
  }

  /** Stores a message, due now: its `id` pointer (only if absent: an id is stored once), its `open` one, its row, its id on the queue. */
  private async store(id: string, kind: OutboxKind, reference: string | null, now: number, body: unknown): Promise<boolean> {
    const partition = day('m', now);
    if (!(await this.account.create({ partitionKey: 'id', rowKey: id, p: partition }))) return false;
    await this.account.create({ partitionKey: 'open', rowKey: id, p: partition });
    const [createdAt, queuedAt, nextAttemptAt] = [now, now, now];
    const nulls = { lastError: null, deliveredAt: null, deadReason: null, deadAt: null, leaseUntil: null };
    const fresh = { partition, id, kind, reference, body, status: 'pending', attempts: 0, createdAt, queuedAt, nextAttemptAt } as const;
    await this.account.create(messageRow({ ...fresh, ...nulls }));
    await this.account.announce({ partition, id });
    return true;
  }

  /**
   * Takes an idempotency key for `id`, or returns the message stored under it earlier. Another Send
   * with the key may be half-way through storing it: its row is waited for (a few seconds at most); a
   * key whose message never appeared (its instance died) is taken over after 30 s.
   */
  private async takeKey(scoped: string, id: string, now: number): Promise<Message | null> {
    const key = { partitionKey: 'key', rowKey: scoped, id, p: day('m', now), at: now };
    for (let tries = 0; tries < 60; tries += 1) {
      if (await this.account.create(key)) return null;
      const held = await this.account.read('key', scoped);
      if (held === null) continue; // given up (rate-limited) meanwhile: try again
      const earlier = await this.account.message(textColumn(held, 'p'), textColumn(held, 'id'));
      if (earlier !== null) return earlier;
      if (now - numberColumn(held, 'at') > 30_000 && (await this.account.replace(key, held.etag)) !== null) return null;
      await sleep(50);
    }
    throw new Error('Another Send from this conversation did not finish storing its item');
  }

  /** Counts a send for the user unless they are at the limit; returns how long to wait, or null. */
  private async countSend(userHash: string, limit: RateLimit, now: number): Promise<number | null> {
    for (let tries = 0; tries < 20; tries += 1) {
      const row = await this.account.read('user', userHash);
      const times = sendTimes(row).filter((t) => t > now - limit.windowMs);
      const wait = limitWait(times, limit, now);
      if (wait !== null) return wait;
      const next = { partitionKey: 'user', rowKey: userHash, times: JSON.stringify([...times, now]) };
      if (row === null ? await this.account.create(next) : (await this.account.replace(next, row.etag)) !== null) return null;
      // Another instance counted a send for this user at the same moment: read again.
    }
    throw new Error('Could not count the send: the user record kept changing');
  }

  private async reserveReference(): Promise<string> {
    for (let tries = 0; tries < 100; tries += 1) {
      const reference = newReference(this.randomBytes, tries < 50 ? 4 : 6);
      if (await this.account.create({ partitionKey: 'ref', rowKey: reference })) return reference;
    }
    throw new Error('Could not find a free feedback reference');
  }
}

function sendTimes(row: Row | null): number[] {
  const parsed: unknown = row === null ? [] : JSON.parse(textColumn(row, 'times'));
  return Array.isArray(parsed) ? parsed.filter((t): t is number => typeof t === 'number') : [];
}

/** Only the entry: what readers outside the store see. */
export function entryOf({ partition, etag, deadAt, leaseUntil, ...entry }: Message): OutboxEntry {
  return entry;
}

/** Named values (the salt, the end of the last digest period) as rows `meta/<key>`; the version is the row's ETag. */
export function tableMeta(account: FeedbackAccount): MetaStore {
  return {
    async read(key) {
      const row = await account.read('meta', encodeURIComponent(key));
      return row === null ? null : { value: textColumn(row, 'value'), version: row.etag };
    },
    async compareAndSet(key, version, value) {
      const row = { partitionKey: 'meta', rowKey: encodeURIComponent(key), value };
      return version === null ? account.create(row) : (await account.replace(row, version)) !== null;
    },
  };
}

/** Unanswered questions: a row per asking, in a partition per day (`q<YYYY-MM-DD>`). Nothing is rewritten, so instances never contend. */
export function tableUnanswered(account: FeedbackAccount, randomBytes: RandomBytes): UnansweredStore {
  return {
    async add(key, text, at) {
      const rowKey = `${String(Math.trunc(at)).padStart(13, '0')}-${Buffer.from(randomBytes(6)).toString('hex')}`;
      await account.create({ partitionKey: day('q', at), rowKey, k: key, q: text, at });
    },
    async top(from, to, limit) {
      const asked = new Map<string, { text: string; count: number; lastAt: number }>();
      for (const partition of days('q', from, to)) {
        for (const row of await account.list(partition)) {
          const [key, at] = [textColumn(row, 'k'), numberColumn(row, 'at')];
          const seen = asked.get(key) ?? { text: textColumn(row, 'q'), count: 0, lastAt: at };
          if (at >= from && at < to) asked.set(key, { text: seen.text, count: seen.count + 1, lastAt: Math.max(seen.lastAt, at) });
        }
      }
      const top = [...asked.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).slice(0, Math.max(0, limit));
      return top.map(({ text, count }) => ({ text, count }));
    },
  };
}
