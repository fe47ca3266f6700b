import { CardFactory, INVOKE_RESPONSE_KEY, MessageFactory, type TurnContext } from 'botbuilder';
import { ADAPTIVE_CARD_TYPE } from '../cards/guards.js';
import { withContinue, type KeptPlace } from '../cards/menu.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { withSubmitButtons } from '../cards/universal.js';
import { isCardActionInvoke, pressOf } from './press.js';

/** Turn state: the walkthrough place kept while the user is elsewhere (set by the root for the turn). */
const KEPT_PLACE = Symbol('keptPlace');

function isKeptPlace(value: unknown): value is KeptPlace {
  return typeof value === 'object' && value !== null && 'step' in value && typeof value.step === 'number' && 'total' in value && typeof value.total === 'number';
}

/** For this turn, every card sent offers "Continue set-up" back to this place (`undefined`: none). */
export function keepPlace(context: TurnContext, place: KeptPlace | undefined): void {
  if (place === undefined) context.turnState.delete(KEPT_PLACE);
  else context.turnState.set(KEPT_PLACE, place);
}

/** Teams runs Universal Actions; every other host gets the Action.Submit fallbacks. */
function forChannel(context: TurnContext, shown: AdaptiveCard): AdaptiveCard {
  const place: unknown = context.turnState.get(KEPT_PLACE);
  const card = isKeptPlace(place) ? withContinue(shown, place) : shown;
  return context.activity.channelId === 'msteams' ? card : withSubmitButtons(card);
}

/** Was this turn a press of a button on a card the bot sent (so that card can be updated in place)? */
function pressedCardId(context: TurnContext): string | undefined {
  const a = context.activity;
  if (a.channelId !== 'msteams' || pressOf(a) === undefined || typeof a.replyToId !== 'string' || a.replyToId === '') return undefined;
  return a.replyToId;
}

function cardActivity(context: TurnContext, card: AdaptiveCard) {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(forChannel(context, card)));
  activity.summary = card.fallbackText.slice(0, 200);
  return activity;
}

/**
 * On a Universal Action press, the card that follows the pressed one is the invoke's response:
 * Teams replaces the pressed card with it, with no second call to the connector. Returns false
 * when the turn is not such a press (or its response has gone already).
 */
async function answerInvoke(context: TurnContext, card: AdaptiveCard): Promise<boolean> {
  if (!isCardActionInvoke(context.activity) || context.turnState.get(INVOKE_RESPONSE_KEY) !== undefined) return false;
  await sendInvokeResponse(context, { statusCode: 200, type: ADAPTIVE_CARD_TYPE, value: forChannel(context, card) });
  return true;
}

/**
 * Answers this turn's invoke (HTTP 200 with `body`). The turn state notes it has been answered, as
 * every adapter does, so the activity handler does not answer it a second time.
 */
export async function sendInvokeResponse(context: TurnContext, body: object): Promise<void> {
  const activity = { type: 'invokeResponse', value: { status: 200, body } };
  await context.sendActivity(activity);
  context.turnState.set(INVOKE_RESPONSE_KEY, activity);
}

/** Sends a card as a new message: the card that was pressed (if any) stays as it is. */
export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(cardActivity(context, card));
}

/**
 * Shows the next card of a conversation. In Teams, when the user pressed a button on the previous
 * card, that card is replaced so step cards don't pile up: in the invoke's response for a
 * Universal Action, by updating the message for an Action.Submit; elsewhere (and if the update
 * fails) the card is sent as a new message.
 */
export async function showCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  if (await answerInvoke(context, card)) return;
  const id = pressedCardId(context);
  if (id !== undefined) {
    try {
      await context.updateActivity({ ...cardActivity(context, card), id });
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
