import { AutoSaveStateMiddleware, type ConversationAccount, ConversationState, MemoryStorage, UserState, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { SecretGuard } from '../../src/bot/secretGuard.js';
import { IntentUnderstander, type UnansweredLog } from '../../src/dialogs/understanding.js';
import { createLogger } from '../../src/log.js';
import { createMatcher } from '../../src/nlu/matcher.js';
import type { Matcher } from '../../src/nlu/types.js';
import { buttonsOf } from '../../src/cards/choices.js';
import { ADAPTIVE_CARD_TYPE, isAdaptiveCard } from '../../src/cards/guards.js';
import type { AdaptiveCard } from '../../src/cards/schema.js';
import { createConversations } from '../../src/dialogs/index.js';
import type { MemberInfo } from '../../src/dialogs/memberInfo.js';
import type { FeedbackLogger, FeedbackService } from '../../src/feedback/index.js';
import type { Understander } from '../../src/dialogs/root.js';

export interface Reply {
  readonly text?: string;
  readonly card?: AdaptiveCard;
  readonly updated?: boolean;
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

function isActivity(value: unknown): value is Partial<Activity> {
  return typeof value === 'object' && value !== null && 'type' in value;
}

function toReply(a: Partial<Activity>, updated = false): Reply {
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

/**
 * A conversation with the whole bot (the root dialog and every conversation), as a script of turns:
 * what the user types or presses, and every reply the bot gives to that turn.
 */
/** Conversation instance ids handed out so far, by every chat in this test file. */
let flowsStarted = 0;

export class TestChat {
  private lastCard: AdaptiveCard | undefined;
  private nextId = 1;

  private constructor(
    private readonly client: DialogTestClient,
    private readonly recorder: UpdateRecorder,
    private readonly channelId: string,
    private readonly memory: Readonly<Record<string, string>>,
    private readonly conversation: ConversationAccount,
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
    } = {},
  ): TestChat {
    const memory: Record<string, string> = {};
    const storage = new MemoryStorage(memory);
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const conversations = createConversations({
      enrolProgress: userState.createProperty('enrolProgress'),
      // Unique across chats, as the bot's random ids are: a feedback conversation's id is its Send's idempotency key.
      newFlowId: () => `flow${++flowsStarted}`,
      ...(options.understander === null ? {} : { understander: options.understander ?? new IntentUnderstander(sharedMatcher(), options.unanswered) }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.feedback === undefined ? {} : { feedback: options.feedback }),
      ...(options.memberInfo === undefined ? {} : { memberInfo: options.memberInfo }),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
    const recorder = new UpdateRecorder();
    const channelId = options.channelId ?? 'test';
    // The same property DialogTestClient keeps the dialog stack in, so the guard sees the conversation.
    const dialogState = conversationState.createProperty<DialogState>('DialogState');
    const guard = new SecretGuard({
      expectsCode: async (context) => conversations.root.expectsCode(await new DialogSet(dialogState).add(conversations.root).createContext(context)),
      scrubsSecrets: async (context) => conversations.root.scrubsSecrets(await new DialogSet(dialogState).add(conversations.root).createContext(context)),
      logger: createLogger('silent'),
    });
    const client = new DialogTestClient(channelId, conversations.root, undefined, [guard, new AutoSaveStateMiddleware(userState), recorder], conversationState);
    const type = options.conversationType ?? 'personal';
    const conversation: ConversationAccount = { id: 'test-conversation', name: 'test', isGroup: type !== 'personal', conversationType: type };
    return new TestChat(client, recorder, channelId, memory, conversation);
  }

  /** Everything the bot has saved in storage (conversation and user state), as stored: JSON text. */
  stored(): string {
    return Object.entries(this.memory)
      .map(([key, value]) => `${key}: ${value}`)
      .join('\n');
  }

  get card(): AdaptiveCard {
    if (this.lastCard === undefined) throw new Error('no card has been shown yet');
    return this.lastCard;
  }

  async say(text: string): Promise<Reply[]> {
    return this.turn({ type: 'message', text });
  }

  /** Presses the button with this title on the most recent card (or on `card`). */
  async press(title: string, card: AdaptiveCard = this.card): Promise<Reply[]> {
    const button = buttonsOf(card).find((b) => b.title === title);
    if (button === undefined || button.kind !== 'submit') {
      throw new Error(`no button "${title}" on the card; it has: ${buttonsOf(card).map((b) => b.title).join(', ')}`);
    }
    return this.send(button.data);
  }

  /** Sends raw data as if a card button had been pressed. */
  async send(value: unknown, inputs: Record<string, string> = {}): Promise<Reply[]> {
    const data = typeof value === 'object' && value !== null ? { ...value, ...inputs } : value;
    return this.turn({ type: 'message', value: data, ...(this.channelId === 'msteams' ? { replyToId: 'card-1' } : {}) });
  }

  private async turn(activity: Partial<Activity>): Promise<Reply[]> {
    this.recorder.updates.length = 0;
    const first: unknown = await this.client.sendActivity({ ...activity, conversation: { ...this.conversation }, id: `user-${this.nextId++}` });
    const replies: Reply[] = [];
    if (isActivity(first)) replies.push(toReply(first));
    for (let a = this.client.getNextReply(); a !== undefined; a = this.client.getNextReply()) replies.push(toReply(a));
    for (const u of this.recorder.updates) replies.push(toReply(u, true));
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
