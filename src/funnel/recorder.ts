import { forEachCounter, type BucketKind, type Funnel, type FunnelEvent } from './events.js';
import { addCounts, type BucketCounts, type FunnelStore } from './store.js';

/** Failures only, with the error's name: the counters carry nothing personal, but keep logs quiet. */
export interface FunnelLog {
  warn(fields: object, message: string): void;
}

export interface FunnelRecorderOptions {
  readonly store: FunnelStore;
  /** Epoch milliseconds; injectable for tests. */
  readonly clock?: () => number;
  /** How often pending counts are written (default every 10 s). */
  readonly flushEveryMs?: number;
  readonly log?: FunnelLog;
}

/**
 * Counts funnel events without slowing a turn: `record` is a synchronous add to a map in memory;
 * a timer writes the pending counts in one batch (and `stop` at shutdown). A failed write puts its
 * counts back, to be added with the next batch: writes are additive, so nothing is lost or doubled.
 */
export class FunnelRecorder implements Funnel {
  private pending = new Map<number, { readonly kind: BucketKind; readonly start: number; readonly counts: Map<string, number> }>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private readonly store: FunnelStore;
  private readonly clock: () => number;
  private readonly flushEveryMs: number;
  private readonly log: FunnelLog | undefined;

  constructor(options: FunnelRecorderOptions) {
    this.store = options.store;
    this.clock = options.clock ?? Date.now;
    this.flushEveryMs = options.flushEveryMs ?? 10_000;
    this.log = options.log;
  }

  record(event: FunnelEvent): void {
    forEachCounter(event, this.clock(), this.add);
  }

  private readonly add = (kind: BucketKind, start: number, key: string): void => {
    const counts = this.countsOf(kind, start);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };

  /** The pending counts of one bucket, made when absent. */
  private countsOf(kind: BucketKind, start: number): Map<string, number> {
    // Event buckets by their start; cohort buckets (whole days) apart by sign: one number, no string to build.
    const id = kind === 'event' ? start : -start - 1;
    let bucket = this.pending.get(id);
    if (bucket === undefined) {
      bucket = { kind, start, counts: new Map() };
      this.pending.set(id, bucket);
    }
    return bucket.counts;
  }

  /** How many buckets wait to be written (for tests and status). */
  get pendingBuckets(): number {
    return this.pending.size;
  }

  /** Writes what is pending now; one write at a time (a second call waits for the first, then writes what came since). */
  async flush(): Promise<void> {
    while (this.flushing !== null) await this.flushing.catch(() => undefined);
    if (this.pending.size === 0) return;
    const batch: BucketCounts[] = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = this.store.add(batch).then(
      () => undefined,
      (error: unknown) => {
        // Put the counts back: they go with the next batch.
        for (const bucket of batch) addCounts(this.countsOf(bucket.kind, bucket.start), bucket.counts);
        throw error;
      },
    );
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  /** Starts the flush timer (unref'd: it never keeps the process alive). */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => {
      this.flush().catch((error: unknown) => this.log?.warn({ event: 'funnel_flush_failed', error: error instanceof Error ? error.name : typeof error }, 'funnel counts not saved yet; kept for the next flush'));
    }, this.flushEveryMs);
    this.timer.unref();
  }

  /**
   * For shutdown: stops the timer and writes what is pending, waiting at most `deadlineMs`
   * (default 2 s) so a slow store never holds the exit. A failure is logged, not thrown.
   */
  async stop(options: { readonly deadlineMs?: number } = {}): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    let timeout: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timeout = setTimeout(() => reject(Object.assign(new Error('funnel flush past the shutdown deadline'), { name: 'TimeoutError' })), options.deadlineMs ?? 2_000);
    });
    try {
      await Promise.race([this.flush(), late]);
    } catch (error) {
      this.log?.warn({ event: 'funnel_flush_failed', error: error instanceof Error ? error.name : typeof error, buckets: this.pending.size }, 'funnel counts lost at shutdown');
    } finally {
      clearTimeout(timeout);
    }
  }

  /** The store's counts for [from, to), this instance's pending counts written first. */
  async sum(kind: BucketKind, from: number, to: number): Promise<Map<string, number>> {
    await this.flush();
    return this.store.sum(kind, from, to);
  }
}
