import { ENROL_TOTAL, enrolStepCard, nextSignInCard } from './enrolment.js';
import { compareCard } from './methods.js';
import type { Action, AdaptiveCard, Element } from './schema.js';
import { escalationCard, troubleStepCard } from './troubleshooting.js';
import { whyCard } from './why.js';
import { PROBLEM_IDS } from '../content/conversations.js';
import { PROBLEMS } from '../content/troubleshooting.js';

export interface GuideSection {
  readonly id: string;
  readonly title: string;
  readonly cards: readonly AdaptiveCard[];
}

export interface Guide {
  readonly sections: readonly GuideSection[];
}

function keepInTab(action: Action): boolean {
  return action.type === 'Action.OpenUrl' || action.data.action !== 'flow';
}

function withoutConversationButtons(elements: readonly Element[]): Element[] {
  return elements.flatMap((e): Element[] => {
    switch (e.type) {
      case 'ActionSet': {
        const actions = e.actions.filter(keepInTab);
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

/** A chat card as the tab shows it: buttons that only mean something inside a conversation are left out. */
export function forTab(c: AdaptiveCard): AdaptiveCard {
  const actions = (c.actions ?? []).filter(keepInTab);
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
    { id: 'trouble', title: 'Fix a problem', cards: [...trouble, escalationCard()] },
    { id: 'why', title: 'Why MFA matters', cards: [whyCard(flow)] },
  ];
  return { sections: sections.map((s) => ({ ...s, cards: s.cards.map(forTab) })) };
}
