import type { SourceId } from './sources.js';

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
    youNeed: 'A smartphone with the free Microsoft Authenticator app (App Store or Google Play).',
    pros: [
      'The recommended option, and NHSmail\'s preferred and most secure method',
      'Free, with little data use',
      'One-time codes work with no signal',
    ],
    cons: ['Needs a smartphone', 'Apple Watch is not supported'],
    recommended: true,
    core: true,
    howToSetUp: 'Choose the Authenticator in the portal, then at your next sign-in scan the QR code on screen with the app.',
    source: 'cpe-factsheet',
    extraSources: ['nhsmail-mfa', 'ms-authenticator-faq'],
  },
  sms: {
    id: 'sms',
    name: 'Text message',
    short: 'Text message',
    youNeed: 'A UK mobile phone registered to your account (it does not have to be a smartphone).',
    pros: ['No app to install', 'Works on a basic mobile'],
    cons: ['Needs mobile signal where you sign in', 'An office or landline phone is not supported'],
    recommended: false,
    core: true,
    howToSetUp: 'At your next sign-in choose "I want to set up a different method", pick United Kingdom (+44), enter your mobile number and type the 6-digit code you are sent.',
    source: 'nhsmail-reenrol',
    extraSources: ['n3i-sms', 'nhsmail-mfa'],
  },
  call: {
    id: 'call',
    name: 'Phone call',
    short: 'Phone call',
    youNeed: 'A UK mobile phone registered to your account.',
    pros: ['No app to install', 'Works on a basic mobile'],
    cons: ['Needs mobile signal where you sign in', 'An office or landline phone is not supported'],
    recommended: false,
    core: true,
    howToSetUp: 'At your next sign-in choose "I want to set up a different method", pick phone call, choose United Kingdom (+44) and enter your mobile number.',
    source: 'nhsmail-reenrol',
    extraSources: ['nhsmail-mfa'],
  },
  fido2: {
    id: 'fido2',
    name: 'FIDO2 token (security key)',
    short: 'FIDO2 key',
    youNeed: 'A hardware security key (USB or NFC) from your local organisation: ask your Local Administrator.',
    pros: ['Phishing-resistant', 'No phone needed to sign in'],
    cons: [
      'Not a core method in NHSmail: you set up the app, a text or a call first',
      'The key comes from your local organisation, not from a shop',
    ],
    recommended: false,
    core: false,
    howToSetUp: 'In the portal go to Profile > Self-Service > Manage FIDO2 Tokens > Register New Token, set a PIN of at least 4 characters, touch the key, then give it a name.',
    source: 'nhsmail-fido2-faqs',
    extraSources: ['nhsmail-mfa-ca-faqs', 'cpe-factsheet'],
  },
};

/** The guided chooser's questions, in order. */
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
      reason: 'It is the recommended option and NHSmail\'s most secure method. Its one-time codes work even with no signal, and notifications come over Wi-Fi too.',
      alsoConsider: ['sms'],
      source: 'nhsmail-mfa',
    };
  }
  if (answers.signal) {
    return {
      method: 'sms',
      title: 'A text message to your mobile',
      reason: answers.smartphone
        ? 'You don\'t need to install anything: a code is texted to your registered UK mobile when you sign in, and you have signal where you work.'
        : 'It works on a basic mobile: a code is texted to your registered UK mobile when you sign in, and you have signal where you work.',
      alsoConsider: ['call'],
      source: 'nhsmail-reenrol',
    };
  }
  if (answers.smartphone) {
    return {
      method: 'app',
      title: 'The Authenticator app is still your best option',
      reason: 'Texts and calls need mobile signal, which you don\'t have where you work. The app\'s codes work with no signal at all. If you would rather not use your own phone, ask your Local Administrator about a FIDO2 key or an exception.',
      alsoConsider: ['fido2'],
      source: 'nhsmail-mfa',
    };
  }
  return {
    method: 'local-admin',
    title: 'Talk to your Local Administrator',
    reason: 'Without a smartphone or reliable signal, ask your Local Administrator about a FIDO2 key from your organisation (you still set up a text or call first) or a long-term exception, which can last up to 180 days for accessibility, clinical-risk or secure-location reasons.',
    alsoConsider: ['sms', 'fido2'],
    source: 'nhsmail-pods-exceptions',
  };
}
