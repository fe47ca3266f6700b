import type { BucketKind } from './events.js';

/** Counts to add to one bucket. */
export interface BucketCounts {
  readonly kind: BucketKind;
  /** The bucket's start, epoch ms. */
  readonly start: number;
  readonly counts: ReadonlyMap<string, number>;
}

/**
 * Where the funnel's counters are kept, beside the feedback records: additive only, so any number
 * of instances may add to the same bucket at once and nothing is lost.
 */
export interface FunnelStore {
  /** Adds every count (durably when this resolves); all or nothing per bucket. */
  add(batch: readonly BucketCounts[]): Promise<void>;
  /** The counts of the buckets of this kind that start in [from, to), summed per key. */
  sum(kind: BucketKind, from: number, to: number): Promise<Map<string, number>>;
}

/** Adds `counts` into `into` (in place) and returns it. */
export function addCounts(into: Map<string, number>, counts: ReadonlyMap<string, number> | Iterable<[string, number]>): Map<string, number> {
  for (const [key, n] of counts) into.set(key, (into.get(key) ?? 0) + n);
  return into;
}
