import { destination as pinoDestination, pino, type Logger, type DestinationStream } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** Most log output held in memory while standard output is not being read; past it, lines are dropped. */
export const LOG_BUFFER_MAX_BYTES = 4 * 1024 * 1024;

export interface LogOutput {
  readonly stream: DestinationStream;
  /** Writes what is buffered, waiting at most `ms`; what cannot be written by then is dropped. Never throws. */
  flush(ms: number): Promise<void>;
}

/**
 * Standard output as the log destination, written without ever blocking the bot: lines are written
 * asynchronously, at most LOG_BUFFER_MAX_BYTES wait in memory when nobody reads standard output (a
 * stalled log collector, a parent that went away) and later lines are dropped, and the exit never
 * waits for a synchronous flush (pino's own exit hook would block for ever on a full pipe).
 */
export function stdoutLogOutput(maxBufferedBytes = LOG_BUFFER_MAX_BYTES): LogOutput {
  const boom = pinoDestination({ dest: 1, sync: false, minLength: 0, maxLength: maxBufferedBytes });
  // pino flushes synchronously when the process exits; on a pipe nobody reads that waits for ever.
  boom.flushSync = () => undefined;
  boom.on('error', () => undefined);
  // Bytes handed over and not yet written or dropped, so the exit knows whether to wait.
  let pending = 0;
  boom.on('write', (n: number) => (pending = Math.max(0, pending - n)));
  boom.on('drop', (data: string | Buffer) => (pending = Math.max(0, pending - Buffer.byteLength(data))));
  const stream: DestinationStream = {
    write: (line: string) => {
      pending += Buffer.byteLength(line);
      boom.write(line);
    },
  };
  return {
    stream,
    flush: (ms) =>
      new Promise<void>((resolve) => {
        if (pending === 0) return resolve();
        const done = () => {
          clearTimeout(timer);
          boom.off('drain', done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        timer.unref();
        boom.on('drain', done);
      }),
  };
}

/**
 * Structured JSON logs. Callers log events and ids, never message text, secrets or personal data;
 * the redact list is a second line of defence for fields that must never appear. A verification
 * code can only arrive where a user types (`text`) or fills a card (`value`), and both are
 * redacted wherever they are; a field named `code` is not, because that is where Azure and Node
 * put their error codes ("AuthenticationFailed", "ECONNREFUSED"), which operators need.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'mfa-assistant' },
    redact: {
      paths: [
        'text', '*.text', 'value', '*.value', 'password', '*.password', 'authorization', '*.authorization', 'headers', '*.headers',
        'secret', '*.secret', 'token', '*.token', 'connectionString', '*.connectionString', 'appPassword', '*.appPassword',
      ],
      censor: '[redacted]',
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
