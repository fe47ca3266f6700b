import { ConversationState, PrivateConversationState, UserState, type Storage, type TurnContext } from 'botbuilder';
import { createConversations } from '../dialogs/index.js';
import type { MemberInfo } from '../dialogs/memberInfo.js';
import type { ReminderDeps } from '../dialogs/reminders.js';
import type { Understander } from '../dialogs/root.js';
import { IntentUnderstander } from '../dialogs/understanding.js';
import type { FeedbackService } from '../feedback/index.js';
import type { FeedbackLogger } from '../feedback/index.js';
import type { Funnel } from '../funnel/events.js';
import type { Matcher } from '../nlu/types.js';
import { MfaBot } from './mfaBot.js';
import { TrackedStates } from './trackedState.js';

export interface BotParts {
  readonly bot: MfaBot;
  /** Everything the bot keeps about one conversation (shared and per person): cleared after a turn fails. */
  readonly conversationState: { delete(context: TurnContext): Promise<void> };
  /** A due reminder's proactive turn (run inside the adapter's continueConversation). */
  readonly remind: (context: TurnContext) => Promise<'sent' | 'finished'>;
}

export interface BotDeps {
  readonly storage: Storage;
  readonly logger: FeedbackLogger;
  readonly matcher: Matcher;
  readonly feedback?: FeedbackService;
  /** Free-text understanding; defaults to intent matching with `matcher`; `null` leaves it out. */
  readonly understander?: Understander | null;
  /** Ids of conversation instances (on every card's buttons); random by default. */
  readonly newFlowId?: () => string;
  /** Current time in epoch milliseconds (the practice); Date.now by default. */
  readonly clock?: () => number;
  /** Who the user is, for feedback contact details; Teams member info by default. */
  readonly memberInfo?: MemberInfo;
  /** Where "Remind me tomorrow" requests are kept, and the clock they are due by; absent, none is offered. */
  readonly reminders?: ReminderDeps;
  /** Counts the enrolment funnel for the digest; counts nothing when absent. */
  readonly funnel?: Funnel;
}

/** Storage → state → conversations → bot: the same bot for HTTP, the terminal chat and the tests. */
export function createBot(deps: BotDeps): BotParts {
  const { storage, logger, matcher, feedback } = deps;
  // The SDK's state classes make the storage keys; TrackedState detects changes more cheaply, and
  // a turn reads the person's place and progress in one storage call and saves its changes in one.
  const states = new TrackedStates(storage);
  const conversationState = states.add(new ConversationState(storage), { readWithOthers: false });
  const personalState = states.add(new PrivateConversationState(storage), { readWithOthers: true });
  const userState = states.add(new UserState(storage), { readWithOthers: true });
  const understander = deps.understander === undefined ? new IntentUnderstander(matcher, feedback) : deps.understander;
  const conversations = createConversations({
    enrolProgress: userState.createProperty('enrolProgress'),
    logger,
    ...(understander === null ? {} : { understander }),
    ...(feedback === undefined ? {} : { feedback }),
    ...(deps.newFlowId === undefined ? {} : { newFlowId: deps.newFlowId }),
    ...(deps.clock === undefined ? {} : { clock: deps.clock }),
    ...(deps.memberInfo === undefined ? {} : { memberInfo: deps.memberInfo }),
    ...(deps.reminders === undefined ? {} : { reminders: deps.reminders }),
    ...(deps.funnel === undefined ? {} : { funnel: deps.funnel }),
  });
  const bot = new MfaBot({ conversationState, personalState, states, root: conversations.root, welcome: conversations.welcome, logger });
  const clear = async (context: TurnContext): Promise<void> => {
    await conversationState.delete(context);
    await personalState.delete(context);
  };
  return { bot, conversationState: { delete: clear }, remind: conversations.remind };
}
