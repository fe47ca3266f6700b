import { collate, type CollateSources } from './collate.js';
import { parseDigest, type Digest } from './digest.js';
import { scheduledDigestId } from './ids.js';
import { silentLogger, type FeedbackLogger } from './logger.js';
import type { MetaStore } from './store.js';
import type { Clock } from './time.js';

const LAST_PERIOD_END = 'digest.last_period_end';

export interface DigestSchedulerOptions extends CollateSources {
  readonly meta: MetaStore;
  readonly everyMs: number;
  readonly clock: Clock;
  /** Called after a digest is queued (to nudge the deliverer). */
  readonly onQueued?: (digest: Digest) => void;
  readonly logger?: FeedbackLogger;
  /** How often to check whether a digest is due (default: a tenth of the period, at most 15 minutes). */
  readonly checkIntervalMs?: number;
}

/**
 * Posts a digest every `everyMs`. The end of the last period is kept in the store; a period's
 * digest has an id made from the period's start, so it is queued once even when several instances
 * (or a restart half-way) find it due: whoever queues it first wins, and the period end then moves
 * to that digest's end by compare-and-set. A restart neither repeats nor skips one; a bot that was
 * down for longer than a period sends one digest covering the whole gap. The first start only
 * records "now": the first digest comes one period later.
 */
export class DigestScheduler {
  private readonly options: DigestSchedulerOptions;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;

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

  /** Stops the schedule and waits for a check in progress. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.checking;
  }

  /** Queues a digest when one is due and returns it; null otherwise (or when another instance queued it). */
  async runIfDue(): Promise<Digest | null> {
    const { meta, clock, everyMs, outbox } = this.options;
    const now = clock.now();
    const last = await meta.read(LAST_PERIOD_END);
    if (last === null) {
      await meta.compareAndSet(LAST_PERIOD_END, null, String(now));
      return null;
    }
    const from = Number(last.value);
    if (!Number.isFinite(from) || now - from < everyMs) return null;
    const id = scheduledDigestId(from);
    const digest = await collate(this.options, id, from, now);
    const queued = await outbox.enqueueOther(id, 'digest', digest);
    // Queued by someone else first (another instance, or this one before a restart): its period end counts.
    const to = queued ? now : await this.periodEndOf(id, now);
    await meta.compareAndSet(LAST_PERIOD_END, last.version, String(to));
    return queued ? digest : null;
  }

  private async periodEndOf(id: string, fallback: number): Promise<number> {
    const entry = await this.options.outbox.get(id);
    if (entry === null) return fallback;
    try {
      return Date.parse(parseDigest(entry.body).period.to);
    } catch {
      return fallback;
    }
  }

  private check(): void {
    if (this.checking !== null) return;
    const logger = this.options.logger ?? silentLogger;
    this.checking = this.runIfDue()
      .then((digest) => {
        if (digest === null) return;
        logger.info({ id: digest.id, items: digest.total }, 'feedback digest queued');
        this.options.onQueued?.(digest);
      })
      .catch((error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'feedback digest failed');
      })
      .finally(() => {
        this.checking = null;
      });
  }
}
