import { MENU } from '../content/ui.js';
import { openData } from './actions.js';
import { actionSets, card, heading, paragraph, submit, subtle } from './elements.js';
import type { AdaptiveCard } from './schema.js';

export interface MenuOptions {
  /** A walkthrough left part-way, offered as "Continue set-up". */
  readonly resume?: { readonly step: number; readonly total: number };
  readonly intro?: string;
}

export function menuCard(options: MenuOptions = {}): AdaptiveCard {
  const actions = MENU.entries.map((e) => submit(e.label, openData(e.conversation)));
  const resume = options.resume === undefined ? [] : actionSets([submit(MENU.continueLabel(options.resume.step, options.resume.total), openData('enrol'), 'positive')]);
  return card(
    [heading(MENU.title), paragraph(options.intro ?? MENU.intro), ...resume, subtle(MENU.privacy)],
    actions,
    `${MENU.intro} Options: ${MENU.entries.map((e) => e.label).join(', ')}.`,
  );
}
