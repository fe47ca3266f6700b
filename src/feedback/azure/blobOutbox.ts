import { newId, newReference, type RandomBytes } from '../ids.js';
import { parseFeedbackItem, type FeedbackItem } from '../model.js';
import {
  DEFAULT_RATE_LIMIT,
  limitWait,
  type ClaimedEntry,
  type DeadLetter,
  type EnqueueResult,
  type NewFeedback,
  type Outbox,
  type OutboxEntry,
  type OutboxKind,
  type OutboxState,
  type OutboxStatus,
  type RateLimit,
} from '../store.js';
import type { Clock } from '../time.js';
import { lostRace, storageStatus, type FeedbackContainer, type Listed } from './container.js';
import { entryMetadata, parseStoredEntry, toStored, type StoredEntry } from './storedEntry.js';
import { readSendTimes, sendTimesText } from './userTimes.js';

/**
 * The outbox in an Azure Blob Storage container, shared by every instance.
 *
 * - An entry is one JSON blob whose folder is its state: `pending/<id>.json`, `delivered/<id>.json`,
 *   `dead/<id>.json`; metadata `due`, `created` and `kind` let a listing choose work without
 *   downloading every blob.
 * - Claiming is a blob lease on `pending/<id>.json` (Azure allows 15–60 s; renewed while a send
 *   takes longer). Only the lease holder may rewrite or delete the blob, so one message is sent by
 *   one instance at a time; a crashed instance's lease simply runs out.
 * - Settling writes `delivered/` or `dead/` first, then deletes the pending blob under the lease.
 *   If an instance dies between the two, the next claimer finds the settled copy and only tidies
 *   up: a delivered message is never sent again. Retry-dead moves the other way (dead to pending)
 *   and marks the new pending copy with the dead copy's ETag, so a claimer that finds both can
 *   tell a revival under way (finish it) from a leftover (drop it). (Receivers still get one `webhook-id` per message
 *   and should drop repeats, as with any at-least-once webhook: a send whose lease ran out because
 *   the webhook took longer than the lease could be repeated.)
 * - The hourly limit per user is `users/<hash>.json` (the user's recent send times), updated with
 *   its ETag, so two instances cannot both let a sixth item through; references are unique by
 *   creating `references/<ref>` only if absent.
 */
export class BlobOutbox implements Outbox {
  private readonly container: FeedbackContainer;
  private readonly clock: Clock;
  private readonly randomBytes: RandomBytes;
  /** Lease renewals for claims longer than Azure's 60 s maximum, by lease id. */
  private readonly renewals = new Map<string, NodeJS.Timeout>();

  constructor(container: FeedbackContainer, options: { readonly clock: Clock; readonly randomBytes: RandomBytes }) {
    this.container = container;
    this.clock = options.clock;
    this.randomBytes = options.randomBytes;
  }

  async enqueueFeedback(fields: NewFeedback, limit: RateLimit = DEFAULT_RATE_LIMIT): Promise<EnqueueResult> {
    const now = this.clock.now();
    const wait = await this.recordSend(fields.userHash, limit, now);
    if (wait !== null) return { ok: false, reason: 'rate-limited', retryAfterMs: wait };
    const item: FeedbackItem = {
      id: newId('fb', this.randomBytes),
      reference: await this.reserveReference(),
      createdAt: new Date(now).toISOString(),
      ...fields,
    };
    const created = await this.createPending(item.id, 'feedback', item.reference, now, item);
    if (!created) throw new Error('A fresh feedback id was already taken');
    return { ok: true, item };
  }

  async rateLimitWait(userHash: string, limit: RateLimit = DEFAULT_RATE_LIMIT): Promise<number | null> {
    const now = this.clock.now();
    const stored = await this.container.read(userBlob(userHash));
    return limitWait(readSendTimes(stored?.text ?? null), limit, now);
  }

  async enqueueOther(id: string, kind: Exclude<OutboxKind, 'feedback'>, body: unknown): Promise<boolean> {
    if (await this.settled(id)) return false;
    if (!(await this.createPending(id, kind, null, this.clock.now(), body))) return false;
    // Settled by another instance between the look and the create (it sent the same id and tidied
    // up): take our copy back. Were a claimer quicker, it finds the settled copy and drops ours.
    if (await this.settled(id)) {
      await this.container.remove(blobName('pending', id));
      return false;
    }
    return true;
  }

  async claimDue(limit: number, leaseMs: number, onlyIds?: readonly string[]): Promise<ClaimedEntry[]> {
    if (limit <= 0) return [];
    const now = this.clock.now();
    const wanted = onlyIds === undefined ? null : new Set(onlyIds);
    const due = (await this.listEntries('pending'))
      .filter((e) => e.due <= now && (wanted === null || wanted.has(e.id)))
      .sort((a, b) => a.due - b.due || a.created - b.created);
    const seconds = Math.min(60, Math.max(15, Math.ceil(leaseMs / 1000)));
    const claimed: ClaimedEntry[] = [];
    for (const candidate of due) {
      if (claimed.length >= limit) break;
      const entry = await this.claim(candidate.id, seconds, now);
      if (entry === null) continue;
      if (leaseMs > seconds * 1000) this.keepRenewing(entry, now + leaseMs);
      claimed.push(entry);
    }
    return claimed;
  }

  async nextDueAt(onlyIds?: readonly string[]): Promise<number | null> {
    const wanted = onlyIds === undefined ? null : new Set(onlyIds);
    let next: number | null = null;
    const now = this.clock.now();
    for (const entry of await this.listEntries('pending')) {
      if (wanted !== null && !wanted.has(entry.id)) continue;
      // Being sent by someone: not due before that send settles or its lease runs out; look again soon.
      const due = entry.leased ? Math.max(entry.due, now + LEASED_RECHECK_MS) : entry.due;
      if (next === null || due < next) next = due;
    }
    return next;
  }

  async markDelivered(entry: ClaimedEntry): Promise<void> {
    this.stopRenewing(entry.lease);
    const settled: StoredEntry = {
      ...toStored(entry, null),
      status: 'delivered',
      deliveredAt: this.clock.now(),
      attempts: entry.attempts + 1,
      lastError: null,
    };
    await this.settle(entry, settled);
  }

  async markRetry(entry: ClaimedEntry, nextAttemptAt: number, error: string, countAttempt = true): Promise<void> {
    this.stopRenewing(entry.lease);
    const retry: StoredEntry = {
      ...toStored(entry, null),
      nextAttemptAt,
      lastError: error,
      attempts: entry.attempts + (countAttempt ? 1 : 0),
    };
    const name = blobName('pending', entry.id);
    // Rewritten only by the lease holder; a lost lease means another instance owns it now.
    await this.container.write(name, JSON.stringify(retry), entryMetadata(retry), { leaseId: entry.lease });
    await this.release(name, entry.lease);
  }

  async markDead(entry: ClaimedEntry, reason: string): Promise<void> {
    this.stopRenewing(entry.lease);
    const now = this.clock.now();
    const dead: StoredEntry = { ...toStored(entry, now), status: 'dead', deadReason: reason, attempts: entry.attempts + 1 };
    await this.settle(entry, dead);
  }

  /**
   * Each dead letter is written back to `pending/` marked with the dead copy's ETag, then the dead
   * copy is deleted if unchanged. A claimer that finds both copies meanwhile recognises the mark
   * and finishes the move instead of taking the pending copy for a leftover (see claim).
   */
  async retryDead(): Promise<string[]> {
    const now = this.clock.now();
    const dead = await this.readAll(await this.listEntries('dead'));
    dead.sort((a, b) => a.entry.createdAt - b.entry.createdAt);
    const ids: string[] = [];
    for (const { entry, etag } of dead) {
      const again: StoredEntry = { ...entry, status: 'pending', attempts: 0, queuedAt: now, nextAttemptAt: now, deadAt: null, deadReason: null };
      const metadata = { ...entryMetadata(again), [REVIVED]: etag };
      // An old pending copy is still there (its instance died half-way through dead-lettering it):
      // leave this one for the next retry-dead, once a claimer has tidied the leftover away.
      if (!(await this.container.write(blobName('pending', entry.id), JSON.stringify(again), metadata, { ifNoneMatch: '*' }))) continue;
      await this.container.remove(blobName('dead', entry.id), { ifMatch: etag });
      ids.push(entry.id);
    }
    return ids;
  }

  async get(id: string): Promise<OutboxEntry | null> {
    // Pending first and last: a move writes its new copy before deleting the old one, so whichever
    // way an entry moves while we look, one of these reads finds it.
    const pending = await this.container.read(blobName('pending', id));
    const delivered = await this.container.read(blobName('delivered', id));
    if (delivered !== null) return withoutDeadAt(parseStoredEntry(delivered.text));
    const dead = await this.container.read(blobName('dead', id));
    if (dead !== null && (pending === null || pending.metadata[REVIVED] !== dead.etag)) return withoutDeadAt(parseStoredEntry(dead.text));
    const current = pending ?? (await this.container.read(blobName('pending', id)));
    return current === null ? null : withoutDeadAt(parseStoredEntry(current.text));
  }

  async status(): Promise<OutboxStatus> {
    const seen = await this.snapshot();
    const deadEntries = (await this.readAll([...seen.dead.values()])).map(({ entry }) => entry);
    const pending = [...seen.pending.values()];
    const deadLetters = deadEntries
      .map((e): DeadLetter => ({ id: e.id, kind: e.kind, reference: e.reference, reason: e.deadReason ?? 'unknown', deadAt: e.deadAt ?? 0, attempts: e.attempts }))
      .sort((a, b) => a.deadAt - b.deadAt);
    return {
      pending: pending.length,
      delivered: seen.delivered.size,
      dead: deadEntries.length,
      oldestPendingAt: minOf(pending.map((e) => e.created)),
      nextAttemptAt: minOf(pending.map((e) => e.due)),
      deadLetters,
    };
  }

  async feedbackBetween(from: number, to: number): Promise<FeedbackItem[]> {
    const seen = await this.snapshot();
    const items: FeedbackItem[] = [];
    for (const id of new Set([...seen.pending.keys(), ...seen.delivered.keys(), ...seen.dead.keys()])) {
      const copies = [seen.delivered.get(id), seen.dead.get(id), seen.pending.get(id)].filter((c): c is ListedEntry => c !== undefined);
      const first = copies[0];
      if (first === undefined || first.kind !== 'feedback' || first.created < from || first.created >= to) continue;
      for (const copy of copies) {
        const stored = await this.container.read(copy.name);
        if (stored === null) continue; // moved on since the listing: another copy has the same item
        items.push(parseFeedbackItem(parseStoredEntry(stored.text).body));
        break;
      }
    }
    return items.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  }

  /**
   * Every entry once, by state: `pending/` is listed first and again last, so an entry that moves
   * (either way) while the folders are listed one after another is still seen. An entry found both
   * settled and pending counts as settled.
   */
  private async snapshot(): Promise<{ pending: Map<string, ListedEntry>; delivered: Map<string, ListedEntry>; dead: Map<string, ListedEntry> }> {
    const byId = (entries: readonly ListedEntry[]) => new Map(entries.map((e) => [e.id, e]));
    const pendingBefore = await this.listEntries('pending');
    const delivered = byId(await this.listEntries('delivered'));
    const dead = byId((await this.listEntries('dead')).filter((e) => !delivered.has(e.id)));
    const pending = byId([...pendingBefore, ...(await this.listEntries('pending'))].filter((e) => !delivered.has(e.id) && !dead.has(e.id)));
    return { pending, delivered, dead };
  }

  /** Counts a send for the user unless they are at the limit; returns how long to wait, or null. */
  private async recordSend(userHash: string, limit: RateLimit, now: number): Promise<number | null> {
    const name = userBlob(userHash);
    for (let tries = 0; tries < 20; tries += 1) {
      const stored = await this.container.read(name);
      const times = readSendTimes(stored?.text ?? null).filter((t) => t > now - limit.windowMs);
      const wait = limitWait(times, limit, now);
      if (wait !== null) return wait;
      const conditions = stored === null ? { ifNoneMatch: '*' } : { ifMatch: stored.etag };
      if (await this.container.write(name, sendTimesText([...times, now]), {}, conditions)) return null;
      // Another instance recorded a send for this user at the same moment: read again.
    }
    throw new Error('Could not record the send: the user record kept changing');
  }

  private async reserveReference(): Promise<string> {
    for (let tries = 0; tries < 100; tries += 1) {
      const reference = newReference(this.randomBytes, tries < 50 ? 4 : 6);
      if (await this.container.write(`references/${reference}`, '', {}, { ifNoneMatch: '*' })) return reference;
    }
    throw new Error('Could not find a free feedback reference');
  }

  private async createPending(id: string, kind: OutboxKind, reference: string | null, now: number, body: unknown): Promise<boolean> {
    const entry: StoredEntry = {
      id,
      kind,
      reference,
      createdAt: now,
      body,
      status: 'pending',
      attempts: 0,
      queuedAt: now,
      nextAttemptAt: now,
      lastError: null,
      deliveredAt: null,
      deadReason: null,
      deadAt: null,
    };
    return this.container.write(blobName('pending', id), JSON.stringify(entry), entryMetadata(entry), { ifNoneMatch: '*' });
  }

  /** Leases one pending entry and checks it is still due and not settled; null when someone else has it. */
  private async claim(id: string, seconds: number, now: number): Promise<ClaimedEntry | null> {
    const name = blobName('pending', id);
    let lease: string;
    try {
      lease = (await this.container.client.getBlobClient(name).getBlobLeaseClient().acquireLease(seconds)).leaseId ?? '';
    } catch (error) {
      if (storageStatus(error) === 404 || lostRace(error)) return null;
      throw error;
    }
    try {
      const stored = await this.container.read(name);
      const entry = stored === null ? null : parseStoredEntry(stored.text);
      if (stored === null || entry === null || (await this.container.exists(blobName('delivered', id)))) {
        await this.container.remove(name, { leaseId: lease }); // delivered by an instance that died before tidying up
        return null;
      }
      const dead = await this.container.read(blobName('dead', id));
      if (dead !== null) {
        if (stored.metadata[REVIVED] !== dead.etag) {
          await this.container.remove(name, { leaseId: lease }); // dead-lettered by an instance that died before tidying up
          return null;
        }
        await this.container.remove(blobName('dead', id), { ifMatch: dead.etag }); // finish a retry-dead under way
      }
      if (entry.status !== 'pending' || entry.nextAttemptAt > now) {
        await this.release(name, lease);
        return null;
      }
      return { ...withoutDeadAt(entry), lease };
    } catch (error) {
      await this.release(name, lease).catch(() => undefined);
      throw error;
    }
  }

  /** The listed entries as stored now, with their ETags; those gone since the listing are left out. */
  private async readAll(listed: readonly ListedEntry[]): Promise<{ entry: StoredEntry; etag: string }[]> {
    const out: { entry: StoredEntry; etag: string }[] = [];
    for (const { name } of listed) {
      const stored = await this.container.read(name);
      if (stored !== null) out.push({ entry: parseStoredEntry(stored.text), etag: stored.etag });
    }
    return out;
  }

  private async settled(id: string): Promise<boolean> {
    return (await this.container.exists(blobName('delivered', id))) || (await this.container.exists(blobName('dead', id)));
  }

  private async settle(entry: ClaimedEntry, settled: StoredEntry): Promise<void> {
    const state: OutboxState = settled.status;
    await this.container.write(blobName(state, entry.id), JSON.stringify(settled), entryMetadata(settled));
    await this.container.remove(blobName('pending', entry.id), { leaseId: entry.lease });
  }

  private async release(name: string, lease: string): Promise<void> {
    try {
      await this.container.client.getBlobClient(name).getBlobLeaseClient(lease).releaseLease();
    } catch (error) {
      if (storageStatus(error) === 404 || lostRace(error)) return;
      throw error;
    }
  }

  /** Renews the lease until the claim is settled or `until` (the lease the caller asked for) passes. */
  private keepRenewing(entry: ClaimedEntry, until: number): void {
    const client = this.container.client.getBlobClient(blobName('pending', entry.id)).getBlobLeaseClient(entry.lease);
    const timer = setInterval(() => {
      if (this.clock.now() >= until) this.stopRenewing(entry.lease);
      else client.renewLease().catch(() => this.stopRenewing(entry.lease));
    }, 20_000);
    timer.unref();
    this.renewals.set(entry.lease, timer);
  }

  private stopRenewing(lease: string): void {
    const timer = this.renewals.get(lease);
    if (timer !== undefined) clearInterval(timer);
    this.renewals.delete(lease);
  }

  private async listEntries(state: OutboxState): Promise<ListedEntry[]> {
    const out: ListedEntry[] = [];
    for await (const listed of this.container.list(`${state}/`)) {
      const entry = listedEntry(listed);
      if (entry !== null) out.push(entry);
    }
    return out;
  }

}

interface ListedEntry {
  readonly name: string;
  readonly id: string;
  readonly kind: string;
  readonly due: number;
  readonly created: number;
  readonly leased: boolean;
}

/** Metadata on a pending copy written by retry-dead: the ETag of the dead copy it replaces. */
const REVIVED = 'revived';
/** How soon to look again at an entry someone is sending (its lease end is not listed). */
const LEASED_RECHECK_MS = 1_000;

function listedEntry(listed: Listed): ListedEntry | null {
  const match = /^[a-z]+\/(.+)\.json$/.exec(listed.name);
  const due = Number(listed.metadata['due']);
  const created = Number(listed.metadata['created']);
  if (match?.[1] === undefined || !Number.isFinite(due) || !Number.isFinite(created)) return null;
  return { name: listed.name, id: match[1], kind: listed.metadata['kind'] ?? '', due, created, leased: listed.leased };
}

function blobName(state: OutboxState, id: string): string {
  return `${state}/${id}.json`;
}

function userBlob(userHash: string): string {
  return `users/${userHash}.json`;
}

function minOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.min(...values);
}

function withoutDeadAt(entry: StoredEntry): OutboxEntry {
  const { deadAt: _deadAt, ...rest } = entry;
  return rest;
}
