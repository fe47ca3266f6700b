import { CONTACTS } from '../content/contacts.js';
import { MENU } from '../content/ui.js';
import { openData } from './actions.js';
import { actionSets, card, heading, paragraph, sourceLine, submit } from './elements.js';
import type { AdaptiveCard } from './schema.js';

/** The honest answer to a question outside what the bot knows: what it can do instead. */
export function notKnownCard(): AdaptiveCard {
  const text = 'Sorry, I don\'t know the answer to that one. I only know about NHSmail multi-factor authentication. Here\'s what I can help with, or you can tell us what you were looking for.';
  return card(
    [heading('I\'m not sure about that'), paragraph(text), ...actionSets(MENU.entries.map((e) => submit(e.label, openData(e.conversation))), 3), sourceLine([CONTACTS.feedback.source])],
    [],
    text,
  );
}
