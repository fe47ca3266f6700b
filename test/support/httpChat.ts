import { buttonsOf } from '../../src/cards/choices.js';
import { isAdaptiveCard } from '../../src/cards/guards.js';
import type { AdaptiveCard } from '../../src/cards/schema.js';
import { postActivity } from './server.js';

export interface HttpReply {
  readonly text?: string;
  readonly card?: AdaptiveCard;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toReplies(activities: readonly unknown[]): HttpReply[] {
  return activities.flatMap((a): HttpReply[] => {
    if (!isRecord(a)) return [];
    const attachments = Array.isArray(a.attachments) ? a.attachments : [];
    const content: unknown = attachments.map((x: unknown) => (isRecord(x) ? x.content : undefined)).find(isAdaptiveCard);
    return [{ ...(typeof a.text === 'string' ? { text: a.text } : {}), ...(isAdaptiveCard(content) ? { card: content } : {}) }];
  });
}

export interface HttpChatOptions {
  readonly conversationId: string;
  readonly channelId?: string;
  readonly serviceUrl?: string;
  readonly from?: { readonly id: string; readonly name?: string };
}

/**
 * One conversation with the real server over POST /api/messages (deliveryMode expectReplies):
 * typing and pressing buttons on the newest card, as a channel would send them.
 */
export class HttpChat {
  private lastCard: AdaptiveCard | undefined;

  constructor(
    private url: string,
    private readonly options: HttpChatOptions,
  ) {}

  /** Sends the next turns to another server (another instance behind the same load balancer). */
  via(url: string): this {
    this.url = url;
    return this;
  }

  get card(): AdaptiveCard {
    if (this.lastCard === undefined) throw new Error('no card yet');
    return this.lastCard;
  }

  say(text: string): Promise<HttpReply[]> {
    return this.post({ type: 'message', text });
  }

  /** Presses a button on the newest card, with the card's input values when given. */
  press(title: string, inputs: Record<string, string> = {}): Promise<HttpReply[]> {
    const button = buttonsOf(this.card).find((b) => b.title === title);
    if (button?.kind !== 'submit') throw new Error(`no button "${title}"; the card has ${buttonsOf(this.card).map((b) => b.title).join(', ')}`);
    return this.post({ type: 'message', value: { ...button.data, ...inputs } });
  }

  /** Presses a button on a card the bot sent some other way (a proactive message through the connector). */
  pressOn(card: AdaptiveCard, title: string): Promise<HttpReply[]> {
    this.lastCard = card;
    return this.press(title);
  }

  private async post(activity: Record<string, unknown>): Promise<HttpReply[]> {
    const { conversationId, channelId, serviceUrl, from } = this.options;
    const res = await postActivity(this.url, {
      ...activity,
      conversation: { id: conversationId, conversationType: 'personal' },
      ...(channelId === undefined ? {} : { channelId }),
      ...(serviceUrl === undefined ? {} : { serviceUrl }),
      ...(from === undefined ? {} : { from }),
    });
    if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}`);
    const replies = toReplies(res.activities);
    for (const r of replies) if (r.card !== undefined) this.lastCard = r.card;
    return replies;
  }
}

/** Every reply's text and card JSON, for readable assertions. */
export function repliesText(replies: readonly HttpReply[]): string {
  return replies.map((r) => r.text ?? JSON.stringify(r.card ?? '')).join('\n');
}
