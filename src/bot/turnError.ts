import type { TurnContext } from 'botbuilder';
import { ActivityTypes, DeliveryModes } from 'botbuilder';
import { REPLIES } from '../content/ui.js';
import type { Logger } from '../log.js';
import { FAULT_REPLIES } from '../content/faults.js';
import { faultKind } from './faults.js';

/**
 * What happens when a turn throws. Always: log it (never the user's text) and answer only a
 * message (never spam a channel).
 * - A bug: clear this conversation's dialog state so nobody is left stuck, and apologise.
 * - Storage unreachable or slow, the channel's connector throttling (429), failing (5xx) or out of
 *   reach, or the turn ran out of time: say so kindly (if the connector lets us) and leave the
 *   saved state alone (the user's place, a feedback draft, is kept; trying again works).
 * - An ETag conflict (another turn in this conversation saved first, on this or another instance):
 *   the other turn's changes stand and this turn's are dropped. With expectReplies this turn's
 *   buffered replies are dropped too (also after a timeout), so the user sees only the request to
 *   try again.
 */
export function createTurnErrorHandler(conversationState: { delete(context: TurnContext): Promise<void> }, logger: Logger) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    const kind = faultKind(error);
    const { activity } = context;
    const err = error instanceof Error ? error : new Error('non-error thrown');
    if (kind === 'bug') {
      logger.error(
        { event: 'turn_error', fault: kind, error: err.name, stack: err.stack?.split('\n').slice(1, 6).join('\n'), activityType: activity.type, channelId: activity.channelId },
        'turn failed',
      );
      try {
        await conversationState.delete(context);
      } catch (e) {
        logger.error({ event: 'turn_error_state_clear_failed', error: e instanceof Error ? e.name : 'unknown' }, 'could not clear state');
      }
    } else {
      logger.warn({ event: 'turn_error', fault: kind, error: err.name, activityType: activity.type, channelId: activity.channelId }, 'turn not completed');
    }
    // This turn's changes are not saved, so replies it had buffered would describe a state that never was.
    if ((kind === 'conflict' || kind === 'timeout') && activity.deliveryMode === DeliveryModes.ExpectReplies) context.bufferedReplyActivities.length = 0;
    if (activity.type !== ActivityTypes.Message) return;
    const reply =
      kind === 'storage-unavailable' ? FAULT_REPLIES.storageUnavailable
      : kind === 'connector' ? FAULT_REPLIES.connectorUnavailable
      : kind === 'timeout' ? FAULT_REPLIES.timeout
      : kind === 'conflict' ? FAULT_REPLIES.conflict
      : REPLIES.error;
    try {
      await context.sendActivity(reply);
    } catch {
      // The channel may be unreachable; nothing more to do.
    }
  };
}
