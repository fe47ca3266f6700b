import { formatDuration } from '../feedback/time.js';
import type { ReminderSummary } from './model.js';

/** Most reminders `status` prints one by one; the count covers the rest. */
const MAX_LISTED = 50;

/** The reminders part of `npm run feedback -- status`: hashed keys, channels and due times, never an address. */
export function reminderStatusLines(location: string, reminders: readonly ReminderSummary[], now: number, localMode: boolean): string[] {
  const due = reminders.filter((r) => r.dueAt <= now).length;
  const lines = [`Reminders ("Remind me tomorrow"): ${location}`, `  pending:   ${reminders.length}${due > 0 ? ` (${due} due now)` : ''}`];
  if (localMode && reminders.length > 0) lines.push('  Local mode (no MicrosoftAppId): reminders are not sent; "npm run chat" shows its own when due.');
  for (const r of reminders.slice(0, MAX_LISTED)) {
    const when = r.dueAt <= now ? `due ${formatDuration(now - r.dueAt)} ago` : `due in ${formatDuration(r.dueAt - now)}`;
    const notes = [...(r.claimed ? ['being sent'] : []), ...(r.attempts > 0 ? [`${r.attempts} failed attempt${r.attempts === 1 ? '' : 's'}`] : [])];
    lines.push(`  ${r.key.slice(0, 12)}  ${r.channelId.padEnd(9)}  ${new Date(r.dueAt).toISOString()}  ${when}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`);
  }
  if (reminders.length > MAX_LISTED) lines.push(`  … and ${reminders.length - MAX_LISTED} more`);
  return lines;
}

/** The same, for `status --json`. */
export function reminderStatusJson(reminders: readonly ReminderSummary[], localMode: boolean) {
  return {
    pending: reminders.length,
    sent: !localMode,
    items: reminders.map((r) => ({ key: r.key, channelId: r.channelId, dueAt: new Date(r.dueAt).toISOString(), attempts: r.attempts, claimed: r.claimed })),
  };
}
