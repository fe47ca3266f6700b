import type { ActionData } from './actions.js';
import type { Action, AdaptiveCard, Element, ShowCardAction } from './schema.js';

export type CardButton =
  | { readonly kind: 'submit'; readonly title: string; readonly data: ActionData }
  | { readonly kind: 'url'; readonly title: string; readonly url: string };

/** A press (Action.Execute or its Action.Submit fallback) is a `submit` button: both carry the same data. */
function fromAction(a: Exclude<Action, ShowCardAction>): CardButton {
  return a.type === 'Action.OpenUrl' ? { kind: 'url', title: a.title, url: a.url } : { kind: 'submit', title: a.title, data: a.data };
}

/** Buttons that do something beyond the card; "More" (Action.ShowCard) only opens part of the card itself. */
function isButton(a: Action): a is Exclude<Action, ShowCardAction> {
  return a.type !== 'Action.ShowCard';
}

function inElements(elements: readonly Element[]): CardButton[] {
  return elements.flatMap((e): CardButton[] => {
    switch (e.type) {
      case 'ActionSet':
        return e.actions.filter(isButton).map(fromAction);
      case 'Container':
        return inElements(e.items);
      case 'ColumnSet':
        return e.columns.flatMap((c) => inElements(c.items));
      default:
        return [];
    }
  });
}

/** Every button on a card, in reading order. */
export function buttonsOf(card: AdaptiveCard): readonly CardButton[] {
  return [...inElements(card.body), ...(card.actions ?? []).filter(isButton).map(fromAction)];
}

export function normaliseChoice(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The button a typed reply names: its title typed out ("next", "I'm stuck"). */
export function buttonNamed(card: AdaptiveCard, text: string): CardButton | undefined {
  const wanted = normaliseChoice(text);
  if (wanted === '') return undefined;
  return buttonsOf(card).find((b) => normaliseChoice(b.title) === wanted);
}
