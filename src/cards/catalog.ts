import { PROBLEMS } from '../content/troubleshooting.js';
import { CHOOSER_QUESTION_IDS, recommend } from '../content/methods.js';
import { PROBLEM_IDS } from '../content/conversations.js';
import { notKnownCard } from './answer.js';
import { ENROL_TOTAL, enrolStepCard, nextSignInCard } from './enrolment.js';
import { menuCard } from './menu.js';
import { compareCard, methodsIntroCard, questionCard, recommendationCard } from './methods.js';
import type { AdaptiveCard } from './schema.js';
import { escalationCard, pickProblemCard, troubleStepCard } from './troubleshooting.js';
import { whyCard } from './why.js';

export interface NamedCard {
  readonly name: string;
  readonly card: AdaptiveCard;
}

const BOOLS = [undefined, true, false] as const;

/** Every card the guided conversations can send, by name: for checks, and for the tab's guide. */
export function catalogue(flow = 'catalogue'): readonly NamedCard[] {
  const cards: NamedCard[] = [
    { name: 'menu', card: menuCard() },
    { name: 'menu-resume', card: menuCard({ resume: { step: 3, total: ENROL_TOTAL } }) },
    { name: 'why', card: whyCard(flow) },
  ];
  for (let step = 1; step <= ENROL_TOTAL; step++) cards.push({ name: `enrol-step-${step}`, card: enrolStepCard(flow, step) });
  cards.push({ name: 'enrol-signin', card: nextSignInCard(flow) });
  cards.push({ name: 'methods-intro', card: methodsIntroCard(flow) }, { name: 'methods-compare', card: compareCard(flow) });
  CHOOSER_QUESTION_IDS.forEach((q, i) => cards.push({ name: `methods-question-${q}`, card: questionCard(flow, q, i + 1) }));
  const seen = new Set<string>();
  for (const smartphone of BOOLS) for (const installApp of BOOLS) for (const signal of BOOLS) {
    const rec = recommend({ ...(smartphone === undefined ? {} : { smartphone }), ...(installApp === undefined ? {} : { installApp }), ...(signal === undefined ? {} : { signal }) });
    if (seen.has(rec.title)) continue;
    seen.add(rec.title);
    cards.push({ name: `methods-result-${rec.method}-${seen.size}`, card: recommendationCard(flow, rec) });
  }
  for (const step of [undefined, 1, 2, 3, 4, 5]) cards.push({ name: `trouble-pick-${step ?? 'none'}`, card: pickProblemCard(flow, step) });
  for (const id of PROBLEM_IDS) {
    PROBLEMS[id].steps.forEach((_s, i) => cards.push({ name: `trouble-${id}-${i + 1}`, card: troubleStepCard(flow, id, i + 1) }));
  }
  cards.push({ name: 'escalation', card: escalationCard() });
  cards.push({ name: 'not-known', card: notKnownCard() });
  return cards;
}
