import { describe, expect, it } from 'vitest';
import { classifyError, classifyResponse, DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay } from '../../src/feedback/retryPolicy.js';

const NOW = Date.UTC(2030, 0, 1, 12, 0, 0);

describe('classifyResponse', () => {
  it.each<[number, string]>([
    [200, 'delivered'],
    [202, 'delivered'],
    [204, 'delivered'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [400, 'dead'],
    [401, 'dead'],
    [403, 'dead'],
    [404, 'dead'],
    [413, 'dead'],
    [301, 'dead'],
  ])('HTTP %i → %s', (status, kind) => {
    expect(classifyResponse({ status, retryAfter: null }, NOW).kind).toBe(kind);
  });

  it('carries Retry-After on 429 and 503', () => {
    expect(classifyResponse({ status: 429, retryAfter: '120' }, NOW)).toEqual({ kind: 'retry', reason: 'HTTP 429', retryAfterMs: 120_000 });
    expect(classifyResponse({ status: 503, retryAfter: 'Tue, 01 Jan 2030 12:05:00 GMT' }, NOW)).toEqual({
      kind: 'retry',
      reason: 'HTTP 503',
      retryAfterMs: 300_000,
    });
  });

  it('retries network errors with their code', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(classifyError(error)).toEqual({ kind: 'retry', reason: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9', retryAfterMs: null });
  });
});

describe('parseRetryAfter', () => {
  it.each<[string | null, number | null]>([
    [null, null],
    ['0', 0],
    ['30', 30_000],
    ['Tue, 01 Jan 2030 12:00:10 GMT', 10_000],
    ['Tue, 01 Jan 2030 11:00:00 GMT', 0],
    ['soon', null],
  ])('%j → %s', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });
});

describe('retryDelay', () => {
  const policy = DEFAULT_RETRY_POLICY;
  it('doubles each attempt, between half and all of the step, capped at an hour', () => {
    expect(retryDelay(policy, 1, () => 0, null)).toBe(2_500);
    expect(retryDelay(policy, 1, () => 1 - Number.EPSILON, null)).toBe(5_000);
    expect(retryDelay(policy, 4, () => 0, null)).toBe(20_000);
    expect(retryDelay(policy, 30, () => 1 - Number.EPSILON, null)).toBe(3_600_000);
    expect(retryDelay(policy, 30, () => 0, null)).toBe(1_800_000);
  });

  it('never goes earlier than Retry-After', () => {
    expect(retryDelay(policy, 1, () => 0, 60_000)).toBe(60_000);
    expect(retryDelay(policy, 10, () => 1 - Number.EPSILON, 1_000)).toBe(2_560_000);
  });

  it('keeps retrying for 24 hours by default with a 10 s timeout', () => {
    expect(policy.giveUpAfterMs).toBe(86_400_000);
    expect(policy.timeoutMs).toBe(10_000);
  });
});
