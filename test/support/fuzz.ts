/**
 * Hostile request bodies for /api/messages, generated from a seed (so a failure can be replayed):
 * malformed JSON, wrong types, missing fields, huge strings, deep nesting, unknown activity and
 * invoke types, tampered card data, emoji and right-to-left text.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rnd = () => number;
function pick<T>(rnd: Rnd, items: readonly T[]): T {
  const item = items[Math.floor(rnd() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}
const int = (rnd: Rnd, max: number) => Math.floor(rnd() * max);

const TEXTS = [
  'hi', 'menu', 'help', 'cancel', 'continue', 'start over', 'set up MFA', 'my code doesn\'t work', '1', '2', '',
  '😀🔐📱👩🏽‍⚕️', 'مرحبا، أحتاج مساعدة في المصادقة', 'שלום עולם', '\u202eevil\u202c', 'a\u200db\u200dc', '\u0000\u0001\u001f',
  '<at>MFA Assistant</at> menu', '<script>alert(1)</script>', '${jndi:ldap://x}', '{{constructor.constructor("x")()}}',
  '\ud800', 'x'.repeat(9000), ' '.repeat(500), 'NEXT', 'Next', 'Set up MFA', 'Why MFA?', 'Fix a problem',
];

const ACTIVITY_TYPES = [
  'message', 'conversationUpdate', 'invoke', 'event', 'typing', 'messageReaction', 'installationUpdate', 'endOfConversation',
  'messageUpdate', 'messageDelete', 'contactRelationUpdate', 'deleteUserData', 'suggestion', 'trace', 'handoff', 'command',
  'commandResult', 'unknownType', 'MESSAGE', '💥', 'a'.repeat(64),
];

const INVOKE_NAMES = [
  'adaptiveCard/action', 'task/fetch', 'task/submit', 'composeExtension/query', 'composeExtension/fetchTask', 'signin/verifyState',
  'signin/tokenExchange', 'fileConsent/invoke', 'actionableMessage/executeAction', 'config/fetch', 'tab/fetch', 'healthCheck',
  'application/search', 'unknown/invoke', '', '__proto__',
];

const WEIRD_VALUES: unknown[] = [
  null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, '', 'x', [], [1, 2], {}, { a: 1 }, '😀', 'مرحبا', { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } }, 'x'.repeat(5000),
];

function deep(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { a: v } : [v];
  return v;
}

function base(rnd: Rnd, conversations: number, serviceUrl: string): Record<string, unknown> {
  return {
    type: 'message',
    id: `f${int(rnd, 1e9)}`,
    channelId: pick(rnd, ['emulator', 'msteams', 'webchat', 'directline', 'test']),
    from: { id: `fuzz-user-${int(rnd, 20)}`, name: pick(rnd, ['Ann', 'مريم', '😀', '']) },
    recipient: { id: 'bot', name: 'MFA Assistant' },
    conversation: { id: `fuzz-conv-${int(rnd, conversations)}`, ...(rnd() < 0.2 ? { conversationType: pick(rnd, ['personal', 'channel', 'groupChat', 'weird']) } : {}) },
    deliveryMode: 'expectReplies',
    serviceUrl,
  };
}

/** Button data as sent by real cards, tampered with. */
function tamper(rnd: Rnd, data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return pick(rnd, WEIRD_VALUES);
  const copy: Record<string, unknown> = { ...data };
  const keys = Object.keys(copy);
  switch (int(rnd, 6)) {
    case 0:
      if (keys.length > 0) copy[pick(rnd, keys)] = pick(rnd, WEIRD_VALUES);
      return copy;
    case 1:
      if (keys.length > 0) delete copy[pick(rnd, keys)];
      return copy;
    case 2:
      return { ...copy, [pick(rnd, ['action', 'flow', 'at', 'choice', 'conversation', 'problem', '__proto__', 'constructor'])]: pick(rnd, TEXTS) };
    case 3:
      return { ...copy, extra: deep(int(rnd, 200), 'x') };
    case 4:
      return { ...copy, flow: `${String(copy.flow ?? '')}${pick(rnd, ['x', '', '😀'])}` };
    default:
      return data;
  }
}

export interface FuzzCase {
  readonly kind: string;
  readonly body: string;
}

/**
 * `count` bodies over `conversations` conversation ids; `serviceUrl` is where the bot sends replies
 * to activities that are not expectReplies (a local fake channel).
 */
export function generateBodies(count: number, seed: number, buttonData: readonly unknown[], serviceUrl: string, conversations = 40): FuzzCase[] {
  const rnd = seededRandom(seed);
  const cases: FuzzCase[] = [];
  const valid = () => base(rnd, conversations, serviceUrl);
  const makers: [string, () => string][] = [
    ['malformed JSON', () => {
      const good = JSON.stringify({ ...valid(), text: pick(rnd, TEXTS) });
      return pick(rnd, [
        good.slice(0, int(rnd, good.length)),
        good.replace(/"/g, pick(rnd, ["'", '', '\\'])),
        `${good}${pick(rnd, [',', '}', ']', 'garbage'])}`,
        pick(rnd, ['', ' ', '{', '[', 'nul', 'undefined', 'NaN', '{"a":}', '\u0000', '\ufeff{}', '{"type":"message"']),
        Buffer.from(Array.from({ length: int(rnd, 200) }, () => int(rnd, 256))).toString('latin1'),
      ]);
    }],
    ['not an object', () => JSON.stringify(pick(rnd, [null, 1, 'message', [valid()], true]))],
    ['wrong types', () => {
      const b = valid();
      for (let i = 0; i < 1 + int(rnd, 3); i++) b[pick(rnd, ['type', 'text', 'from', 'conversation', 'channelId', 'id', 'recipient', 'value', 'entities', 'attachments', 'membersAdded', 'channelData', 'locale', 'timestamp', 'serviceUrl', 'replyToId', 'name'])] = pick(rnd, WEIRD_VALUES);
      return JSON.stringify(b);
    }],
    ['missing fields', () => {
      const b = valid();
      for (let i = 0; i < 1 + int(rnd, 3); i++) delete b[pick(rnd, Object.keys(b))];
      if (rnd() < 0.5) b.text = pick(rnd, TEXTS);
      return JSON.stringify(b);
    }],
    ['huge strings', () => {
      const size = pick(rnd, [10_000, 100_000, 200_000, 250_000, 300_000]);
      const field = pick(rnd, ['text', 'id', 'locale', 'name', 'value']);
      return JSON.stringify({ ...valid(), [field]: pick(rnd, ['x', '😀', 'م']).repeat(size / 2) });
    }],
    ['deep nesting', () => {
      // Written out as text: deeper than JSON.stringify itself could go.
      const depth = pick(rnd, [100, 1000, 10_000, 50_000]);
      const field = pick(rnd, ['value', 'channelData', 'entities', 'attachments', 'text', 'from']);
      const open = rnd() < 0.5 ? '{"a":' : '[';
      const nested = `${open.repeat(depth)}"x"${(open === '[' ? ']' : '}').repeat(depth)}`;
      const b = JSON.stringify({ ...valid(), text: 'menu' });
      return `${b.slice(0, -1)},"${field}":${nested}}`;
    }],
    ['unknown activity types', () => JSON.stringify({ ...valid(), type: pick(rnd, ACTIVITY_TYPES), text: pick(rnd, TEXTS), ...(rnd() < 0.3 ? { membersAdded: [{ id: 'bot' }, { id: 'fuzz' }] } : {}) })],
    ['invokes', () => JSON.stringify({ ...valid(), type: 'invoke', name: pick(rnd, INVOKE_NAMES), value: rnd() < 0.5 ? tamper(rnd, pick(rnd, buttonData)) : pick(rnd, WEIRD_VALUES) })],
    ['tampered card data', () => JSON.stringify({ ...valid(), value: tamper(rnd, pick(rnd, buttonData)), ...(rnd() < 0.3 ? { replyToId: 'card-1', channelId: 'msteams' } : {}) })],
    ['emoji and right-to-left text', () => JSON.stringify({ ...valid(), text: `${pick(rnd, TEXTS)} ${pick(rnd, TEXTS)}`, locale: pick(rnd, ['ar-SA', 'he-IL', 'en-GB', '😀', '']) })],
    ['real flows', () => JSON.stringify({ ...valid(), ...(rnd() < 0.5 ? { text: pick(rnd, TEXTS) } : { value: pick(rnd, buttonData) }) })],
  ];
  for (let i = 0; i < count; i++) {
    const [kind, make] = pick(rnd, makers);
    cases.push({ kind, body: make() });
  }
  return cases;
}
