import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf } from '../src/cards/choices.js';
import { isAdaptiveCard } from '../src/cards/guards.js';
import type { AdaptiveCard } from '../src/cards/schema.js';
import { postActivity, startServer, type RunningServer } from './support/server.js';

function cards(activities: unknown[]): AdaptiveCard[] {
  return activities.flatMap((a) => {
    if (typeof a !== 'object' || a === null || !('attachments' in a) || !Array.isArray(a.attachments)) return [];
    return a.attachments.flatMap((att: unknown) =>
      typeof att === 'object' && att !== null && 'content' in att && isAdaptiveCard(att.content) ? [att.content] : [],
    );
  });
}

function press(card: AdaptiveCard | undefined, title: string) {
  const b = card === undefined ? undefined : buttonsOf(card).find((x) => x.title === title);
  if (b?.kind !== 'submit') throw new Error(`no button ${title}`);
  return { type: 'message', value: b.data };
}

describe('HTTP server (local mode, no credentials)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  it('GET /healthz answers with status and package version', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: '9.9.9-test' });
  });

  it('a whole conversation over POST /api/messages with expectReplies', async () => {
    const conversation = { id: 'http-conv-1' };
    const welcome = await postActivity(server.url, { type: 'conversationUpdate', conversation, membersAdded: [{ id: 'user-1' }, { id: 'bot' }] });
    expect(welcome.status).toBe(200);
    const menu = cards(welcome.activities)[0];
    expect(JSON.stringify(menu)).toContain("Hello, I'm the MFA Assistant");

    // The welcome is sent once per conversation.
    const again = await postActivity(server.url, { type: 'conversationUpdate', conversation, membersAdded: [{ id: 'user-1' }] });
    expect(again.activities).toHaveLength(0);

    let card = cards((await postActivity(server.url, { ...press(menu, 'Set up MFA'), conversation })).activities)[0];
    for (let step = 1; step <= 5; step++) {
      expect(JSON.stringify(card)).toContain(`Step ${step} of 5`);
      card = cards((await postActivity(server.url, { ...press(card, 'Next'), conversation })).activities)[0];
    }
    expect(JSON.stringify(card)).toContain('Did it work?');
    const done = await postActivity(server.url, { ...press(card, 'Yes, it worked'), conversation });
    expect(JSON.stringify(done.activities)).toContain('MFA is set up');
  });

  it('typed text works over HTTP too', async () => {
    const res = await postActivity(server.url, { type: 'message', text: 'help', conversation: { id: 'http-conv-2' } });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.activities)).toContain('What would you like to do?');
  });

  it('in a team channel it answers only when @mentioned, and strips the mention', async () => {
    const conversation = { id: 'channel-1', conversationType: 'channel' };
    const ignored = await postActivity(server.url, { type: 'message', text: 'menu', conversation, channelId: 'msteams' });
    expect(ignored.activities).toHaveLength(0);
    const mentioned = await postActivity(server.url, {
      type: 'message',
      text: '<at>MFA Assistant</at> menu',
      conversation,
      channelId: 'msteams',
      entities: [{ type: 'mention', text: '<at>MFA Assistant</at>', mentioned: { id: 'bot', name: 'MFA Assistant' } }],
    });
    expect(JSON.stringify(mentioned.activities)).toContain("Hello, I'm the MFA Assistant");
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it.each([
    ['not JSON', '{nope'],
    ['a JSON array', '[1,2,3]'],
    ['a JSON string', '"hello"'],
    ['no type', JSON.stringify({ text: 'hi', from: { id: 'u' }, conversation: { id: 'c' }, channelId: 'x', serviceUrl: 'http://x' })],
    ['a numeric type', JSON.stringify({ type: 5, from: { id: 'u' }, conversation: { id: 'c' }, channelId: 'x', deliveryMode: 'expectReplies' })],
    ['from as a string', JSON.stringify({ type: 'message', from: 'u', conversation: { id: 'c' }, channelId: 'x', deliveryMode: 'expectReplies' })],
    ['no conversation', JSON.stringify({ type: 'message', from: { id: 'u' }, channelId: 'x', deliveryMode: 'expectReplies' })],
    ['text as an object', JSON.stringify({ type: 'message', text: { a: 1 }, from: { id: 'u' }, conversation: { id: 'c' }, channelId: 'x', deliveryMode: 'expectReplies' })],
    ['membersAdded as a string', JSON.stringify({ type: 'conversationUpdate', membersAdded: 'x', from: { id: 'u' }, conversation: { id: 'c' }, channelId: 'x', deliveryMode: 'expectReplies' })],
  ])('%s → 400', async (_name, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
  });

  it('a body over 256 KB → 413', async () => {
    const res = await post(JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }));
    expect(res.status).toBe(413);
  });

  it('the server is still healthy after all that', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('HTTP server with credentials', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
  });
  afterAll(async () => server.close());

  it('a request without a token gets 401', async () => {
    const res = await postActivity(server.url, { type: 'message', text: 'hi', serviceUrl: 'https://smba.trafficmanager.net/uk/' });
    expect(res.status).toBe(401);
    expect(res.activities).toHaveLength(0);
  });
});

describe('bot state in the embedded store (the default)', () => {
  it('a conversation survives a restart of the server', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dataDir = mkdtempSync(join(tmpdir(), 'mfa-restart-'));
    const conversation = { id: 'restart-conv' };
    try {
      const first = await startServer({ DATA_DIR: dataDir });
      const menu = cards((await postActivity(first.url, { type: 'message', text: 'menu', conversation })).activities)[0];
      let card = cards((await postActivity(first.url, { ...press(menu, 'Set up MFA'), conversation })).activities)[0];
      card = cards((await postActivity(first.url, { ...press(card, 'Next'), conversation })).activities)[0];
      expect(JSON.stringify(card)).toContain('Step 2 of 5');
      await first.close();

      const second = await startServer({ DATA_DIR: dataDir });
      const next = cards((await postActivity(second.url, { ...press(card, 'Next'), conversation })).activities)[0];
      expect(JSON.stringify(next)).toContain('Step 3 of 5');
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('secrets a user types never reach the logs or storage', () => {
  it('a code and a password sent over HTTP appear in no log line and nowhere in the database', async () => {
    const { mkdtempSync, rmSync, readdirSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { Writable } = await import('node:stream');
    const { createLogger } = await import('../src/log.js');
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'mfa-secrets-'));
    const server = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'trace' }, { logger: createLogger('trace', sink) });
    try {
      const conversation = { id: 'secret-conv' };
      const secrets = ['739184', 'Sup3r-Secret!'];
      const code = await postActivity(server.url, { type: 'message', text: `the code is ${secrets[0]}`, conversation });
      const password = await postActivity(server.url, { type: 'message', text: `my password is ${secrets[1]}`, conversation });
      expect(JSON.stringify(code.activities)).toContain('Please never share');
      expect(JSON.stringify(password.activities)).toContain('Please never share');
      await server.close();
      expect(lines.join('')).toContain('secret_guard');
      for (const s of secrets) {
        expect(lines.join('')).not.toContain(s);
        for (const f of readdirSync(dataDir)) expect(readFileSync(join(dataDir, f)).toString('latin1')).not.toContain(s);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
