import type { RandomBytes } from '../ids.js';
import type { FeedbackStore, Outbox } from '../store.js';
import type { Clock } from '../time.js';
import { FeedbackAccount } from './account.js';
import { QueueDelivery, type QueueDeliveryOptions } from './delivery.js';
import { TableRecords } from './records.js';
import { TableMetaStore } from './tableMeta.js';
import { TableUnansweredStore } from './tableUnanswered.js';

export interface AzureFeedbackStoreOptions extends Omit<QueueDeliveryOptions, 'clock'> {
  readonly connectionString: string;
  readonly table: string;
  readonly queue: string;
  readonly clock: Clock;
  readonly randomBytes: RandomBytes;
  /** Longest one storage call may take (default 5 s). */
  readonly timeoutMs?: number;
}

/**
 * The feedback store in one Azure storage account, shared by every instance (STORAGE=azure):
 * records in Table Storage, delivery through a Storage queue. Both are created on first use.
 */
export function createAzureFeedbackStore(options: AzureFeedbackStoreOptions): FeedbackStore {
  const { connectionString, table, queue, clock, randomBytes } = options;
  const account = new FeedbackAccount({ connectionString, table, queue, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
  const records = new TableRecords(account, { clock, randomBytes });
  const { hideAtMostMs, maxUnsettledReceives } = options;
  const queueDelivery = new QueueDelivery(account, records, {
    clock,
    ...(hideAtMostMs === undefined ? {} : { hideAtMostMs }),
    ...(maxUnsettledReceives === undefined ? {} : { maxUnsettledReceives }),
  });
  // Both roles over one message id, as the service, the deliverer and the CLI use them.
  const outbox: Outbox = {
    enqueueFeedback: (fields, limit, key) => records.enqueueFeedback(fields, limit, key),
    rateLimitWait: (userHash, limit) => records.rateLimitWait(userHash, limit),
    enqueueOther: (id, kind, body) => records.enqueueOther(id, kind, body),
    get: (id) => records.get(id),
    status: (sinceMs) => records.status(sinceMs),
    feedbackBetween: (from, to) => records.feedbackBetween(from, to),
    claimDue: (limit, leaseMs, onlyIds) => queueDelivery.claimDue(limit, leaseMs, onlyIds),
    nextDueAt: (onlyIds) => queueDelivery.nextDueAt(onlyIds),
    markDelivered: (entry) => queueDelivery.markDelivered(entry),
    markRetry: (entry, at, error, countAttempt) => queueDelivery.markRetry(entry, at, error, countAttempt),
    markDead: (entry, reason) => queueDelivery.markDead(entry, reason),
    retryDead: () => queueDelivery.retryDead(),
  };
  return { outbox, unanswered: new TableUnansweredStore(account, randomBytes), meta: new TableMetaStore(account), location: account.location };
}
