import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/bot/rateLimit.js';

describe('rate limiter (token bucket per key)', () => {
  it('allows a burst of perMinute, then refuses with a Retry-After, then refills over the minute', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 6, now: () => now });
    for (let i = 0; i < 6; i++) expect(limiter.take('a').ok).toBe(true);
    const refused = limiter.take('a');
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 10, firstRefusal: true });
    expect(limiter.take('a')).toMatchObject({ ok: false, firstRefusal: false });
    // Other keys are not affected.
    expect(limiter.take('b').ok).toBe(true);
    now += 10_000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a')).toMatchObject({ ok: false, firstRefusal: true });
  });

  it('0 per minute means no limit', () => {
    const limiter = new RateLimiter({ perMinute: 0 });
    for (let i = 0; i < 1000; i++) expect(limiter.take('a').ok).toBe(true);
    expect(limiter.size).toBe(0);
  });

  it('keeps at most maxKeys buckets however many keys it sees', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 2, maxKeys: 100, now: () => now });
    for (let i = 0; i < 10_000; i++) {
      now += 1;
      limiter.take(`key-${i}`);
      limiter.take(`key-${i}`);
      expect(limiter.size).toBeLessThanOrEqual(100);
    }
  });
});
