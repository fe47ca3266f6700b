import { odata } from '@azure/data-tables';
import type { DequeuedMessageItem } from '@azure/storage-queue';
import { textColumn } from '../../storage/rows.js';
import { idempotencyKey, newId, referenceCandidates } from '../ids.js';
import { parseFeedbackItem, type FeedbackItem } from '../model.js';
import { DEFAULT_RATE_LIMIT, DEFAULT_STATUS_PERIOD_MS, limitWait, outboxStatus, type ClaimedEntry, type FeedbackStore, type MetaStore } from '../store.js';
import type { EnqueueResult, NewFeedback, Outbox, OutboxEntry, OutboxKind, OutboxStatus, RateLimit } from '../store.js';
import { day, FeedbackAccount, messageRow, tableMeta, tableUnanswered, toMessage, type AzureFeedbackStoreOptions, type Message } from './account.js';

/** The feedback store in one Azure storage account, shared by every instance (STORAGE=azure). */
export function createAzureFeedbackStore(options: AzureFeedbackStoreOptions): FeedbackStore {
  const account = new FeedbackAccount(options);
  return { outbox: new AzureOutbox(account, options), unanswered: tableUnanswered(account, options.randomBytes), meta: tableMeta(account), location: account.location };
}

/** How long a message whose row is not written yet (or is dead, about to be revived) is hidden before it is looked at again. */
const NOT_YET_MS = 5_000;

/**
 * The outbox on Azure, shared by every instance: records in Table Storage (a message's row: see
 * Message), delivered through the Storage queue. Instances agree through the table's own conditions:
 * an id, a reference and an idempotency key (`keys/<hash>`, holding its item) are rows created only
 * if absent; a user's sends (`sends/<hash>`) are rewritten only at the ETag read, so two instances
 * cannot both let a sixth item through. A queue message holds only a message's partition and id;
 * receiving it hides it for the lease (the visibility timeout is the lease), and the row is then
 * claimed at its ETag (`lease_until`). So a repeat on the queue (queues deliver at least once) or
 * the CLI claiming by id is caught by the row, and a delivered message's repeat is just deleted.
 * A retry hides the message until it is due (`updateMessage`); `dequeueCount` beyond the attempts
 * recorded marks a message that keeps taking its deliverer down (poison): it is dead-lettered, or,
 * when its row never appeared (its instance stopped between sending it and writing the row), deleted.
 */
class AzureOutbox implements Outbox {
  private readonly sends: MetaStore;
  private readonly keys: MetaStore;

  constructor(
    private readonly account: FeedbackAccount,
    private readonly options: AzureFeedbackStoreOptions,
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
  private async open(): Promise<Message[]> {
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

  async claimDue(limit: number, leaseMs: number, onlyIds?: readonly string[]): Promise<ClaimedEntry[]> {
    const now = this.options.clock.now();
    if (limit <= 0) return [];
    if (onlyIds === undefined) {
      const receive = { numberOfMessages: Math.min(32, limit), visibilityTimeout: Math.max(1, seconds(leaseMs)), ...this.account.limit() };
      const { receivedMessageItems: received } = await this.account.call([], { receivedMessageItems: [] }, () => this.account.queue.receiveMessages(receive));
      return (await Promise.all(received.map((message) => this.take(message, now, leaseMs)))).filter((c) => c !== null);
    }
    const claimed: ClaimedEntry[] = [];
    for (const id of onlyIds) {
      const m = claimed.length < limit ? await this.account.find(id) : null;
      const entry = m === null ? null : await this.claim(m, now, leaseMs);
      if (entry !== null) claimed.push(entry);
    }
    return claimed;
  }

  /** When the next pending message (of `onlyIds`) is due and not held, as the rows say; null when none is pending. */
  async nextDueAt(onlyIds?: readonly string[]): Promise<number | null> {
    const rows = onlyIds === undefined ? await this.open() : await Promise.all(onlyIds.map((id) => this.account.find(id)));
    const due = rows.flatMap((m) => (m?.status === 'pending' ? [Math.max(m.nextAttemptAt, m.leaseUntil ?? 0)] : []));
    return due.length === 0 ? null : Math.min(...due);
  }

  async markDelivered(entry: ClaimedEntry): Promise<void> {
    await this.settle(entry, { status: 'delivered', deliveredAt: this.options.clock.now(), attempts: entry.attempts + 1, lastError: null });
  }

  async markRetry(entry: ClaimedEntry, nextAttemptAt: number, error: string, countAttempt = true): Promise<void> {
    await this.settle(entry, { nextAttemptAt, lastError: error, attempts: entry.attempts + (countAttempt ? 1 : 0) });
  }

  async markDead(entry: ClaimedEntry, reason: string): Promise<void> {
    await this.settle(entry, { status: 'dead', deadAt: this.options.clock.now(), deadReason: reason, attempts: entry.attempts + 1 });
  }

  /** Revives each dead letter: its id goes on the queue first, then its row is made pending, so a pending row always has a message. */
  async retryDead(): Promise<string[]> {
    const now = this.options.clock.now();
    const revived: string[] = [];
    for (const m of (await this.open()).filter((o) => o.status === 'dead').sort((a, b) => a.createdAt - b.createdAt)) {
      await this.account.announce(m);
      const again = { ...m, status: 'pending' as const, attempts: 0, queuedAt: now, nextAttemptAt: now, deadAt: null, deadReason: null };
      if ((await this.account.replace(messageRow(again), m.etag)) !== null) revived.push(m.id); // else someone else revived it just now
    }
    return revived;
  }

  /** One message off the queue: its row claimed; or the message hidden until it may be claimed, or deleted once it never will be. */
  private async take(message: DequeuedMessageItem, now: number, leaseMs: number): Promise<ClaimedEntry | null> {
    const [partition = '', id = ''] = message.messageText.split('/');
    const m = await this.account.message(partition, id);
    const unsettled = message.dequeueCount > (m?.attempts ?? 0) + (this.options.maxUnsettledReceives ?? 10);
    const claimed = m === null ? null : await this.claim(m, now, leaseMs, message);
    if (claimed !== null && !unsettled) return claimed;
    if (claimed !== null) {
      await this.markDead(claimed, `received ${message.dequeueCount} times without an answer being recorded (poison message)`);
    } else if (m?.status === 'pending') {
      // Not due, or held by another deliverer: look again when it may be.
      await this.release(message, Math.max(1_000, m.nextAttemptAt - now, (m.leaseUntil ?? 0) - now));
    } else {
      // No row yet (it is written just after its message) or dead (revived just after its message): look again soon.
      await this.release(message, m?.status === 'delivered' || unsettled ? null : NOT_YET_MS);
    }
    return null;
  }

  /** Leases a pending, due, unheld message at its row's ETag; null when it is not, or another deliverer was first. */
  private async claim(m: Message, now: number, leaseMs: number, message?: DequeuedMessageItem): Promise<ClaimedEntry | null> {
    if (m.status !== 'pending' || Math.max(m.nextAttemptAt, m.leaseUntil ?? 0) > now) return null;
    const etag = await this.account.replace(messageRow({ ...m, leaseUntil: now + leaseMs }), m.etag);
    return etag === null ? null : { ...m, lease: [etag, message?.messageId ?? '', message?.popReceipt ?? ''].join('\n') };
  }

  /**
   * Writes a claimed message's new state, if the claim still holds (if not, its lease ran out and it
   * is another deliverer's now). A delivered message leaves the `open` index; a message off the queue
   * is deleted from it when settled, or hidden until due when retried (the backoff).
   */
  private async settle(entry: ClaimedEntry, change: Partial<Message>): Promise<void> {
    const [etag = '', messageId = '', popReceipt = ''] = entry.lease.split('\n');
    const m = { ...entry, deadAt: null, leaseUntil: null, ...change };
    if ((await this.account.replace(messageRow(m), etag)) === null) return;
    if (m.status === 'delivered') await this.account.remove('open', m.id);
    if (messageId !== '') await this.release({ messageId, popReceipt }, m.status === 'pending' ? m.nextAttemptAt - this.options.clock.now() : null);
  }

  /** Hides a received message for `hideMs`, or deletes it (null); one received again by someone else since is theirs. */
  private async release(message: Pick<DequeuedMessageItem, 'messageId' | 'popReceipt'>, hideMs: number | null): Promise<void> {
    const hideS = seconds(Math.min(hideMs ?? 0, this.options.hideAtMostMs ?? Infinity));
    await this.account.call([400, 404], null, () =>
      hideMs === null
        ? this.account.queue.deleteMessage(message.messageId, message.popReceipt, this.account.limit())
        : this.account.queue.updateMessage(message.messageId, message.popReceipt, undefined, hideS, this.account.limit()),
    );
  }
}

/** A user's sends in the last hour from their row: `[when, idempotency key or '']`. */
function sendsOf(value: string | undefined): [number, string][] {
  const parsed: unknown = JSON.parse(value ?? '[]');
  return Array.isArray(parsed) ? parsed.filter((s): s is [number, string] => Array.isArray(s) && typeof s[0] === 'number' && typeof s[1] === 'string') : [];
}

/** A visibility timeout: whole seconds, at most Azure's longest (7 days). */
function seconds(ms: number): number {
  return Math.min(7 * 24 * 3600, Math.max(0, Math.ceil(ms / 1000)));
}
