import { BENEFITS, EIGHTY_PERCENT_NOTE, ROLLOUT, WHAT_IS_MFA, WHY_IT_MATTERS } from '../content/why.js';
import { WORDS } from '../content/ui.js';
import { flowData } from './actions.js';
import { bullets, card, facts, heading, paragraph, sourceLine, subheading, submit, subtle } from './elements.js';
import type { AdaptiveCard } from './schema.js';

export function whyCard(flow: string): AdaptiveCard {
  return card(
    [
      heading('Why MFA matters'),
      ...WHAT_IS_MFA.map((f) => paragraph(f.text)),
      subheading('Why it matters'),
      paragraph(WHY_IT_MATTERS.text),
      subtle(EIGHTY_PERCENT_NOTE.text),
      subheading('What it does for you'),
      bullets(BENEFITS.items),
      subheading('How it was rolled out'),
      facts(ROLLOUT.map((m) => [m.when, m.what] as const)),
      sourceLine([WHY_IT_MATTERS.source, EIGHTY_PERCENT_NOTE.source, ...ROLLOUT.map((m) => m.source)]),
    ],
    [submit(WORDS.setItUpNow, flowData(flow, 'read', 'setup'), 'positive'), submit(WORDS.backToMenu, flowData(flow, 'read', 'menu'))],
    `${WHAT_IS_MFA.map((f) => f.text).join(' ')} ${WHY_IT_MATTERS.text}`,
  );
}
