import { fromPromise, ReplaySubject, type Subscribable } from './observable.js';

/**
 * A DirectLineJS-compatible connection for Web Chat that talks to the bot directly over
 * `POST /api/messages` with `deliveryMode: "expectReplies"`: the bot answers each activity in the
 * HTTP response body (`{ activities: [...] }`), so nothing leaves the machine and no Direct Line
 * service is involved. The bridge plays the channel's part: it gives activities ids, timestamps
 * and the conversation, echoes the user's activities back (Web Chat waits for that) and sends
 * one request at a time, so the bot sees turns in order.
 *
 * Only for a bot running without credentials (the server decides whether to offer it).
 * Works in the browser and in Node (fetch and randomness are injectable).
 */

/** DirectLineJS' ConnectionStatus values, which Web Chat switches on. */
export const ConnectionStatus = {
  Uninitialized: 0,
  Connecting: 1,
  Online: 2,
  ExpiredToken: 3,
  FailedToConnect: 4,
  Ended: 5,
} as const;
export type ConnectionStatusValue = (typeof ConnectionStatus)[keyof typeof ConnectionStatus];

export interface ChannelAccount {
  readonly id: string;
  readonly name?: string;
  readonly role?: string;
}

/** A Bot Framework activity, loosely: what the bridge reads is typed, the rest passes through. */
export interface BridgeActivity {
  readonly type: string;
  readonly id?: string;
  readonly [key: string]: unknown;
}

export interface HttpResponseLike {
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}

/** The part of `fetch` the bridge uses (both the browser's and Node's fit). */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<HttpResponseLike>;

export interface ExpectRepliesBridgeOptions {
  /** Where the bot listens, e.g. "/api/messages" (relative to the page) or an absolute URL. */
  readonly endpoint: string;
  /** The person chatting; pass the same id to Web Chat as `userID`. */
  readonly user: { readonly id: string; readonly name: string };
  readonly bot?: { readonly id: string; readonly name: string };
  /** Defaults to a random id, stable for the life of the bridge (one page). */
  readonly conversationId?: string;
  /**
   * Goes into each activity because the Bot Framework requires one. With expectReplies the bot
   * never calls it; the default is a loopback discard address so a stray call goes nowhere.
   */
  readonly serviceUrl?: string;
  readonly fetch?: FetchLike;
  /** Random hex-ish ids; defaults to crypto.getRandomValues. */
  readonly randomId?: () => string;
  /** Epoch ms, for activity timestamps. */
  readonly now?: () => number;
}

export const DEFAULT_SERVICE_URL = 'http://127.0.0.1:9/webchat-bridge';
export const DEFAULT_BOT = { id: 'mfa-assistant', name: 'MFA Assistant' } as const;

/** Activity types a channel would not show a user. */
const NOT_FOR_THE_USER = new Set(['trace', 'invokeResponse', 'delay']);

function randomHex(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isActivity(value: unknown): value is BridgeActivity {
  return isRecord(value) && typeof value.type === 'string';
}

function isChannelAccount(value: unknown): value is ChannelAccount {
  return isRecord(value) && typeof value.id === 'string';
}

/** The activities in an expectReplies response body; an empty body means none. */
export function parseExpectedReplies(body: string): BridgeActivity[] {
  if (body.trim() === '') return [];
  const parsed: unknown = JSON.parse(body);
  if (!isRecord(parsed)) throw new Error('The bot answered with something other than a JSON object');
  const { activities } = parsed;
  if (activities === undefined) return [];
  if (!Array.isArray(activities)) throw new Error('The bot answered with "activities" that is not a list');
  return activities.filter(isActivity);
}

export class ExpectRepliesBridge {
  /** Everything the user sent (echoed) and the bot replied, replayed to each new subscriber. */
  readonly activity$: Subscribable<BridgeActivity>;
  /** Current ConnectionStatus to each new subscriber, then changes (like a BehaviorSubject). */
  readonly connectionStatus$: Subscribable<ConnectionStatusValue>;

  readonly conversationId: string;
  readonly user: ChannelAccount;
  readonly bot: ChannelAccount;

  private readonly activities = new ReplaySubject<BridgeActivity>(Infinity);
  private readonly status = new ReplaySubject<ConnectionStatusValue>(1);
  private readonly endpoint: string;
  private readonly serviceUrl: string;
  private readonly fetch: FetchLike;
  private readonly randomId: () => string;
  private readonly now: () => number;
  private queue: Promise<unknown> = Promise.resolve();
  private lastTimestamp = 0;
  private started = false;

  constructor(options: ExpectRepliesBridgeOptions) {
    this.endpoint = options.endpoint;
    this.user = { id: options.user.id, name: options.user.name, role: 'user' };
    this.bot = { ...(options.bot ?? DEFAULT_BOT), role: 'bot' };
    this.randomId = options.randomId ?? randomHex;
    this.now = options.now ?? Date.now;
    this.conversationId = options.conversationId ?? `webchat-bridge-${this.randomId()}`;
    this.serviceUrl = options.serviceUrl ?? DEFAULT_SERVICE_URL;
    this.fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.status.next(ConnectionStatus.Uninitialized);

    // Like DirectLineJS, the connection starts when someone first listens for activities.
    this.activity$ = {
      subscribe: (...args) => {
        this.start();
        return this.activities.subscribe(...args);
      },
    };
    this.connectionStatus$ = this.status;
  }

  /**
   * Sends one activity from Web Chat to the bot. Emits the activity's id once the bot has
   * answered (its echo and the replies are then already in activity$), or an error.
   */
  postActivity(activity: BridgeActivity): Subscribable<string> {
    this.start();
    if (this.status.ended) return fromPromise(Promise.reject(new Error('The connection has ended')));
    const id = this.newId();
    const { deliveryMode: _ignored, ...rest } = activity;
    return fromPromise(
      this.enqueue(async () => {
        // Stamped when its turn comes, so it sorts after the replies to earlier activities.
        const outgoing: BridgeActivity = {
          ...rest,
          id,
          timestamp: this.nextTimestamp(),
          channelId: 'webchat',
          serviceUrl: this.serviceUrl,
          conversation: { id: this.conversationId },
          from: this.user,
          recipient: this.bot,
        };
        const replies = await this.exchange(outgoing);
        this.emit(outgoing);
        for (const reply of replies) this.emit(this.fromBot(reply, id));
        return id;
      }),
    );
  }

  /** Stops the connection: status Ended, activity$ completes, later posts fail. */
  end(): void {
    if (this.status.ended) return;
    this.status.next(ConnectionStatus.Ended);
    this.status.complete();
    this.activities.complete();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.status.next(ConnectionStatus.Connecting);
    const joined: BridgeActivity = {
      type: 'conversationUpdate',
      id: this.newId(),
      timestamp: this.nextTimestamp(),
      channelId: 'webchat',
      serviceUrl: this.serviceUrl,
      conversation: { id: this.conversationId },
      from: this.user,
      recipient: this.bot,
      membersAdded: [{ id: this.user.id, name: this.user.name }],
    };
    void this.enqueue(async () => {
      try {
        const replies = await this.exchange(joined);
        if (this.status.ended) return;
        this.status.next(ConnectionStatus.Online);
        for (const reply of replies) this.emit(this.fromBot(reply, joined.id));
      } catch {
        if (!this.status.ended) this.status.next(ConnectionStatus.FailedToConnect);
      }
    });
  }

  /** One request at a time, in order; a failure does not block the next. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async exchange(activity: BridgeActivity): Promise<BridgeActivity[]> {
    if (this.status.ended) throw new Error('The connection has ended');
    const response = await this.fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, deliveryMode: 'expectReplies' }),
    });
    if (!response.ok) throw new Error(`The bot answered HTTP ${response.status}`);
    return parseExpectedReplies(await response.text());
  }

  /** A reply as a channel would deliver it: our id, timestamp and conversation, from the bot. */
  private fromBot(reply: BridgeActivity, replyToId: string | undefined): BridgeActivity {
    const from = isChannelAccount(reply.from) ? { ...reply.from, role: reply.from.role ?? 'bot' } : this.bot;
    return {
      ...reply,
      id: this.newId(),
      timestamp: this.nextTimestamp(),
      channelId: 'webchat',
      conversation: { id: this.conversationId },
      from,
      recipient: this.user,
      ...(typeof reply.replyToId === 'string' || replyToId === undefined ? {} : { replyToId }),
    };
  }

  private emit(activity: BridgeActivity): void {
    if (NOT_FOR_THE_USER.has(activity.type)) return;
    this.activities.next(activity);
  }

  private newId(): string {
    return `${this.conversationId}|${this.randomId()}`;
  }

  /** ISO timestamps that never go backwards, so Web Chat keeps the order we emit in. */
  private nextTimestamp(): string {
    this.lastTimestamp = Math.max(this.now(), this.lastTimestamp + 1);
    return new Date(this.lastTimestamp).toISOString();
  }
}

export function createExpectRepliesBridge(options: ExpectRepliesBridgeOptions): ExpectRepliesBridge {
  return new ExpectRepliesBridge(options);
}
