import restify, { type Request, type Response, type Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { ResilienceConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { MfaAdapter } from './adapter.js';
import type { InFlight } from './inFlight.js';
import { createMessagesHandler } from './messages.js';

export interface ServerDeps {
  readonly adapter: MfaAdapter;
  readonly runTurn: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  readonly version: string;
  readonly maxBodyBytes: number;
  readonly resilience: ResilienceConfig;
  readonly inFlight: InFlight;
}

function sendJson(res: Response, status: number, body: object): void {
  res.setHeader('Cache-Control', 'no-store');
  res.send(status, body);
}

/** The HTTP side of the bot: `/api/messages` for the Bot Framework and `/healthz` for probes. */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'mfa-assistant', handleUncaughtExceptions: false });
  const { logger } = deps;

  // Slow clients may not hold a connection open indefinitely (slowloris).
  server.server.headersTimeout = 10_000;
  server.server.requestTimeout = 30_000;

  server.get('/healthz', async (_req: Request, res: Response) => {
    // While shutting down, say so, so a load balancer stops sending traffic here.
    if (deps.inFlight.draining) sendJson(res, 503, { status: 'stopping', version: deps.version });
    else sendJson(res, 200, { status: 'ok', version: deps.version });
  });

  server.post('/api/messages', createMessagesHandler(deps));

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
