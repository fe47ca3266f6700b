import type { DequeuedMessageItem } from '@azure/storage-queue';
import type { ClaimedEntry, FeedbackStore, Outbox } from '../store.js';
import { FeedbackAccount, messageRow, type AzureFeedbackStoreOptions, type Message } from './account.js';
import { tableMeta, TableRecords, tableUnanswered } from './records.js';

/** The feedback store in one Azure storage account, shared by every instance (STORAGE=azure). */
export function createAzureFeedbackStore(options: AzureFeedbackStoreOptions): FeedbackStore {
  const account = new FeedbackAccount(options);
  return { outbox: new QueueDelivery(account, options), unanswered: tableUnanswered(account, options.randomBytes), meta: tableMeta(account), location: account.location };
}

/** How long a message whose row is not written yet (or is dead, about to be revived) is hidden before it is looked at again. */
const NOT_YET_MS = 5_000;

/**
 * The records, delivered through the Storage queue. A queue message holds only a message's partition
 * and id; receiving it hides it for the lease (the visibility timeout is the lease), and the row is
 * then claimed at its ETag (`lease_until`). So a repeat on the queue (queues deliver at least once)
 * or the CLI claiming by id is caught by the row, and a delivered message's repeat is just deleted.
 * A retry hides the message until it is due (`updateMessage`); `dequeueCount` beyond the attempts
 * recorded marks a message that keeps taking its deliverer down (poison): it is dead-lettered, or,
 * when its row never appeared (its instance stopped between sending it and writing the row), deleted.
 */
class QueueDelivery extends TableRecords implements Outbox {
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

/** A visibility timeout: whole seconds, at most Azure's longest (7 days). */
function seconds(ms: number): number {
  return Math.min(7 * 24 * 3600, Math.max(0, Math.ceil(ms / 1000)));
}
