import { pino, type Logger, type DestinationStream } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/**
 * Structured JSON logs. Callers log events and ids, never message text, secrets or personal data;
 * the redact list is a second line of defence for fields that must never appear.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'mfa-assistant' },
    redact: {
      paths: [
        'text', '*.text', 'value', '*.value', 'password', '*.password', 'authorization', '*.authorization', 'headers', '*.headers',
        'secret', '*.secret', 'code', '*.code', 'token', '*.token', 'connectionString', '*.connectionString', 'appPassword', '*.appPassword',
      ],
      censor: '[redacted]',
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
