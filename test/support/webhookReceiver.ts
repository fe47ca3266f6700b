import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Server } from 'node:http';

export interface ReceivedRequest {
  readonly id: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** 1 for the first request carrying this webhook-id, 2 for the second… */
  readonly attemptForId: number;
  /** 1-based count of all requests. */
  readonly sequence: number;
  readonly receivedAt: number;
}

export type Reply = { readonly status: number; readonly headers?: Record<string, string>; readonly delayMs?: number } | 'hang';

/** Decides the answer to each request; the default accepts everything. */
export type Behaviour = (request: ReceivedRequest) => Reply;

export interface Receiver {
  readonly url: string;
  readonly port: number;
  readonly requests: ReceivedRequest[];
  /** Requests answered 2xx, in order. */
  readonly accepted: ReceivedRequest[];
  behaviour: Behaviour;
  /** How many times each webhook-id was accepted. */
  acceptedCounts(): Map<string, number>;
  close(): Promise<void>;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value)) out[name] = value.join(', ');
  }
  return out;
}

/** A real HTTP server on 127.0.0.1 and a free port, standing in for the service owner's webhook. */
export async function startReceiver(behaviour: Behaviour = () => ({ status: 200 }), port = 0): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const accepted: ReceivedRequest[] = [];
  const perId = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const receiver: Receiver = {
    url: '',
    port: 0,
    requests,
    accepted,
    behaviour,
    acceptedCounts() {
      const counts = new Map<string, number>();
      for (const r of accepted) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
      return counts;
    },
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = flatHeaders(req);
      const id = headers['webhook-id'] ?? '';
      const attemptForId = (perId.get(id) ?? 0) + 1;
      perId.set(id, attemptForId);
      const request: ReceivedRequest = {
        id,
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
        attemptForId,
        sequence: requests.length + 1,
        receivedAt: Date.now(),
      };
      requests.push(request);
      const reply = receiver.behaviour(request);
      if (reply === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      const answer = (): void => {
        if (res.destroyed) return;
        if (reply.status >= 200 && reply.status < 300) accepted.push(request);
        res.writeHead(reply.status, reply.headers ?? {});
        res.end();
      };
      if (reply.delayMs === undefined) answer();
      else {
        hanging.add(res);
        setTimeout(() => {
          hanging.delete(res);
          answer();
        }, reply.delayMs);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = portOf(server);
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${bound}/hook`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** A port that nothing listens on (bound briefly, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = portOf(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls until `check` is true; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Server is not listening on TCP');
  return address.port;
}
