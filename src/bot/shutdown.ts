import type { Server } from 'restify';
import type { Logger } from '../log.js';
import type { InFlight } from './inFlight.js';

export interface ShutdownDeps {
  readonly server: Server;
  readonly inFlight: InFlight;
  readonly logger: Logger;
  /** Work to finish after the last request is answered (e.g. flushing an outbox), each given what time is left. */
  readonly flush?: readonly ((timeLeftMs: number) => Promise<void>)[];
  /** The whole stop, from the signal to exit. */
  readonly deadlineMs: number;
  readonly exit: (code: number) => void;
}

/**
 * Graceful stop: stop accepting connections, turn away new requests on open ones (503,
 * Connection: close; /healthz says "stopping"), let the requests in flight finish (each is bounded
 * by TURN_TIMEOUT_MS + 1.5 s), flush, close what is left, exit 0. If something still hangs at the
 * deadline, exit anyway so the platform's own kill never has to.
 */
export function createShutdown(deps: ShutdownDeps): (signal: string) => void {
  let stopping = false;
  return (signal) => {
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    const { logger, server, inFlight } = deps;
    logger.info({ event: 'stopping', signal, inFlight: inFlight.active }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn({ event: 'stop_forced', inFlight: inFlight.active }, 'stop deadline reached');
      deps.exit(0);
    }, deps.deadlineMs);
    force.unref();
    server.server.close();
    void (async () => {
      await inFlight.drain();
      for (const flush of deps.flush ?? []) {
        try {
          await flush(Math.max(0, deps.deadlineMs - (performance.now() - started) - 200));
        } catch (error) {
          logger.error({ event: 'flush_failed', error: error instanceof Error ? error.name : 'unknown' }, 'flush failed');
        }
      }
      server.server.closeAllConnections();
      logger.info({ event: 'stopped', ms: Math.round(performance.now() - started) }, 'stopped');
      deps.exit(0);
    })();
  };
}
