import { URGENT, URGENT_PROBLEM, type UrgentId } from '../content/urgent.js';
import { WORDS } from '../content/ui.js';
import { flowData, menuData, openData } from './actions.js';
import { bullets, callout, card, heading, more, paragraph, sourceLine, submit } from './elements.js';
import type { AdaptiveCard } from './schema.js';

/**
 * The first reply to someone who cannot get in: what to do now first (the helpdesk number, the
 * 24-hour exception, the way back in), then what else helps now, with "next time" on demand.
 * Its buttons open the matching step-by-step help and the menu, which work from any card. Shown as
 * the first card of a troubleshooting conversation (`inFlow`), "Fix it step by step" is that
 * conversation's own button, so typing it works too.
 */
export function urgentCard(id: UrgentId, inFlow?: { readonly flow: string; readonly at: string }): AdaptiveCard {
  const u = URGENT[id];
  const problem = URGENT_PROBLEM[id];
  return card(
    [
      heading(u.title),
      callout([paragraph(u.now.text, { weight: 'Bolder' })], 'attention'),
      ...(u.alsoNow.length === 0 ? [] : [bullets(u.alsoNow.map((l) => l.text))]),
      ...more([bullets(u.nextTime.map((l) => l.text))], WORDS.nextTime),
      sourceLine([u.now.source, ...u.alsoNow.map((l) => l.source), ...u.nextTime.map((l) => l.source)]),
    ],
    [
      submit(WORDS.fixStepByStep, inFlow === undefined ? openData('trouble', problem) : flowData(inFlow.flow, inFlow.at, 'steps'), 'positive'),
      submit(WORDS.backToMenu, menuData()),
    ],
    `${u.title}. ${u.now.text} ${u.alsoNow.map((l) => l.text).join(' ')}`,
  );
}
