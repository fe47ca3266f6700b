import { odata } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { AzureTable, type NewTableRow, type TableRow } from '../../storage/azureTable.js';
import { numberColumn, optionalNumberColumn, textColumn } from '../../storage/rows.js';
import type { RandomBytes } from '../ids.js';
import { entryFromRow, type MetaStore, type OutboxEntry, type UnansweredStore } from '../store.js';
import type { Clock } from '../time.js';

export interface AzureFeedbackStoreOptions {
  readonly connectionString: string;
  readonly table: string;
  readonly queue: string;
  /** Longest one storage call may take, the SDK's own retries included (default 5 s). */
  readonly timeoutMs?: number;
  readonly clock: Clock;
  readonly randomBytes: RandomBytes;
  /** Longest a message is hidden before its row is looked at again (default 7 days, Azure's most). Tests on a clock of their own set 0. */
  readonly hideAtMostMs?: number;
  /** Receives without a recorded attempt after which a message is poison and dead-lettered, or deleted when it has no row (default 10). */
  readonly maxUnsettledReceives?: number;
}

/**
 * A message (feedback item or digest) as its row holds it: partition `m<day it was created>`, row
 * key its id, the SQLite outbox's columns as properties. The row is the truth about its delivery.
 */
export interface Message extends OutboxEntry {
  readonly etag: string;
  /** Until when a deliverer holds it (the records' clock). */
  readonly leaseUntil: number | null;
}

/** The feedback's part of one storage account: a table (the records) and a queue (what is due to be posted), both created on first use. */
export class FeedbackAccount extends AzureTable {
  readonly queue: QueueClient;

  constructor(options: Pick<AzureFeedbackStoreOptions, 'connectionString' | 'table' | 'queue' | 'timeoutMs'>) {
    const queue = new QueueClient(options.connectionString, options.queue);
    super(options.connectionString, options.table, options.timeoutMs, (limit) => queue.createIfNotExists(limit));
    this.queue = queue;
  }

  /** Where it is, for operators: the table's and the queue's URLs, without credentials. */
  override get location(): string {
    return `${super.location} and ${this.queue.url.split('?')[0] ?? ''}`;
  }

  /** The rows of the day partitions (`m` or `q`) holding [from, to), oldest first: one query over that range of partitions, reading no other day. */
  async listDays(prefix: 'm' | 'q', from: number, to: number): Promise<TableRow[]> {
    return to <= from ? [] : this.rows(odata`PartitionKey ge ${day(prefix, Math.max(0, from))} and PartitionKey le ${day(prefix, to - 1)}`);
  }

  async message(partition: string, id: string): Promise<Message | null> {
    const row = await this.read(partition, id);
    return row === null ? null : toMessage(row);
  }

  /** A message by id alone, through its `id/<id>` pointer (which names its partition). */
  async find(id: string): Promise<Message | null> {
    const pointer = await this.read('id', id);
    return pointer === null ? null : this.message(textColumn(pointer, 'p'), id);
  }

  /** Puts a message's partition and id on the queue (row keys hold no `/`), due now; it never expires by itself. */
  async announce(m: Pick<OutboxEntry, 'id' | 'createdAt'>): Promise<void> {
    await this.call([], null, () => this.queue.sendMessage(`${day('m', m.createdAt)}/${m.id}`, { messageTimeToLive: -1, ...this.limit() }));
  }
}

/** A message's row, whole (written with Replace, which removes a property left out, as a null is). */
export function messageRow(m: Omit<Message, 'etag'>): NewTableRow {
  const columns = {
    kind: m.kind, reference: m.reference, created_at: m.createdAt, body: JSON.stringify(m.body), status: m.status, attempts: m.attempts,
    queued_at: m.queuedAt, next_attempt_at: m.nextAttemptAt, last_error: m.lastError, delivered_at: m.deliveredAt,
    dead_reason: m.deadReason, dead_at: m.deadAt, lease_until: m.leaseUntil,
  };
  return { partitionKey: day('m', m.createdAt), rowKey: m.id, ...Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== null)) };
}

/** Reads a message back from its row (the properties left out are null); throws a TypeError when it is not one. */
export function toMessage(row: TableRow): Message {
  const nulls = { reference: null, last_error: null, delivered_at: null, dead_reason: null, dead_at: null, lease_until: null };
  const columns = { ...nulls, ...row, id: row.rowKey };
  return { ...entryFromRow(columns), etag: row.etag, leaseUntil: optionalNumberColumn(columns, 'lease_until') };
}

/** One day's partition: `m2030-01-06` for messages, `q2030-01-06` for unanswered questions. */
export function day(prefix: 'm' | 'q', at: number): string {
  return `${prefix}${new Date(at).toISOString().slice(0, 10)}`;
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
