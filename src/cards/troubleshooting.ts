import { CONTACTS } from '../content/contacts.js';
import { PROBLEM_IDS, type ProblemId } from '../content/conversations.js';
import { ENROLMENT_STEPS } from '../content/enrolment.js';
import { PRACTICE } from '../content/practice.js';
import { ESCALATION, PROBLEMS } from '../content/troubleshooting.js';
import { WORDS } from '../content/ui.js';
import { flowData, menuData, openData } from './actions.js';
import { actionSets, callout, card, facts, heading, more, paragraph, sourceLine, subheading, submit, subtle } from './elements.js';
import type { Element } from './schema.js';
import type { AdaptiveCard, SubmitAction } from './schema.js';
import type { SourceId } from '../content/sources.js';

/** The problems in the order offered; when the user was stuck on an enrolment step, its likeliest first. */
export function problemOrder(enrolStep?: number): readonly ProblemId[] {
  const all = PROBLEM_IDS;
  const first: ProblemId | undefined = enrolStep === 1 ? 'locked_out' : enrolStep === 5 ? 'no_smartphone' : undefined;
  return first === undefined ? all : [first, ...all.filter((p) => p !== first)];
}

/**
 * This step's own problems, each a toggle that opens its answer in place (nothing is sent, so it
 * needs no conversation to work). Where the sources are silent the answer says so and names who helps.
 */
function stepHelp(enrolStep: number): { readonly elements: Element[]; readonly sources: SourceId[] } {
  const stuck = ENROLMENT_STEPS[enrolStep - 1]?.stuck ?? [];
  const elements = stuck.flatMap((h) => more([callout([paragraph(h.text)])], h.title));
  return { elements, sources: stuck.map((h) => h.source) };
}

export function pickProblemCard(flow: string, enrolStep?: number): AdaptiveCard {
  const at = 'pick';
  const stepTitle = enrolStep === undefined ? undefined : ENROLMENT_STEPS[enrolStep - 1]?.title;
  const intro =
    stepTitle === undefined
      ? 'What\'s going wrong? Pick the closest and I\'ll take you through it one step at a time.'
      : `You were on step ${enrolStep} of ${ENROLMENT_STEPS.length}: ${stepTitle}. Is it one of these?`;
  const help = enrolStep === undefined ? { elements: [], sources: [] } : stepHelp(enrolStep);
  const problems = problemOrder(enrolStep).map((id) => submit(PROBLEMS[id].label, flowData(flow, at, id)));
  const actions: SubmitAction[] = [];
  if (enrolStep !== undefined) actions.push(submit(`Back to step ${enrolStep}`, openData('enrol')));
  actions.push(submit(WORDS.cancel, flowData(flow, at, 'cancel')));
  return card(
    [
      heading('Let\'s fix it'),
      paragraph(intro),
      ...help.elements,
      ...(help.elements.length === 0 ? [] : [subheading('Something else?')]),
      ...actionSets(problems),
      ...(help.sources.length === 0 ? [] : [sourceLine(help.sources)]),
    ],
    actions,
    intro,
  );
}

export function troubleStepCard(flow: string, problem: ProblemId, step: number): AdaptiveCard {
  const p = PROBLEMS[problem];
  const s = p.steps[step - 1];
  if (s === undefined) throw new RangeError(`No step ${step} for ${problem}`);
  const at = `${problem}-${step}`;
  return card(
    [
      subtle(`${p.label} · Step ${step} of ${p.steps.length}`),
      ...(step === 1 && p.urgent !== undefined ? [callout([paragraph(`${p.urgent.title}? ${p.urgent.now.text}`, { weight: 'Bolder' })], 'attention')] : []),
      ...(step === 1 ? [paragraph(p.intro, { isSubtle: true })] : []),
      heading(s.title),
      paragraph(s.text),
      ...(p.offerPractice === true ? actionSets([submit(PRACTICE.practiseClock, flowData(flow, at, 'practise'))]) : []),
      sourceLine(step === 1 && p.urgent !== undefined ? [p.urgent.now.source, s.source] : [s.source]),
    ],
    [
      submit(WORDS.fixedIt, flowData(flow, at, 'fixed'), 'positive'),
      submit(WORDS.stillStuck, flowData(flow, at, 'stuck')),
      ...(step > 1 ? [submit(WORDS.back, flowData(flow, at, 'back'))] : []),
      submit(WORDS.cancel, flowData(flow, at, 'cancel')),
    ],
    `${step === 1 && p.urgent !== undefined ? `${p.urgent.title}? ${p.urgent.now.text} ` : ''}${s.title}. ${s.text}`,
  );
}

export function escalationCard(): AdaptiveCard {
  const { helpdesk, localAdmin } = ESCALATION;
  return card(
    [
      heading(ESCALATION.title),
      paragraph(ESCALATION.intro),
      callout([paragraph('Your Local Administrator', { weight: 'Bolder' }), paragraph(localAdmin.description)]),
      callout([
        paragraph(helpdesk.name, { weight: 'Bolder' }),
        facts([
          ['Phone', helpdesk.phone],
          ['Email', helpdesk.email],
          ['Open', helpdesk.hours],
        ]),
      ]),
      paragraph(ESCALATION.feedbackOffer, { spacing: 'Medium' }),
      sourceLine([localAdmin.source, helpdesk.source, CONTACTS.botFeedback.source, CONTACTS.feedback.source]),
    ],
    [
      submit(WORDS.giveFeedback, openData('feedback')),
      submit('Another problem', openData('trouble')),
      submit(WORDS.backToMenu, menuData()),
    ],
    `${ESCALATION.title}. ${localAdmin.description} ${helpdesk.name}: ${helpdesk.phone}, ${helpdesk.email}, ${helpdesk.hours}.`,
  );
}
