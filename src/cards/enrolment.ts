import { ENROLMENT_STEPS, NEXT_SIGN_IN } from '../content/enrolment.js';
import { PRACTICE } from '../content/practice.js';
import { WORDS } from '../content/ui.js';
import { flowData } from './actions.js';
import { bullets, callout, card, heading, paragraph, sourceLine, subtle, submit } from './elements.js';
import type { AdaptiveCard, SubmitAction } from './schema.js';

/** Elements whose id starts with this only make sense beside chat buttons: the tab leaves them out. */
export const CHAT_ONLY_PREFIX = 'chat-only-';

export const ENROL_TOTAL = ENROLMENT_STEPS.length;

/** Step cards are numbered from 1 as the user sees them. */
export function enrolStepCard(flow: string, step: number): AdaptiveCard {
  const content = ENROLMENT_STEPS[step - 1];
  if (content === undefined) throw new RangeError(`No enrolment step ${step}`);
  const at = `step-${step}`;
  const actions: SubmitAction[] = [];
  if (step > 1) actions.push(submit(WORDS.back, flowData(flow, at, 'back')));
  actions.push(submit(WORDS.next, flowData(flow, at, 'next'), 'positive'));
  if (content.offerPractice === true) actions.push(submit(PRACTICE.practiseFirst, flowData(flow, at, 'practise')));
  actions.push(submit(WORDS.stuck, flowData(flow, at, 'stuck')));
  actions.push(submit(WORDS.cancel, flowData(flow, at, 'cancel')));
  return card(
    [
      subtle(`Step ${step} of ${ENROL_TOTAL}`),
      heading(content.title),
      paragraph(content.detail),
      ...(content.tip === undefined ? [] : [callout([paragraph(content.tip.text, { isSubtle: true })])]),
      sourceLine(content.tip === undefined ? [content.source] : [content.source, content.tip.source]),
    ],
    actions,
    `Step ${step} of ${ENROL_TOTAL}: ${content.title}. ${content.detail}`,
  );
}

export function nextSignInCard(flow: string): AdaptiveCard {
  const at = 'signin';
  return card(
    [
      subtle('After the portal'),
      heading(NEXT_SIGN_IN.title),
      bullets(NEXT_SIGN_IN.points),
      paragraph(WORDS.didItWork, { weight: 'Bolder', spacing: 'Medium', id: CHAT_ONLY_PREFIX + 'did-it-work' }),
      sourceLine([NEXT_SIGN_IN.source, ...NEXT_SIGN_IN.extraSources]),
    ],
    [
      submit(WORDS.itWorked, flowData(flow, at, 'worked'), 'positive'),
      submit(WORDS.itDidNot, flowData(flow, at, 'failed')),
      ...(NEXT_SIGN_IN.offerPractice ? [submit(PRACTICE.practiseFirst, flowData(flow, at, 'practise'))] : []),
      submit(WORDS.back, flowData(flow, at, 'back')),
    ],
    `${NEXT_SIGN_IN.title}. ${NEXT_SIGN_IN.points.join(' ')} ${WORDS.didItWork}`,
  );
}
