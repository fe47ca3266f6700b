import { CONTACTS } from './contacts.js';
import type { ProblemId } from './conversations.js';
import type { SourceId } from './sources.js';

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
  /** Offer the practice (which spots a wrong phone clock) on this problem's steps. */
  readonly offerPractice?: boolean;
}

const helpdesk = CONTACTS.helpdesk;

export const PROBLEMS: Readonly<Record<ProblemId, Problem>> = {
  new_phone: {
    id: 'new_phone',
    label: 'New, lost or stolen phone',
    intro: 'Let\'s get MFA onto your new phone, or get you back in if your phone is gone.',
    steps: [
      {
        title: 'Still have the old phone?',
        text: 'Before you wipe or hand back the old phone, go to your security info page (mysignins.microsoft.com/security-info), add the Authenticator on the new phone and scan the new QR code shown there.',
        source: 'nhsmail-reenrol',
      },
      {
        title: 'New mobile number?',
        text: 'If your mobile number has changed, your Local Administrator needs to re-enrol your MFA so texts and calls go to the new number.',
        source: 'nhsmail-reenrol',
      },
      {
        title: 'Phone lost or stolen?',
        text: `Call the ${helpdesk.name} on ${helpdesk.phone} to ask for a 24-hour exception, then re-enrol MFA when your phone is replaced.`,
        source: 'nhsmail-pods-exceptions',
      },
    ],
  },
  code_rejected: {
    id: 'code_rejected',
    label: 'My code is not accepted',
    intro: 'A refused code is usually down to the phone\'s clock. This is general advice about authenticator apps.',
    offerPractice: true,
    steps: [
      {
        title: 'Check the phone\'s clock',
        text: 'Usually the cause is a phone clock that is slightly wrong. In your phone\'s settings, set the date and time to automatic.',
        source: 'general',
      },
      {
        title: 'Wait for a fresh code',
        text: 'Authenticator codes last 30 seconds. Wait for a new code to appear and type it straight away, without spaces.',
        source: 'nhsmail-mfa',
      },
      {
        title: 'Check the account entry',
        text: 'If you have several accounts in the app, check the code comes from your NHSmail account entry.',
        source: 'general',
      },
    ],
  },
  no_code: {
    id: 'no_code',
    label: 'No text, call or notification',
    intro: 'Let\'s work out why nothing is arriving.',
    steps: [
      {
        title: 'Check the number',
        text: 'Check the mobile number registered for MFA is right, including the country code (United Kingdom, +44).',
        source: 'entra-phone-options',
      },
      {
        title: 'Check the phone',
        text: 'Check you have signal, that Do Not Disturb is off, and that the number sending the text or call is not blocked.',
        source: 'entra-phone-options',
      },
      {
        title: 'Too many tries?',
        text: 'After too many attempts, wait a few minutes before trying again.',
        source: 'n3i-sms',
      },
      {
        title: 'Using the Authenticator?',
        text: 'If no notification appears, open the app and refresh. The app works over Wi-Fi where mobile signal is poor.',
        source: 'entra-phone-options',
      },
    ],
  },
  locked_out: {
    id: 'locked_out',
    label: 'Locked out or forgotten password',
    intro: 'You can often get back in yourself.',
    steps: [
      {
        title: 'Reset your password yourself',
        text: 'Self-service password reset works with the Authenticator app, a text to your mobile or a call to your mobile.',
        source: 'nhsmail-sspr',
      },
      {
        title: 'Still locked out?',
        text: `Your Local Administrator can help, or the ${helpdesk.name} on ${helpdesk.phone}.`,
        source: 'nhsmail-incident-procedure',
      },
    ],
  },
  no_smartphone: {
    id: 'no_smartphone',
    label: 'No smartphone, or not on my own phone',
    intro: 'You have options that don\'t need an app on a personal smartphone.',
    steps: [
      {
        title: 'A basic mobile is enough',
        text: 'A text message or a phone call to a basic mobile works: no smartphone or app needed.',
        source: 'nhsmail-pods-exceptions',
      },
      {
        title: 'A FIDO2 key',
        text: 'Your local organisation can provide a FIDO2 security key: ask your Local Administrator. NHSmail still needs a core method (app, text or call) set up first.',
        source: 'nhsmail-fido2-faqs',
      },
      {
        title: 'A long-term exception',
        text: 'Long-term exceptions of up to 180 days exist for accessibility, clinical-risk or secure-location reasons. Ask through your site\'s usual route, starting with your Local Administrator.',
        source: 'nhsmail-pods-exceptions',
      },
    ],
  },
  unexpected_signin: {
    id: 'unexpected_signin',
    label: 'A sign-in request I didn\'t make',
    intro: 'If you didn\'t start it, someone may have your password. This is general security advice.',
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
        text: `Tell your Local Administrator or the ${helpdesk.name}. NHSmail staff never ask for your codes.`,
        source: 'general',
      },
    ],
  },
  abroad: {
    id: 'abroad',
    label: 'Working or travelling abroad',
    intro: 'Sign-ins from outside the UK need MFA.',
    steps: [
      {
        title: 'Enrol before you travel',
        text: 'Since 10 February 2023, sign-ins from outside the UK are blocked without MFA. Set MFA up before you go.',
        source: 'nhsmail-outside-uk',
      },
      {
        title: 'Codes without signal',
        text: 'The Authenticator app\'s one-time codes work with no signal, which helps when you are away.',
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
  feedbackOffer: 'Has this been a pain? Tell us, and we\'ll pass it on to the people who run NHSmail.',
} as const;
