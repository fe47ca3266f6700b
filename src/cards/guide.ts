import { ENROL_TOTAL, enrolStepCard, nextSignInCard } from './enrolment.js';
import { compareCard } from './methods.js';
import type { AdaptiveCard } from './schema.js';
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

/** The personal tab's guide: the same cards the bot sends in chat, grouped by section. */
export function buildGuide(): Guide {
  const flow = 'tab';
  const steps: AdaptiveCard[] = [];
  for (let step = 1; step <= ENROL_TOTAL; step++) steps.push(enrolStepCard(flow, step));
  steps.push(nextSignInCard(flow));
  const trouble = PROBLEM_IDS.flatMap((id) => PROBLEMS[id].steps.map((_s, i) => troubleStepCard(flow, id, i + 1)));
  return {
    sections: [
      { id: 'enrol', title: 'Set up MFA, step by step', cards: steps },
      { id: 'methods', title: 'The methods compared', cards: [compareCard(flow)] },
      { id: 'trouble', title: 'Fix a problem', cards: [...trouble, escalationCard()] },
      { id: 'why', title: 'Why MFA matters', cards: [whyCard(flow)] },
    ],
  };
}
