/**
 * The conversation mix the load benchmark drives, as autocannon requests: each autocannon
 * connection is one user in a new conversation per loop, going through the welcome, the whole
 * enrolment walkthrough, a free question, the menu, "Why MFA?" and help — 12 turns, all with
 * deliveryMode expectReplies. Buttons are pressed with the data of the card the bot just sent
 * (flow ids are random per walkthrough), found by the button's title.
 */
type Step = { readonly kind: 'join' } | { readonly kind: 'say'; readonly text: string } | { readonly kind: 'press'; readonly title: string; readonly fallback: object };

const FLOW = { action: 'flow', flow: '00000000', at: 'step-1', choice: 'next' };

export const SCRIPT: readonly Step[] = [
  { kind: 'join' },
  { kind: 'press', title: 'Set up MFA', fallback: { action: 'open', conversation: 'enrol' } },
  { kind: 'press', title: 'Next', fallback: FLOW },
  { kind: 'press', title: 'Next', fallback: FLOW },
  { kind: 'press', title: 'Next', fallback: FLOW },
  { kind: 'press', title: 'Next', fallback: FLOW },
  { kind: 'press', title: 'Next', fallback: FLOW },
  { kind: 'press', title: 'Yes, it worked', fallback: { ...FLOW, choice: 'yes' } },
  { kind: 'say', text: 'my authenticator code keeps getting rejected' },
  { kind: 'say', text: 'menu' },
  { kind: 'press', title: 'Why MFA?', fallback: { action: 'open', conversation: 'why' } },
  { kind: 'say', text: 'help' },
];

export interface ScriptStats {
  /** Presses whose button was not on the previous card (expected only for the echo bot). */
  misses: number;
  conversations: number;
}

interface Context {
  conversation?: string;
  last?: string;
}

function buttonData(body: string | undefined, title: string): object | undefined {
  if (body === undefined) return undefined;
  const escaped = JSON.stringify(title).slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`"title":"${escaped}","data":(\\{[^{}]*\\})`).exec(body);
  if (m?.[1] === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(m[1]);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

let conversations = 0;

/** autocannon `requests` for the script, counting into `stats`; `tag` keeps conversation ids unique per run. */
export function scriptRequests(tag: string, stats: ScriptStats, steps: readonly Step[] = SCRIPT) {
  return steps.map((step, index) => ({
    method: 'POST' as const,
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: { body?: string | Buffer }, context: Context) => {
      if (index === 0) {
        context.conversation = `${tag}-${++conversations}`;
        stats.conversations++;
      }
      const conversation = context.conversation ?? `${tag}-orphan`;
      const activity: Record<string, unknown> = {
        channelId: 'emulator',
        serviceUrl: 'http://127.0.0.1:9/',
        deliveryMode: 'expectReplies',
        id: `${conversation}-${index}`,
        from: { id: `user-${conversation}`, name: 'Bench User' },
        recipient: { id: 'bot', name: 'MFA Assistant' },
        conversation: { id: conversation },
        locale: 'en-GB',
      };
      if (step.kind === 'join') Object.assign(activity, { type: 'conversationUpdate', membersAdded: [{ id: `user-${conversation}` }, { id: 'bot' }] });
      else if (step.kind === 'say') Object.assign(activity, { type: 'message', text: step.text });
      else {
        const data = buttonData(context.last, step.title);
        if (data === undefined) stats.misses++;
        Object.assign(activity, { type: 'message', value: data ?? step.fallback });
      }
      req.body = JSON.stringify(activity);
      return req;
    },
    onResponse: (_status: number, body: string, context: Context) => {
      context.last = body;
    },
  }));
}
