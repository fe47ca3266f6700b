import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server } from 'restify';

const REFUSAL = 'HTTP/1.1 426 Upgrade Required\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 35\r\n\r\nThis server does not upgrade HTTP.\n';

/** How long the 426 may take to be written before the socket is destroyed anyway. */
const WRITE_GRACE_MS = 1000;

/**
 * This server speaks plain HTTP only. Restify hands `Upgrade` requests (WebSocket and the like) to
 * an `upgrade` event nobody handles, which left each socket open for ever (CLOSE-WAIT), before any
 * auth check: a few hundred of them used up the file limit. Every upgrade request now gets 426 and
 * its socket is closed.
 */
export function refuseUpgrades(server: Server): void {
  server.server.on('upgrade', (_req: IncomingMessage, socket: Duplex) => {
    const timer = setTimeout(() => socket.destroy(), WRITE_GRACE_MS);
    timer.unref();
    socket.on('error', () => socket.destroy());
    socket.end(REFUSAL, () => {
      clearTimeout(timer);
      socket.destroy();
    });
  });
}
