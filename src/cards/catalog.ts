import { PROBLEMS } from '../content/troubleshooting.js';
import { CHOOSER_QUESTION_IDS, recommend } from '../content/methods.js';
import { PROBLEM_IDS } from '../content/conversations.js';
import { buildPracticeSetup, PRACTICE_LIMITS } from '../practice/index.js';
import { nearMissTabCard, notKnownCard } from './answer.js';
import { forTab } from './guide.js';
import { ENROL_TOTAL, enrolStepCard, nextSignInCard } from './enrolment.js';
import {
  feedbackContactCard,
  feedbackEditCard,
  feedbackRatingCard,
  feedbackRoleCard,
  feedbackSummaryCard,
  feedbackTextCard,
  feedbackThanksCard,
  feedbackTopicCard,
  type FeedbackAnswers,
} from './feedback.js';
import { menuCard } from './menu.js';
import { reminderCard, reminderOfferCard } from './reminders.js';
import { REMINDERS } from '../content/reminders.js';
import { compareCard, methodsIntroCard, questionCard, recommendationCard } from './methods.js';
import {
  practiceClockOffCard,
  practiceEndedCard,
  practiceIntroCard,
  practiceNoMatchCard,
  practiceRemoveCard,
  practiceSetupCard,
  practiceSuccessCard,
} from './practice.js';
import type { AdaptiveCard } from './schema.js';
import { escalationCard, pickProblemCard, troubleStepCard } from './troubleshooting.js';
import { whyCard } from './why.js';
import { urgentCard } from './urgent.js';
import { URGENT_IDS } from '../content/urgent.js';

export interface NamedCard {
  readonly name: string;
  readonly card: AdaptiveCard;
}

const BOOLS = [undefined, true, false] as const;

/** An example practice secret (32 Base32 characters, like a real one) for the set-up card's QR code. */
const SAMPLE_PRACTICE_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The practice cards, with a real QR code of an example secret (so the size check is real). */
async function practiceCards(flow: string): Promise<NamedCard[]> {
  const setup = await buildPracticeSetup(SAMPLE_PRACTICE_SECRET);
  const minutes = PRACTICE_LIMITS.lifetimeMs / 60_000;
  const retry = { kind: 'retry', triesLeft: PRACTICE_LIMITS.maxTries - 1, minutesLeft: minutes - 1 } as const;
  const out = { kind: 'out-of-tries' } as const;
  return [
    { name: 'practice-intro', card: practiceIntroCard(flow) },
    { name: 'practice-setup', card: practiceSetupCard(flow, 'a1-t0', setup, { triesLeft: PRACTICE_LIMITS.maxTries, minutesLeft: minutes }) },
    { name: 'practice-success', card: practiceSuccessCard(flow, 'a1-ok') },
    { name: 'practice-clock-fast', card: practiceClockOffCard(flow, 'a1-t1', { direction: 'fast', approxMinutes: 3 }, retry) },
    { name: 'practice-clock-slow-last', card: practiceClockOffCard(flow, 'a1-end', { direction: 'slow', approxMinutes: 1 }, out) },
    { name: 'practice-no-match', card: practiceNoMatchCard(flow, 'a1-t1', retry) },
    { name: 'practice-no-match-last', card: practiceNoMatchCard(flow, 'a1-end', out) },
    { name: 'practice-expired', card: practiceEndedCard(flow, 'a1-end', 'expired') },
    { name: 'practice-out-of-tries', card: practiceEndedCard(flow, 'a1-end', 'out-of-tries') },
    { name: 'practice-remove', card: practiceRemoveCard() },
    { name: 'practice-remove-enrol', card: practiceRemoveCard('enrol') },
    { name: 'practice-remove-trouble', card: practiceRemoveCard('trouble') },
  ];
}

/** Example answers for the feedback cards: a full one, and the longest text a user may send. */
const FEEDBACK_EXAMPLE: FeedbackAnswers = {
  category: 'authenticator app',
  rating: 2,
  text: 'The code [code removed] was refused until I set the phone clock to automatic.',
  removed: ['code'],
  role: 'pharmacist',
  contact: { name: 'Jo Bloggs', email: 'jo.bloggs@nhs.net' },
};
const FEEDBACK_LONGEST: FeedbackAnswers = { category: 'other', rating: null, text: 'Long feedback. '.repeat(134).slice(0, 2000), role: null, contact: null };

/**
 * The feedback cards. Those named `feedback-form-…` only ask or repeat the user's answers (no
 * facts, so no source line); the first question and the thanks state a fact and name its source.
 */
function feedbackCards(flow: string): NamedCard[] {
  const step = (n: number) => ({ flow, at: `q${n}`, editing: false, progress: { n, total: 5 } });
  const editing = { flow, at: 'change', editing: true };
  return [
    { name: 'feedback-topic', card: feedbackTopicCard(step(1)) },
    { name: 'feedback-form-topic-editing', card: feedbackTopicCard(editing, FEEDBACK_EXAMPLE) },
    { name: 'feedback-form-rating', card: feedbackRatingCard(step(2)) },
    { name: 'feedback-form-rating-editing', card: feedbackRatingCard(editing, FEEDBACK_EXAMPLE) },
    { name: 'feedback-form-text', card: feedbackTextCard(step(3)) },
    { name: 'feedback-form-text-editing', card: feedbackTextCard(editing, FEEDBACK_LONGEST) },
    { name: 'feedback-form-role', card: feedbackRoleCard(step(4)) },
    { name: 'feedback-form-contact', card: feedbackContactCard(step(5)) },
    { name: 'feedback-form-contact-editing', card: feedbackContactCard(editing, FEEDBACK_EXAMPLE) },
    { name: 'feedback-form-summary', card: feedbackSummaryCard(flow, 'summary', FEEDBACK_EXAMPLE, true) },
    { name: 'feedback-form-summary-longest', card: feedbackSummaryCard(flow, 'summary', FEEDBACK_LONGEST, true) },
    { name: 'feedback-form-summary-outside-teams', card: feedbackSummaryCard(flow, 'summary', { ...FEEDBACK_EXAMPLE, contact: null }, false) },
    { name: 'feedback-form-summary-no-email', card: feedbackSummaryCard(flow, 'summary', { ...FEEDBACK_EXAMPLE, contact: null, contactMissing: true }, true) },
    { name: 'feedback-form-edit', card: feedbackEditCard(flow, 'edit', true) },
    { name: 'feedback-form-edit-outside-teams', card: feedbackEditCard(flow, 'edit', false) },
    { name: 'feedback-thanks', card: feedbackThanksCard('FB-7K3Q', { webhookConfigured: true }) },
    { name: 'feedback-thanks-kept', card: feedbackThanksCard('FB-7K3Q', { webhookConfigured: false }) },
  ];
}

/**
 * Every card the guided conversations can send, by name: for checks, and for the tab's guide.
 * Async because the practice set-up card carries a generated QR code image.
 */
export async function catalogue(flow = 'catalogue'): Promise<readonly NamedCard[]> {
  const cards: NamedCard[] = [
    { name: 'menu', card: menuCard() },
    { name: 'menu-resume', card: menuCard({ resume: { step: 3, total: ENROL_TOTAL } }) },
    { name: 'menu-resume-remind', card: menuCard({ resume: { step: 3, total: ENROL_TOTAL }, reminders: true }) },
    { name: 'reminder-offer', card: reminderOfferCard(REMINDERS.paused) },
    { name: 'reminder', card: reminderCard(3, ENROL_TOTAL) },
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
  for (const id of URGENT_IDS) cards.push({ name: `urgent-${id}`, card: urgentCard(id) });
  cards.push({ name: 'not-known', card: notKnownCard() });
  cards.push({ name: 'not-known-near-miss', card: notKnownCard(['methods.backup', 'methods.change']) });
  cards.push({ name: 'tab-near-miss', card: forTab(nearMissTabCard(['enrol.how', 'trouble.new_phone'])) });
  cards.push(...(await practiceCards(flow)));
  cards.push(...feedbackCards(flow));
  return cards;
}
