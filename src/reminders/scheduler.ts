import type { ClaimedReminder, ReminderStore } from './model.js';

/** What sending one reminder came to: sent, or not sent because the walkthrough was finished (or gone) by then. */
export type SendOutcome = 'sent' | 'finished';

/** Sends one reminder (in src/bot: a proactive message through the adapter). Throws when it could not be delivered. */
export type ReminderSend = (reminder: ClaimedReminder) => Promise<SendOutcome>;

/** Structured logging of what happened: hashed keys, counts and error names, never an address or text. */
export interface ReminderLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface SchedulerOptions {
  readonly store: ReminderStore;
  readonly send: ReminderSend;
  readonly now: () => number;
  readonly logger: ReminderLogger;
  /** How often the store is checked for due reminders (REMINDER_TICK_MS). */
  readonly intervalMs: number;
  /** How long a claim holds before another instance may take it over (a crashed sender). */
  readonly leaseMs?: number;
  /** Most reminders claimed per tick. */
  readonly batch?: number;
  /** Failed sends before a reminder is dropped. */
  readonly maxAttempts?: number;
  /** Only this reminder (the terminal chat's own conversation). */
  readonly onlyKey?: string;
}

export interface TickResult {
  readonly sent: number;
  readonly finished: number;
  readonly failed: number;
}

export const DEFAULT_REMINDER_LEASE_MS = 5 * 60_000;
const MINUTE = 60_000;

/** 1, 2, 4, 8… minutes after a failed send, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * MINUTE, MINUTE * 2 ** Math.min(attempts, 10));
}

/**
 * Sends due reminders: every `intervalMs` it claims what is due (with a lease, so another instance
 * never sends the same one), sends each, and removes it; a failed send is tried again later, up to
 * `maxAttempts`. Ticks never overlap; `stop()` clears the timer and waits for a tick in progress.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickResult> | undefined;
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    if (this.timer !== undefined || this.stopped) return;
    this.timer = setInterval(() => void this.tick().catch(() => undefined), this.options.intervalMs);
    this.timer.unref();
  }

  /** One pass over what is due now; a pass already running is joined rather than doubled. */
  tick(): Promise<TickResult> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<TickResult> {
    const { store, now, logger } = this.options;
    let claimed: ClaimedReminder[];
    try {
      claimed = await store.claimDue(now(), this.options.leaseMs ?? DEFAULT_REMINDER_LEASE_MS, this.options.batch ?? 20, this.options.onlyKey);
    } catch (error) {
      logger.warn({ event: 'reminder_claim_failed', error: error instanceof Error ? error.name : 'unknown' }, 'could not read due reminders');
      return { sent: 0, finished: 0, failed: 0 };
    }
    const result = { sent: 0, finished: 0, failed: 0 };
    for (const reminder of claimed) {
      if (this.stopped) break;
      try {
        const outcome = await this.options.send(reminder);
        await store.complete(reminder);
        result[outcome] += 1;
        logger.info({ event: outcome === 'sent' ? 'reminder_sent' : 'reminder_not_needed', key: reminder.key, channelId: reminder.address.channelId }, outcome === 'sent' ? 'reminder sent' : 'walkthrough finished: reminder dropped');
      } catch (error) {
        result.failed += 1;
        const attempts = reminder.attempts + 1;
        const name = error instanceof Error ? error.name : 'unknown';
        if (attempts >= (this.options.maxAttempts ?? 5)) {
          await store.complete(reminder).catch(() => undefined);
          logger.warn({ event: 'reminder_dropped', key: reminder.key, attempts, error: name }, 'reminder could not be sent: dropped');
        } else {
          await store.retry(reminder, now() + retryDelayMs(attempts)).catch(() => undefined);
          logger.warn({ event: 'reminder_retry', key: reminder.key, attempts, error: name }, 'reminder could not be sent: will try again');
        }
      }
    }
    return result;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
