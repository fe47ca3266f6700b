import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConnectionStatus,
  createExpectRepliesBridge,
  type BridgeActivity,
  type ConnectionStatusValue,
  type ExpectRepliesBridge,
} from '../web/chat/bridge.js';
import type { Subscribable } from '../web/chat/observable.js';

type Received = Record<string, unknown>;

/**
 * A stand-in bot on loopback that answers like botbuilder does for expectReplies:
 * 200 with `{ activities: [...] }` in the body.
 */
class FakeBot {
  readonly received: Received[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** What to answer; default: greet new members, echo text, acknowledge card values. */
  answer: (activity: Received) => { status: number; body: string } | Promise<{ status: number; body: string }> = (a) =>
    defaultAnswer(a);
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('the fake bot has no port');
    return `http://127.0.0.1:${address.port}/api/messages`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const parsed: unknown = JSON.parse(raw);
    const activity: Received = typeof parsed === 'object' && parsed !== null ? { ...parsed } : {};
    this.received.push({ ...activity, _method: req.method, _url: req.url, _contentType: req.headers['content-type'] });
    const { status, body } = await this.answer(activity);
    this.inFlight--;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  }
}

function reply(activity: Received, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    from: activity.recipient,
    recipient: activity.from,
    conversation: activity.conversation,
    replyToId: activity.id,
    ...extra,
  };
}

function defaultAnswer(activity: Received): { status: number; body: string } {
  const activities: Record<string, unknown>[] = [];
  if (activity.type === 'conversationUpdate') {
    activities.push(reply(activity, { text: 'Hello, I am the MFA Assistant' }));
  } else if (activity.type === 'message' && activity.value !== undefined) {
    activities.push(reply(activity, { text: `You pressed ${JSON.stringify(activity.value)}` }));
  } else if (activity.type === 'message') {
    activities.push({ type: 'typing', from: activity.recipient });
    activities.push(reply(activity, { text: `You said: ${String(activity.text)}` }));
    activities.push(reply(activity, { text: 'Anything else?' }));
    activities.push({ type: 'trace', name: 'debug', from: activity.recipient });
  }
  return { status: 200, body: JSON.stringify({ activities }) };
}

/** Collects everything a stream emits. */
function collect<T>(stream: Subscribable<T>): { values: T[]; done: () => boolean } {
  const values: T[] = [];
  let completed = false;
  stream.subscribe({ next: (v) => values.push(v), complete: () => (completed = true) });
  return { values, done: () => completed };
}

/** Resolves with the first value, rejects on error. */
function once<T>(stream: Subscribable<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const sub = stream.subscribe({
      next: (v) => {
        resolve(v);
        queueMicrotask(() => sub.unsubscribe());
      },
      error: reject,
    });
  });
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

const texts = (activities: BridgeActivity[]): unknown[] => activities.filter((a) => a.type === 'message').map((a) => a.text);

describe('Web Chat bridge over expectReplies', () => {
  let bot: FakeBot;
  let endpoint: string;
  let bridge: ExpectRepliesBridge;

  beforeEach(async () => {
    bot = new FakeBot();
    endpoint = await bot.start();
    bridge = createExpectRepliesBridge({ endpoint, user: { id: 'user-1', name: 'Sam' } });
  });

  afterEach(async () => {
    bridge.end();
    await bot.stop();
  });

  it('joins with a conversationUpdate, goes online and shows the greeting', async () => {
    const status = collect(bridge.connectionStatus$);
    expect(status.values).toEqual([ConnectionStatus.Uninitialized]);

    const activities = collect(bridge.activity$);
    await until(() => activities.values.length === 1);

    expect(status.values).toEqual<ConnectionStatusValue[]>([0, 1, 2]);
    expect(bot.received).toHaveLength(1);
    const joined = bot.received[0];
    expect(joined).toMatchObject({
      _method: 'POST',
      _url: '/api/messages',
      _contentType: 'application/json',
      type: 'conversationUpdate',
      deliveryMode: 'expectReplies',
      channelId: 'webchat',
      conversation: { id: bridge.conversationId },
      from: { id: 'user-1', name: 'Sam', role: 'user' },
      recipient: { id: 'mfa-assistant', name: 'MFA Assistant', role: 'bot' },
      membersAdded: [{ id: 'user-1', name: 'Sam' }],
    });
    expect(joined?.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:9\//);

    const greeting = activities.values[0];
    expect(greeting).toMatchObject({
      type: 'message',
      text: 'Hello, I am the MFA Assistant',
      from: { id: 'mfa-assistant', role: 'bot' },
      conversation: { id: bridge.conversationId },
    });
    expect(typeof greeting?.id).toBe('string');
    expect(typeof greeting?.timestamp).toBe('string');
  });

  it('replays what was said to a late subscriber (Web Chat subscribes again once online)', async () => {
    const first = collect(bridge.activity$);
    await until(() => first.values.length === 1);
    const late = collect(bridge.activity$);
    expect(texts(late.values)).toEqual(['Hello, I am the MFA Assistant']);
    expect(bot.received).toHaveLength(1);
  });

  it('posts a message, echoes it and emits every reply in order', async () => {
    const activities = collect(bridge.activity$);
    await until(() => activities.values.length === 1);

    const sent = { type: 'message', text: 'hello', channelData: { clientActivityID: 'c-1' }, from: { id: 'user-1', role: 'user' } };
    const id = await once(bridge.postActivity(sent));

    const received = bot.received[1];
    expect(received).toMatchObject({
      type: 'message',
      text: 'hello',
      deliveryMode: 'expectReplies',
      conversation: { id: bridge.conversationId },
      from: { id: 'user-1', role: 'user' },
      channelData: { clientActivityID: 'c-1' },
      id,
    });

    const after = activities.values.slice(1);
    expect(after.map((a) => a.type)).toEqual(['message', 'typing', 'message', 'message']); // trace dropped
    const echo = after[0];
    expect(echo).toMatchObject({ id, text: 'hello', channelData: { clientActivityID: 'c-1' }, from: { role: 'user' } });
    expect(echo).not.toHaveProperty('deliveryMode');
    expect(texts(after)).toEqual(['hello', 'You said: hello', 'Anything else?']);
    expect(after[2]?.replyToId).toBe(id);

    const times = activities.values.map((a) => Date.parse(String(a.timestamp)));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
    expect(new Set(activities.values.map((a) => a.id)).size).toBe(activities.values.length);
  });

  it('forwards card button presses (message with value) to the bot', async () => {
    const activities = collect(bridge.activity$);
    await until(() => activities.values.length === 1);
    await once(bridge.postActivity({ type: 'message', value: { action: 'enrol', step: 2 }, channelData: { postBack: true } }));
    expect(bot.received[1]).toMatchObject({ type: 'message', value: { action: 'enrol', step: 2 } });
    expect(texts(activities.values).at(-1)).toBe('You pressed {"action":"enrol","step":2}');
  });

  it('keeps one conversation id per bridge, and a new one per page', async () => {
    const activities = collect(bridge.activity$);
    await until(() => activities.values.length === 1);
    await once(bridge.postActivity({ type: 'message', text: 'one' }));
    await once(bridge.postActivity({ type: 'message', text: 'two' }));
    const conversationIdOf = (a: Received): unknown =>
      typeof a.conversation === 'object' && a.conversation !== null ? Reflect.get(a.conversation, 'id') : undefined;
    const ids = new Set(bot.received.map(conversationIdOf));
    expect(ids).toEqual(new Set([bridge.conversationId]));

    const other = createExpectRepliesBridge({ endpoint, user: { id: 'user-2', name: 'Alex' } });
    expect(other.conversationId).not.toBe(bridge.conversationId);
    expect(other.conversationId).toMatch(/^webchat-bridge-[0-9a-f]{32}$/);
    other.end();
  });

  it('sends one request at a time, in the order posted', async () => {
    const activities = collect(bridge.activity$);
    await until(() => activities.values.length === 1);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    bot.answer = async (a) => {
      if (a.text === 'first') await gate;
      return defaultAnswer(a);
    };
    const first = once(bridge.postActivity({ type: 'message', text: 'first' }));
    const second = once(bridge.postActivity({ type: 'message', text: 'second' }));
    await until(() => bot.received.length === 2);
    release();
    await Promise.all([first, second]);
    expect(bot.received.map((a) => a.text)).toEqual([undefined, 'first', 'second']);
    expect(bot.maxInFlight).toBe(1);
    expect(texts(activities.values).slice(1)).toEqual([
      'first',
      'You said: first',
      'Anything else?',
      'second',
      'You said: second',
      'Anything else?',
    ]);
  });

  it('fails a post when the bot answers with an error, without echoing it', async () => {
    const activities = collect(bridge.activity$);
    await until(() => activities.values.length === 1);
    bot.answer = () => ({ status: 500, body: '' });
    await expect(once(bridge.postActivity({ type: 'message', text: 'lost' }))).rejects.toThrow(/500/);
    expect(texts(activities.values)).toEqual(['Hello, I am the MFA Assistant']);

    bot.answer = defaultAnswer;
    await once(bridge.postActivity({ type: 'message', text: 'retry' }));
    expect(texts(activities.values).slice(1, 2)).toEqual(['retry']);
  });

  it('reports FailedToConnect when the bot cannot be reached', async () => {
    await bot.stop();
    const offline = createExpectRepliesBridge({ endpoint, user: { id: 'user-1', name: 'Sam' } });
    const status = collect(offline.connectionStatus$);
    collect(offline.activity$);
    await until(() => status.values.includes(ConnectionStatus.FailedToConnect));
    expect(status.values).toEqual([0, 1, 4]);
    offline.end();
  });

  it('ends: status Ended, activity$ completes, later posts fail', async () => {
    const status = collect(bridge.connectionStatus$);
    const activities = collect(bridge.activity$);
    await until(() => activities.values.length === 1);
    bridge.end();
    expect(status.values.at(-1)).toBe(ConnectionStatus.Ended);
    expect(activities.done()).toBe(true);
    await expect(once(bridge.postActivity({ type: 'message', text: 'too late' }))).rejects.toThrow(/ended/);
    expect(bot.received).toHaveLength(1);
  });
});
