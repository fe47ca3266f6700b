import { MENU } from '../content/ui.js';
import { openData, parseAction } from './actions.js';
import { buttonsOf } from './choices.js';
import { actionSets, card, heading, paragraph, submit, subtle } from './elements.js';
import { reminderButtons } from './reminders.js';
import type { AdaptiveCard } from './schema.js';

/** A walkthrough left part-way: the step to go back to, of how many. */
export interface KeptPlace {
  readonly step: number;
  readonly total: number;
}

export interface MenuOptions {
  /** A walkthrough left part-way, offered as "Continue set-up". */
  readonly resume?: KeptPlace;
  /** With `resume`: offer "Remind me tomorrow" and "Remind me next week" under it (just after the walkthrough was left). */
  readonly reminders?: boolean;
  readonly intro?: string;
}

function continueButtons(place: KeptPlace) {
  return actionSets([submit(MENU.continueLabel(place.step, place.total), openData('enrol'), 'positive')]);
}

/**
 * Any card shown while a walkthrough's place is kept offers "Continue set-up" at its foot, unless
 * it already has a button that opens the walkthrough.
 */
export function withContinue(shown: AdaptiveCard, place: KeptPlace): AdaptiveCard {
  const opensEnrol = buttonsOf(shown).some((b) => {
    if (b.kind !== 'submit') return false;
    const action = parseAction(b.data);
    return action?.action === 'open' && action.conversation === 'enrol';
  });
  return opensEnrol ? shown : { ...shown, body: [...shown.body, ...continueButtons(place)] };
}

/** Menu entries per row: six entries make two even rows, well inside Teams' five buttons a row. */
const MENU_ROW = 3;

export function menuCard(options: MenuOptions = {}): AdaptiveCard {
  const entries = actionSets(MENU.entries.map((e) => submit(e.label, openData(e.conversation))), MENU_ROW);
  const resume = options.resume === undefined ? [] : [...continueButtons(options.resume), ...(options.reminders === true ? reminderButtons() : [])];
  return card(
    [heading(MENU.title), paragraph(options.intro ?? MENU.intro), ...resume, ...entries, subtle(MENU.privacy)],
    [],
    `${MENU.intro} Options: ${MENU.entries.map((e) => e.label).join(', ')}.`,
  );
}
