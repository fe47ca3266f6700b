import type { DequeuedMessageItem } from '@azure/storage-queue';
import type { RandomBytes } from '../ids.js';
import type { ClaimedEntry, FeedbackStore, Outbox } from '../store.js';
import type { Clock } from '../time.js';
import { FeedbackAccount, messageRow, unless, type AccountOptions, type Message } from './account.js';
import { entryOf, tableMeta, TableRecords, tableUnanswered } from './records.js';

export interface AzureFeedbackStoreOptions extends AccountOptions {
  readonly clock: Clock;
  readonly randomBytes: RandomBytes;
  /** Longest a message is hidden before its row is looked at again (default 7 days, Azure's longest: until it is due). Tests on a clock of their own set 0. */
  readonly hideAtMostMs?: number;
  /** Receives without a recorded attempt after which a message is poison, and dead-lettered (default 10). */
  readonly maxUnsettledReceives?: number;
}

/** The feedback store in one Azure storage account, shared by every instance (STORAGE=azure). Table and queue are created on first use. */
export function createAzureFeedbackStore(options: AzureFeedbackStoreOptions): FeedbackStore {
  const account = new FeedbackAccount(options);
  const outbox = new QueueDelivery(account, options);
  return { outbox, unanswered: tableUnanswered(account, options.randomBytes), meta: tableMeta(account), location: account.location };
}

/**
 * The records (records.ts) with delivery through the Storage queue. A queue message carries only a
 * message's partition and id. Receiving it hides it for the lease (the visibility timeout is the
 * lease); the deliverer then claims the row at its ETag (`lease_until`), so a repeat on the queue
 * (queues deliver at least once) or a CLI claiming by id is caught by the row, and a settled
 * message's repeat is just deleted. A retry hides the message until it is due (`updateMessage`);
 * `dequeueCount` beyond the attempts recorded marks a message that keeps taking its deliverer down
 * (poison): it is dead-lettered.
 */
class QueueDelivery extends TableRecords implements Outbox {
  private readonly hideAtMostMs: number;
  private readonly maxUnsettled: number;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(account: FeedbackAccount, options: AzureFeedbackStoreOptions) {
    super(account, options.clock, options.randomBytes);
    this.hideAtMostMs = options.hideAtMostMs ?? MAX_HIDE_S * 1000;
    this.maxUnsettled = options.maxUnsettledReceives ?? 10;
  }

  async claimDue(limit: number, leaseMs: number, onlyIds?: readonly string[]): Promise<ClaimedEntry[]> {
    const now = this.clock.now();
    if (limit <= 0) return [];
    if (onlyIds === undefined) {
      await this.account.ensure();
      const receive = { numberOfMessages: Math.min(32, limit), visibilityTimeout: Math.max(1, seconds(leaseMs)), ...this.account.limit() };
      const { receivedMessageItems: received } = await this.account.queue.receiveMessages(receive);
      if (received.length === 0) await this.sweep(now);
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
    const rows = onlyIds === undefined ? await this.indexed('pending') : await Promise.all(onlyIds.map((id) => this.account.find(id)));
    const due = rows.flatMap((m) => (m?.status === 'pending' ? [Math.max(m.nextAttemptAt, m.leaseUntil ?? 0)] : []));
    return due.length === 0 ? null : Math.min(...due);
  }

  async markDelivered(entry: ClaimedEntry): Promise<void> {
    await this.settle(entry, { status: 'delivered', deliveredAt: this.clock.now(), attempts: entry.attempts + 1, lastError: null });
  }

  async markRetry(entry: ClaimedEntry, nextAttemptAt: number, error: string, countAttempt = true): Promise<void> {
    await this.settle(entry, { nextAttemptAt, lastError: error, attempts: entry.attempts + (countAttempt ? 1 : 0) });
  }

  async markDead(entry: ClaimedEntry, reason: string): Promise<void> {
    await this.account.create({ partitionKey: 'dead', rowKey: entry.id, p: leaseOf(entry).partition });
    await this.settle(entry, { status: 'dead', deadAt: this.clock.now(), deadReason: reason, attempts: entry.attempts + 1 });
  }

  async retryDead(): Promise<string[]> {
    const now = this.clock.now();
    const revived: string[] = [];
    for (const m of (await this.indexed('dead')).sort((a, b) => a.createdAt - b.createdAt)) {
      await this.account.create({ partitionKey: 'pending', rowKey: m.id, p: m.partition });
      const again = { ...m, status: 'pending' as const, attempts: 0, queuedAt: now, nextAttemptAt: now, deadAt: null, deadReason: null };
      if ((await this.account.replace(messageRow(again), m.etag)) === null) continue; // someone else revived it just now
      await this.account.announce(m);
      await this.account.remove('dead', m.id);
      revived.push(m.id);
    }
    return revived;
  }

  /** One message off the queue: its row claimed; or the message deleted (a repeat of one settled), or hidden until due. */
  private async take(message: DequeuedMessageItem, now: number, leaseMs: number): Promise<ClaimedEntry | null> {
    const [partition = '', id = ''] = message.messageText.split('/');
    const m = await this.account.message(partition, id);
    if (m === null || m.status !== 'pending') {
      await this.drop(message);
      return null;
    }
    const claimed = await this.claim(m, now, leaseMs, message);
    if (claimed === null) {
      // Not due, or held by another deliverer: look again when it may be.
      await this.hide(message, Math.max(1_000, m.nextAttemptAt - now, (m.leaseUntil ?? 0) - now));
      return null;
    }
    if (message.dequeueCount <= m.attempts + this.maxUnsettled) return claimed;
    await this.markDead(claimed, `received ${message.dequeueCount} times without an answer being recorded (poison message)`);
    return null;
  }

  /** Leases a pending, due, unheld message at its row's ETag; null when it is not, or another deliverer was first. */
  private async claim(m: Message, now: number, leaseMs: number, message?: DequeuedMessageItem): Promise<ClaimedEntry | null> {
    if (m.status !== 'pending' || Math.max(m.nextAttemptAt, m.leaseUntil ?? 0) > now) return null;
    const etag = await this.account.replace(messageRow({ ...m, leaseUntil: now + leaseMs }), m.etag);
    const lease = [etag, m.partition, message?.messageId ?? '', message?.popReceipt ?? ''].join('\n');
    return etag === null ? null : { ...entryOf(m), lease };
  }

  /**
   * Writes a claimed message's new state, if the claim still holds (else its lease ran out and it is
   * another deliverer's now); then a settled message leaves the `pending` index and the queue, and a
   * retried one is hidden on the queue until it is due (the backoff).
   */
  private async settle(entry: ClaimedEntry, change: Partial<Message>): Promise<void> {
    const lease = leaseOf(entry);
    const m = { ...entry, partition: lease.partition, deadAt: null, leaseUntil: null, ...change };
    if ((await this.account.replace(messageRow(m), lease.etag)) === null) return;
    if (m.status !== 'pending') await this.account.remove('pending', m.id);
    if (lease.messageId === '') return; // claimed by id, not off the queue
    if (m.status === 'pending') await this.hide(lease, m.nextAttemptAt - this.clock.now());
    else await this.drop(lease);
  }

  /**
   * A row is stored before its id goes on the queue; an instance that stopped in between leaves a
   * pending row the queue never heard of. When the queue is idle, now and then, rows long overdue
   * are announced again; a repeat is harmless.
   */
  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const m of await this.indexed('pending')) {
      if (Math.max(m.nextAttemptAt, m.leaseUntil ?? 0) < now - SWEEP_EVERY_MS) await this.account.announce(m);
    }
  }

  // A message gone, or received again by someone else since (its pop receipt changed), is theirs to handle.
  private async hide({ messageId, popReceipt }: Receipt, ms: number): Promise<void> {
    const visibilityTimeout = seconds(Math.min(ms, this.hideAtMostMs));
    await unless([400, 404], null, this.account.queue.updateMessage(messageId, popReceipt, undefined, visibilityTimeout, this.account.limit()));
  }

  private async drop({ messageId, popReceipt }: Receipt): Promise<void> {
    await unless([400, 404], null, this.account.queue.deleteMessage(messageId, popReceipt, this.account.limit()));
  }
}

/** What deleting or hiding a received queue message takes. */
interface Receipt {
  readonly messageId: string;
  readonly popReceipt: string;
}

/** Azure's longest visibility timeout, in seconds (7 days). */
const MAX_HIDE_S = 7 * 24 * 3600;
const SWEEP_EVERY_MS = 5 * 60_000;

function seconds(ms: number): number {
  return Math.min(MAX_HIDE_S, Math.max(0, Math.ceil(ms / 1000)));
}

/** A claim's lease: the row's ETag and partition, and (when it came off the queue) the message's receipt. */
function leaseOf(entry: ClaimedEntry): Receipt & { readonly etag: string; readonly partition: string } {
  const [etag = '', partition = '', messageId = '', popReceipt = ''] = entry.lease.split('\n');
  return { etag, partition, messageId, popReceipt };
}
