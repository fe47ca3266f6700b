import type { UrgentId } from '../content/urgent.js';
import type { InScopeIntentId } from '../nlu/intents.js';

/** Words that say the phone is gone, not just being replaced. */
const PHONE_GONE = /\b(lost|lose|losing|stolen|stole|nicked|pinched|robbed|theft|missing|can'?t find (my )?(phone|mobile))\b/;
/** Words that say the person is outside the UK now. */
const ABROAD = /\b(abroad|overseas|holiday|outside (of )?the uk|out of the country|travelling|traveling)\b/;
/** Words that say the person cannot get in now. */
const NO_WAY_IN = /\b(locked|lock(ed)? out|can'?t|cannot|can not|won'?t let me|blocked|no access)\b/;

function plain(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
}

/**
 * Urgent first: whether a recognised question comes from someone who cannot get in, and which
 * urgent answer they need as the first reply (lost or stolen phone, abroad and locked out, locked
 * out). `text` is what they typed (absent for a button press). A new phone with the old one still
 * in hand is not urgent: it gets the step-by-step help, whose first card also leads with the
 * lost-phone line.
 */
export function urgentFor(intent: InScopeIntentId, text?: string): UrgentId | undefined {
  const t = text === undefined ? '' : plain(text);
  switch (intent) {
    case 'travel.abroad_locked_out':
      return 'abroad_locked_out';
    case 'travel.abroad':
      return NO_WAY_IN.test(t) ? 'abroad_locked_out' : undefined;
    case 'trouble.locked_out':
      if (ABROAD.test(t)) return 'abroad_locked_out';
      return PHONE_GONE.test(t) ? 'lost_phone' : 'locked_out';
    case 'trouble.new_phone':
      return PHONE_GONE.test(t) ? 'lost_phone' : undefined;
    default:
      return undefined;
  }
}
