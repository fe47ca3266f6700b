import type { OutboxEntry } from '../store.js';
import type { FeedbackAccount, NewRow, Row } from './account.js';

/**
 * One message (a feedback item or a digest) as a row of the records table: partition `m<day it was
 * created>`, row key its id, so a period's messages are read by partition. The row is the truth
 * about the message's delivery state; rows elsewhere only point at it:
 * - `id/<id>` → its partition (so a message is found by id, and an id is stored once),
 * - `pending/<id>` and `dead/<id>` → listed by status and retry-dead. Written before the row
 *   changes and checked against it when read, so a crash between the two leaves a stale pointer
 *   (ignored), never a message nobody can find.
 */
export interface MessageRow extends OutboxEntry {
  readonly partition: string;
  readonly etag: string;
  readonly deadAt: number | null;
  /** Until when a deliverer holds it (records' clock). */
  readonly leaseUntil: number | null;
}

export type NewMessageRow = Omit<MessageRow, 'etag'>;

export function dayPartition(prefix: 'm' | 'q', at: number): string {
  return `${prefix}${new Date(at).toISOString().slice(0, 10)}`;
}

/** The day partitions that hold [from, to), oldest first. */
export function dayPartitions(prefix: 'm' | 'q', from: number, to: number): string[] {
  const DAY = 86_400_000;
  if (to <= from) return [];
  const first = Math.floor(Math.max(0, from) / DAY);
  const last = Math.floor(Math.max(0, to - 1) / DAY);
  if (last - first > 3_660) throw new RangeError('A period of more than ten years cannot be read');
  const out: string[] = [];
  for (let day = first; day <= last; day += 1) out.push(dayPartition(prefix, day * DAY));
  return out;
}

/** Reads a message back from its row; throws a TypeError when it is not one. */
export function fromRow(row: Row): MessageRow {
  const { partitionKey, rowKey, kind, status, body } = row;
  if (kind !== 'feedback' && kind !== 'digest') throw new TypeError('Stored message has an unknown kind');
  if (status !== 'pending' && status !== 'delivered' && status !== 'dead') throw new TypeError('Stored message has an unknown status');
  if (partitionKey === undefined || rowKey === undefined || typeof body !== 'string') throw new TypeError('Stored message lacks its keys or body');
  const orNull = <T>(key: string, is: (v: unknown) => v is T): T | null => {
    const value = row[key];
    if (value === undefined || value === null) return null;
    if (!is(value)) throw new TypeError(`Stored message has a bad ${key}`);
    return value;
  };
  const number = (key: string): number => {
    const value = orNull(key, isNumber);
    if (value === null) throw new TypeError(`Stored message lacks ${key}`);
    return value;
  };
  return {
    partition: partitionKey, id: rowKey, etag: row.etag, kind, status, body: JSON.parse(body),
    reference: orNull('reference', isText), createdAt: number('createdAt'), attempts: number('attempts'), queuedAt: number('queuedAt'),
    nextAttemptAt: number('nextAttemptAt'), lastError: orNull('lastError', isText), deliveredAt: orNull('deliveredAt', isNumber),
    deadReason: orNull('deadReason', isText), deadAt: orNull('deadAt', isNumber), leaseUntil: orNull('leaseUntil', isNumber),
  };
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

/** The whole row (written with Replace: a property left out, such as a null, is removed). */
export function toRow(m: NewMessageRow): NewRow {
  const { partition, id, body, ...fields } = m;
  const kept = Object.entries(fields).filter(([, v]) => v !== null);
  return { partitionKey: partition, rowKey: id, body: JSON.stringify(body), ...Object.fromEntries(kept) };
}

/** Only the entry: what readers outside the store see. */
export function toEntry(m: MessageRow): OutboxEntry {
  const { id, kind, reference, createdAt, body, status, attempts, queuedAt, nextAttemptAt, lastError, deliveredAt, deadReason } = m;
  return { id, kind, reference, createdAt, body, status, attempts, queuedAt, nextAttemptAt, lastError, deliveredAt, deadReason };
}

export async function readMessage(account: FeedbackAccount, partition: string, id: string): Promise<MessageRow | null> {
  const row = await account.read(partition, id);
  return row === null ? null : fromRow(row);
}

/** A message by id alone, through its `id` pointer. */
export async function findMessage(account: FeedbackAccount, id: string): Promise<MessageRow | null> {
  const pointer = await account.read('id', id);
  const partition = pointer?.['p'];
  return typeof partition === 'string' ? readMessage(account, partition, id) : null;
}

/** Writes the message's new state if nobody changed it since `etag`; its new ETag, or null. */
export function writeMessage(account: FeedbackAccount, m: NewMessageRow, etag: string): Promise<string | null> {
  return account.replace(toRow(m), etag);
}
