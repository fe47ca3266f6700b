import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/schema.js';

/** Was this turn a press of a button on a card the bot sent (so that card can be updated in place)? */
function pressedCardId(context: TurnContext): string | undefined {
  const a = context.activity;
  if (a.channelId !== 'msteams' || a.value === undefined || typeof a.replyToId !== 'string' || a.replyToId === '') return undefined;
  return a.replyToId;
}

function cardActivity(card: AdaptiveCard) {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = card.fallbackText.slice(0, 200);
  return activity;
}

/** Sends a card as a new message. */
export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(cardActivity(card));
}

/**
 * Shows the next card of a conversation. In Teams, when the user pressed a button on the previous
 * card, that card's message is updated in place so step cards don't pile up; elsewhere (and if the
 * update fails) the card is sent as a new message.
 */
export async function showCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  const id = pressedCardId(context);
  if (id !== undefined) {
    try {
      await context.updateActivity({ ...cardActivity(card), id });
      return;
    } catch {
      // The old message may be gone or too old to edit: fall through and send a new one.
    }
  }
  await sendCard(context, card);
}

export async function say(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity(MessageFactory.text(text));
}
