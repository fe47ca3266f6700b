import { buttonsOf } from '../../src/cards/choices.js';
import { isAdaptiveCard } from '../../src/cards/guards.js';
import type { AdaptiveCard } from '../../src/cards/schema.js';

/** The Adaptive Cards among a turn's reply activities. */
export function cardsOf(activities: unknown[]): AdaptiveCard[] {
  return activities.flatMap((a) => {
    if (typeof a !== 'object' || a === null || !('attachments' in a) || !Array.isArray(a.attachments)) return [];
    return a.attachments.flatMap((att: unknown) =>
      typeof att === 'object' && att !== null && 'content' in att && isAdaptiveCard(att.content) ? [att.content] : [],
    );
  });
}

/** The activity a user sends by pressing the button with this title on a card. */
export function pressOn(card: AdaptiveCard | undefined, title: string): { type: 'message'; value: unknown } {
  const b = card === undefined ? undefined : buttonsOf(card).find((x) => x.title === title);
  if (b?.kind !== 'submit') throw new Error(`no button ${title}`);
  return { type: 'message', value: b.data };
}

/** The text of every message among a turn's reply activities. */
export function textsOf(activities: unknown[]): string[] {
  return activities.flatMap((a) => (typeof a === 'object' && a !== null && 'text' in a && typeof a.text === 'string' ? [a.text] : []));
}
