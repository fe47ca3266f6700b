/**
 * Token-bucket rate limits keyed by a string (a client address, a conversation). Each key may
 * spend `perMinute` tokens in a burst and earns them back evenly over a minute. Memory is bounded:
 * at most `maxKeys` buckets are kept; full buckets (which behave exactly like absent ones) are
 * dropped first, then the least recently created.
 */
export type Take =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Whole seconds until one more request would be allowed. */
      readonly retryAfterSeconds: number;
      /** True for the first refusal since the key was last allowed through (to tell the user once). */
      readonly firstRefusal: boolean;
    };

interface Bucket {
  tokens: number;
  at: number;
  refused: boolean;
}

export interface RateLimiterOptions {
  /** Requests per minute per key; 0 means unlimited. */
  readonly perMinute: number;
  readonly maxKeys?: number;
  /** Milliseconds since some fixed point; injectable for tests. */
  readonly now?: () => number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions) {
    this.capacity = options.perMinute;
    this.perMs = options.perMinute / 60_000;
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? (() => performance.now());
  }

  get enabled(): boolean {
    return this.capacity > 0;
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string): Take {
    if (!this.enabled) return { ok: true };
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= this.maxKeys) this.evict(now);
      bucket = { tokens: this.capacity, at: now, refused: false };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
      bucket.at = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.refused = false;
      return { ok: true };
    }
    const firstRefusal = !bucket.refused;
    bucket.refused = true;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)), firstRefusal };
  }

  private evict(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.perMs >= this.capacity) this.buckets.delete(key);
    }
    // Still full of busy keys: drop the oldest tenth rather than grow without bound.
    if (this.buckets.size >= this.maxKeys) {
      let drop = Math.max(1, Math.floor(this.maxKeys / 10));
      for (const key of this.buckets.keys()) {
        if (drop-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}
