import { MemoryStorage, TestAdapter, type Activity, type ConversationAccount, type Middleware, type TurnContext } from 'botbuilder';
import { createBot } from '../../src/bot/createBot.js';
import { buttonsOf } from '../../src/cards/choices.js';
import { ADAPTIVE_CARD_TYPE, isAdaptiveCard } from '../../src/cards/guards.js';
import type { AdaptiveCard } from '../../src/cards/schema.js';
import type { MemberInfo } from '../../src/dialogs/memberInfo.js';
import type { ReminderDeps } from '../../src/dialogs/reminders.js';
import type { Understander } from '../../src/dialogs/root.js';
import { IntentUnderstander, type UnansweredLog } from '../../src/dialogs/understanding.js';
import type { FeedbackLogger, FeedbackService } from '../../src/feedback/index.js';
import type { Funnel } from '../../src/funnel/index.js';
import { createMatcher } from '../../src/nlu/matcher.js';
import type { Matcher } from '../../src/nlu/types.js';

export interface Reply {
  readonly text?: string;
  readonly card?: AdaptiveCard;
  readonly updated?: boolean;
  /** The card came back in the response to a Universal Action (adaptiveCard/action) invoke. */
  readonly invoke?: boolean;
}

let matcher: Matcher | undefined;

/** One trained matcher for every conversation in a test file (training takes a quarter of a second). */
export function sharedMatcher(): Matcher {
  matcher ??= createMatcher();
  return matcher;
}

/** Records the bot's in-place card updates (Teams) as replies. */
class UpdateRecorder implements Middleware {
  readonly updates: Partial<Activity>[] = [];
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onUpdateActivity(async (_ctx, activity, nextUpdate) => {
      this.updates.push(activity);
      await nextUpdate();
    });
    await next();
  }
}

const silent: FeedbackLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const BOT = { id: 'bot-id', name: 'MFA Assistant' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toReply(a: Partial<Activity>, updated = false): Reply {
  if (a.type === 'invokeResponse') {
    const body: unknown = isRecord(a.value) ? a.value.body : undefined;
    const content: unknown = isRecord(body) && body.type === ADAPTIVE_CARD_TYPE ? body.value : undefined;
    return isAdaptiveCard(content) ? { card: content, invoke: true } : { invoke: true };
  }
  const attachment = a.attachments?.find((x) => x.contentType === ADAPTIVE_CARD_TYPE);
  const card = isAdaptiveCard(attachment?.content) ? attachment.content : undefined;
  return {
    ...(typeof a.text === 'string' ? { text: a.text } : {}),
    ...(card === undefined ? {} : { card }),
    ...(updated ? { updated } : {}),
  };
}

export function cardText(card: AdaptiveCard): string {
  return JSON.stringify({ body: card.body, actions: card.actions ?? [] });
}

/** Conversation instance ids handed out so far, by every chat in this test file. */
let flowsStarted = 0;

/** The adapter and storage every person in one test conversation shares. */
interface Shared {
  readonly adapter: TestAdapter;
  readonly recorder: UpdateRecorder;
  readonly channelId: string;
  readonly memory: Readonly<Record<string, string>>;
  readonly conversation: ConversationAccount;
  nextId: number;
}

/**
 * A conversation with the whole bot as it ships (`createBot` on a test adapter: the activity
 * handler, the root's route list and every conversation), as a script of turns: what the user
 * types or presses, and every reply the bot gives to that turn.
 */
export class TestChat {
  private lastCard: AdaptiveCard | undefined;

  private constructor(
    private readonly shared: Shared,
    private readonly user: string,
  ) {}

  /**
   * A new conversation with the whole bot as users meet it: intent matching and the secret guard
   * included. `understander: null` leaves free-text understanding out.
   */
  static start(
    options: {
      channelId?: string;
      conversationType?: string;
      understander?: Understander | null;
      clock?: () => number;
      unanswered?: UnansweredLog;
      feedback?: FeedbackService;
      memberInfo?: MemberInfo;
      logger?: FeedbackLogger;
      reminders?: ReminderDeps;
      funnel?: Funnel;
    } = {},
  ): TestChat {
    const memory: Record<string, string> = {};
    const { bot } = createBot({
      storage: new MemoryStorage(memory),
      logger: options.logger ?? silent,
      matcher: sharedMatcher(),
      // Unique across chats, as the bot's random ids are: a feedback conversation's id is its Send's idempotency key.
      newFlowId: () => `flow${++flowsStarted}`,
      understander: options.understander === undefined ? new IntentUnderstander(sharedMatcher(), options.unanswered) : options.understander,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.feedback === undefined ? {} : { feedback: options.feedback }),
      ...(options.memberInfo === undefined ? {} : { memberInfo: options.memberInfo }),
      ...(options.reminders === undefined ? {} : { reminders: options.reminders }),
      ...(options.funnel === undefined ? {} : { funnel: options.funnel }),
    });
    const recorder = new UpdateRecorder();
    const adapter = new TestAdapter((context) => bot.run(context));
    adapter.use(recorder);
    const type = options.conversationType ?? 'personal';
    const conversation: ConversationAccount = { id: 'test-conversation', name: 'test', isGroup: type !== 'personal', conversationType: type };
    return new TestChat({ adapter, recorder, channelId: options.channelId ?? 'test', memory, conversation, nextId: 1 }, 'user1');
  }

  /** Someone else in the same conversation (a group chat or channel), with their own view of it. */
  as(user: string): TestChat {
    return new TestChat(this.shared, user);
  }

  /** Everything the bot has saved in storage (conversation and user state), as stored: JSON text. */
  stored(): string {
    return Object.entries(this.shared.memory)
      .map(([key, value]) => `${key}: ${value}`)
      .join('\n');
  }

  get card(): AdaptiveCard {
    if (this.lastCard === undefined) throw new Error('no card has been shown yet');
    return this.lastCard;
  }

  /** Types a message (in a group chat or channel, @mentioning the bot, as Teams requires). */
  async say(text: string): Promise<Reply[]> {
    if (!this.shared.conversation.isGroup) return this.turn({ type: 'message', text });
    const mention = `<at>${BOT.name}</at>`;
    return this.turn({ type: 'message', text: `${mention} ${text}`, entities: [{ type: 'mention', mentioned: BOT, text: mention }] });
  }

  /** Presses the button with this title on the most recent card (or on `card`), as an Action.Submit. */
  async press(title: string, card: AdaptiveCard = this.card): Promise<Reply[]> {
    return this.send(this.buttonData(title, card));
  }

  /** Presses the button with this title as a Universal Action: an `adaptiveCard/action` invoke. */
  async execute(title: string, card: AdaptiveCard = this.card): Promise<Reply[]> {
    const data = this.buttonData(title, card);
    return this.turn({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: String(data.action), data }, trigger: 'manual' }, replyToId: 'card-1' });
  }

  /** Sends raw data as if a card button had been pressed. */
  async send(value: unknown, inputs: Record<string, string> = {}): Promise<Reply[]> {
    const data = typeof value === 'object' && value !== null ? { ...value, ...inputs } : value;
    return this.turn({ type: 'message', value: data, ...(this.shared.channelId === 'msteams' ? { replyToId: 'card-1' } : {}) });
  }

  private buttonData(title: string, card: AdaptiveCard): Readonly<Record<string, string | number | boolean>> {
    const button = buttonsOf(card).find((b) => b.title === title);
    if (button === undefined || button.kind !== 'submit') {
      throw new Error(`no button "${title}" on the card; it has: ${buttonsOf(card).map((b) => b.title).join(', ')}`);
    }
    return button.data;
  }

  private async turn(activity: Partial<Activity>): Promise<Reply[]> {
    const { adapter, recorder, channelId, conversation } = this.shared;
    recorder.updates.length = 0;
    const id = `user-${this.shared.nextId++}`;
    await adapter.processActivity({ ...activity, channelId, conversation: { ...conversation }, from: { id: this.user, name: this.user }, recipient: BOT, id });
    const replies: Reply[] = [];
    for (let a = adapter.getNextReply(); a !== undefined; a = adapter.getNextReply()) replies.push(toReply(a));
    for (const u of recorder.updates) replies.push(toReply(u, true));
    for (const r of replies) if (r.card !== undefined) this.lastCard = r.card;
    return replies;
  }
}

/** The text of every reply of a turn, cards included, for readable assertions. */
export function allText(replies: readonly Reply[]): string {
  return replies.map((r) => r.text ?? (r.card === undefined ? '' : cardText(r.card))).join('\n');
}

export function titleOf(card: AdaptiveCard | undefined): string {
  const heading = card?.body.find((e) => e.type === 'TextBlock' && e.style === 'heading');
  return heading?.type === 'TextBlock' ? heading.text : '';
}
