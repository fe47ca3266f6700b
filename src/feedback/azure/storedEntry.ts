import type { OutboxEntry, OutboxKind, OutboxState } from '../store.js';

/** An outbox entry as kept in its blob: the entry and, once dead-lettered, when. */
export interface StoredEntry extends OutboxEntry {
  readonly deadAt: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(record: Record<string, unknown>, key: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`Stored outbox entry lacks ${key}`);
  return value;
}

function optionalNum(record: Record<string, unknown>, key: string): number | null {
  const value = record[key];
  return value === null || value === undefined ? null : num(record, key);
}

function optionalText(record: Record<string, unknown>, key: string): string | null {
  const value = record[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new TypeError(`Stored outbox entry has a bad ${key}`);
  return value;
}

function isKind(value: unknown): value is OutboxKind {
  return value === 'feedback' || value === 'digest';
}

function isState(value: unknown): value is OutboxState {
  return value === 'pending' || value === 'delivered' || value === 'dead';
}

/** Reads an entry back from its blob's JSON; throws a TypeError when it is not one. */
export function parseStoredEntry(text: string): StoredEntry {
  const value: unknown = JSON.parse(text);
  if (!isRecord(value)) throw new TypeError('Stored outbox entry is not an object');
  const { id, kind, status } = value;
  if (typeof id !== 'string' || !isKind(kind) || !isState(status)) throw new TypeError('Stored outbox entry lacks id, kind or status');
  return {
    id,
    kind,
    status,
    reference: optionalText(value, 'reference'),
    createdAt: num(value, 'createdAt'),
    body: value['body'],
    attempts: num(value, 'attempts'),
    queuedAt: num(value, 'queuedAt'),
    nextAttemptAt: num(value, 'nextAttemptAt'),
    lastError: optionalText(value, 'lastError'),
    deliveredAt: optionalNum(value, 'deliveredAt'),
    deadReason: optionalText(value, 'deadReason'),
    deadAt: optionalNum(value, 'deadAt'),
  };
}

/** Blob metadata (ASCII only) that lets a listing sort and filter without downloading. */
export function entryMetadata(entry: StoredEntry): Record<string, string> {
  return { due: String(entry.nextAttemptAt), created: String(entry.createdAt), kind: entry.kind };
}

/** Only the stored fields: a claimed entry's lease id never goes into the blob. */
export function toStored(entry: OutboxEntry, deadAt: number | null): StoredEntry {
  const { id, kind, reference, createdAt, body, status, attempts, queuedAt, nextAttemptAt, lastError, deliveredAt, deadReason } = entry;
  return { id, kind, reference, createdAt, body, status, attempts, queuedAt, nextAttemptAt, lastError, deliveredAt, deadReason, deadAt };
}
