import type { IncomingHttpHeaders } from 'node:http';
import type { Request, Response } from 'restify';
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { ResilienceConfig } from '../config.js';
import type { Logger } from '../log.js';
import { checkActivityShape } from './activityShape.js';
import type { MfaAdapter } from './adapter.js';
import { FAULT_REPLIES } from '../content/faults.js';
import { withTimeout } from './faults.js';
import type { InFlight } from './inFlight.js';
import { RateLimiter } from './rateLimit.js';
import { readJsonBody } from './readBody.js';
import type { TurnGuard } from './turnGuard.js';

export interface MessagesDeps {
  readonly adapter: MfaAdapter;
  readonly runTurn: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  readonly resilience: ResilienceConfig;
  readonly inFlight: InFlight;
  /** The adapter's first middleware: per-conversation limit and turn time budget (deadline set here). */
  readonly turnGuard: TurnGuard;
  /** No credentials: requests are not authenticated, so replies may only go to this machine. */
  readonly localMode: boolean;
}

/** Longest the token check may take: the SDK may fetch OpenID metadata from the internet for it. */
const AUTH_TIMEOUT_MS = 5000;
/** On top of the turn's budget, time for the turn error handler to answer before the server gives up. */
const ANSWER_GRACE_MS = 1500;

type Json = Record<string, unknown>;

function isJsonObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checked by checkActivityShape: a JSON object with the fields the Bot Framework needs, correctly typed. */
function isActivity(v: Json): v is Json & Activity {
  return checkActivityShape(v).ok;
}

/** As the SDK's own request handling does: keep the raw timestamp strings and parse them. */
function fixTimestamps(body: Json): void {
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = body[field];
    if (typeof value === 'string') {
      body[raw] = value;
      body[field] = new Date(value);
    }
  }
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The address the per-address limit counts, or undefined for none: traffic from this machine
 * itself (a local reverse proxy, a health check, a benchmark) is not limited, because behind a
 * local proxy without TRUST_PROXY every user would share one loopback address.
 *
 * With TRUST_PROXY, the address is the X-Forwarded-For entry `hops` from the right: each proxy
 * appends the address it saw, so that entry was written by our own nearest proxy; anything to its
 * left was written by the client and could name anyone (or change on every request).
 */
export function clientAddress(req: { readonly headers: IncomingHttpHeaders; readonly socket: { readonly remoteAddress?: string | undefined } }, trustProxy: boolean, hops = 1): string | undefined {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const entries = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    const chosen = entries.length === 0 ? undefined : entries[Math.max(0, entries.length - hops)];
    // Azure App Service adds the client's port to IPv4 addresses ("203.0.113.7:51234").
    if (chosen !== undefined) return /^[\d.]+:\d+$/.test(chosen) ? chosen.slice(0, chosen.lastIndexOf(':')) : chosen;
  }
  const remote = req.socket.remoteAddress ?? 'unknown';
  return LOOPBACK.test(remote) ? undefined : remote;
}

/**
 * Checks before the body is read: the Bot Framework and the /chat bridge post `application/json`
 * (a web page can post `text/plain` to any address without asking first, so that is refused: 415),
 * and a browser request must come from this server's own pages (an Origin naming another site: 403).
 */
function refuseRequest(req: Request): { status: 403 | 415; reason: string } | undefined {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, reason: 'content-type must be application/json' };
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, req.headers.host)) return { status: 403, reason: 'requests from other sites are not accepted' };
  return undefined;
}

function isOwnOrigin(origin: string, host: string | undefined): boolean {
  try {
    const url = new URL(origin);
    return host !== undefined && (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
  } catch {
    return false;
  }
}

const LOCAL_HOSTS = new Set(['localhost', '[::1]']);

/**
 * Local mode's check of an activity's serviceUrl: http(s) to localhost, 127.0.0.0/8 or [::1], where
 * the Emulator, `npm run chat`'s bridge and local tests listen. None at all is fine too (replies then
 * only go back in the HTTP answer, expectReplies). Verdicts are kept for at most 64 addresses (a
 * flood of new ones only empties the list): a client sends the same one every time, and parsing it
 * was 1% of a turn under load.
 */
function localServiceUrlCheck(): (serviceUrl: unknown) => boolean {
  const verdicts = new Map<string, boolean>();
  return (serviceUrl) => {
    if (serviceUrl === undefined) return true;
    if (typeof serviceUrl !== 'string') return false;
    const known = verdicts.get(serviceUrl);
    if (known !== undefined) return known;
    if (verdicts.size >= 64) verdicts.clear();
    const verdict = parsesAsLocal(serviceUrl);
    verdicts.set(serviceUrl, verdict);
    return verdict;
  };
}

function parsesAsLocal(serviceUrl: string): boolean {
  try {
    const url = new URL(serviceUrl);
    return (url.protocol === 'http:' || url.protocol === 'https:') && (LOCAL_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname));
  } catch {
    return false;
  }
}

function send(res: Response, status: number, body?: object): void {
  if (res.headersSent) return;
  res.setHeader('Cache-Control', 'no-store');
  if (body === undefined) {
    res.status(status);
    res.end();
  } else {
    res.send(status, body);
  }
}

class RequestDeadlineError extends Error {
  override readonly name = 'RequestDeadlineError';
}

/**
 * POST /api/messages: per-address rate limit (429 + Retry-After) → body limit (413) → JSON and
 * activity checks (400) → token check (401) → the turn, with a time budget and a per-conversation
 * rate limit (a kind message in chat; both in TurnGuard, the adapter's first middleware). Every request gets a well-formed answer within
 * TURN_TIMEOUT_MS + 1.5 s of its body arriving; shutting down, new requests get 503.
 */
export function createMessagesHandler(deps: MessagesDeps) {
  const { logger, resilience, inFlight, adapter } = deps;
  const perIp = new RateLimiter({ perMinute: resilience.ratePerIpPerMinute });
  const isLocalServiceUrl = localServiceUrlCheck();

  async function handleActivity(req: Request, body: Json & Activity, started: number): Promise<{ status: number; body?: object }> {
    fixTimestamps(body);
    const header = req.headers.authorization;
    const auth = await adapter.authenticate(body, typeof header === 'string' ? header : '', Math.min(AUTH_TIMEOUT_MS, resilience.turnTimeoutMs));
    if (!auth.ok) {
      logger.info({ event: 'request_rejected', status: 401, reason: auth.reason }, 'not authorised');
      return { status: 401, body: { error: 'unauthorized' } };
    }
    deps.turnGuard.setDeadline(body, started + resilience.turnTimeoutMs);
    const invoke = await adapter.run(auth.result, body, deps.runTurn);
    const status = invoke?.status ?? 200;
    // The SDK answers 501 to invoke names this bot does not handle: that is the caller's mistake, not a server fault.
    if (body.type === ActivityTypes.Invoke && status === 501) return { status: 400, body: { error: 'unsupported invoke' } };
    const answer: unknown = invoke?.body;
    return isJsonObject(answer) || Array.isArray(answer) ? { status, body: answer } : { status };
  }

  return async (req: Request, res: Response): Promise<void> => {
    if (inFlight.draining) {
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '5');
      send(res, 503, { error: 'shutting down' });
      return;
    }
    const address = clientAddress(req, resilience.trustProxy, resilience.trustProxyHops);
    const taken = address === undefined ? { ok: true as const } : perIp.take(address);
    if (!taken.ok) {
      if (taken.firstRefusal) logger.info({ event: 'rate_limited', scope: 'address', retryAfterSeconds: taken.retryAfterSeconds }, 'client address over its rate limit');
      res.setHeader('Retry-After', String(taken.retryAfterSeconds));
      send(res, 429, { error: `too many requests: try again in ${taken.retryAfterSeconds} s` });
      return;
    }
    const refused = refuseRequest(req);
    if (refused !== undefined) {
      logger.info({ event: 'request_rejected', status: refused.status, reason: refused.reason }, 'refused');
      req.resume();
      send(res, refused.status, { error: refused.reason });
      return;
    }
    const done = inFlight.begin();
    try {
      const body = await readJsonBody(req, deps.maxBodyBytes);
      if (!body.ok) {
        logger.info({ event: 'request_rejected', status: body.status, reason: body.reason }, 'bad request');
        send(res, body.status, { error: body.reason });
        return;
      }
      const shape = checkActivityShape(body.value);
      if (!shape.ok || !isJsonObject(body.value) || !isActivity(body.value)) {
        const reason = shape.ok ? 'not an activity' : shape.reason;
        logger.info({ event: 'request_rejected', status: 400, reason }, 'not an activity');
        send(res, 400, { error: reason });
        return;
      }
      if (deps.localMode && !isLocalServiceUrl(body.value.serviceUrl)) {
        logger.info({ event: 'request_rejected', status: 400, reason: 'serviceUrl not local' }, 'not an activity for local mode');
        send(res, 400, { error: 'without credentials the bot only answers to this machine: serviceUrl must be a localhost address' });
        return;
      }
      const started = performance.now();
      const deadline = resilience.turnTimeoutMs + ANSWER_GRACE_MS;
      const answer = await withTimeout(handleActivity(req, body.value, started), deadline, () => new RequestDeadlineError());
      send(res, answer.status, answer.body);
      if (logger.isLevelEnabled('debug')) {
        logger.debug({ event: 'turn', activityType: body.value.type, channelId: body.value.channelId, status: answer.status, ms: Math.round(performance.now() - started) }, 'answered');
      }
    } catch (error) {
      if (error instanceof RequestDeadlineError) {
        logger.warn({ event: 'request_deadline', afterMs: resilience.turnTimeoutMs + ANSWER_GRACE_MS }, 'no answer in time');
        res.setHeader('Retry-After', '5');
        send(res, 503, { error: 'the bot did not answer in time; try again', activities: [{ type: 'message', text: FAULT_REPLIES.timeout }] });
      } else {
        logger.error({ event: 'process_failed', error: error instanceof Error ? error.name : 'unknown' }, 'activity processing failed');
        send(res, 500, { error: 'internal error' });
      }
    } finally {
      done();
    }
  };
}
