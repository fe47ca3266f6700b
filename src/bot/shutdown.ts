import type { Server } from 'restify';
import type { Logger } from '../log.js';
import type { InFlight } from './inFlight.js';

export interface Stoppable {
  readonly server: Server;
  readonly inFlight: InFlight;
  /** Stops taking requests, lets the turns in flight finish, flushes, closes what it holds. */
  stop(): Promise<void>;
}

export interface ShutdownDeps {
  readonly app: Stoppable;
  readonly logger: Logger;
  /** The whole stop, from the signal to exit. */
  readonly deadlineMs: number;
  readonly exit: (code: number) => void;
}

/**
 * Graceful stop on a signal: the app stops accepting connections, turns away new requests on open
 * ones (503, Connection: close; /healthz says "stopping"), lets the requests in flight finish
 * (each is bounded by TURN_TIMEOUT_MS + 1.5 s), flushes, and the process exits 0. If something
 * still hangs at the deadline, it exits anyway so the platform's own kill never has to.
 */
export function createShutdown(deps: ShutdownDeps): (signal: string) => void {
  let stopping = false;
  return (signal) => {
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    const { logger, app } = deps;
    quietly(() => logger.info({ event: 'stopping', signal, inFlight: app.inFlight.active }, 'shutting down'));
    const force = setTimeout(() => {
      quietly(() => logger.warn({ event: 'stop_forced', inFlight: app.inFlight.active }, 'stop deadline reached'));
      deps.exit(0);
    }, deps.deadlineMs);
    force.unref();
    app.stop().then(
      () => {
        quietly(() => logger.info({ event: 'stopped', ms: Math.round(performance.now() - started) }, 'stopped'));
        deps.exit(0);
      },
      (error: unknown) => {
        quietly(() => logger.error({ event: 'stop_failed', error: error instanceof Error ? error.name : 'unknown' }, 'stop failed'));
        deps.exit(1);
      },
    );
  };
}

/** Logging must never stop the process from exiting: a log call that throws is ignored here. */
function quietly(log: () => void): void {
  try {
    log();
  } catch {
    // nothing more to do: the exit matters more than the line
  }
}
