import type { ClaimedEntry, FeedbackDelivery } from '../store.js';
import type { Clock } from '../time.js';
import { storageStatus, type FeedbackAccount } from './account.js';
import { findMessage, readMessage, toEntry, writeMessage, type MessageRow } from './messageRow.js';
import type { TableRecords } from './records.js';

export interface QueueDeliveryOptions {
  readonly clock: Clock;
  /**
   * Longest a message is hidden before its row is looked at again (default: Azure's longest, 7
   * days, i.e. until it is due). Tests whose clock is not the real one set 0.
   */
  readonly hideAtMostMs?: number;
  /** Receives without a recorded attempt after which a message is poison and dead-lettered (default 10). */
  readonly maxUnsettledReceives?: number;
  /** How often an idle deliverer looks for pending rows whose id never reached the queue (default 5 min). */
  readonly sweepEveryMs?: number;
}

/** What the store needs to settle a claim: the row's ETag and, when it came off the queue, the message. */
interface Lease {
  readonly etag: string;
  readonly messageId: string | null;
  readonly popReceipt: string | null;
}

interface QueueMessage {
  readonly messageId: string;
  readonly popReceipt: string;
  readonly messageText: string;
  readonly dequeueCount: number;
}

/**
 * Delivery through an Azure Storage queue. A message carries only an id (and the partition of its
 * row); the records hold the content and the state. Receiving a message hides it for the lease
 * (the visibility timeout is the lease), and the deliverer then claims the row at its ETag
 * (`leaseUntil`), so a duplicate message — queues deliver at least once — or a CLI sending the
 * same id is caught by the row: a delivered or dead message's id is simply deleted from the queue.
 * A retry hides the message until it is due (`updateMessage`), and `dequeueCount` beyond the
 * attempts recorded marks a message that keeps taking its deliverer down (poison): it is
 * dead-lettered in the records.
 */
export class QueueDelivery implements FeedbackDelivery {
  private readonly account: FeedbackAccount;
  private readonly records: TableRecords;
  private readonly clock: Clock;
  private readonly hideAtMostMs: number;
  private readonly maxUnsettled: number;
  private readonly sweepEveryMs: number;
  private lastSweep = Number.NEGATIVE_INFINITY;
  /** Retries this process scheduled (id → when), so nextDueAt knows when to look again. */
  private readonly retries = new Map<string, number>();

  constructor(account: FeedbackAccount, records: TableRecords, options: QueueDeliveryOptions) {
    this.account = account;
    this.records = records;
    this.clock = options.clock;
    this.hideAtMostMs = options.hideAtMostMs ?? MAX_VISIBILITY_S * 1000;
    this.maxUnsettled = options.maxUnsettledReceives ?? 10;
    this.sweepEveryMs = options.sweepEveryMs ?? 5 * 60_000;
  }

  async claimDue(limit: number, leaseMs: number, onlyIds?: readonly string[]): Promise<ClaimedEntry[]> {
    if (limit <= 0) return [];
    if (onlyIds !== undefined) return this.claimIds(limit, leaseMs, onlyIds);
    await this.account.ensure();
    const visibilityTimeout = Math.min(MAX_VISIBILITY_S, Math.max(1, Math.ceil(leaseMs / 1000)));
    const { receivedMessageItems } = await this.account.queue.receiveMessages({ numberOfMessages: Math.min(32, limit), visibilityTimeout, ...this.account.limit() });
    if (receivedMessageItems.length === 0) await this.sweep();
    const claimed = await Promise.all(receivedMessageItems.map((message) => this.claimMessage(message, leaseMs)));
    return claimed.filter((c): c is ClaimedEntry => c !== null);
  }

  /**
   * A row is stored before its id goes on the queue; an instance that stopped in between (or a
   * queue that did not answer) leaves a pending row nobody is told about. When the queue is idle,
   * now and then, such rows (long overdue, not held) are announced again; a repeat is harmless.
   */
  private async sweep(): Promise<void> {
    const now = this.clock.now();
    if (now - this.lastSweep < this.sweepEveryMs) return;
    this.lastSweep = now;
    for (const m of await this.records.indexed('pending')) {
      if (m.nextAttemptAt < now - this.sweepEveryMs && (m.leaseUntil ?? 0) < now) await this.account.announce(m.id, m.partition);
    }
  }

  async nextDueAt(onlyIds?: readonly string[]): Promise<number | null> {
    let rows: (MessageRow | null)[];
    if (onlyIds !== undefined) {
      rows = await Promise.all(onlyIds.map((id) => findMessage(this.account, id)));
    } else {
      await this.account.ensure();
      // The visible messages (those hidden are being sent, or not due before they reappear).
      const { peekedMessageItems } = await this.account.queue.peekMessages({ numberOfMessages: 32, ...this.account.limit() });
      rows = await Promise.all(peekedMessageItems.map((m) => this.rowOf(m.messageText)));
    }
    const due = rows.filter((m): m is MessageRow => m !== null && m.status === 'pending').map((m) => Math.max(m.nextAttemptAt, m.leaseUntil ?? 0));
    const now = this.clock.now();
    for (const [id, at] of this.retries) if (at <= now) this.retries.delete(id); // due now: on the queue again
    if (onlyIds === undefined) due.push(...this.retries.values());
    return due.length === 0 ? null : Math.min(...due);
  }

  async markDelivered(entry: ClaimedEntry): Promise<void> {
    await this.settle(entry, (m) => ({ ...m, status: 'delivered', deliveredAt: this.clock.now(), attempts: m.attempts + 1, lastError: null, leaseUntil: null }));
  }

  async markDead(entry: ClaimedEntry, reason: string): Promise<void> {
    const found = await this.claimedRow(entry);
    if (found === null) return;
    await this.account.upsert({ partitionKey: 'dead', rowKey: entry.id, p: found.partition });
    const now = this.clock.now();
    await this.settle(entry, (m) => ({ ...m, status: 'dead', deadAt: now, deadReason: reason, attempts: m.attempts + 1, leaseUntil: null }));
  }

  async markRetry(entry: ClaimedEntry, nextAttemptAt: number, error: string, countAttempt = true): Promise<void> {
    const lease = leaseOf(entry);
    const found = await this.claimedRow(entry);
    if (found === null) return;
    const written = await writeMessage(this.account, { ...found, nextAttemptAt, lastError: error, attempts: found.attempts + (countAttempt ? 1 : 0), leaseUntil: null }, lease.etag);
    if (written === null) return; // taken over by another deliverer after our lease ran out: theirs now
    this.retries.set(entry.id, nextAttemptAt);
    if (lease.messageId !== null && lease.popReceipt !== null) {
      // updateMessage is the backoff: the id reappears on the queue when the retry is due.
      await this.ignoreGone(this.account.queue.updateMessage(lease.messageId, lease.popReceipt, undefined, this.hideFor(nextAttemptAt - this.clock.now()), this.account.limit()));
    }
  }

  async retryDead(): Promise<string[]> {
    const now = this.clock.now();
    const ids: string[] = [];
    const dead = (await this.records.indexed('dead')).sort((a, b) => a.createdAt - b.createdAt);
    for (const m of dead) {
      await this.account.upsert({ partitionKey: 'pending', rowKey: m.id, p: m.partition });
      const again = { ...m, status: 'pending' as const, attempts: 0, queuedAt: now, nextAttemptAt: now, deadAt: null, deadReason: null, leaseUntil: null };
      if ((await writeMessage(this.account, again, m.etag)) === null) continue; // someone else revived it just now
      await this.account.announce(m.id, m.partition);
      await this.account.remove('dead', m.id);
      ids.push(m.id);
    }
    return ids;
  }

  /** One message off the queue: claims its row, or tidies the message away, or hides it until it is due. */
  private async claimMessage(message: QueueMessage, leaseMs: number): Promise<ClaimedEntry | null> {
    const m = await this.rowOf(message.messageText);
    const now = this.clock.now();
    if (m === null || m.status !== 'pending') {
      await this.deleteMessage(message.messageId, message.popReceipt); // settled already (or never stored): a repeat
      return null;
    }
    const held = m.leaseUntil !== null && m.leaseUntil > now;
    if (m.nextAttemptAt > now || held) {
      await this.hide(message, Math.max(m.nextAttemptAt, m.leaseUntil ?? 0) - now);
      return null;
    }
    const claimed = await this.claimRow(m, now, leaseMs, message);
    if (claimed === null) {
      await this.hide(message, 1_000); // another deliverer claimed the row first
      return null;
    }
    if (message.dequeueCount > m.attempts + this.maxUnsettled) {
      await this.markDead(claimed, `received ${message.dequeueCount} times without an answer being recorded (poison message)`);
      return null;
    }
    return claimed;
  }

  private async claimIds(limit: number, leaseMs: number, ids: readonly string[]): Promise<ClaimedEntry[]> {
    const now = this.clock.now();
    const out: ClaimedEntry[] = [];
    for (const id of ids) {
      if (out.length >= limit) break;
      const m = await findMessage(this.account, id);
      if (m === null || m.status !== 'pending' || m.nextAttemptAt > now || (m.leaseUntil !== null && m.leaseUntil > now)) continue;
      const claimed = await this.claimRow(m, now, leaseMs, null);
      if (claimed !== null) out.push(claimed);
    }
    return out;
  }

  private async claimRow(m: MessageRow, now: number, leaseMs: number, message: QueueMessage | null): Promise<ClaimedEntry | null> {
    const etag = await writeMessage(this.account, { ...m, leaseUntil: now + leaseMs }, m.etag);
    if (etag === null) return null;
    const lease: Lease = { etag, messageId: message?.messageId ?? null, popReceipt: message?.popReceipt ?? null };
    return { ...toEntry(m), lease: JSON.stringify(lease) };
  }

  /** The row a claim was made on, if nobody changed it since. */
  private async claimedRow(entry: ClaimedEntry): Promise<MessageRow | null> {
    const found = await findMessage(this.account, entry.id);
    return found !== null && found.etag === leaseOf(entry).etag ? found : null;
  }

  /** Writes the settled row (only if the claim still holds), drops its `pending` pointer and its message. */
  private async settle(entry: ClaimedEntry, change: (m: MessageRow) => MessageRow): Promise<void> {
    const lease = leaseOf(entry);
    this.retries.delete(entry.id);
    const found = await this.claimedRow(entry);
    if (found === null || (await writeMessage(this.account, change(found), lease.etag)) === null) return;
    await this.account.remove('pending', entry.id);
    if (lease.messageId !== null && lease.popReceipt !== null) await this.deleteMessage(lease.messageId, lease.popReceipt);
  }

  private async rowOf(text: string): Promise<MessageRow | null> {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || !('id' in parsed) || !('p' in parsed)) return null;
    const { id, p } = parsed;
    return typeof id === 'string' && typeof p === 'string' ? readMessage(this.account, p, id) : null;
  }

  private hideFor(ms: number): number {
    return Math.min(MAX_VISIBILITY_S, Math.max(0, Math.ceil(Math.min(ms, this.hideAtMostMs) / 1000)));
  }

  private hide(message: QueueMessage, ms: number): Promise<void> {
    return this.ignoreGone(this.account.queue.updateMessage(message.messageId, message.popReceipt, undefined, this.hideFor(ms), this.account.limit()));
  }

  private deleteMessage(messageId: string, popReceipt: string): Promise<void> {
    return this.ignoreGone(this.account.queue.deleteMessage(messageId, popReceipt, this.account.limit()));
  }

  /** A message deleted, or received again by someone else since (its pop receipt changed): theirs to handle. */
  private async ignoreGone(call: Promise<unknown>): Promise<void> {
    try {
      await call;
    } catch (error) {
      const status = storageStatus(error);
      if (status !== 404 && status !== 400) throw error;
    }
  }
}

/** Azure's longest visibility timeout, in seconds (7 days). */
const MAX_VISIBILITY_S = 7 * 24 * 3600;

function leaseOf(entry: ClaimedEntry): Lease {
  const parsed: unknown = JSON.parse(entry.lease);
  if (typeof parsed !== 'object' || parsed === null) throw new TypeError('Not an Azure claim');
  const field = (key: string): string | null => {
    const value: unknown = Object.entries(parsed).find(([k]) => k === key)?.[1];
    return typeof value === 'string' ? value : null;
  };
  const etag = field('etag');
  if (etag === null) throw new TypeError('Not an Azure claim');
  return { etag, messageId: field('messageId'), popReceipt: field('popReceipt') };
}
