import { CONTACTS } from './contacts.js';
import type { ProblemId } from './conversations.js';
import type { SourceId } from './sources.js';
import { URGENT, type UrgentAnswer } from './urgent.js';

export interface TroubleStep {
  readonly title: string;
  readonly text: string;
  readonly source: SourceId;
}

export interface Problem {
  readonly id: ProblemId;
  readonly label: string;
  readonly intro: string;
  readonly steps: readonly TroubleStep[];
  /** Someone who cannot get in at all reads this first, above step 1 (the helpdesk number for a lost phone). */
  readonly urgent?: UrgentAnswer;
  /** Offer the practice (which spots a wrong phone clock) on this problem's steps. */
  readonly offerPractice?: boolean;
}

const { helpdesk, localAdmin, securityInfo } = CONTACTS;

export const PROBLEMS: Readonly<Record<ProblemId, Problem>> = {
  new_phone: {
    id: 'new_phone',
    label: 'New, lost or stolen phone',
    intro: 'Let\'s get MFA onto your new phone, or get you back in if your phone is gone.',
    urgent: URGENT.lost_phone,
    steps: [
      {
        title: 'Still have the old phone?',
        text: `Keep it until the new one works. On the new phone, add the Authenticator app. Then go to ${securityInfo.label} and scan the new QR code shown there. Only then wipe the old phone.`,
        source: 'nhsmail-reenrol',
      },
      {
        title: 'New mobile number?',
        text: `If your mobile number has changed, ${localAdmin.explained}, needs to set up your MFA again. Then texts and calls go to the new number.`,
        source: 'nhsmail-reenrol',
      },
      {
        title: 'Phone lost or stolen?',
        text: `Call the ${helpdesk.name} on ${helpdesk.phone} and ask for a 24-hour exception. Set up MFA again when you have a new phone.`,
        source: 'nhsmail-pods-exceptions',
      },
    ],
  },
  code_rejected: {
    id: 'code_rejected',
    label: 'My code is not accepted',
    intro: 'A code that is turned down is usually down to the phone\'s clock. This is general advice about authenticator apps.',
    offerPractice: true,
    steps: [
      {
        title: 'Check the phone\'s clock',
        text: 'Usually the phone\'s clock is a little wrong. In your phone\'s settings, set the date and time to automatic.',
        source: 'general',
      },
      {
        title: 'Wait for a fresh code',
        text: 'Each code in the app lasts 30 seconds. Wait for a new code, then type it straight away, with no spaces.',
        source: 'nhsmail-mfa',
      },
      {
        title: 'Check the account entry',
        text: 'If you have more than one account in the app, check the code is from your NHSmail one.',
        source: 'general',
      },
    ],
  },
  no_code: {
    id: 'no_code',
    label: 'No text, call or notification',
    intro: 'Let\'s work out why nothing is coming through.',
    steps: [
      {
        title: 'Check the number',
        text: 'Check the mobile number on your account is right. Check the country code too: United Kingdom, +44.',
        source: 'entra-phone-options',
      },
      {
        title: 'Check the phone',
        text: 'Check you have signal and that Do Not Disturb is off. Check you have not blocked the number that sends the text or call.',
        source: 'entra-phone-options',
      },
      {
        title: 'Too many tries?',
        text: 'After too many tries, wait a few minutes, then try again.',
        source: 'n3i-sms',
      },
      {
        title: 'Using the Authenticator?',
        text: 'If no alert comes, open the app and refresh it. The app can work over Wi-Fi when your phone signal is poor.',
        source: 'entra-phone-options',
      },
    ],
  },
  locked_out: {
    id: 'locked_out',
    label: 'Locked out or forgotten password',
    intro: 'Here is the quickest way back in.',
    urgent: URGENT.locked_out,
    steps: [
      {
        title: 'Reset your password yourself',
        text: 'You can reset your password yourself with the Authenticator app, or a text or call to your mobile.',
        source: 'nhsmail-sspr',
      },
      {
        title: 'Still locked out?',
        text: `Call the ${helpdesk.name} on ${helpdesk.phone}. It is ${helpdesk.hours}. Or ask ${localAdmin.explained}.`,
        source: 'nhsmail-incident-procedure',
      },
    ],
  },
  no_smartphone: {
    id: 'no_smartphone',
    label: 'No smartphone, or not on my own phone',
    intro: 'You have choices that don\'t need an app on your own smartphone.',
    steps: [
      {
        title: 'A basic mobile is enough',
        text: 'A text or a phone call to a basic mobile works. You don\'t need a smartphone or an app.',
        source: 'nhsmail-pods-exceptions',
      },
      {
        title: 'A FIDO2 key',
        text: `A FIDO2 key is a small security key you plug in or tap. Your own organisation can give you one: ask ${localAdmin.explained}. You still set up the app, a text or a call first.`,
        source: 'nhsmail-fido2-faqs',
      },
      {
        title: 'A long-term exception',
        text: 'Some people can get an exception for up to 180 days. This is for access needs, clinical risk or secure sites. Ask through your site\'s route.',
        source: 'nhsmail-pods-exceptions',
      },
    ],
  },
  unexpected_signin: {
    id: 'unexpected_signin',
    label: 'A sign-in request I didn\'t make',
    intro: 'If you didn\'t start it, someone may have your password. This is general advice on keeping your account safe.',
    steps: [
      {
        title: 'Deny it',
        text: 'Deny the request. Never approve a sign-in you did not start, and never type its number into the app.',
        source: 'general',
      },
      {
        title: 'Change your password',
        text: 'Change your NHSmail password straight away.',
        source: 'general',
      },
      {
        title: 'Tell someone',
        text: `Tell ${localAdmin.explained}, or the ${helpdesk.name} on ${helpdesk.phone}. Never share your codes, even with someone who says they are from NHSmail.`,
        source: 'general',
      },
    ],
  },
  abroad: {
    id: 'abroad',
    label: 'Working or travelling abroad',
    intro: 'Sign-ins from outside the UK need MFA.',
    urgent: URGENT.abroad_locked_out,
    steps: [
      {
        title: 'Already abroad and locked out?',
        text: `Call the ${helpdesk.name} on ${helpdesk.phone}. It is ${helpdesk.hours}. ${URGENT.abroad_locked_out.alsoNow[0]?.text ?? ''}`,
        source: 'nhsmail-pods-exceptions',
      },
      {
        title: 'Next time: set up MFA before you go',
        text: 'Since 10 February 2023, sign-ins from outside the UK are blocked without MFA. Set MFA up before you travel.',
        source: 'nhsmail-outside-uk',
      },
      {
        title: 'Codes without signal',
        text: 'The Authenticator app\'s codes work with no signal, which helps when you are away.',
        source: 'ms-authenticator-faq',
      },
    ],
  },
};

export const ESCALATION = {
  title: 'Let\'s get you some help',
  intro: 'These people can sort it out with you:',
  localAdmin: CONTACTS.localAdmin,
  helpdesk: CONTACTS.helpdesk,
  feedbackOffer: `Has this been a pain? Tell the team that runs this assistant with "Give feedback". To reach the NHSmail team, use ${CONTACTS.feedback.label}. ${CONTACTS.feedback.description}`,
} as const;
