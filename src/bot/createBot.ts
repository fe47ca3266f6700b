import { ConversationState, UserState, type Middleware, type Storage } from 'botbuilder';
import { createConversations } from '../dialogs/index.js';
import { IntentUnderstander } from '../dialogs/understanding.js';
import type { Matcher } from '../nlu/types.js';
import { SecretGuard } from './secretGuard.js';
import type { FeedbackService } from '../feedback/index.js';
import type { Logger } from '../log.js';
import { MfaBot } from './mfaBot.js';

export interface BotParts {
  readonly bot: MfaBot;
  readonly conversationState: ConversationState;
  /** Middleware every adapter that carries this bot must use, in this order. */
  readonly middleware: readonly Middleware[];
}

export interface BotDeps {
  readonly storage: Storage;
  readonly logger: Logger;
  readonly matcher: Matcher;
  readonly feedback?: FeedbackService;
}

/** Storage → state → conversations → bot: the same bot for HTTP and the terminal chat. */
export function createBot(deps: BotDeps): BotParts {
  const { storage, logger, matcher, feedback } = deps;
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const conversations = createConversations({
    enrolProgress: userState.createProperty('enrolProgress'),
    logger,
    understander: new IntentUnderstander(matcher, feedback),
    ...(feedback === undefined ? {} : { feedback }),
  });
  const bot = new MfaBot({
    conversationState,
    userState,
    rootDialog: conversations.root,
    expectsCode: (dc) => conversations.root.expectsCode(dc),
    scrubsSecrets: (dc) => conversations.root.scrubsSecrets(dc),
    welcome: conversations.welcome,
    logger,
  });
  const guard = new SecretGuard({ expectsCode: (context) => bot.expectsCode(context), scrubsSecrets: (context) => bot.scrubsSecrets(context), logger });
  return { bot, conversationState, middleware: [guard] };
}

