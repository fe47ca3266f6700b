import type { PostResponse } from './httpPost.js';

export interface RetryPolicy {
  /** First retry delay before jitter (doubles each attempt). */
  readonly baseDelayMs: number;
  /** Longest delay between two attempts. */
  readonly maxDelayMs: number;
  /** After this long since it was queued, a message that still fails is dead-lettered. */
  readonly giveUpAfterMs: number;
  /** One request may take this long. */
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
  giveUpAfterMs: 24 * 3_600_000,
  timeoutMs: 10_000,
};

export type Outcome =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs: number | null }
  | { readonly kind: 'dead'; readonly reason: string };

/**
 * What a response means: 2xx delivered; 408, 429 and 5xx worth retrying (with the server's
 * Retry-After when given); anything else (other 4xx, redirects) will not get better by itself.
 */
export function classifyResponse(response: PostResponse, now: number): Outcome {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'retry', reason: `HTTP ${status}`, retryAfterMs: parseRetryAfter(response.retryAfter, now) };
  }
  if (status >= 300 && status < 400) return { kind: 'dead', reason: `HTTP ${status}: redirects are not followed; check FEEDBACK_WEBHOOK_URL` };
  return { kind: 'dead', reason: `HTTP ${status}: the webhook refused the message` };
}

/** A network failure (refused, reset, DNS, timeout): always worth retrying. */
export function classifyError(error: unknown): Outcome {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'retry', reason: code === null ? message : `${code}: ${message}`, retryAfterMs: null };
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Exponential backoff with jitter: attempt n (1-based) waits between half and all of
 * base·2^(n−1), capped at maxDelayMs; never earlier than the server's Retry-After.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number, retryAfterMs: number | null): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
