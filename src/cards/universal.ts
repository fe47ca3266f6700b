import type { Action, AdaptiveCard, Element } from './schema.js';

function downgradeAction(action: Action): Action {
  if (action.type !== 'Action.Execute') return action;
  return action.associatedInputs === undefined ? action.fallback : { ...action.fallback, associatedInputs: action.associatedInputs };
}

function downgradeElements(elements: readonly Element[]): Element[] {
  return elements.map((e): Element => {
    switch (e.type) {
      case 'ActionSet':
        return { ...e, actions: e.actions.map(downgradeAction) };
      case 'Container':
        return { ...e, items: downgradeElements(e.items) };
      case 'ColumnSet':
        return { ...e, columns: e.columns.map((c) => ({ ...c, items: downgradeElements(c.items) })) };
      default:
        return e;
    }
  });
}

/**
 * The card with every Universal Action replaced by its Action.Submit fallback, for hosts that
 * render Action.Execute but do not send it anywhere (Web Chat 4.18 logs "unknown action"), or that
 * only know Action.Submit (the Emulator, the terminal chat). The press data is the same either way.
 */
export function withSubmitButtons(card: AdaptiveCard): AdaptiveCard {
  return { ...card, body: downgradeElements(card.body), ...(card.actions === undefined ? {} : { actions: card.actions.map(downgradeAction) }) };
}
