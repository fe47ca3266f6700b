/**
 * "Remind me tomorrow": one reminder per conversation, stored until it is sent or cancelled.
 * Nothing here knows the Bot Framework: the conversation reference is kept as plain JSON and only
 * src/bot turns it back into a proactive message.
 */

/** Where the reminder goes: the parts of a Bot Framework conversation reference a proactive message needs, and no names. */
export interface ReminderAddress {
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly conversation: { readonly id: string; readonly conversationType?: string; readonly tenantId?: string };
  /** The user's channel id (for their saved place at send time); never their name or email. */
  readonly user: { readonly id: string };
  readonly bot: { readonly id: string };
}

export type ReminderWhen = 'tomorrow' | 'nextWeek';

export const DAY_MS = 86_400_000;

/** How long after the request each choice is due. */
export const REMINDER_DELAY_MS: Readonly<Record<ReminderWhen, number>> = { tomorrow: DAY_MS, nextWeek: 7 * DAY_MS };

export interface NewReminder {
  /** One per conversation: a new request under the same key replaces the pending one. */
  readonly key: string;
  readonly address: ReminderAddress;
  readonly dueAt: number;
  readonly createdAt: number;
}

export interface Reminder extends NewReminder {
  /** Failed sends so far. */
  readonly attempts: number;
}

/** A reminder this process has claimed: nobody else sends it until the claim is settled or its lease runs out. */
export interface ClaimedReminder extends Reminder {
  /** What the store needs to settle exactly this claim (a token in SQLite, the row's ETag in Azure). */
  readonly claim: string;
}

/** What `status` lists: no address, only when and where (the channel). */
export interface ReminderSummary {
  readonly key: string;
  readonly channelId: string;
  readonly dueAt: number;
  readonly attempts: number;
  /** True while an instance holds a live claim on it. */
  readonly claimed: boolean;
}

/**
 * Reminders with the same claim rules as feedback delivery: a due reminder is claimed with a lease,
 * so two instances never send it at the same time, and a crashed instance's claim runs out and is
 * taken over. Every method is durable when its promise resolves.
 */
export interface ReminderStore {
  /** Stores the reminder, replacing (and un-claiming) any pending one under its key. */
  set(reminder: NewReminder): Promise<void>;
  /** Removes the pending reminder under `key`; false when there was none. */
  cancel(key: string): Promise<boolean>;
  /** Claims up to `limit` reminders due at `now` and not claimed by anyone, for `leaseMs`; only `onlyKey` when given. */
  claimDue(now: number, leaseMs: number, limit: number, onlyKey?: string): Promise<ClaimedReminder[]>;
  /** Removes a sent (or no longer wanted) reminder, unless it was replaced since it was claimed. */
  complete(reminder: ClaimedReminder): Promise<void>;
  /** Gives a claimed reminder back to be tried again at `retryAt`, counting a failed attempt. */
  retry(reminder: ClaimedReminder, retryAt: number): Promise<void>;
  /** Every pending reminder, soonest first, for `npm run feedback -- status`. */
  list(now: number): Promise<ReminderSummary[]>;
  /** Where it is, for operators (a file path or a table URL without credentials). */
  readonly location: string;
}
