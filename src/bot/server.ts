import restify, { type Request, type Response, type Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { ResilienceConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { MfaAdapter } from './adapter.js';
import type { InFlight } from './inFlight.js';
import { createMessagesHandler } from './messages.js';
import type { TurnGuard } from './turnGuard.js';
import { fileURLToPath } from 'node:url';
import type { Guide } from '../cards/guide.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { registerChatRoutes, type ChatRoutesOptions } from './chatRoutes.js';
import { mountStatic } from './staticFiles.js';
import { tabSecurityHeaders } from './tabSecurity.js';
import { refuseUpgrades } from './upgrades.js';
import type { Readiness } from './readiness.js';
import { clientAddress } from './messages.js';
import { RateLimiter } from './rateLimit.js';

/** Where `npm run build` puts the personal tab's files. */
export const TAB_DIR = fileURLToPath(new URL('../../build/tab', import.meta.url));

/** How long a client may take to send a request's headers. */
export const HEADERS_TIMEOUT_MS = 10_000;

export interface ServerDeps {
  readonly adapter: MfaAdapter;
  readonly runTurn: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  readonly version: string;
  readonly maxBodyBytes: number;
  readonly resilience: ResilienceConfig;
  readonly inFlight: InFlight;
  readonly turnGuard: TurnGuard;
  /** No credentials: nothing is authenticated (see MessagesDeps.localMode). */
  readonly localMode: boolean;
  /** GET /readyz: whether storage answers. */
  readonly readiness: Readiness;
  /** The personal tab's guide (GET /api/guide). */
  readonly guide: Guide;
  /** Answers a question typed in the tab's search box (GET /api/ask?q=). */
  readonly ask: (question: string) => AdaptiveCard;
  readonly tabDir?: string;
  /** The /chat page (Web Chat); see chatRoutes.ts. */
  readonly chat: Omit<ChatRoutesOptions, 'logger'>;
}

function sendJson(res: Response, status: number, body: object): void {
  res.setHeader('Cache-Control', 'no-store');
  res.send(status, body);
}

/**
 * The HTTP side of the bot: `/api/messages` for the Bot Framework, `/healthz` (alive) and `/readyz` (storage answers) for probes and
 * `/chat` for trying the bot in a browser.
 */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'mfa-assistant', handleUncaughtExceptions: false });
  const { logger } = deps;

  // Slow clients may not hold a connection open indefinitely (slowloris): headers within 10 s, the
  // whole request within 30 s. Node checks these only every connectionsCheckingInterval (30 s by
  // default, so 10 s really meant 26-38 s); checked every second they hold to within a second.
  // Read when the server starts listening, so setting it here (after restify made the server) works.
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.requestTimeout = 30_000;
  // Not in @types/node's Server type, but read by Node's own http server (v18.12+).
  Reflect.set(server.server, 'connectionsCheckingInterval', 1000);
  refuseUpgrades(server);

  server.get('/healthz', async (_req: Request, res: Response) => {
    // While shutting down, say so, so a load balancer stops sending traffic here.
    if (deps.inFlight.draining) sendJson(res, 503, { status: 'stopping', version: deps.version });
    else sendJson(res, 200, { status: 'ok', version: deps.version });
  });

  // Liveness above; readiness here: 200 only when storage answers, so a load balancer can route around an instance that cannot work.
  server.get('/readyz', async (_req: Request, res: Response) => {
    if (deps.inFlight.draining) {
      sendJson(res, 503, { status: 'stopping', version: deps.version });
      return;
    }
    const state = await deps.readiness.check();
    if (state.ready) sendJson(res, 200, { status: 'ready', version: deps.version });
    else sendJson(res, 503, { status: 'not ready', reason: state.reason, version: deps.version });
  });

  mountStatic(server, {
    prefix: '/tab',
    dir: deps.tabDir ?? TAB_DIR,
    headers: tabSecurityHeaders(),
    missing: 'The tab has not been built: run npm run build.',
  });

  // The tab's endpoints answer anyone without a token (the guide is public NHS guidance, no user
  // data: see README), so each client address gets its own allowance.
  const tabLimiter = new RateLimiter({ perMinute: deps.resilience.ratePerIpTabPerMinute });
  const overTabLimit = (req: Request, res: Response): boolean => {
    const address = clientAddress(req, deps.resilience.trustProxy, deps.resilience.trustProxyHops);
    const taken = address === undefined ? { ok: true as const } : tabLimiter.take(address);
    if (taken.ok) return false;
    if (taken.firstRefusal) logger.info({ event: 'rate_limited', scope: 'tab', retryAfterSeconds: taken.retryAfterSeconds }, 'client address over the tab rate limit');
    res.setHeader('Retry-After', String(taken.retryAfterSeconds));
    sendJson(res, 429, { error: `too many requests: try again in ${taken.retryAfterSeconds} s` });
    return true;
  };

  const guideJson = JSON.stringify(deps.guide);
  server.get('/api/guide', async (req: Request, res: Response) => {
    if (overTabLimit(req, res)) return;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendRaw(200, guideJson);
  });

  server.get('/api/ask', async (req: Request, res: Response) => {
    if (overTabLimit(req, res)) return;
    const q = new URL(req.url ?? '/', 'http://localhost').searchParams.get('q') ?? '';
    if (q.trim() === '' || q.length > 500) {
      sendJson(res, 400, { error: 'q must be between 1 and 500 characters' });
      return;
    }
    sendJson(res, 200, { answer: deps.ask(q) });
  });

  server.post('/api/messages', createMessagesHandler(deps));

  registerChatRoutes(server, { ...deps.chat, logger });

  server.on('restifyError', (_req: Request, _res: Response, err: Error, callback: () => void) => {
    logger.warn({ event: 'http_error', error: err.name }, 'http error');
    callback();
  });

  return server;
}

export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return address.port;
}
