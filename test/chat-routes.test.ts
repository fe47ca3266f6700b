import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeRefusedError, registerChatRoutes } from '../src/bot/chatRoutes.js';
import { createLogger } from '../src/log.js';
import { postActivity, startServer, type RunningServer } from './support/server.js';

const CREDENTIALS = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' };

function directives(csp: string | null): Map<string, string> {
  return new Map((csp ?? '').split(';').map((d) => d.trim()).filter((d) => d !== '').map((d) => {
    const [name = '', ...values] = d.split(/\s+/);
    return [name, values.join(' ')];
  }));
}

describe('/chat with the bridge on (local mode, the default)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  it('serves the Web Chat page with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${server.url}/chat`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await res.text();
    expect(page).toContain('<script src="/chat/main.js" defer></script>');
    expect(page).toContain('data-endpoint="/api/messages"');

    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'"); // no inline script, no eval
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('img-src')).toBe("'self' data: blob:");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('the page has no inline script for the policy to block', async () => {
    const page = await (await fetch(`${server.url}/chat`)).text();
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/chat\//);
      expect(body?.trim()).toBe('');
    }
    expect(page).not.toMatch(/\son[a-z]+="/i); // no inline event handlers either
  });

  it('serves the bundle as JavaScript, gzipped when asked, with an ETag that revalidates', async () => {
    const plain = await fetch(`${server.url}/chat/main.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const script = await plain.text();
    expect(script).toContain('webchat');
    expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(script));

    const etag = plain.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${server.url}/chat/main.js`, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);

    // fetch asks for gzip and undoes it: the text is the same, fewer bytes went over the wire.
    const zipped = await fetch(`${server.url}/chat/main.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(Number(zipped.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(script) / 2);
    expect(await zipped.text()).toBe(script);
  });

  it('/chat/ redirects to /chat; anything else under /chat is 404', async () => {
    const slash = await fetch(`${server.url}/chat/`, { redirect: 'manual' });
    expect(slash.status).toBe(308);
    expect(slash.headers.get('location')).toBe('/chat');
    for (const path of ['/chat/index.html', '/chat/../package.json', '/chat/%2e%2e/package.json', '/chat/main.ts']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
  });

  it('the bridge it opens is the local, unauthenticated /api/messages', async () => {
    const res = await postActivity(server.url, { type: 'message', text: 'menu', channelId: 'webchat', conversation: { id: 'chat-routes-1' } });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.activities)).toContain('MFA Assistant');
  });
});

describe('/chat with the bridge off', () => {
  it('with credentials: a plain page about the Web Chat channel, no bundle, and /api/messages still wants a token', async () => {
    const server = await startServer(CREDENTIALS);
    try {
      const res = await fetch(`${server.url}/chat`);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('Web Chat channel');
      expect(page).toContain('Direct Line token');
      expect(page).toContain('Microsoft App ID');
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toContain('/api/messages');
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toBe("'none'");
      expect(csp.has('script-src')).toBe(false);

      expect((await fetch(`${server.url}/chat/main.js`)).status).toBe(404);
      const message = await postActivity(server.url, { type: 'message', text: 'hi', channelId: 'webchat', serviceUrl: 'http://127.0.0.1:9/webchat-bridge' });
      expect(message.status).toBe(401);
      expect(message.activities).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('DEV_CHAT=false without credentials: the same plain page, saying the test chat is switched off', async () => {
    const server = await startServer({ DEV_CHAT: 'false' });
    try {
      const page = await (await fetch(`${server.url}/chat`)).text();
      expect(page).toContain('DEV_CHAT=false');
      expect(page).toContain('Web Chat channel');
      expect(page).not.toMatch(/<script/i);
      expect((await fetch(`${server.url}/chat/main.js`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('the routes refuse to serve the bridge for a bot with credentials, whatever they are told', () => {
    const server = restify.createServer();
    expect(() => registerChatRoutes(server, { dir: '/nowhere', bridge: true, credentialsSet: true, logger: createLogger('silent') })).toThrow(BridgeRefusedError);
  });
});

describe('/chat before the page has been built', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mfa-chat-'));
    server = await startServer({}, { chatDir: dir });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 with how to build it, and serves the page once it exists (no restart)', async () => {
    const missing = await fetch(`${server.url}/chat`);
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain('npm run build:chat');
    expect((await fetch(`${server.url}/chat/main.js`)).status).toBe(503);

    await writeFile(join(dir, 'index.html'), '<!doctype html><title>built</title>');
    const built = await fetch(`${server.url}/chat`);
    expect(built.status).toBe(200);
    expect(await built.text()).toContain('<title>built</title>');
  });
});
