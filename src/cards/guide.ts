import { CHAT_ONLY_PREFIX, ENROL_TOTAL, enrolStepCard, nextSignInCard } from './enrolment.js';
import { compareCard } from './methods.js';
import type { Action, AdaptiveCard, Element } from './schema.js';
import { escalationCard, troubleStepCard } from './troubleshooting.js';
import { whyCard } from './why.js';
import { PROBLEM_IDS } from '../content/conversations.js';
import { PROBLEMS } from '../content/troubleshooting.js';
import { URGENT_IDS } from '../content/urgent.js';
import { urgentCard } from './urgent.js';

export interface GuideSection {
  readonly id: string;
  readonly title: string;
  readonly cards: readonly AdaptiveCard[];
}

export interface Guide {
  readonly sections: readonly GuideSection[];
}

/** The guide's sections: an "open" button for one of these jumps to it in the tab. */
const TAB_SECTIONS: readonly string[] = ['enrol', 'methods', 'trouble', 'why'];

/**
 * Buttons that do something in the tab: links, "More" toggles, and "open" buttons for a section
 * of the guide. Everything else (answers inside a conversation, the menu, questions for the bot,
 * practice and feedback) only works in the chat, so the tab leaves it out.
 */
function keepInTab(action: Action): boolean {
  if (action.type === 'Action.OpenUrl' || action.type === 'Action.ShowCard') return true;
  const { data } = action;
  return data.action === 'open' && typeof data.conversation === 'string' && TAB_SECTIONS.includes(data.conversation);
}

function withoutConversationButtons(elements: readonly Element[]): Element[] {
  return elements.flatMap((e): Element[] => {
    if ('id' in e && typeof e.id === 'string' && e.id.startsWith(CHAT_ONLY_PREFIX)) return [];
    switch (e.type) {
      case 'ActionSet': {
        const actions = e.actions.filter(keepInTab).map(insideShowCard);
        return actions.length === 0 ? [] : [{ ...e, actions }];
      }
      case 'Container':
        return [{ ...e, items: withoutConversationButtons(e.items) }];
      case 'ColumnSet':
        return [{ ...e, columns: e.columns.map((c) => ({ ...c, items: withoutConversationButtons(c.items) })) }];
      default:
        return [e];
    }
  });
}

/** What a "show" button opens is part of the card too: its chat-only buttons go as well. */
function insideShowCard(action: Action): Action {
  return action.type === 'Action.ShowCard' ? { ...action, card: { ...action.card, body: withoutConversationButtons(action.card.body) } } : action;
}

/** A chat card as the tab shows it: buttons that only mean something inside a conversation are left out. */
export function forTab(c: AdaptiveCard): AdaptiveCard {
  const actions = (c.actions ?? []).filter(keepInTab).map(insideShowCard);
  const { actions: _dropped, ...rest } = c;
  const body = withoutConversationButtons(c.body);
  return actions.length === 0 ? { ...rest, body } : { ...rest, body, actions };
}

/** The personal tab's guide: the same cards the bot sends in chat, grouped by section. */
export function buildGuide(): Guide {
  const flow = 'tab';
  const steps: AdaptiveCard[] = [];
  for (let step = 1; step <= ENROL_TOTAL; step++) steps.push(enrolStepCard(flow, step));
  steps.push(nextSignInCard(flow));
  const trouble = PROBLEM_IDS.flatMap((id) => PROBLEMS[id].steps.map((_s, i) => troubleStepCard(flow, id, i + 1)));
  const sections: GuideSection[] = [
    { id: 'enrol', title: 'Set up MFA, step by step', cards: steps },
    { id: 'methods', title: 'The methods compared', cards: [compareCard(flow)] },
    { id: 'trouble', title: 'Fix a problem', cards: [...URGENT_IDS.map((id) => urgentCard(id)), ...trouble, escalationCard()] },
    { id: 'why', title: 'Why MFA matters', cards: [whyCard(flow)] },
  ];
  return { sections: sections.map((s) => ({ ...s, cards: s.cards.map(forTab) })) };
}
