import { MENU } from '../content/ui.js';
import { openData } from './actions.js';
import { actionSets, card, heading, paragraph, submit, subtle } from './elements.js';
import type { AdaptiveCard } from './schema.js';

export interface MenuOptions {
  /** A walkthrough left part-way, offered as "Continue set-up". */
  readonly resume?: { readonly step: number; readonly total: number };
  readonly intro?: string;
}

/** Menu entries per row: six entries make two even rows, well inside Teams' five buttons a row. */
const MENU_ROW = 3;

export function menuCard(options: MenuOptions = {}): AdaptiveCard {
  const entries = actionSets(MENU.entries.map((e) => submit(e.label, openData(e.conversation))), MENU_ROW);
  const resume = options.resume === undefined ? [] : actionSets([submit(MENU.continueLabel(options.resume.step, options.resume.total), openData('enrol'), 'positive')]);
  return card(
    [heading(MENU.title), paragraph(options.intro ?? MENU.intro), ...resume, ...entries, subtle(MENU.privacy)],
    [],
    `${MENU.intro} Options: ${MENU.entries.map((e) => e.label).join(', ')}.`,
  );
}
