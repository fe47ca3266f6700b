/**
 * Renders the bot's Adaptive Cards in the page with the adaptivecards SDK. Links (Action.OpenUrl)
 * open in a new window; buttons meant for the bot (Action.Submit, Action.Execute) go to
 * handlers.onBotAction, which botActions.ts helps to interpret. Action.ShowCard and
 * Action.ToggleVisibility work inside the card as in Teams.
 */
import * as AC from 'adaptivecards';
import type { CardJson } from './api.js';
import { markdownToHtml } from './markdown.js';

AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdownToHtml(text);
  result.didProcess = true;
};
// Cards sit in a page: their own controls are tab stops, the card itself need not be.
AC.GlobalSettings.setTabIndexAtCardRoot = false;

export interface CardHandlers {
  readonly onBotAction: (data: unknown, card: HTMLElement) => void;
}

const SAFE_URL = /^(https:\/\/|mailto:|tel:)/i;

/** Renders one card; undefined if the SDK could not make anything of it. */
export function renderCard(json: CardJson, hostConfig: AC.HostConfig, handlers: CardHandlers): HTMLElement | undefined {
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.parse(json);
  const element = card.render();
  if (!element) return undefined;
  card.onExecuteAction = (action) => {
    if (action instanceof AC.OpenUrlAction) {
      if (action.url && SAFE_URL.test(action.url)) window.open(action.url, '_blank', 'noopener,noreferrer');
    } else if (action instanceof AC.SubmitAction || action instanceof AC.ExecuteAction) {
      handlers.onBotAction(action.data, element);
    }
  };
  return element;
}

export function makeHostConfig(json: Record<string, unknown>): AC.HostConfig {
  return new AC.HostConfig(json);
}
