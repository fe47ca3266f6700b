import { REMINDERS } from '../content/reminders.js';
import { openData, reminderData } from './actions.js';
import { actionSets, card, heading, paragraph, submit } from './elements.js';
import type { AdaptiveCard } from './schema.js';

/** The two reminder buttons. */
export function reminderButtons() {
  return actionSets([submit(REMINDERS.tomorrow, reminderData('tomorrow')), submit(REMINDERS.nextWeek, reminderData('nextWeek'))]);
}

/** A walkthrough paused with its place kept: what was said, and the offer of a reminder. */
export function reminderOfferCard(text: string): AdaptiveCard {
  return card([paragraph(text), paragraph(REMINDERS.pausedOffer, { spacing: 'Small' }), ...reminderButtons()], [], `${text} ${REMINDERS.pausedOffer}`);
}

/** The reminder, sent once when it is due: Continue (back to the kept step) or Not now. */
export function reminderCard(step: number, total: number): AdaptiveCard {
  const text = REMINDERS.reminderText(step, total);
  return card(
    [heading(REMINDERS.reminderTitle), paragraph(text), ...actionSets([submit(REMINDERS.continue, openData('enrol'), 'positive'), submit(REMINDERS.notNowButton, reminderData('notNow'))])],
    [],
    `${REMINDERS.reminderTitle} ${text}`,
  );
}
