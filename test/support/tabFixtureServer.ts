/**
 * A small loopback server for testing the tab on its own: the built tab's files at /tab (with
 * the real security headers) and fixture /api/guide and /api/ask. Stands in for the bot's
 * server until that serves the same routes. Also serves /fake-teams-host, a page that frames the
 * tab and plays the Teams client (see ../fixtures/fakeTeamsHost.ts).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { tabSecurityHeaders } from '../../src/bot/tabSecurity.js';
import { FAKE_TEAMS_HOST_HTML, FAKE_TEAMS_HOST_JS } from '../fixtures/fakeTeamsHost.js';
import { answerFor, guide } from '../fixtures/tabGuide.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const TAB_FILE = /^\/tab\/([\w-]+(?:\.[\w-]+)+)$/;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

export async function startTabFixtureServer(tabDir: string): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'method not allowed' });
    if (url.pathname === '/api/guide') return sendJson(res, 200, guide);
    if (url.pathname === '/api/ask') return sendJson(res, 200, { answer: answerFor(url.searchParams.get('q') ?? '') });
    if (url.pathname === '/fake-teams-host') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end(FAKE_TEAMS_HOST_HTML);
    }
    if (url.pathname === '/fake-teams-host.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'] });
      return res.end(FAKE_TEAMS_HOST_JS);
    }

    const file = url.pathname === '/tab' || url.pathname === '/tab/' ? 'index.html' : TAB_FILE.exec(url.pathname)?.[1];
    if (!file) return sendJson(res, 404, { error: 'not found' });
    readFile(join(tabDir, file)).then(
      (data) => {
        res.writeHead(200, { ...tabSecurityHeaders(), 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(data);
      },
      () => sendJson(res, 404, { error: 'not found' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fixture server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
