import type { SqliteDatabase } from '../storage/database.js';
import { collate, type CollateSources } from './collate.js';
import type { Digest } from './digest.js';
import { silentLogger, type FeedbackLogger } from './logger.js';
import { readMeta, writeMeta } from './meta.js';
import type { Clock } from './time.js';

const LAST_PERIOD_END = 'digest.last_period_end';

export interface DigestSchedulerOptions extends CollateSources {
  readonly db: SqliteDatabase;
  readonly everyMs: number;
  readonly clock: Clock;
  /** Called after a digest is queued (to nudge the deliverer). */
  readonly onQueued?: (digest: Digest) => void;
  readonly logger?: FeedbackLogger;
  /** How often to check whether a digest is due (default: a tenth of the period, at most 15 minutes). */
  readonly checkIntervalMs?: number;
}

/**
 * Posts a digest every `everyMs`. The end of the last period is kept in the database and updated
 * in the same transaction that queues the digest, so a restart neither repeats nor skips one; a
 * bot that was down for longer than a period sends one digest covering the whole gap. The first
 * start only records "now": the first digest comes one period later.
 */
export class DigestScheduler {
  private readonly options: DigestSchedulerOptions;
  private timer: NodeJS.Timeout | null = null;

  constructor(options: DigestSchedulerOptions) {
    this.options = options;
  }

  start(): void {
    if (this.timer !== null) return;
    this.check();
    const interval = this.options.checkIntervalMs ?? Math.min(Math.max(this.options.everyMs / 10, 1000), 15 * 60_000);
    this.timer = setInterval(() => this.check(), interval);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Queues a digest when one is due and returns it; null otherwise. */
  runIfDue(): Digest | null {
    const { db, clock, everyMs } = this.options;
    const run = db.transaction((): Digest | null => {
      const now = clock.now();
      const last = readMeta(db, LAST_PERIOD_END);
      if (last === null) {
        writeMeta(db, LAST_PERIOD_END, String(now));
        return null;
      }
      const from = Number(last);
      if (!Number.isFinite(from) || now - from < everyMs) return null;
      const digest = collate(this.options, from, now);
      this.options.outbox.enqueueOther(digest.id, 'digest', digest);
      writeMeta(db, LAST_PERIOD_END, String(now));
      return digest;
    });
    return run.immediate();
  }

  private check(): void {
    const logger = this.options.logger ?? silentLogger;
    try {
      const digest = this.runIfDue();
      if (digest !== null) {
        logger.info({ id: digest.id, items: digest.total }, 'feedback digest queued');
        this.options.onQueued?.(digest);
      }
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'feedback digest failed');
    }
  }
}
