/**
 * The ways a turn can fail that are not a bug in a conversation, each with its own error class so
 * the turn error handler can answer the user kindly and leave their place alone.
 */

/** Storage could not be reached, failed, or did not answer in time. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(readonly operation: 'read' | 'write' | 'delete', readonly reason: 'timeout' | 'failed') {
    super(`storage ${operation} ${reason === 'timeout' ? 'timed out' : 'failed'}`);
  }
}

/**
 * Another turn in the same conversation saved first: this turn's write failed its ETag check, so
 * its changes were not saved and the other turn's stand.
 */
export class StorageConflictError extends Error {
  override readonly name = 'StorageConflictError';
  constructor() {
    super('state changed by another turn (ETag check failed)');
  }
}

/** The turn ran past its time budget. */
export class TurnTimeoutError extends Error {
  override readonly name = 'TurnTimeoutError';
  constructor(readonly afterMs: number) {
    super(`turn took longer than ${afterMs} ms`);
  }
}

export type FaultKind = 'storage-unavailable' | 'conflict' | 'timeout' | 'connector' | 'bug';

/** Network failures reaching the Teams connector (or any HTTP service a turn calls). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'REQUEST_SEND_ERROR']);

function property(error: object, name: string): unknown {
  return name in error ? Reflect.get(error, name) : undefined;
}

/**
 * A passing failure of the channel's connector: throttled (429), failing (5xx), or not reachable.
 * The user's place is kept and trying again works once the connector answers.
 */
export function isConnectorFault(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const status = property(error, 'statusCode');
  if (typeof status === 'number' && (status === 429 || (status >= 500 && status <= 599))) return true;
  const code = property(error, 'code');
  return typeof code === 'string' && NETWORK_CODES.has(code);
}

/** What kind of failure this is; looks inside the wrapper botbuilder-dialogs puts round errors thrown in a dialog, and at an error's cause. */
export function faultKind(error: unknown, depth = 0): FaultKind {
  if (error instanceof StorageUnavailableError) return 'storage-unavailable';
  if (error instanceof StorageConflictError) return 'conflict';
  if (error instanceof TurnTimeoutError) return 'timeout';
  if (isConnectorFault(error)) return 'connector';
  if (depth < 3 && error instanceof Error && 'error' in error) return faultKind(error.error, depth + 1);
  if (depth < 3 && error instanceof Error && error.cause !== undefined) return faultKind(error.cause, depth + 1);
  return 'bug';
}

/** True for the errors MemoryStorage and BlobsStorage throw when an ETag check fails (HTTP 412 from Azure). */
export function isETagConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const status = 'statusCode' in error ? error.statusCode : undefined;
  if (status === 412) return true;
  return error instanceof Error && /etag conflict/i.test(error.message);
}

/**
 * Resolves or rejects like `work`, or rejects with `onTimeout()` after `ms`. The work is not
 * cancelled (JavaScript cannot), but its late failure is swallowed so it cannot crash the process.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      work.catch(() => undefined);
      reject(onTimeout());
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
