import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../storage/database.js';
import { isRow, numberColumn, optionalTextColumn, textColumn } from '../storage/rows.js';
import { addressFromStored } from './address.js';
import type { ClaimedReminder, NewReminder, ReminderAddress, ReminderStore, ReminderSummary } from './model.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reminders (
  key TEXT PRIMARY KEY,
  address TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  claim TEXT,
  lease_until INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS reminders_due ON reminders (due_at);
`;

/** A row's address, or undefined when it no longer reads as one (not JSON, or not an address). */
function storedAddress(row: unknown): ReminderAddress | undefined {
  return addressFromStored(isRow(row) ? row['address'] : undefined);
}

/**
 * Reminders in the embedded database under DATA_DIR (the file bot state and feedback use, 0600).
 * A claim is a random token and a lease in the row, taken in one write transaction, so instances
 * and processes sharing the file never claim the same reminder twice; a lease that runs out (a
 * crashed sender) makes the reminder claimable again.
 */
export class SqliteReminderStore implements ReminderStore {
  readonly location: string;

  constructor(private readonly db: SqliteDatabase) {
    db.exec(SCHEMA);
    this.location = db.name;
  }

  async set(reminder: NewReminder): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO reminders (key, address, due_at, created_at, attempts, claim, lease_until) VALUES (?, ?, ?, ?, 0, NULL, 0)
         ON CONFLICT (key) DO UPDATE SET address = excluded.address, due_at = excluded.due_at, created_at = excluded.created_at, attempts = 0, claim = NULL, lease_until = 0`,
      )
      .run(reminder.key, JSON.stringify(reminder.address), reminder.dueAt, reminder.createdAt);
  }

  async cancel(key: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM reminders WHERE key = ?').run(key).changes > 0;
  }

  async claimDue(now: number, leaseMs: number, limit: number, onlyKey?: string): Promise<ClaimedReminder[]> {
    const claim = this.db.transaction((): ClaimedReminder[] => {
      const rows = this.db
        .prepare(`SELECT * FROM reminders WHERE due_at <= ? AND lease_until <= ? ${onlyKey === undefined ? '' : 'AND key = ?'} ORDER BY due_at LIMIT ?`)
        .all(...(onlyKey === undefined ? [now, now, limit] : [now, now, onlyKey, limit]));
      const claimed: ClaimedReminder[] = [];
      for (const row of rows) {
        const key = textColumn(row, 'key');
        const address = storedAddress(row);
        // A row that no longer reads as an address can never be sent: it goes.
        if (address === undefined) {
          this.db.prepare('DELETE FROM reminders WHERE key = ?').run(key);
          continue;
        }
        const token = randomUUID();
        this.db.prepare('UPDATE reminders SET claim = ?, lease_until = ? WHERE key = ?').run(token, now + leaseMs, key);
        claimed.push({ key, address, dueAt: numberColumn(row, 'due_at'), createdAt: numberColumn(row, 'created_at'), attempts: numberColumn(row, 'attempts'), claim: token });
      }
      return claimed;
    });
    return claim.immediate();
  }

  async complete(reminder: ClaimedReminder): Promise<void> {
    this.db.prepare('DELETE FROM reminders WHERE key = ? AND claim = ?').run(reminder.key, reminder.claim);
  }

  async retry(reminder: ClaimedReminder, retryAt: number): Promise<void> {
    this.db.prepare('UPDATE reminders SET due_at = ?, attempts = attempts + 1, claim = NULL, lease_until = 0 WHERE key = ? AND claim = ?').run(retryAt, reminder.key, reminder.claim);
  }

  async list(now: number): Promise<ReminderSummary[]> {
    return this.db
      .prepare('SELECT key, address, due_at, attempts, claim, lease_until FROM reminders ORDER BY due_at')
      .all()
      .map((row) => ({
        key: textColumn(row, 'key'),
        channelId: storedAddress(row)?.channelId ?? 'unknown',
        dueAt: numberColumn(row, 'due_at'),
        attempts: numberColumn(row, 'attempts'),
        claimed: optionalTextColumn(row, 'claim') !== null && numberColumn(row, 'lease_until') > now,
      }));
  }
}
