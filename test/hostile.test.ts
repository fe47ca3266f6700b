import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_REPLIES } from '../src/content/faults.js';
import { buttonsOf } from '../src/cards/choices.js';
import { startBotProcess, type BotProcess } from './support/botProcess.js';
import { cardsOf, pressOn, textsOf } from './support/cards.js';
import { generateBodies, type FuzzCase } from './support/fuzz.js';
import { postActivity, startServer } from './support/server.js';

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m?.[1] === undefined ? NaN : Number(m[1]) / 1024;
}

interface Outcome {
  readonly kind: string;
  readonly status: number;
  readonly problem?: string;
}

async function fire(url: string, cases: readonly FuzzCase[], concurrency: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      if (c === undefined) break;
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: c.body, signal: AbortSignal.timeout(10_000) });
      const text = await res.text();
      let problem: string | undefined;
      if (text !== '') {
        try {
          JSON.parse(text);
        } catch {
          problem = `body is not JSON: ${text.slice(0, 100)}`;
        }
      }
      outcomes.push({ kind: c.kind, status: res.status, ...(problem === undefined ? {} : { problem }) });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

/** A stand-in for the Bot Connector service: accepts every reply the bot sends. */
async function fakeChannel(): Promise<{ url: string; received: () => number; server: Server }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end('{"id":"reply-1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, received: () => received, server };
}

describe('fuzz: thousands of hostile bodies to /api/messages (a real bot process)', () => {
  let bot: BotProcess;
  let channel: Awaited<ReturnType<typeof fakeChannel>>;
  let buttonData: unknown[];

  beforeAll(async () => {
    channel = await fakeChannel();
    // A capped heap makes RSS a fair measure (V8 otherwise grows lazily) and turns a leak into a crash.
    bot = await startBotProcess({ NODE_OPTIONS: '--max-old-space-size=128' });
    const menu = cardsOf((await postActivity(bot.url, { type: 'message', text: 'menu', conversation: { id: 'seed' } })).activities)[0];
    const cards = [menu];
    for (const title of ['Set up MFA', 'Fix a problem', 'Choose a method', 'Why MFA?']) {
      cards.push(cardsOf((await postActivity(bot.url, { ...pressOn(menu, title), conversation: { id: `seed-${title}` } })).activities)[0]);
    }
    buttonData = cards.flatMap((card) => (card === undefined ? [] : buttonsOf(card).flatMap((b) => (b.kind === 'submit' ? [b.data] : []))));
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    channel?.server.closeAllConnections();
    await new Promise((resolve) => channel?.server.close(resolve));
  });

  it('never a 5xx, never a crash, every answer well-formed, memory bounded', async () => {
    expect(buttonData.length).toBeGreaterThan(5);
    await fire(bot.url, generateBodies(500, 1, buttonData, channel.url), 8);
    const before = rssMb(bot.child.pid ?? 0);

    const cases = generateBodies(4000, 7, buttonData, channel.url);
    const outcomes = await fire(bot.url, cases, 8);
    const after = rssMb(bot.child.pid ?? 0);

    const byKind = new Map<string, Set<number>>();
    for (const o of outcomes) byKind.set(o.kind, (byKind.get(o.kind) ?? new Set()).add(o.status));
    // Every kind of hostile input was tried.
    expect([...byKind.keys()].sort()).toEqual(['deep nesting', 'emoji and right-to-left text', 'huge strings', 'invokes', 'malformed JSON', 'missing fields', 'not an object', 'real flows', 'tampered card data', 'unknown activity types', 'wrong types']);
    const serverErrors = outcomes.filter((o) => o.status >= 500);
    expect(serverErrors).toEqual([]);
    expect(outcomes.filter((o) => o.problem !== undefined)).toEqual([]);
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set([200, 400, 413]));
    expect(bot.child.exitCode).toBeNull();
    // Flat after warm-up: ~196 MB (tsx included) before and after when this was written.
    expect(after - before).toBeLessThan(32);

    // Still answering, and still making sense.
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const menu = await postActivity(bot.url, { type: 'message', text: 'menu', conversation: { id: 'after-fuzz' } });
    expect(JSON.stringify(menu.activities)).toContain("Hello, I'm the MFA Assistant");
    // Activities that were not expectReplies had their replies sent to the channel.
    expect(channel.received()).toBeGreaterThan(0);
    // No turn failed for a reason other than storage or time (no "bug" turn errors, no crash).
    expect(bot.output()).not.toContain('"level":50');
  }, 120_000);
});

describe('rate limits', () => {
  it('per client address: 429 with Retry-After once the burst is spent; this machine itself is not limited', async () => {
    const server = await startServer({ RATE_LIMIT_PER_IP: '5', TRUST_PROXY: 'true' });
    try {
      const client = { 'x-forwarded-for': '203.0.113.9' };
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await postActivity(server.url, { type: 'message', text: 'menu', conversation: { id: `ip-${i}` } }, client)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      // Loopback (no forwarded address): a local proxy or health check is never limited.
      for (let i = 0; i < 10; i++) expect((await postActivity(server.url, { type: 'message', text: 'menu', conversation: { id: `local-${i}` } })).status).toBe(200);
      const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...client }, body: '{}' });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/^too many requests: try again in \d+ s$/) });
    } finally {
      await server.close();
    }
  });

  it('behind two proxies (TRUST_PROXY=true, TRUST_PROXY_HOPS=2) each client address in X-Forwarded-For has its own limit', async () => {
    const server = await startServer({ RATE_LIMIT_PER_IP: '1', TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '2' });
    try {
      const from = (ip: string) => postActivity(server.url, { type: 'message', text: 'menu' }, { 'x-forwarded-for': `${ip}, 10.0.0.1` });
      expect((await from('203.0.113.7:51234')).status).toBe(200);
      expect((await from('203.0.113.7:40000')).status).toBe(429);
      expect((await from('198.51.100.2')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('per conversation: a kind message in chat, once, then quiet until the conversation slows down; other conversations unaffected', async () => {
    const server = await startServer({ RATE_LIMIT_PER_CONVERSATION: '3' });
    try {
      const conversation = { id: 'chatty' };
      for (let i = 0; i < 3; i++) {
        const ok = await postActivity(server.url, { type: 'message', text: 'menu', conversation });
        expect(JSON.stringify(ok.activities)).toContain("Hello, I'm the MFA Assistant");
      }
      const limited = await postActivity(server.url, { type: 'message', text: 'menu', conversation });
      expect(limited.status).toBe(200);
      expect(textsOf(limited.activities)).toEqual([FAULT_REPLIES.slowDown]);
      const quiet = await postActivity(server.url, { type: 'message', text: 'menu', conversation });
      expect(quiet.activities).toEqual([]);
      const other = await postActivity(server.url, { type: 'message', text: 'menu', conversation: { id: 'calm' } });
      expect(JSON.stringify(other.activities)).toContain("Hello, I'm the MFA Assistant");
    } finally {
      await server.close();
    }
  });
});
