import { capitalised, CONTACTS } from './contacts.js';
import type { ProblemId } from './conversations.js';
import type { SourceId } from './sources.js';

/**
 * Urgent first: what someone who cannot get in should read in the first reply. Each says what to
 * do now, first; some then say what to do next time. Written from facts.md (lost phone: the PODS
 * exceptions guide; abroad: the outside-the-UK notice; locked out: self-service password reset),
 * with the helpdesk and Local Administrator from contacts.ts.
 *
 * The first reply when someone says they cannot get in (src/dialogs/urgent.ts decides which):
 * built by src/cards/urgent.ts as the first card of the troubleshooting conversation; the trouble
 * cards and answers lead with the same words.
 */
export interface UrgentLine {
  readonly text: string;
  readonly source: SourceId;
}

export interface UrgentAnswer {
  readonly title: string;
  /** The first thing to do, in one or two sentences: the card's opening line. */
  readonly now: UrgentLine;
  /** What else helps right now. */
  readonly alsoNow: readonly UrgentLine[];
  /** What to do once back in, so it does not happen again. */
  readonly nextTime: readonly UrgentLine[];
}

export const URGENT_IDS = ['lost_phone', 'abroad_locked_out', 'locked_out'] as const;
export type UrgentId = (typeof URGENT_IDS)[number];

/** The troubleshooting problem whose steps follow each urgent answer ("Fix it step by step"). */
export const URGENT_PROBLEM = { lost_phone: 'new_phone', abroad_locked_out: 'abroad', locked_out: 'locked_out' } as const satisfies Record<UrgentId, ProblemId>;

export function isUrgentId(value: unknown): value is UrgentId {
  return typeof value === 'string' && (URGENT_IDS as readonly string[]).includes(value);
}

const { helpdesk, localAdmin, securityInfo } = CONTACTS;
const callHelpdesk = `call the ${helpdesk.name} on ${helpdesk.phone}`;

export const URGENT: Readonly<Record<UrgentId, UrgentAnswer>> = {
  lost_phone: {
    title: 'Lost or stolen phone',
    now: {
      text: `${capitalised(callHelpdesk)} and ask for a 24-hour exception. It is ${helpdesk.hours}.`,
      source: 'nhsmail-pods-exceptions',
    },
    alsoNow: [
      { text: `${capitalised(localAdmin.explained)}, can also give you a 24-hour exception.`, source: 'nhsmail-pods-exceptions' },
    ],
    nextTime: [
      { text: 'When you have a new phone, set up MFA on it again.', source: 'nhsmail-pods-exceptions' },
      { text: `If your mobile number changes, ${localAdmin.name} needs to set up your MFA again.`, source: 'nhsmail-reenrol' },
    ],
  },
  abroad_locked_out: {
    title: 'Abroad and locked out',
    now: {
      text: `${capitalised(callHelpdesk)}: it is ${helpdesk.hours}. Tell them you are outside the UK and can't sign in.`,
      source: 'nhsmail-incident-procedure',
    },
    alsoNow: [
      { text: `${capitalised(localAdmin.explained)}, can also give you a 24-hour exception or set up your MFA again.`, source: 'nhsmail-pods-exceptions' },
      { text: 'If you have the Authenticator app, its codes work with no signal. The app also works over Wi-Fi.', source: 'nhsmail-mfa' },
      { text: 'Codes by text not coming? Check the number on your account has the right country code.', source: 'entra-phone-options' },
    ],
    nextTime: [
      { text: 'Since 10 February 2023, sign-ins from outside the UK are blocked without MFA. Set up MFA before you travel.', source: 'nhsmail-outside-uk' },
      { text: 'The Authenticator app is a good choice for travel, as its codes work with no signal.', source: 'ms-authenticator-faq' },
    ],
  },
  locked_out: {
    title: 'Locked out',
    now: {
      text: `Reset your password yourself, with the Authenticator app or a text or call to your mobile. If you can't, ${callHelpdesk}.`,
      source: 'nhsmail-sspr',
    },
    alsoNow: [
      { text: 'Lost your phone as well? Ask the helpdesk for a 24-hour exception.', source: 'nhsmail-pods-exceptions' },
      { text: `${capitalised(localAdmin.explained)}, can help too. You can also email the helpdesk at ${helpdesk.email}.`, source: 'nhsmail-incident-procedure' },
    ],
    nextTime: [
      { text: `Once you are back in, check your methods on ${securityInfo.name}: ${securityInfo.label}. Then you can reset your password yourself next time.`, source: 'nhsmail-sspr' },
    ],
  },
};
