import { connect } from 'node:net';
import { Writable } from 'node:stream';
import type { Storage } from 'botbuilder';
import { GuardedStorage } from '../src/bot/guardedStorage.js';
import { clientAddress } from '../src/bot/messages.js';
import { HEADERS_TIMEOUT_MS } from '../src/bot/server.js';
import { createLogger } from '../src/log.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { FAULT_REPLIES } from '../src/content/faults.js';
import { postActivity, startServer, type RunningServer } from './support/server.js';

const CREDENTIALS = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' };

/** Sends raw bytes and resolves with what came back once the server closes the connection (or rejects after `ms`). */
function rawRequest(url: string, request: string, ms = 3000): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let got = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection still open after ${ms} ms; got ${JSON.stringify(got.slice(0, 200))}`));
    }, ms);
    socket.on('data', (d: Buffer) => (got += d.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
    socket.on('error', () => undefined);
    socket.write(request);
  });
}

const upgrade = (path: string) => `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;

describe.each([
  ['local mode', {}],
  ['with credentials', CREDENTIALS],
])('HTTP Upgrade requests are refused and closed (issue 15, item 7) — %s', (_mode, env) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(env);
  });
  afterAll(async () => server.close());

  it.each(['/api/messages', '/healthz', '/anything'])('Upgrade to %s gets 426 and the socket is closed', async (path) => {
    const answer = await rawRequest(server.url, upgrade(path));
    expect(answer).toMatch(/^HTTP\/1\.1 426 /);
  });

  it('300 upgrade attempts leave no connection open and /healthz answers', async () => {
    await Promise.all(Array.from({ length: 300 }, () => rawRequest(server.url, upgrade('/api/messages'), 10_000)));
    const connections = await new Promise<number>((resolve, reject) => server.app.server.server.getConnections((e, n) => (e ? reject(e) : resolve(n))));
    expect(connections).toBeLessThanOrEqual(1);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('local mode is for this machine only (issue 15, item 11)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  const activity = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({ type: 'message', text: 'hi', channelId: 'emulator', from: { id: 'u' }, recipient: { id: 'bot' }, conversation: { id: 'local-1' }, id: 'l1', deliveryMode: 'expectReplies', ...extra });

  it('listens on 127.0.0.1 by default without credentials, on every interface with them, and HOST opens it up', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig(CREDENTIALS).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('a text/plain body (which any web page can send without a preflight) gets 415', async () => {
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: activity() });
    expect(res.status).toBe(415);
  });

  it('no content type at all gets 415', async () => {
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', body: new Blob([activity()]) });
    expect(res.status).toBe(415);
  });

  it("a browser Origin of another site gets 403; the bot's own pages are fine", async () => {
    const other = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: activity() });
    expect(other.status).toBe(403);
    const own = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', origin: server.url }, body: activity() });
    expect(own.status).toBe(200);
  });

  it('replies are never posted to a serviceUrl off this machine', async () => {
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity({ deliveryMode: undefined, serviceUrl: 'http://203.0.113.9/' }) });
    expect(res.status).toBe(400);
    const local = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity({ serviceUrl: 'http://127.0.0.1:9/' }) });
    expect(local.status).toBe(200);
    // Verdicts are remembered per address: the same answers the second time, and after a flood of other addresses.
    const post = (serviceUrl: string) => fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity({ deliveryMode: undefined, serviceUrl }) });
    expect((await post('http://203.0.113.9/')).status).toBe(400);
    for (let i = 0; i < 70; i++) expect((await post(`http://198.51.100.${i}/`)).status).toBe(400);
    expect((await post('http://203.0.113.9/')).status).toBe(400);
    expect((await post('http://localhost.203.0.113.9.nip.io/')).status).toBe(400);
  });
});

describe('/readyz says whether storage answers; /healthz stays liveness (issue 15, item 14)', () => {
  it('with the embedded store: ready', async () => {
    const server = await startServer();
    try {
      const res = await fetch(`${server.url}/readyz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ready' });
    } finally {
      await server.close();
    }
  });

  it('blob storage out of reach: /readyz 503 with the reason, /healthz still 200', async () => {
    const server = await startServer({
      STORAGE: 'blob',
      STORAGE_TIMEOUT_MS: '500',
      AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;',
    });
    try {
      const started = performance.now();
      const res = await fetch(`${server.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'not ready', reason: expect.stringContaining('storage') });
      expect(performance.now() - started).toBeLessThan(3000);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('a storage error code reaches the log (an Azure code is not a secret); a user code does not', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger('info', sink);
    const failing = (code: string): Storage => ({
      read: () => Promise.reject(Object.assign(new Error('Server failed to authenticate the request'), { code })),
      write: () => Promise.resolve(),
      delete: () => Promise.resolve(),
    });
    await expect(new GuardedStorage({ storage: failing('AuthenticationFailed'), logger }).read(['k'])).rejects.toThrow();
    await expect(new GuardedStorage({ storage: failing('493817'), logger }).read(['k'])).rejects.toThrow();
    const logged = lines.join('');
    expect(logged).toContain('"code":"AuthenticationFailed"');
    expect(logged).not.toContain('493817');
    logger.info({ event: 'x', value: { code: '123456' }, text: '654321' }, 'x');
    expect(lines.join('')).not.toMatch(/123456|654321/);
  });
});

describe('behind a proxy, the client address is the one our proxy wrote (issue 15, item 8)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ TRUST_PROXY: 'true', RATE_LIMIT_PER_IP: '3', RATE_LIMIT_PER_CONVERSATION: '0' });
  });
  afterAll(async () => server.close());

  const post = (forwardedFor: string, i: number) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ type: 'message', text: 'hi', channelId: 'emulator', from: { id: 'u' }, recipient: { id: 'bot' }, conversation: { id: `xff-${i}` }, id: `xff${i}`, deliveryMode: 'expectReplies' }),
    }).then((r) => r.status);

  it('rotating the entries the client writes does not dodge the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await post(`10.9.${i}.1, 198.51.100.7`, i));
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it("a client naming another address (the Bot Framework service's) uses up only its own allowance", async () => {
    for (let i = 0; i < 4; i++) await post(`203.0.113.5, 198.51.100.8`, 10 + i);
    expect(await post('203.0.113.5', 20)).toBe(200);
  });

  it('TRUST_PROXY_HOPS counts our proxies from the right', () => {
    const req = (xff: string) => ({ headers: { 'x-forwarded-for': xff }, socket: { remoteAddress: '127.0.0.1' } });
    expect(clientAddress(req('1.1.1.1, 2.2.2.2, 3.3.3.3'), true, 1)).toBe('3.3.3.3');
    expect(clientAddress(req('1.1.1.1, 2.2.2.2, 3.3.3.3'), true, 2)).toBe('2.2.2.2');
    expect(clientAddress(req('2.2.2.2:5123'), true, 3)).toBe('2.2.2.2');
    expect(loadConfig({ TRUST_PROXY_HOPS: '2' }).resilience.trustProxyHops).toBe(2);
  });
});

describe("the tab's /api/ask and /api/guide are limited per address (issue 15, item 9)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ ...CREDENTIALS, TRUST_PROXY: 'true', RATE_LIMIT_TAB_PER_IP: '4' });
  });
  afterAll(async () => server.close());

  const get = (path: string, address: string) => fetch(`${server.url}${path}`, { headers: { 'x-forwarded-for': address } });

  it('over the allowance: 429 with Retry-After; another address is not affected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await get('/api/ask?q=lost%20my%20phone', '198.51.100.20')).status);
    for (let i = 0; i < 2; i++) statuses.push((await get('/api/guide', '198.51.100.20')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const refused = await get('/api/ask?q=hello', '198.51.100.20');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await get('/api/ask?q=hello', '198.51.100.21')).status).toBe(200);
  });
});

describe('the per-conversation limit counts messages and presses only (issue 15, item 10)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_CONVERSATION: '3' });
  });
  afterAll(async () => server.close());

  it('typing and reactions do not use up the allowance, and the first refusal says so', async () => {
    const conversation = { id: 'group-chat-1', conversationType: 'groupChat' };
    for (let i = 0; i < 10; i++) {
      expect((await postActivity(server.url, { type: 'typing', conversation, from: { id: 'noisy-member' } })).status).toBe(200);
      await postActivity(server.url, { type: 'messageReaction', conversation, from: { id: 'noisy-member' }, reactionsAdded: [{ type: 'like' }] });
    }
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await postActivity(server.url, { type: 'message', text: 'help', conversation });
      texts.push(res.activities.map((a) => (typeof a === 'object' && a !== null && 'text' in a && typeof a.text === 'string' ? a.text : '')).join(' '));
    }
    expect(texts.slice(0, 3).every((t) => !t.includes(FAULT_REPLIES.slowDown))).toBe(true);
    expect(texts[3]).toContain(FAULT_REPLIES.slowDown);
  });
});

describe('a client that never finishes its headers is cut off at 10 s, as documented (issue 15, item 12)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  it('closed between 10 and 12 s after it connected', async () => {
    const started = performance.now();
    const answer = await rawRequest(server.url, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', 20_000);
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS / 1000 - 0.5);
    expect(seconds).toBeLessThan(HEADERS_TIMEOUT_MS / 1000 + 2);
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  }, 30_000);
});
