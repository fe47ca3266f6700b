import autocannon from 'autocannon';
import { scriptRequests, type ScriptStats } from './conversation.js';

export interface LoadResult {
  readonly connections: number;
  readonly seconds: number;
  readonly turnsPerSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly misses: number;
  readonly conversations: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Drives the conversation script at `connections` concurrent users for `seconds`. */
export async function load(url: string, connections: number, seconds: number, tag: string): Promise<LoadResult> {
  const stats: ScriptStats = { misses: 0, conversations: 0 };
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, pipelining: 1, timeout: 15, requests: scriptRequests(tag, stats) }, (error, r) =>
      error === null || error === undefined ? resolve(r) : reject(error instanceof Error ? error : new Error('autocannon failed')),
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      times.push(ms);
    });
  });
  times.sort((a, b) => a - b);
  const ok = result['2xx'];
  return {
    connections,
    seconds: result.duration,
    turnsPerSecond: ok / result.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    misses: stats.misses,
    conversations: stats.conversations,
  };
}

/** Exactly `conversations` whole conversations of the first `turns` script steps, `connections` at a time. */
export async function fill(url: string, conversations: number, turns: number, connections: number, tag: string): Promise<ScriptStats & { non2xx: number }> {
  const stats: ScriptStats = { misses: 0, conversations: 0 };
  const requests = scriptRequests(tag, stats).slice(0, turns);
  const result = await autocannon({ url, connections, amount: conversations * turns, pipelining: 1, timeout: 15, requests });
  return { ...stats, non2xx: result.non2xx + result.errors };
}
