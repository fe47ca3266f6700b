import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORDS } from '../src/content/ui.js';
import { createLogger } from '../src/log.js';
import { buttonsOf } from '../src/cards/choices.js';
import { HttpChat } from './support/httpChat.js';
import { startServer, type RunningServer } from './support/server.js';

/** A Teams connector that answers every call with `status` (429 with Retry-After, or a 5xx). */
async function failingConnector(status: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '0' } : {}) });
    res.end(JSON.stringify({ error: { code: 'Throttled', message: 'try later' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = address !== null && typeof address === 'object' ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Issue 15, item 6: a Teams connector that throttles (429), fails (5xx) or cannot be reached is a
 * passing fault, not a bug: the conversation's state (a feedback draft) is kept, and the next try works.
 */
describe('connector faults keep the conversation', () => {
  const lines: string[] = [];
  let server: RunningServer;
  const connectors: { url: string; close: () => Promise<void> }[] = [];
  beforeAll(async () => {
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    server = await startServer({ TURN_TIMEOUT_MS: '2500' }, { logger: createLogger('info', sink) });
    connectors.push(await failingConnector(429), await failingConnector(503));
  });
  afterAll(async () => {
    await server.close();
    for (const c of connectors) await c.close();
  });

  it.each([
    ['429 Too Many Requests', () => connectors[0]?.url ?? ''],
    ['503 Service Unavailable', () => connectors[1]?.url ?? ''],
    ['a connection refused', () => 'http://127.0.0.1:9/'],
  ])('%s: the feedback draft survives and the user can carry on', async (name, serviceUrl) => {
    const conversationId = `connector-fault-${name}`;
    const chat = new HttpChat(server.url, { conversationId });
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    const first = buttonsOf(chat.card).find((b) => b.kind === 'submit');
    if (first?.kind !== 'submit') throw new Error('the feedback card has no button');
    // The same press, but the bot must send its replies through the failing connector.
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', value: first.data, channelId: 'emulator', serviceUrl: serviceUrl(), from: { id: 'user-1' }, recipient: { id: 'bot' }, conversation: { id: conversationId, conversationType: 'personal' }, id: `x-${name}` }),
    });
    expect([200, 503]).toContain(res.status);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l['event'] === 'turn_error');
    // A fault the connector's own retries outlast ends as the turn's timeout: a passing fault too.
    expect(['connector', 'timeout']).toContain(logged.at(-1)?.['fault']);
    // Trying again works from where the user was: the press is still accepted.
    const again = await chat.press(first.title);
    expect(again.length).toBeGreaterThan(0);
    expect(JSON.stringify(again)).not.toContain(WORDS.giveFeedback);
  });
});
