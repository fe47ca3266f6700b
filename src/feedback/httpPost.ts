import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PostResponse {
  readonly status: number;
  /** The Retry-After header as sent, if any. */
  readonly retryAfter: string | null;
}

export interface PostRequest {
  readonly url: URL;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Give up after this long (whole exchange, not idle time). */
  readonly timeoutMs: number;
  /** Aborts the request early (shutdown). */
  readonly signal?: AbortSignal;
}

/** Sends one POST; resolves with the status, rejects on network failure, timeout or abort. */
export type PostFn = (request: PostRequest) => Promise<PostResponse>;

export class PostTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no response within ${timeoutMs} ms`);
    this.name = 'PostTimeoutError';
  }
}

export class PostAbortedError extends Error {
  constructor() {
    super('request interrupted by shutdown');
    this.name = 'PostAbortedError';
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/** Node's http/https, no redirects followed, response body read and discarded (up to 64 KB kept). */
export const postWithNode: PostFn = ({ url, body, headers, timeoutMs, signal }) =>
  new Promise<PostResponse>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new PostAbortedError());
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const req = send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'mfa-assistant-feedback/1',
        ...headers,
      },
    });
    const timer = setTimeout(() => {
      const error = new PostTimeoutError(timeoutMs);
      finish(() => reject(error));
      req.destroy(error);
    }, timeoutMs);
    const onAbort = (): void => {
      const error = new PostAbortedError();
      finish(() => reject(error));
      req.destroy(error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const retryAfter = header(res.headers, 'retry-after');
      res.on('data', () => undefined);
      res.on('error', () => undefined);
      res.on('end', () => finish(() => resolve({ status, retryAfter })));
      res.on('close', () => finish(() => resolve({ status, retryAfter })));
    });
    req.on('error', (error) => finish(() => reject(error)));
    req.end(body);
  });
