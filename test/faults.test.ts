import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_REPLIES } from '../src/content/faults.js';
import { startAzurite, type Azurite } from './support/azurite.js';
import { startBotProcess, type BotProcess } from './support/botProcess.js';
import { cardsOf, pressOn, textsOf } from './support/cards.js';
import { postActivity, startServer } from './support/server.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';

/** A fetch that fails the test instead of waiting past 10 s: "never a hang". */
async function post(url: string, activity: Record<string, unknown>) {
  const started = Date.now();
  const res = await Promise.race([
    postActivity(url, activity),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 10 s')), 10_000)),
  ]);
  return { ...res, ms: Date.now() - started };
}

/** A TCP server that accepts connections and never answers. */
async function blackhole(port = 0): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: NetServer = createNetServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.resume();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function freePort(): Promise<number> {
  const hole = await blackhole();
  await hole.close();
  return hole.port;
}

describe('storage faults (STORAGE=blob through a fault-injecting proxy to Azurite)', () => {
  let azurite: Azurite;
  let proxy: TcpProxy;
  let bot: BotProcess;

  beforeAll(async () => {
    azurite = await startAzurite();
    proxy = await startTcpProxy(azurite.port);
    bot = await startBotProcess({
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString(proxy.port),
      STORAGE_TIMEOUT_MS: '800',
      TURN_TIMEOUT_MS: '3000',
    });
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await proxy?.close();
    await azurite?.stop();
  });

  it('storage that accepts but never answers, then storage that refuses: a kind message each time, then the conversation carries on', async () => {
    const conversation = { id: 'fault-1' };
    let card = cardsOf((await post(bot.url, { type: 'message', text: 'menu', conversation })).activities)[0];
    card = cardsOf((await post(bot.url, { ...pressOn(card, 'Set up MFA'), conversation })).activities)[0];
    card = cardsOf((await post(bot.url, { ...pressOn(card, 'Next'), conversation })).activities)[0];
    expect(JSON.stringify(card)).toContain('Step 2 of 5');

    for (const mode of ['blackhole', 'refuse'] as const) {
      proxy.mode = mode;
      proxy.cut();
      const res = await post(bot.url, { ...pressOn(card, 'Next'), conversation });
      expect(res.status).toBe(200);
      expect(textsOf(res.activities)).toEqual([FAULT_REPLIES.storageUnavailable]);
    }
    await bot.waitForOutput('"event":"storage_unavailable"');

    // Storage is back: the same button works and the walkthrough goes on from where it was.
    proxy.mode = 'pass';
    const back = await post(bot.url, { ...pressOn(card, 'Next'), conversation });
    expect(JSON.stringify(cardsOf(back.activities)[0])).toContain('Step 3 of 5');
    await bot.waitForOutput('"event":"storage_recovered"');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(bot.child.exitCode).toBeNull();
  });

  it('slow storage: each storage call is cut off at STORAGE_TIMEOUT_MS and the user is told to try again', async () => {
    proxy.mode = 'delay';
    proxy.delayMs = 5000;
    const res = await post(bot.url, { type: 'message', text: 'menu', conversation: { id: 'fault-slow' } });
    proxy.mode = 'pass';
    expect(res.status).toBe(200);
    expect(textsOf(res.activities)).toEqual([FAULT_REPLIES.storageUnavailable]);
    expect(res.ms).toBeLessThan(5000);
  });
});

describe('storage that is not there at start-up', () => {
  it('a closed port: kind messages, no crash, and the bot recovers when storage appears on that port', async () => {
    const azurite = await startAzurite();
    const port = await freePort();
    const bot = await startBotProcess({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString(port), STORAGE_TIMEOUT_MS: '800' });
    let proxy: TcpProxy | undefined;
    try {
      const conversation = { id: 'late-storage' };
      const down = await post(bot.url, { type: 'message', text: 'menu', conversation });
      expect(down.status).toBe(200);
      expect(textsOf(down.activities)).toEqual([FAULT_REPLIES.storageUnavailable]);

      // Storage comes up on the port the bot was given (BlobsStorage had cached its failed start).
      proxy = await startTcpProxy(azurite.port, port);
      const up = await post(bot.url, { type: 'message', text: 'menu', conversation });
      expect(JSON.stringify(up.activities)).toContain("Hello, I'm the MFA Assistant");
    } finally {
      await bot.stop();
      await proxy?.close();
      await azurite.stop();
    }
  });
});

describe('a turn that never finishes (the channel it replies to hangs)', () => {
  it('the HTTP answer is a clean 503 with Retry-After well within 10 s, and the server carries on', async () => {
    const hole = await blackhole();
    const server = await startServer({ TURN_TIMEOUT_MS: '500' });
    try {
      // Not expectReplies: the bot sends its replies to serviceUrl, which accepts and never answers.
      const started = Date.now();
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'menu', channelId: 'emulator', serviceUrl: `http://127.0.0.1:${hole.port}/`, from: { id: 'u' }, recipient: { id: 'bot' }, conversation: { id: 'hang-1' }, id: 'x1' }),
        signal: AbortSignal.timeout(10_000),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await res.json()).toMatchObject({ error: expect.stringContaining('try again') });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const ok = await postActivity(server.url, { type: 'message', text: 'menu', conversation: { id: 'hang-2' } });
      expect(ok.status).toBe(200);
    } finally {
      await server.close();
      await hole.close();
    }
  });
});

describe('SIGTERM', () => {
  it('stops accepting, finishes the turn in flight, exits 0 within 10 s', async () => {
    const azurite = await startAzurite();
    const proxy = await startTcpProxy(azurite.port);
    const bot = await startBotProcess({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString(proxy.port) });
    try {
      const conversation = { id: 'sigterm-1' };
      const menu = cardsOf((await post(bot.url, { type: 'message', text: 'menu', conversation })).activities)[0];

      // A turn whose storage calls each take 600 ms is in flight when SIGTERM arrives.
      proxy.delayMs = 600;
      proxy.mode = 'delay';
      const held = proxy.nextHeld();
      const inFlight = post(bot.url, { ...pressOn(menu, 'Set up MFA'), conversation });
      await held;
      const signalled = Date.now();
      bot.child.kill('SIGTERM');
      await bot.waitForOutput('"event":"stopping"');
      // New requests are turned away while the one in flight finishes.
      const during = await fetch(`${bot.url}/healthz`).then((r) => r.status, () => 'refused');
      expect([503, 'refused']).toContain(during);

      const answered = await inFlight;
      expect(answered.status).toBe(200);
      expect(JSON.stringify(cardsOf(answered.activities)[0])).toContain('Step 1 of 5');

      const code = await Promise.race([bot.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
      expect(code).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
      // Once stopped, nothing is listening any more.
      await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow();
      expect(bot.output()).toContain('"event":"stopped"');
    } finally {
      await bot.stop();
      await proxy.close();
      await azurite.stop();
    }
  });
});
