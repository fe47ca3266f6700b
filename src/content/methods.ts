import { CONTACTS } from './contacts.js';
import type { SourceId } from './sources.js';

const { localAdmin } = CONTACTS;

export const METHOD_IDS = ['app', 'sms', 'call', 'fido2'] as const;
export type MethodId = (typeof METHOD_IDS)[number];

export interface Method {
  readonly id: MethodId;
  readonly name: string;
  readonly short: string;
  readonly youNeed: string;
  readonly pros: readonly string[];
  readonly cons: readonly string[];
  readonly recommended: boolean;
  /** NHSmail's core methods are the app, text and call; FIDO2 is added after one of them. */
  readonly core: boolean;
  readonly howToSetUp: string;
  readonly source: SourceId;
  readonly extraSources: readonly SourceId[];
}

export const METHODS: Readonly<Record<MethodId, Method>> = {
  app: {
    id: 'app',
    name: 'Microsoft Authenticator app',
    short: 'Authenticator app',
    youNeed: 'A smartphone with the free Microsoft Authenticator app, from the App Store or Google Play.',
    pros: [
      'The one NHSmail suggests, and the most secure',
      'Free, and uses very little data',
      'Its codes work with no signal',
    ],
    cons: ['Needs a smartphone', 'Does not work on an Apple Watch'],
    recommended: true,
    core: true,
    howToSetUp: 'Choose the app in the portal. The next time you sign in, scan the QR code (a square barcode) on the screen with the app.',
    source: 'cpe-factsheet',
    extraSources: ['nhsmail-mfa', 'ms-authenticator-faq'],
  },
  sms: {
    id: 'sms',
    name: 'Text message',
    short: 'Text message',
    youNeed: 'A UK mobile phone on your account. It does not have to be a smartphone.',
    pros: ['No app to install', 'Works on a basic mobile'],
    cons: ['Needs mobile signal where you sign in', 'An office or landline phone is not supported'],
    recommended: false,
    core: true,
    howToSetUp: 'The next time you sign in, choose "I want to set up a different method". Pick United Kingdom (+44), enter your mobile number, and type the 6-digit code sent to you.',
    source: 'nhsmail-reenrol',
    extraSources: ['n3i-sms', 'nhsmail-mfa'],
  },
  call: {
    id: 'call',
    name: 'Phone call',
    short: 'Phone call',
    youNeed: 'A UK mobile phone on your account.',
    pros: ['No app to install', 'Works on a basic mobile'],
    cons: ['Needs mobile signal where you sign in', 'An office or landline phone is not supported'],
    recommended: false,
    core: true,
    howToSetUp: 'The next time you sign in, choose "I want to set up a different method" and pick a phone call. Choose United Kingdom (+44) and enter your mobile number.',
    source: 'nhsmail-reenrol',
    extraSources: ['nhsmail-mfa'],
  },
  fido2: {
    id: 'fido2',
    name: 'FIDO2 token (security key)',
    short: 'FIDO2 key',
    youNeed: `A small security key you plug in (USB) or tap (NFC). Keys come from your own organisation: ask ${localAdmin.explained}.`,
    pros: ['Hard for scammers to trick (phishing-resistant)'],
    cons: ['Only an extra: you set up the app, a text or a call first'],
    recommended: false,
    core: false,
    howToSetUp: `In the portal, go to Profile > My Profile > Self-Service > Manage FIDO2 Tokens > Register New Token. Set a PIN of at least 4 characters, touch the key, then give it a name.`,
    source: 'nhsmail-fido2-faqs',
    extraSources: ['nhsmail-mfa-ca-faqs', 'cpe-factsheet'],
  },
};

/** The chooser's first card: it promises only what it does (two or three questions). */
export const METHODS_INTRO = {
  title: 'Choosing an MFA method',
  text: 'You can get MFA by the Microsoft Authenticator app (the one NHSmail suggests), a text, a phone call, or a FIDO2 token (a small security key). I can compare them, or ask you two or three quick questions and suggest one.',
  source: 'cpe-factsheet',
} as const satisfies { title: string; text: string; source: SourceId };

/** The guided chooser's questions, in order. It asks two or three of them, depending on the answers. */
export const CHOOSER_QUESTIONS = {
  smartphone: { text: 'Do you have a smartphone you can use when you sign in?', source: 'cpe-factsheet' },
  installApp: { text: 'Are you happy to install the free Microsoft Authenticator app on it?', source: 'cpe-factsheet' },
  signal: { text: 'Do you have reliable mobile signal where you work?', source: 'entra-phone-options' },
} as const satisfies Record<string, { text: string; source: SourceId }>;

export type ChooserQuestionId = keyof typeof CHOOSER_QUESTIONS;
export const CHOOSER_QUESTION_IDS: readonly ChooserQuestionId[] = ['smartphone', 'installApp', 'signal'];

export interface ChooserAnswers {
  readonly smartphone?: boolean;
  readonly installApp?: boolean;
  readonly signal?: boolean;
}

export interface Recommendation {
  readonly method: MethodId | 'local-admin';
  readonly title: string;
  readonly reason: string;
  readonly alsoConsider: readonly MethodId[];
  readonly source: SourceId;
}

/** The next question to ask, or undefined when the answers are enough for a recommendation. */
export function nextChooserQuestion(answers: ChooserAnswers): ChooserQuestionId | undefined {
  if (answers.smartphone === undefined) return 'smartphone';
  if (answers.smartphone && answers.installApp === undefined) return 'installApp';
  if (answers.smartphone && answers.installApp) return undefined;
  if (answers.signal === undefined) return 'signal';
  return undefined;
}

export function recommend(answers: ChooserAnswers): Recommendation {
  if (answers.smartphone && answers.installApp) {
    return {
      method: 'app',
      title: 'The Microsoft Authenticator app',
      reason: 'It is the one NHSmail suggests, and the most secure. Its codes work even with no signal, and alerts can come over Wi-Fi.',
      alsoConsider: ['sms'],
      source: 'nhsmail-mfa',
    };
  }
  if (answers.signal) {
    return {
      method: 'sms',
      title: 'A text message to your mobile',
      reason: answers.smartphone
        ? 'You don\'t need to install anything. A code is texted to your UK mobile when you sign in, and you have signal where you work.'
        : 'It works on a basic mobile. A code is texted to your UK mobile when you sign in, and you have signal where you work.',
      alsoConsider: ['call'],
      source: 'nhsmail-reenrol',
    };
  }
  if (answers.smartphone) {
    // They said no to the app: never suggest it back to them.
    return {
      method: 'local-admin',
      title: 'Ask your Local Administrator what will work',
      reason: `Texts and calls need mobile signal, and you don't have reliable signal where you work. Ask ${localAdmin.explained}, what will work for you. They can tell you about a security key (a FIDO2 key) or an exception.`,
      alsoConsider: ['sms', 'call', 'fido2'],
      source: 'nhsmail-pods-exceptions',
    };
  }
  return {
    method: 'local-admin',
    title: 'Talk to your Local Administrator',
    reason: `Without a smartphone or reliable signal, ask ${localAdmin.explained}. They can tell you about a FIDO2 key (a small security key) or an exception. A key still needs a text or call set up first. Some exceptions last up to 180 days.`,
    alsoConsider: ['sms', 'fido2'],
    source: 'nhsmail-pods-exceptions',
  };
}
