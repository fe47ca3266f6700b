import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './support/server.js';

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
