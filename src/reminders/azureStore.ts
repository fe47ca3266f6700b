import { odata } from '@azure/data-tables';
import { AzureTable } from '../storage/azureTable.js';
import { addressFromStored } from './address.js';
import type { ClaimedReminder, NewReminder, ReminderAddress, ReminderStore, ReminderSummary } from './model.js';

const PARTITION = 'reminder';

export interface AzureReminderOptions {
  readonly connectionString: string;
  /** The table's name (AZURE_REMINDER_TABLE). */
  readonly table: string;
  /** Longest one storage call may take (default 5 s). */
  readonly timeoutMs?: number;
}

/** Times are epoch milliseconds: stored as Edm.Double (exact up to 2^53), never left for the service to read as Int32. */
function double(value: number): { readonly value: number; readonly type: 'Double' } {
  return { value, type: 'Double' };
}

/** A time as an OData Edm.Double literal ("1893920400000.0"), compared like for like with the stored property. */
function doubleLiteral(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError('not a time in milliseconds');
  return `${value}.0`;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

interface ReminderRow {
  readonly rowKey: string;
  readonly etag: string;
  /** Undefined when the stored column no longer reads as an address. */
  readonly address: ReminderAddress | undefined;
  readonly dueAt: number;
  readonly createdAt: number;
  readonly attempts: number;
  readonly leaseUntil: number;
}

/**
 * Reminders in Azure Table Storage (STORAGE=azure), shared by every instance: one row per
 * reminder, keyed by its hashed key. A claim is a conditional update on the row's ETag that sets a
 * lease, so of two instances that see the same due row only one claim succeeds (the other gets
 * 412); the claim's new ETag is the token that settles it, so a reminder replaced since it was
 * claimed is never deleted by the old claim. A lease that runs out makes the row claimable again.
 * (A table and not a queue: a reminder can be due a week ahead, the most a queue message can be hidden.)
 */
export class AzureReminderStore implements ReminderStore {
  private readonly table: AzureTable;

  constructor(options: AzureReminderOptions) {
    this.table = new AzureTable(options.connectionString, options.table, options.timeoutMs);
  }

  get location(): string {
    return this.table.location;
  }

  async set(reminder: NewReminder): Promise<void> {
    const row = { partitionKey: PARTITION, rowKey: reminder.key, address: JSON.stringify(reminder.address), dueAt: double(reminder.dueAt), createdAt: double(reminder.createdAt), attempts: 0, leaseUntil: double(0) };
    await this.table.call([], null, () => this.table.client.upsertEntity(row, 'Replace', this.table.limit()));
  }

  cancel(key: string): Promise<boolean> {
    return this.table.remove(PARTITION, key);
  }

  private async rows(filter: string): Promise<ReminderRow[]> {
    const rows: ReminderRow[] = [];
    for (const e of await this.table.rows(filter, true)) {
      if (typeof e.rowKey !== 'string' || typeof e.etag !== 'string') continue;
      rows.push({ rowKey: e.rowKey, etag: e.etag, address: addressFromStored(e.address), dueAt: num(e.dueAt), createdAt: num(e.createdAt), attempts: num(e.attempts), leaseUntil: num(e.leaseUntil) });
    }
    return rows.sort((a, b) => a.dueAt - b.dueAt);
  }

  async claimDue(now: number, leaseMs: number, limit: number, onlyKey?: string): Promise<ClaimedReminder[]> {
    const rows = onlyKey === undefined ? odata`PartitionKey eq ${PARTITION}` : odata`PartitionKey eq ${PARTITION} and RowKey eq ${onlyKey}`;
    const filter = `${rows} and dueAt le ${doubleLiteral(now)}`;
    const claimed: ClaimedReminder[] = [];
    for (const row of await this.rows(filter)) {
      if (claimed.length >= limit) break;
      if (row.leaseUntil > now) continue;
      const { address } = row;
      if (address === undefined) {
        // A row that no longer reads as an address can never be sent: it goes.
        await this.table.remove(PARTITION, row.rowKey, row.etag);
        continue;
      }
      // A claim lost to another instance (the ETag changed) or to a cancel (the row went) is null.
      const claim = await this.table.replace({ partitionKey: PARTITION, rowKey: row.rowKey, leaseUntil: double(now + leaseMs) }, row.etag, 'Merge');
      if (claim !== null) claimed.push({ key: row.rowKey, address, dueAt: row.dueAt, createdAt: row.createdAt, attempts: row.attempts, claim });
    }
    return claimed;
  }

  /** Settles a claim; one the reminder was replaced or cancelled since (its ETag changed) settles nothing. */
  async complete(reminder: ClaimedReminder): Promise<void> {
    await this.table.remove(PARTITION, reminder.key, reminder.claim);
  }

  async retry(reminder: ClaimedReminder, retryAt: number): Promise<void> {
    await this.table.replace({ partitionKey: PARTITION, rowKey: reminder.key, dueAt: double(retryAt), attempts: reminder.attempts + 1, leaseUntil: double(0) }, reminder.claim, 'Merge');
  }

  async list(now: number): Promise<ReminderSummary[]> {
    const rows = await this.rows(odata`PartitionKey eq ${PARTITION}`);
    return rows.map((r) => ({ key: r.rowKey, channelId: r.address?.channelId ?? 'unknown', dueAt: r.dueAt, attempts: r.attempts, claimed: r.leaseUntil > now }));
  }
}
