import { ConversationState, UserState, type Storage } from 'botbuilder';
import { createConversations } from '../dialogs/index.js';
import type { FeedbackService } from '../feedback/index.js';
import type { Logger } from '../log.js';
import { MfaBot } from './mfaBot.js';

export interface BotParts {
  readonly bot: MfaBot;
  readonly conversationState: ConversationState;
}

/** Storage → state → conversations → bot: the same bot for HTTP and the terminal chat. */
export function createBot(storage: Storage, logger: Logger, feedback?: FeedbackService): BotParts {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const conversations = createConversations({ enrolProgress: userState.createProperty('enrolProgress'), logger, ...(feedback === undefined ? {} : { feedback }) });
  const bot = new MfaBot({ conversationState, userState, rootDialog: conversations.root, welcome: conversations.welcome, logger });
  return { bot, conversationState };
}

