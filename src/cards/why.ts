import { CONTACTS } from '../content/contacts.js';
import { BENEFITS, EIGHTY_PERCENT_NOTE, ROLLOUT, WHAT_IS_MFA, WHY_ANSWER, WHY_IT_MATTERS } from '../content/why.js';
import { WORDS } from '../content/ui.js';
import { flowData } from './actions.js';
import { bullets, card, heading, more, paragraph, sourceLine, stacked, subheading, submit, subtle } from './elements.js';
import type { AdaptiveCard } from './schema.js';

/**
 * Why MFA, answer first: "yes, it is mandatory" and what happened to people without it, then one
 * line on what it is; why it matters, the benefits and the dates wait under "More". Dates are
 * stacked over their text, never in a narrow column.
 */
export function whyCard(flow: string): AdaptiveCard {
  const readMore = CONTACTS.readMore.map((r) => `[${r.label}](${r.url})`).join(' · ');
  return card(
    [
      heading('Why MFA matters'),
      paragraph(WHY_ANSWER.text, { weight: 'Bolder' }),
      ...WHAT_IS_MFA.slice(0, 1).map((f) => paragraph(f.text)),
      ...more([
        ...WHAT_IS_MFA.slice(1).map((f) => paragraph(f.text)),
        subheading('Why it matters'),
        paragraph(WHY_IT_MATTERS.text),
        subtle(EIGHTY_PERCENT_NOTE.text),
        subheading('What it does for you'),
        bullets(BENEFITS.items),
        subheading('How it was rolled out'),
        stacked(ROLLOUT.map((m) => [m.when, m.what] as const)),
        subtle(`Read more: ${readMore}`),
        sourceLine([WHY_IT_MATTERS.source, EIGHTY_PERCENT_NOTE.source, ...ROLLOUT.map((m) => m.source), ...CONTACTS.readMore.map((r) => r.source)]),
      ], WORDS.more),
      sourceLine([WHY_ANSWER.source, ...WHAT_IS_MFA.map((f) => f.source)]),
    ],
    [submit(WORDS.setItUpNow, flowData(flow, 'read', 'setup'), 'positive'), submit(WORDS.backToMenu, flowData(flow, 'read', 'menu'))],
    `${WHY_ANSWER.text} ${WHAT_IS_MFA.map((f) => f.text).join(' ')} ${WHY_IT_MATTERS.text}`,
  );
}
