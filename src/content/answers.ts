import type { InScopeIntentId, IntentId } from '../nlu/intents.js';
import { capitalised, CONTACTS } from './contacts.js';
import type { ConversationTarget } from './conversations.js';
import type { SourceId } from './sources.js';

/**
 * The short answer the bot gives for each recognised intent, written only from the CPE factsheet
 * and facts.md, with the source each answer comes from. `start` names the guided conversation the
 * bot offers (or starts) for that intent; `followUps` are the intents offered as buttons after it.
 * Items facts.md marks **general** (not NHSmail policy) are phrased as general advice.
 *
 * Answer first: the first paragraph answers the question in one or two short sentences (a card
 * shows it straight away); the other paragraphs are the details, shown under "More".
 * Plain English: short sentences, common words, each term explained the first time on a card
 * (`npm run readability` measures it).
 */
export interface IntentAnswer {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly source: SourceId;
  readonly extraSources?: readonly SourceId[];
  readonly start?: ConversationTarget;
  readonly followUps?: readonly IntentId[];
  /**
   * The facts hold no real answer to this question (the answer says what is known and who can
   * help), so the question is also counted in the digest's unanswered list.
   */
  readonly countAsUnanswered?: boolean;
}

const { helpdesk, localAdmin, feedback, portal, securityInfo } = CONTACTS;
const helpdeskCall = `call the ${helpdesk.name} on ${helpdesk.phone}`;
const HelpdeskCall = capitalised(helpdeskCall);
const YourLocalAdmin = capitalised(localAdmin.explained);

export const INTENT_ANSWERS: Record<InScopeIntentId, IntentAnswer> = {
  'about.what': {
    title: 'What MFA is',
    paragraphs: [
      'MFA (multi-factor authentication) is a second check when you sign in to NHSmail. As well as your password, you prove it is you in a second way.',
      "The second way can be an app on your mobile phone, a text message, a phone call, or a 'FIDO2 token' (a small security key you plug in or tap).",
      'The aim is that only you can get into your account, even if someone finds out your password.',
    ],
    source: 'cpe-factsheet',
    followUps: ['about.why', 'methods.choose', 'enrol.how'],
  },
  'about.why': {
    title: 'Why MFA matters',
    paragraphs: [
      'MFA stops people getting into your account with just your password. It is now a must: people who had not set it up by 26 March 2025 lost access to NHSmail.',
      'It helps keep patient data private. Cyber attacks put patient safety and care at risk. MFA can prevent up to 80% of data breaches.',
      "The NHSmail FAQ gives the same 80% figure. It also quotes Microsoft's 2022 figure that MFA can block 99% of attacks on accounts.",
      'MFA also helps you get back in if you forget your password. It helps spot odd sign-in attempts, and it protects the good name of pharmacy and the NHS.',
    ],
    source: 'cpe-factsheet',
    extraSources: ['hcpa-mfa', 'nhsmail-mfa-faqs'],
    start: { conversation: 'why' },
    followUps: ['enrol.how', 'about.rollout'],
  },
  'about.rollout': {
    title: 'Is MFA mandatory?',
    paragraphs: [
      'Yes, MFA is mandatory for NHSmail. People who had not set it up by 26 March 2025 lost access to NHSmail and Microsoft 365 until they do.',
      'The rollout of mandatory MFA began in August 2024. Before that, from late 2023, you could choose to switch it on.',
      'For two weeks, from 19 August to 2 September 2024, a prompt asked people to set up MFA. They could snooze it.',
      'People who had not set it up by then got stricter rules. They had to reset their password, use 20 characters, change it every 90 days, and sign in again every 8 hours and each time the browser closed.',
    ],
    source: 'hcpa-mfa',
    extraSources: ['cpe-factsheet', 'nw-knowledge-now'],
    followUps: ['enrol.how', 'trouble.locked_out'],
  },
  'enrol.how': {
    title: 'How to switch on MFA',
    paragraphs: [
      `Log in at ${portal.url}. Then go to Profile, My Profile, Self-Service, and select 'Self-enroll for MFA'.`,
      "Choose 'Profile' in the bar at the top of the screen, then 'My Profile'. On that page, select 'Self-Service', then the 'Self-enroll for MFA' button.",
      'Then pick how you want to get MFA: the Microsoft Authenticator app (the one NHSmail suggests), a text, a phone call, or a FIDO2 token.',
      "The next time you sign in, Microsoft's 'Keep your account secure' screens help you set it up.",
    ],
    source: 'cpe-factsheet',
    extraSources: ['n3i-msauth'],
    start: { conversation: 'enrol' },
    followUps: ['methods.choose', 'practice.start'],
  },
  'methods.choose': {
    title: 'Choosing a method',
    paragraphs: [
      'Pick the Microsoft Authenticator app if you can. It is a free app for your phone, NHSmail suggests it, and it is the most secure.',
      'Its codes work even when your phone has no signal.',
      'A text or a phone call to your UK mobile also works. An office phone or landline is not supported.',
      'A FIDO2 token (a small security key) can only be added as well. You set up the app, a text or a call first.',
    ],
    source: 'cpe-factsheet',
    extraSources: ['nhsmail-mfa', 'nhsmail-reenrol', 'nhsmail-mfa-ca-faqs'],
    start: { conversation: 'methods' },
    followUps: ['methods.app', 'methods.sms', 'methods.fido2'],
  },
  'methods.app': {
    title: 'The Microsoft Authenticator app',
    paragraphs: [
      'Microsoft Authenticator is a free app for your phone. It is the method NHSmail suggests, and the most secure.',
      'Get it from the App Store or Google Play. It uses very little data.',
      'To set it up, you scan a QR code (a square barcode) on the screen. Each code in the app lasts 30 seconds. The codes work even with no signal.',
      'It does not work on an Apple Watch, so keep your phone with you.',
    ],
    source: 'nhsmail-mfa',
    extraSources: ['cpe-factsheet', 'ms-authenticator-faq'],
    followUps: ['enrol.how', 'signin.number_match', 'practice.start'],
  },
  'methods.sms': {
    title: 'Codes by text message',
    paragraphs: [
      'Yes, you can get your code by text. It is sent to your UK mobile, which does not need to be a smartphone.',
      "When you set it up, the app may be offered first. If so, choose 'I want to set up a different method'.",
      'Pick United Kingdom (+44) and enter your mobile number. Then type in the 6-digit code sent to you.',
      'Where signal is poor, the Authenticator app can work over Wi-Fi.',
    ],
    source: 'nhsmail-reenrol',
    extraSources: ['n3i-sms', 'entra-phone-options'],
    followUps: ['methods.choose', 'trouble.no_code', 'methods.change'],
  },
  'methods.call': {
    title: 'A phone call',
    paragraphs: [
      'Yes, you can choose a phone call to your UK mobile. An office phone or landline is not supported, so use a mobile.',
      "When you set it up, the app may be offered first. If so, choose 'I want to set up a different method'.",
      'Then pick United Kingdom (+44) for your number.',
    ],
    source: 'nhsmail-reenrol',
    extraSources: ['nhsmail-mfa', 'n3i-sms'],
    followUps: ['methods.choose', 'trouble.no_code', 'trouble.no_smartphone'],
  },
  'methods.fido2': {
    title: 'FIDO2 security keys',
    paragraphs: [
      'A FIDO2 token is a small security key you plug in (USB) or tap (NFC). You can add one, but you set up the app, a text or a call first.',
      'NHSmail does not count a key as a main (core) method. It is hard for scammers to trick, so it is a good extra.',
      `Keys come from your own organisation. Ask ${localAdmin.explained}.`,
      `To add one, log in at ${portal.url}. Go to Profile, My Profile, Self-Service, then 'Manage FIDO2 Tokens' and 'Register New Token'. Set a PIN of at least 4 characters, touch the key, then name it.`,
    ],
    source: 'nhsmail-fido2-faqs',
    extraSources: ['nhsmail-mfa-ca-faqs'],
    followUps: ['methods.choose', 'trouble.no_smartphone'],
  },
  'methods.change': {
    title: 'Changing or adding a method',
    paragraphs: [
      `You can add or change a method on ${securityInfo.name}: ${securityInfo.url}.`,
      'New phone? Add the app on the new phone first. Scan a new QR code from that page, and only then wipe the old one.',
      `If your mobile number has changed, ${localAdmin.explained}, needs to set up your MFA again.`,
    ],
    source: 'nhsmail-sspr',
    extraSources: ['nhsmail-reenrol'],
    followUps: ['methods.choose', 'trouble.new_phone'],
  },
  'signin.number_match': {
    title: 'The number to type in',
    paragraphs: [
      'When you sign in, the screen shows a number. Type that number into the Authenticator app on your phone.',
      'This is called number matching. It cannot be turned off. NHSmail brought it in in January 2023.',
      'If a request comes when you are not signing in, say no to it (deny it).',
    ],
    source: 'entra-number-match',
    extraSources: ['nhsmail-la-bulletin-dec-2022', 'general'],
    followUps: ['signin.unexpected', 'practice.start'],
  },
  'signin.unexpected': {
    title: "A sign-in request you didn't start",
    paragraphs: [
      "Deny it. Never approve a sign-in request you didn't start.",
      `Then change your password. Tell ${localAdmin.explained}, or ${helpdeskCall}.`,
      'Never share your codes with anyone, even someone who says they are from NHSmail.',
    ],
    source: 'general',
    extraSources: ['nhsmail-incident-procedure'],
    start: { conversation: 'trouble', problem: 'unexpected_signin' },
    followUps: ['trouble.locked_out', 'methods.change'],
  },
  'signin.frequency': {
    title: 'Why it keeps asking',
    paragraphs: [
      'If you keep being asked to sign in, check that you have set up MFA. People without it were put on stricter rules.',
      'Those who had not set up MFA by 2 September 2024 must sign in again every 8 hours and each time the browser closes.',
      'Their passwords must also be 20 characters long and be changed every 90 days.',
    ],
    source: 'nw-knowledge-now',
    followUps: ['enrol.how', 'about.rollout', 'signin.number_match'],
  },
  'trouble.new_phone': {
    title: 'New, lost or stolen phone',
    paragraphs: [
      `Lost or stolen phone? ${HelpdeskCall} and ask for a 24-hour exception. Set up MFA again when you have a new phone.`,
      `New phone, and you still have the old one? Add the app on the new phone first. Scan a new QR code from ${securityInfo.url}, then wipe the old phone.`,
      `New mobile number? ${YourLocalAdmin}, needs to set up your MFA again.`,
    ],
    source: 'nhsmail-pods-exceptions',
    extraSources: ['nhsmail-reenrol'],
    start: { conversation: 'trouble', problem: 'new_phone' },
    followUps: ['methods.change', 'trouble.locked_out'],
  },
  'trouble.code_rejected': {
    title: 'Code not accepted',
    paragraphs: [
      "This is usually the phone's clock. Set your phone's date and time to automatic, then try a fresh code.",
      'Codes in the app last 30 seconds, so type a new one straight away.',
      'If you have more than one account in the app, check the code is from the NHSmail one.',
    ],
    source: 'general',
    extraSources: ['nhsmail-mfa'],
    start: { conversation: 'trouble', problem: 'code_rejected' },
    followUps: ['trouble.no_code', 'trouble.locked_out'],
  },
  'trouble.no_code': {
    title: 'No code or notification',
    paragraphs: [
      "Check the mobile number on your account and its country code. Then check your signal, Do Not Disturb, and any numbers you've blocked.",
      'After too many tries, wait a few minutes, then try again.',
      'Where signal is poor, the Authenticator app can work over Wi-Fi. No alert in the app? Open it and refresh.',
    ],
    source: 'entra-phone-options',
    extraSources: ['n3i-sms'],
    start: { conversation: 'trouble', problem: 'no_code' },
    followUps: ['trouble.code_rejected', 'methods.change'],
  },
  'trouble.locked_out': {
    title: 'Locked out or forgotten password',
    paragraphs: [
      `You can often reset your password yourself, with the app or a text or call to your mobile. If that does not work, ${helpdeskCall}.`,
      `Lost your phone too? Ask the helpdesk for a 24-hour exception. ${YourLocalAdmin}, can also help.`,
      `You can also email the helpdesk at ${helpdesk.email}. It is ${helpdesk.hours}.`,
    ],
    source: 'nhsmail-sspr',
    extraSources: ['nhsmail-pods-exceptions', 'nhsmail-incident-procedure'],
    start: { conversation: 'trouble', problem: 'locked_out' },
    followUps: ['trouble.new_phone', 'trouble.code_rejected'],
  },
  'trouble.no_smartphone': {
    title: 'No smartphone, or not your own phone',
    paragraphs: [
      'You can get codes by text or phone call to a basic mobile. You do not need a smartphone.',
      `A FIDO2 key (a small security key) from your work is another choice. Ask ${localAdmin.explained}.`,
      "Some people can get an exception for up to 180 days. This is for access needs, clinical risk or secure sites. Ask through your site's route.",
    ],
    source: 'nhsmail-pods-exceptions',
    extraSources: ['nhsmail-fido2-faqs'],
    start: { conversation: 'trouble', problem: 'no_smartphone' },
    followUps: ['methods.sms', 'methods.call', 'methods.fido2'],
  },
  'travel.abroad': {
    title: 'Using NHSmail outside the UK',
    paragraphs: [
      `You need MFA to sign in from outside the UK. Already abroad and locked out? ${HelpdeskCall}: it is ${helpdesk.hours}.`,
      'Since 10 February 2023, sign-ins from outside the UK are blocked without MFA.',
      'Next time, set up MFA before you travel. The Authenticator app is a good choice, as its codes work with no signal.',
    ],
    source: 'nhsmail-outside-uk',
    extraSources: ['nhsmail-incident-procedure', 'nhsmail-mfa'],
    start: { conversation: 'trouble', problem: 'abroad' },
    followUps: ['enrol.how', 'methods.app'],
  },
  'mailbox.shared': {
    title: 'Shared pharmacy mailboxes',
    paragraphs: [
      'MFA goes on your own NHSmail account, not on the shared mailbox. Each person in the team sets it up on their own account.',
      'You get into a shared pharmacy mailbox, like pharmacy.ODScode@nhs.net, through your own linked account.',
    ],
    source: 'cp-staffs-stoke-nhsmail',
    followUps: ['enrol.how', 'trouble.no_smartphone'],
  },
  'practice.start': {
    title: 'Practise safely',
    paragraphs: [
      'Yes, you can practise here with a pretend account. It is not linked to NHSmail, so nothing can go wrong.',
      'Codes in the app last 30 seconds, so always type the one you see now.',
      'Never type your real password or a real NHSmail code into this chat.',
    ],
    source: 'nhsmail-mfa',
    start: { conversation: 'practice' },
    followUps: ['signin.number_match', 'enrol.how'],
  },
  'feedback.give': {
    title: 'Give feedback',
    paragraphs: [
      `To reach the NHSmail team, send feedback on MFA at ${feedback.url}. ${feedback.description}`,
      `You can also leave feedback here. ${CONTACTS.botFeedback.description}`,
      'Please do not include passwords or codes.',
    ],
    source: 'cpe-factsheet',
    start: { conversation: 'feedback' },
    followUps: ['chat.help'],
  },
  'chat.greeting': {
    title: 'Hello',
    paragraphs: [
      "Hello! I'm the MFA Assistant. I can help you switch on MFA for NHSmail and sort out common problems.",
      'Ask me a question in your own words, or pick from the menu.',
    ],
    source: 'cpe-factsheet',
    start: { conversation: 'menu' },
    followUps: ['enrol.how', 'methods.choose', 'trouble.locked_out'],
  },
  'chat.help': {
    title: 'What I can help with',
    paragraphs: [
      'I can explain what MFA is and why it matters, walk you through enrolling, help you choose a method, fix common problems, let you practise safely and take your feedback.',
      'Type your question in your own words, or choose from the menu.',
    ],
    source: 'cpe-factsheet',
    start: { conversation: 'menu' },
    followUps: ['enrol.how', 'methods.choose', 'practice.start'],
  },
  'help.local_admin': {
    title: 'Your Local Administrator',
    paragraphs: [
      'Your Local Administrator (LA) is the person in your organisation who looks after NHSmail accounts. They can set up your MFA again, switch it off, or give you a 24-hour exception.',
      'They also set up MFA again when your mobile number changes. FIDO2 security keys come from your organisation, through them.',
      `If you can't reach them, ${helpdeskCall} (${helpdesk.hours}) or email ${helpdesk.email}.`,
    ],
    source: 'nhsmail-pods-exceptions',
    extraSources: ['nhsmail-reenrol', 'nhsmail-fido2-faqs', 'nhsmail-incident-procedure'],
    followUps: ['trouble.locked_out', 'trouble.new_phone'],
  },
  'travel.abroad_locked_out': {
    title: "Abroad and can't sign in",
    paragraphs: [
      `Abroad and can't get in now? ${HelpdeskCall} (${helpdesk.hours}) or email ${helpdesk.email}. ${localAdmin.description}`,
      'Since 10 February 2023, NHSmail blocks sign-ins from outside the UK unless you use MFA.',
      "If you have already set up the Authenticator app, its codes work even with no signal. Next time, set up MFA before you travel.",
    ],
    source: 'nhsmail-outside-uk',
    extraSources: ['nhsmail-incident-procedure', 'nhsmail-pods-exceptions', 'nhsmail-mfa'],
    followUps: ['trouble.locked_out', 'help.local_admin'],
  },
  'enrol.colleague_phone': {
    title: "Using someone else's phone",
    paragraphs: [
      "No. Each person sets up MFA for their own account, with a phone or key they keep. MFA is there so that only you can get into your account.",
      `No smartphone, or you don't want to use your own? Codes can come by text or call to a basic mobile. Or ask ${localAdmin.name} about a FIDO2 security key.`,
      "Long-term exceptions (up to 180 days) exist for accessibility, clinical risk or secure places. Ask through your site's route.",
    ],
    source: 'cpe-factsheet',
    extraSources: ['cp-staffs-stoke-nhsmail', 'nhsmail-pods-exceptions', 'nhsmail-fido2-faqs'],
    followUps: ['trouble.no_smartphone', 'methods.fido2'],
  },
  'methods.backup': {
    title: 'A backup method',
    paragraphs: [
      `Yes, you can add more than one method, for example the Authenticator app and texts to your mobile. Add or change them on ${securityInfo.name}: ${securityInfo.url}.`,
      'To reset your own password, you can use the Authenticator app, a text to your mobile or a call to your mobile.',
      'A FIDO2 security key cannot be your only method. Set up the app, texts or calls first.',
    ],
    source: 'nhsmail-sspr',
    extraSources: ['nhsmail-mfa-ca-faqs'],
    followUps: ['methods.change', 'trouble.phone_not_with_me'],
  },
  'trouble.phone_not_with_me': {
    title: 'Phone dead or not with you',
    paragraphs: [
      `Use another method you have with you, if you added one. If not, ${localAdmin.name} can give you a 24-hour exception.`,
      `You can also ${helpdeskCall} (${helpdesk.hours}) or email ${helpdesk.email}.`,
      `Lost or stolen phone? ${HelpdeskCall} for a 24-hour exception. Then set up MFA again on your new phone.`,
    ],
    source: 'nhsmail-pods-exceptions',
    extraSources: ['nhsmail-incident-procedure', 'nhsmail-sspr'],
    followUps: ['methods.backup', 'trouble.new_phone'],
  },
  'enrol.duration': {
    title: 'How long set-up takes',
    paragraphs: [
      "I don't have an official figure for how long it takes. Switching MFA on is five steps on the NHSmail portal.",
      "Then, the next time you sign in, Microsoft's 'Keep your account secure' screens help you set up your method.",
      `If you get stuck, ask ${localAdmin.name}, or ${helpdeskCall} (${helpdesk.hours}).`,
    ],
    source: 'cpe-factsheet',
    extraSources: ['n3i-msauth', 'nhsmail-incident-procedure'],
    followUps: ['enrol.how', 'practice.start'],
    countAsUnanswered: true,
  },
};
