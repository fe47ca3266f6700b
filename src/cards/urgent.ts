import { URGENT, type UrgentId } from '../content/urgent.js';
import { WORDS } from '../content/ui.js';
import { menuData, openData } from './actions.js';
import { bullets, callout, card, heading, more, paragraph, sourceLine, submit } from './elements.js';
import type { AdaptiveCard } from './schema.js';

/**
 * The first reply to someone who cannot get in: what to do now first (the helpdesk number, the
 * 24-hour exception, the way back in), then what else helps now, with "next time" on demand.
 * Its buttons open the matching step-by-step help and the menu, which work from any card.
 */
export function urgentCard(id: UrgentId): AdaptiveCard {
  const u = URGENT[id];
  const problem = id === 'lost_phone' ? 'new_phone' : id === 'abroad_locked_out' ? 'abroad' : 'locked_out';
  return card(
    [
      heading(u.title),
      callout([paragraph(u.now.text, { weight: 'Bolder' })], 'attention'),
      ...(u.alsoNow.length === 0 ? [] : [bullets(u.alsoNow.map((l) => l.text))]),
      ...more([bullets(u.nextTime.map((l) => l.text))], WORDS.nextTime),
      sourceLine([u.now.source, ...u.alsoNow.map((l) => l.source), ...u.nextTime.map((l) => l.source)]),
    ],
    [submit('Fix it step by step', openData('trouble', problem), 'positive'), submit(WORDS.backToMenu, menuData())],
    `${u.title}. ${u.now.text} ${u.alsoNow.map((l) => l.text).join(' ')}`,
  );
}
