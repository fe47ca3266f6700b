import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../log.js';
import { CHAT_PAGE_CSP, CHAT_SECURITY_HEADERS, channelInfoPage, notBuiltPage, PLAIN_PAGE_CSP, type BridgeOffReason } from './chatPages.js';
import { StaticFile } from './staticFile.js';

/** Where `npm run build:chat` writes the page (the project's build/chat, from src/bot or dist/bot). */
export const DEFAULT_CHAT_DIR = fileURLToPath(new URL('../../build/chat/', import.meta.url));

export interface ChatRoutesOptions {
  /** The built page: index.html, main.js (and main.js.LEGAL.txt). */
  readonly dir: string;
  /** Offer the Web Chat bridge (config.devChat). */
  readonly bridge: boolean;
  /** The bot has a MicrosoftAppId. The bridge is then refused even if asked for. */
  readonly credentialsSet: boolean;
  readonly logger: Logger;
}

export class BridgeRefusedError extends Error {
  constructor() {
    super('Refusing to serve the Web Chat bridge: the bot has credentials set');
    this.name = 'BridgeRefusedError';
  }
}

function send(res: Response, status: number, body: Buffer | string, headers: Record<string, string>): void {
  const length = status === 304 ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
  res.writeHead(status, { ...CHAT_SECURITY_HEADERS, ...headers, ...length });
  res.end(body);
}

function acceptsGzip(req: Request): boolean {
  const header = req.headers['accept-encoding'];
  return typeof header === 'string' && /\bgzip\b/.test(header);
}

function html(res: Response, status: number, body: string, csp: string): void {
  send(res, status, body, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' });
}

/**
 * GET /chat and its bundle. With the bridge on: the built Web Chat page and bundle, with a strict
 * Content-Security-Policy. With the bridge off: a plain page explaining the Azure Bot Service Web
 * Chat channel, and no bundle at all (404), so nothing on this server ever opens the bridge.
 */
export function registerChatRoutes(server: Server, options: ChatRoutesOptions): void {
  // Defence in depth: config already refuses DEV_CHAT=true with credentials.
  if (options.bridge && options.credentialsSet) throw new BridgeRefusedError();

  server.get('/chat/', async (_req: Request, res: Response) => send(res, 308, '', { Location: '/chat' }));

  if (!options.bridge) {
    const reason: BridgeOffReason = options.credentialsSet ? 'credentials' : 'switched-off';
    const info = channelInfoPage(reason);
    server.get('/chat', async (_req: Request, res: Response) => html(res, 200, info, PLAIN_PAGE_CSP));
    return;
  }

  const dir = options.dir.endsWith('/') ? options.dir : `${options.dir}/`;
  const files = {
    page: new StaticFile(`${dir}index.html`),
    script: new StaticFile(`${dir}main.js`),
    licences: new StaticFile(`${dir}main.js.LEGAL.txt`),
  };

  const serve = (file: StaticFile, contentType: string, extra: Record<string, string> = {}) =>
    async (req: Request, res: Response) => {
      const loaded = await file.load();
      if (loaded === undefined) {
        options.logger.warn({ event: 'chat_not_built', file: file.path }, 'the chat page has not been built (npm run build:chat)');
        html(res, 503, notBuiltPage(), PLAIN_PAGE_CSP);
        return;
      }
      const headers: Record<string, string> = { 'Content-Type': contentType, 'Cache-Control': 'no-cache', ETag: loaded.etag, Vary: 'Accept-Encoding', ...extra };
      if (req.headers['if-none-match'] === loaded.etag) {
        send(res, 304, '', headers);
        return;
      }
      if (acceptsGzip(req)) send(res, 200, loaded.gzipped, { ...headers, 'Content-Encoding': 'gzip' });
      else send(res, 200, loaded.body, headers);
    };

  server.get('/chat', serve(files.page, 'text/html; charset=utf-8', { 'Content-Security-Policy': CHAT_PAGE_CSP }));
  server.get('/chat/main.js', serve(files.script, 'text/javascript; charset=utf-8'));
  server.get('/chat/main.js.LEGAL.txt', serve(files.licences, 'text/plain; charset=utf-8'));
}
