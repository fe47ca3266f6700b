import { odata } from '@azure/data-tables';
import { numberColumn, textColumn } from '../../storage/rows.js';
import { idempotencyKey, newId, referenceCandidates, type RandomBytes } from '../ids.js';
import { parseFeedbackItem, type FeedbackItem } from '../model.js';
import { DEFAULT_RATE_LIMIT, DEFAULT_STATUS_PERIOD_MS, limitWait, outboxStatus, type FeedbackRecords, type MetaStore } from '../store.js';
import type { EnqueueResult, NewFeedback, OutboxEntry, OutboxKind, OutboxStatus, RateLimit, UnansweredStore } from '../store.js';
import { day, messageRow, toMessage, type AzureFeedbackStoreOptions, type FeedbackAccount, type Message } from './account.js';

/**
 * The records in Azure Table Storage, shared by every instance (a message's row: see Message).
 * Instances agree through the table's own conditions: an id, a reference and an idempotency key
 * (`keys/<hash>`, holding its item) are rows created only if absent; a user's sends (`sends/<hash>`)
 * are rewritten only at the ETag read, so two instances cannot both let a sixth item through.
 */
export class TableRecords implements FeedbackRecords {
  private readonly sends: MetaStore;
  private readonly keys: MetaStore;

  constructor(
    protected readonly account: FeedbackAccount,
    protected readonly options: AzureFeedbackStoreOptions,
  ) {
    this.sends = tableMeta(account, 'sends');
    this.keys = tableMeta(account, 'keys');
  }

  async enqueueFeedback(fields: NewFeedback, limit: RateLimit = DEFAULT_RATE_LIMIT, key?: string): Promise<EnqueueResult> {
    const now = this.options.clock.now();
    const scoped = key === undefined ? '' : idempotencyKey(fields.userHash, key);
    const earlier = scoped === '' ? null : await this.keys.read(scoped);
    if (earlier !== null) return this.repeat(earlier.value);
    const wait = await this.countSend(fields.userHash, limit, now, scoped);
    if (wait !== null) return { ok: false, reason: 'rate-limited', retryAfterMs: wait };
    const item: FeedbackItem = { id: newId('fb', this.options.randomBytes), reference: await this.reserveReference(), createdAt: new Date(now).toISOString(), ...fields };
    // The key's row holds the item: a Send that finds the key taken (one racing this) stores and returns that item instead.
    if (scoped !== '' && !(await this.keys.compareAndSet(scoped, null, JSON.stringify(item)))) return this.repeat((await this.keys.read(scoped))?.value);
    await this.store(item.id, 'feedback', item.reference, now, item);
    return { ok: true, item, repeated: false };
  }

  /** A repeated Send: the item its key holds, stored now if the Send that made it stopped before storing it (under the same id). */
  private async repeat(value: string | undefined): Promise<EnqueueResult> {
    const item = parseFeedbackItem(JSON.parse(value ?? 'null'));
    if ((await this.account.find(item.id)) === null) await this.store(item.id, 'feedback', item.reference, Date.parse(item.createdAt), item);
    return { ok: true, item, repeated: true };
  }

  async rateLimitWait(userHash: string, limit: RateLimit = DEFAULT_RATE_LIMIT): Promise<number | null> {
    return limitWait(sendsOf((await this.sends.read(userHash))?.value).map(([at]) => at), limit, this.options.clock.now());
  }

  enqueueOther(id: string, kind: Exclude<OutboxKind, 'feedback'>, body: unknown): Promise<boolean> {
    return this.store(id, kind, null, this.options.clock.now(), body);
  }

  get(id: string): Promise<OutboxEntry | null> {
    return this.account.find(id);
  }

  async status(sinceMs?: number): Promise<OutboxStatus> {
    const now = this.options.clock.now();
    const since = sinceMs ?? now - DEFAULT_STATUS_PERIOD_MS;
    const [open, created] = await Promise.all([this.open(), this.createdBetween(since, now + 1)]);
    return outboxStatus(open, created.filter((m) => m.status === 'delivered').length, since);
  }

  async feedbackBetween(from: number, to: number): Promise<FeedbackItem[]> {
    // Nothing is created in the future: an open-ended period stops at tomorrow.
    const created = await this.createdBetween(from, Math.min(to, this.options.clock.now() + 86_400_000));
    return created.filter((m) => m.kind === 'feedback').map((m) => parseFeedbackItem(m.body));
  }

  /** The messages created in [from, to), oldest first, read from the days of the period alone. */
  private async createdBetween(from: number, to: number): Promise<Message[]> {
    return (await this.account.listDays('m', from, to)).map(toMessage).filter((m) => m.createdAt >= from && m.createdAt < to).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** The messages not delivered yet (pending or dead), as their `open` pointers and then their rows say. */
  protected async open(): Promise<Message[]> {
    const pointers = await this.account.rows(odata`PartitionKey eq 'open'`);
    const found = await Promise.all(pointers.map((p) => this.account.message(textColumn(p, 'p'), p.rowKey ?? '')));
    return found.filter((m): m is Message => m !== null && m.status !== 'delivered');
  }

  /**
   * Stores a message, due now: its `id` pointer (only if absent: a digest's id is stored once), its
   * `open` one, its id on the queue, and only then its row, so a row is never without a queue message.
   * A feedback item is stored again only by a repeated Send finding it missing: each step is then
   * done once more (the row only if absent), and a second queue message is a harmless repeat.
   */
  private async store(id: string, kind: OutboxKind, reference: string | null, now: number, body: unknown): Promise<boolean> {
    if (!(await this.account.create({ partitionKey: 'id', rowKey: id, p: day('m', now) })) && kind !== 'feedback') return false;
    await this.account.create({ partitionKey: 'open', rowKey: id, p: day('m', now) });
    await this.account.announce({ id, createdAt: now });
    const nulls = { lastError: null, deliveredAt: null, deadReason: null, deadAt: null, leaseUntil: null };
    await this.account.create(messageRow({ id, kind, reference, body, status: 'pending', attempts: 0, createdAt: now, queuedAt: now, nextAttemptAt: now, ...nulls }));
    return true;
  }

  /** Counts a send for the user unless they are at the limit (a key counted already, by a Send racing this one, is not counted again); returns how long to wait, or null. */
  private async countSend(userHash: string, limit: RateLimit, now: number, key: string): Promise<number | null> {
    for (let tries = 0; tries < 20; tries += 1) {
      const stored = await this.sends.read(userHash);
      const sends = sendsOf(stored?.value).filter(([at]) => at > now - limit.windowMs);
      if (key !== '' && sends.some(([, counted]) => counted === key)) return null;
      const wait = limitWait(sends.map(([at]) => at), limit, now);
      if (wait !== null) return wait;
      if (await this.sends.compareAndSet(userHash, stored?.version ?? null, JSON.stringify([...sends, [now, key]]))) return null;
      // Another instance counted a send for this user at the same moment: read again.
    }
    throw new Error('Could not count the send: the user record kept changing');
  }

  private async reserveReference(): Promise<string> {
    for (const reference of referenceCandidates(this.options.randomBytes)) {
      if (await this.account.create({ partitionKey: 'ref', rowKey: reference })) return reference;
    }
    throw new Error('Could not find a free feedback reference');
  }
}

/** A user's sends in the last hour from their row: `[when, idempotency key or '']`. */
function sendsOf(value: string | undefined): [number, string][] {
  const parsed: unknown = JSON.parse(value ?? '[]');
  return Array.isArray(parsed) ? parsed.filter((s): s is [number, string] => Array.isArray(s) && typeof s[0] === 'number' && typeof s[1] === 'string') : [];
}

/**
 * Named values as rows `<partition>/<key>`, the version the row's ETag: the salt and the end of the
 * last digest period (`meta`), each user's sends in the last hour (`sends`), each idempotency key's item (`keys`).
 */
export function tableMeta(account: FeedbackAccount, partitionKey = 'meta'): MetaStore {
  return {
    async read(key) {
      const row = await account.read(partitionKey, encodeURIComponent(key));
      return row === null ? null : { value: textColumn(row, 'value'), version: row.etag };
    },
    compareAndSet: (key, version, value) => account.write({ partitionKey, rowKey: encodeURIComponent(key), value }, version),
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
      for (const row of await account.listDays('q', from, to)) {
        const [key, at] = [textColumn(row, 'k'), numberColumn(row, 'at')];
        const seen = asked.get(key) ?? { text: textColumn(row, 'q'), count: 0, lastAt: at };
        if (at >= from && at < to) asked.set(key, { text: seen.text, count: seen.count + 1, lastAt: Math.max(seen.lastAt, at) });
      }
      const top = [...asked.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).slice(0, Math.max(0, limit));
      return top.map(({ text, count }) => ({ text, count }));
    },
  };
}
