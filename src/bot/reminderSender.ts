import type { ConversationReference, TurnContext } from 'botbuilder';
import type { ClaimedReminder, ReminderAddress, ReminderSend, SendOutcome } from '../reminders/index.js';

/** Runs `logic` in a proactive turn of the conversation `reference` names (the adapter's continueConversation). */
export type ContinueConversation = (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) => Promise<void>;

/** The conversation reference a stored address stands for (ids only; names are never stored). */
export function referenceOf(address: ReminderAddress): Partial<ConversationReference> {
  const { conversation } = address;
  return {
    channelId: address.channelId,
    serviceUrl: address.serviceUrl,
    conversation: { id: conversation.id, isGroup: false, name: '', conversationType: conversation.conversationType ?? 'personal', ...(conversation.tenantId === undefined ? {} : { tenantId: conversation.tenantId }) },
    user: { id: address.user.id, name: '' },
    bot: { id: address.bot.id, name: '' },
  };
}

/**
 * Sends a due reminder as one proactive message in its conversation. `remind` (the dialogs' part)
 * reads the user's saved place in that turn and sends the card, or nothing if the walkthrough was
 * finished. A failure inside the turn is carried out of it and thrown here, so the scheduler tries
 * again later; it never reaches the turn error handler (which would apologise to the user and
 * clear their conversation).
 */
export function createReminderSender(continueConversation: ContinueConversation, remind: (context: TurnContext) => Promise<SendOutcome>): ReminderSend {
  return async (reminder: ClaimedReminder) => {
    let outcome: SendOutcome | undefined;
    let failure: unknown;
    await continueConversation(referenceOf(reminder.address), async (context) => {
      try {
        outcome = await remind(context);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) throw failure;
    if (outcome === undefined) throw new Error('the reminder turn did not run');
    return outcome;
  };
}
