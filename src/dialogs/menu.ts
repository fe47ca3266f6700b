import type { TurnContext } from 'botbuilder';
import { ENROL_TOTAL } from '../cards/enrolment.js';
import { menuCard } from '../cards/menu.js';
import type { EnrolProgressStore } from './progress.js';
import { sendCard } from './send.js';

/** Sends the welcome/menu card, offering to continue a walkthrough left part-way (and, just after leaving it, a reminder). */
export async function sendMenu(context: TurnContext, progress: EnrolProgressStore, intro?: string, offerReminder = false): Promise<void> {
  const saved = await progress.get(context);
  const resume = saved === undefined || saved.step <= 1 ? undefined : { step: Math.min(saved.step, ENROL_TOTAL), total: ENROL_TOTAL };
  await sendCard(context, menuCard({ ...(resume === undefined ? {} : { resume, reminders: offerReminder }), ...(intro === undefined ? {} : { intro }) }));
}
