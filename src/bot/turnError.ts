import type { ConversationState, TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { REPLIES } from '../content/ui.js';
import type { Logger } from '../log.js';

/**
 * What happens when a turn throws: log it (never the user's text), clear this conversation's
 * dialog state so nobody is left stuck, and apologise only in reply to a message.
 */
export function createTurnErrorHandler(conversationState: ConversationState, logger: Logger) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    const err = error instanceof Error ? error : new Error('non-error thrown');
    logger.error(
      { event: 'turn_error', error: err.name, stack: err.stack?.split('\n').slice(1, 6).join('\n'), activityType: context.activity.type, channelId: context.activity.channelId },
      'turn failed',
    );
    try {
      await conversationState.delete(context);
    } catch (e) {
      logger.error({ event: 'turn_error_state_clear_failed', error: e instanceof Error ? e.name : 'unknown' }, 'could not clear state');
    }
    if (context.activity.type === ActivityTypes.Message) {
      try {
        await context.sendActivity(REPLIES.error);
      } catch {
        // The channel may be unreachable; nothing more to do.
      }
    }
  };
}
