import type { InScopeIntentId, IntentId } from '../nlu/intents.js';
import { CONTACTS } from './contacts.js';
import type { ConversationTarget } from './conversations.js';
import type { SourceId } from './sources.js';

/**
 * The short answer the bot gives for each recognised intent, written only from the CPE factsheet
 * and facts.md, with the source each answer comes from. `start` names the guided conversation the
 * bot offers (or starts) for that intent; `followUps` are the intents offered as buttons after it.
 * Items facts.md marks **general** (not NHSmail policy) are phrased as general advice.
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
const helpdeskContact = `the ${helpdesk.name} (${helpdesk.hours}) on ${helpdesk.phone} or ${helpdesk.email}`;

export const INTENT_ANSWERS: Record<InScopeIntentId, IntentAnswer> = {
  'about.what': {
    title: 'What MFA is',
    paragraphs: [
      'Multi-factor authentication (MFA) adds an extra layer of security to your NHSmail account. As well as your email address and password, you use a second way to prove it is you.',
      "That second way can be the Microsoft Authenticator app on your mobile phone, a text message, a phone call, or a 'FIDO2 token' (a small hardware key).",
      'The aim is that only you can get into your account, even if someone finds out your password.',
    ],
    source: 'cpe-factsheet',
    followUps: ['about.why', 'methods.choose', 'enrol.how'],
  },
  'about.why': {
    title: 'Why MFA matters',
    paragraphs: [
      'MFA helps protect patient privacy by stopping people getting into NHSmail accounts without permission. Cyberattacks put patient safety and care at risk.',
      "Switching on MFA can prevent up to 80% of data breaches. The NHSmail FAQ also quotes Microsoft's 2022 figure that 99% of account compromises can be blocked.",
      'It also helps you get back in if you forget your password, protects the reputation of pharmacy and the NHS, and helps spot unusual sign-in attempts.',
    ],
    source: 'cpe-factsheet',
    extraSources: ['nhsmail-mfa-faqs'],
    start: { conversation: 'why' },
    followUps: ['enrol.how', 'about.rollout'],
  },
  'about.rollout': {
    title: 'Is MFA mandatory?',
    paragraphs: [
      'Yes. The rollout of mandatory NHSmail MFA began in August 2024, after announcements from late 2023 and an optional phase.',
      'A two-week registration prompt, which could be snoozed, ran from 19 August to 2 September 2024. People not enrolled by then moved to a stricter policy: a password reset, 20-character passwords that expire every 90 days, and signing in again whenever the browser closes and every 8 hours.',
      'Users not enrolled by 26 March 2025 lost access to NHSmail and Microsoft 365 until they enrol.',
    ],
    source: 'cpe-factsheet',
    extraSources: ['nw-knowledge-now', 'hcpa-mfa'],
    followUps: ['enrol.how', 'trouble.locked_out'],
  },
  'enrol.how': {
    title: 'How to switch on MFA',
    paragraphs: [
      `Log in at ${portal.url}. Choose 'Profile' in the bar at the top of the screen, then 'My Profile'.`,
      "On 'My Profile', select 'Self-Service', then the 'Self-enroll for MFA' button, and confirm.",
      "Choose how to receive MFA: the Microsoft Authenticator app (recommended), a text message, a phone call or a FIDO2 token. At your next sign-in, Microsoft's 'Keep your account secure' screens help you set it up.",
    ],
    source: 'cpe-factsheet',
    extraSources: ['n3i-msauth'],
    start: { conversation: 'enrol' },
    followUps: ['methods.choose', 'practice.start'],
  },
  'methods.choose': {
    title: 'Choosing a method',
    paragraphs: [
      'The Microsoft Authenticator app on your smartphone is the recommended option: NHSmail calls it the preferred and most secure method. It is free, and its one-time codes work even with no signal.',
      'A text message or a phone call to a registered UK mobile also work. An office or landline phone is not recommended or supported.',
      'A FIDO2 token (a hardware security key) is an extra: NHSmail asks you to set up a core method (app, text or call) first.',
    ],
    source: 'cpe-factsheet',
    extraSources: ['nhsmail-mfa', 'nhsmail-reenrol', 'nhsmail-mfa-ca-faqs'],
    start: { conversation: 'methods' },
    followUps: ['methods.app', 'methods.sms', 'methods.fido2'],
  },
  'methods.app': {
    title: 'The Microsoft Authenticator app',
    paragraphs: [
      'Microsoft Authenticator is the recommended method; NHSmail calls it the preferred and most secure one. It is free from the App Store or Google Play and uses little data.',
      'You set it up by scanning the QR code shown on screen. Its codes last 30 seconds, and its one-time codes work even with no signal.',
      'Apple Watch is not supported, so keep your phone to hand.',
    ],
    source: 'nhsmail-mfa',
    extraSources: ['cpe-factsheet', 'ms-authenticator-faq'],
    followUps: ['enrol.how', 'signin.number_match', 'practice.start'],
  },
  'methods.sms': {
    title: 'Codes by text message',
    paragraphs: [
      'You can get your code by text message to a registered UK mobile.',
      "When you set it up, if the Authenticator app is offered first, choose 'I want to set up a different method'. Pick United Kingdom (+44), enter your mobile number, then type in the 6-digit code sent to you.",
      'Where mobile signal is poor, the Authenticator app works over Wi-Fi instead.',
    ],
    source: 'nhsmail-reenrol',
    extraSources: ['n3i-sms', 'entra-phone-options'],
    followUps: ['methods.choose', 'trouble.no_code', 'methods.change'],
  },
  'methods.call': {
    title: 'A phone call',
    paragraphs: [
      'You can choose a phone call to a registered UK mobile as your method.',
      'An office or landline phone is not recommended or supported by NHSmail, so use a mobile.',
      "When you set it up, if the Authenticator app is offered first, choose 'I want to set up a different method' and pick United Kingdom (+44) for your number.",
    ],
    source: 'nhsmail-reenrol',
    extraSources: ['nhsmail-mfa', 'n3i-sms'],
    followUps: ['methods.choose', 'trouble.no_code', 'trouble.no_smartphone'],
  },
  'methods.fido2': {
    title: 'FIDO2 security keys',
    paragraphs: [
      'A FIDO2 token is a hardware security key that you plug in (USB) or tap (NFC). It is phishing-resistant.',
      `NHSmail does not count FIDO2 as a core method, so set up the app, a text or a call first. Tokens come from your local organisation: ask ${localAdmin.name}.`,
      `To register one: ${portal.url} > Profile > Self-Service > Manage FIDO2 Tokens > Register New Token. Set a PIN of at least 4 characters, touch the key, then give it a name.`,
    ],
    source: 'nhsmail-fido2-faqs',
    extraSources: ['nhsmail-mfa-ca-faqs'],
    followUps: ['methods.choose', 'trouble.no_smartphone'],
  },
  'methods.change': {
    title: 'Changing or adding a method',
    paragraphs: [
      `You can add or change your methods on Microsoft's security info page: ${securityInfo.url}.`,
      'New phone? Set up the Authenticator on it by scanning a new QR code from that page before you wipe the old one.',
      `If your mobile number has changed, ${localAdmin.name} needs to re-enrol your MFA.`,
    ],
    source: 'nhsmail-sspr',
    extraSources: ['nhsmail-reenrol'],
    followUps: ['methods.choose', 'trouble.new_phone'],
  },
  'signin.number_match': {
    title: 'The number to type in',
    paragraphs: [
      'When you sign in, the screen shows a number. Type that number into the Microsoft Authenticator app when it asks. This is called number matching.',
      'Number matching cannot be turned off. NHSmail introduced it in January 2023.',
      'If a request appears when you are not signing in, deny it.',
    ],
    source: 'entra-number-match',
    extraSources: ['nhsmail-la-bulletin-dec-2022', 'general'],
    followUps: ['signin.unexpected', 'practice.start'],
  },
  'signin.unexpected': {
    title: "A sign-in request you didn't start",
    paragraphs: [
      "If you get a sign-in request you didn't start, deny it. Never approve a request you don't recognise.",
      `Then change your password and tell ${localAdmin.name} or ${helpdeskContact}.`,
      'Never share your codes with anyone: NHSmail staff never ask for them.',
    ],
    source: 'general',
    extraSources: ['nhsmail-incident-procedure'],
    start: { conversation: 'trouble', problem: 'unexpected_signin' },
    followUps: ['trouble.locked_out', 'methods.change'],
  },
  'signin.frequency': {
    title: 'Why it keeps asking',
    paragraphs: [
      'People who had not enrolled in MFA by 2 September 2024 were moved to a stricter policy: signing in again whenever the browser closes and every 8 hours, with 20-character passwords that expire every 90 days.',
      'If that sounds like what is happening to you, check that you have enrolled in MFA.',
    ],
    source: 'nw-knowledge-now',
    followUps: ['enrol.how', 'about.rollout', 'signin.number_match'],
  },
  'trouble.new_phone': {
    title: 'New, lost or broken phone',
    paragraphs: [
      `New phone: set up the Authenticator on it first, by scanning a new QR code from ${securityInfo.url}, before you wipe the old one.`,
      `New mobile number: ${localAdmin.name} needs to re-enrol your MFA.`,
      `Lost or stolen phone: call the ${helpdesk.name} on ${helpdesk.phone} for a 24-hour exception, then re-enrol when your phone is replaced.`,
    ],
    source: 'nhsmail-reenrol',
    extraSources: ['nhsmail-pods-exceptions'],
    start: { conversation: 'trouble', problem: 'new_phone' },
    followUps: ['methods.change', 'trouble.locked_out'],
  },
  'trouble.code_rejected': {
    title: 'Code not accepted',
    paragraphs: [
      "When a code isn't accepted, the cause is usually the phone's clock. Check your phone's date and time are set to automatic.",
      'Then wait for a fresh code and type it straight away: Authenticator codes last 30 seconds.',
      'Also check the code comes from the NHSmail account entry in the app, not another account.',
    ],
    source: 'general',
    extraSources: ['nhsmail-mfa'],
    start: { conversation: 'trouble', problem: 'code_rejected' },
    followUps: ['trouble.no_code', 'trouble.locked_out'],
  },
  'trouble.no_code': {
    title: 'No code or notification',
    paragraphs: [
      "If texts or calls don't arrive, check your registered number and country code, your signal, Do Not Disturb and any blocked numbers.",
      'After too many attempts, wait a few minutes before trying again. Where signal is poor, the Authenticator app works over Wi-Fi.',
      'No notification in the Authenticator? Open the app and refresh it.',
    ],
    source: 'entra-phone-options',
    extraSources: ['n3i-sms'],
    start: { conversation: 'trouble', problem: 'no_code' },
    followUps: ['trouble.code_rejected', 'methods.change'],
  },
  'trouble.locked_out': {
    title: 'Locked out or forgotten password',
    paragraphs: [
      'Self-service password reset lets you reset your password yourself, using the Authenticator app, a text to your mobile or a call to your mobile.',
      `Otherwise, ${localAdmin.name} can help, or ${helpdeskContact}.`,
    ],
    source: 'nhsmail-sspr',
    extraSources: ['nhsmail-incident-procedure'],
    start: { conversation: 'trouble', problem: 'locked_out' },
    followUps: ['trouble.new_phone', 'trouble.code_rejected'],
  },
  'trouble.no_smartphone': {
    title: 'No smartphone, or not your own phone',
    paragraphs: [
      "No smartphone, or you don't want to use your personal phone? You can get codes by text or phone call to a basic mobile.",
      `Or ask ${localAdmin.name} about a FIDO2 security key from your organisation.`,
      "Long-term exceptions (up to 180 days) exist for accessibility, clinical-risk or secure-location reasons. Ask through your site's usual route.",
    ],
    source: 'nhsmail-pods-exceptions',
    extraSources: ['nhsmail-fido2-faqs'],
    start: { conversation: 'trouble', problem: 'no_smartphone' },
    followUps: ['methods.sms', 'methods.call', 'methods.fido2'],
  },
  'travel.abroad': {
    title: 'Using NHSmail outside the UK',
    paragraphs: [
      'Since 10 February 2023, NHSmail sign-ins from outside the UK are blocked without MFA, so enrol before you travel.',
      "The Authenticator app's one-time codes work even with no signal.",
    ],
    source: 'nhsmail-outside-uk',
    extraSources: ['nhsmail-mfa'],
    start: { conversation: 'trouble', problem: 'abroad' },
    followUps: ['enrol.how', 'methods.app'],
  },
  'mailbox.shared': {
    title: 'Shared pharmacy mailboxes',
    paragraphs: [
      "Shared pharmacy mailboxes (like pharmacy.ODScode@nhs.net) are opened through each staff member's own linked NHSmail account.",
      "So MFA is on each person's own account, not on the shared mailbox: each member of the team enrols on their own account.",
    ],
    source: 'cp-staffs-stoke-nhsmail',
    followUps: ['enrol.how', 'trouble.no_smartphone'],
  },
  'practice.start': {
    title: 'Practise safely',
    paragraphs: [
      'You can practise here with a pretend account, separate from your NHSmail account, so nothing can go wrong.',
      'Authenticator codes last 30 seconds, so always type the one showing now.',
      'Never type your real password or a real NHSmail code into this chat.',
    ],
    source: 'nhsmail-mfa',
    start: { conversation: 'practice' },
    followUps: ['signin.number_match', 'enrol.how'],
  },
  'feedback.give': {
    title: 'Give feedback',
    paragraphs: [
      `You can report feedback on NHSmail MFA at ${feedback.url}. ${feedback.description}`,
      'You can also leave your feedback here. Please do not include passwords or codes.',
    ],
    source: 'cpe-factsheet',
    start: { conversation: 'feedback' },
    followUps: ['chat.help'],
  },
  'chat.greeting': {
    title: 'Hello',
    paragraphs: [
      "Hello! I'm the MFA Assistant. I can help you switch on NHSmail multi-factor authentication (MFA) and sort out common problems.",
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
      'A Local Administrator (LA) is the person in your organisation who can re-enrol your MFA, switch it off, or give you a 24-hour exception.',
      'They also re-enrol you when your mobile number changes, and FIDO2 security keys come from your organisation through them.',
      `If you can't reach them, contact ${helpdeskContact}.`,
    ],
    source: 'nhsmail-pods-exceptions',
    extraSources: ['nhsmail-reenrol', 'nhsmail-fido2-faqs', 'nhsmail-incident-procedure'],
    followUps: ['trouble.locked_out', 'trouble.new_phone'],
  },
  'travel.abroad_locked_out': {
    title: "Abroad and can't sign in",
    paragraphs: [
      'Since 10 February 2023, NHSmail sign-ins from outside the UK are blocked without MFA.',
      `If you're abroad and can't get in, contact ${helpdeskContact}. ${CONTACTS.localAdmin.description}`,
      "If you have already enrolled, the Authenticator app's one-time codes work even with no signal.",
    ],
    source: 'nhsmail-outside-uk',
    extraSources: ['nhsmail-incident-procedure', 'nhsmail-pods-exceptions', 'nhsmail-mfa'],
    followUps: ['trouble.locked_out', 'help.local_admin'],
  },
  'enrol.colleague_phone': {
    title: "Using someone else's phone",
    paragraphs: [
      "MFA is there so that only you can get into your account, even if someone finds out your password. Each person enrols their own account, so use a method you keep, not a colleague's phone.",
      `No smartphone, or you don't want to use your own? Codes can come by text or call to a basic mobile, or ask ${localAdmin.name} about a FIDO2 security key.`,
      "Long-term exceptions (up to 180 days) exist for accessibility, clinical-risk or secure-location reasons. Ask through your site's usual route.",
    ],
    source: 'cpe-factsheet',
    extraSources: ['cp-staffs-stoke-nhsmail', 'nhsmail-pods-exceptions', 'nhsmail-fido2-faqs'],
    followUps: ['trouble.no_smartphone', 'methods.fido2'],
  },
  'methods.backup': {
    title: 'A backup method',
    paragraphs: [
      `Yes, you can add more than one method, for example the Authenticator app and texts to your mobile. Add or change methods at ${securityInfo.url}.`,
      'Self-service password reset works with the Authenticator app, a text to your mobile or a call to your mobile.',
      'A FIDO2 security key cannot be your only method: set up the app, texts or calls first.',
    ],
    source: 'nhsmail-sspr',
    extraSources: ['nhsmail-mfa-ca-faqs'],
    followUps: ['methods.change', 'trouble.phone_not_with_me'],
  },
  'trouble.phone_not_with_me': {
    title: 'Phone dead or not with you',
    paragraphs: [
      'If you added another method you have with you, such as a FIDO2 security key, use that.',
      `Otherwise, ${localAdmin.name} can give you a 24-hour exception, or contact ${helpdeskContact}.`,
      `Lost or stolen phone? Call the ${helpdesk.name} on ${helpdesk.phone} for a 24-hour exception, then re-enrol when your phone is replaced.`,
    ],
    source: 'nhsmail-pods-exceptions',
    extraSources: ['nhsmail-incident-procedure', 'nhsmail-sspr'],
    followUps: ['methods.backup', 'trouble.new_phone'],
  },
  'enrol.duration': {
    title: 'How long set-up takes',
    paragraphs: [
      "I don't have an official figure for how long it takes. Switching MFA on is five steps on the NHSmail portal, then Microsoft's 'Keep your account secure' screens set up your method at your next sign-in.",
      `If you get stuck, ${localAdmin.name} can help, or ${helpdeskContact}.`,
    ],
    source: 'cpe-factsheet',
    extraSources: ['n3i-msauth', 'nhsmail-incident-procedure'],
    followUps: ['enrol.how', 'practice.start'],
    countAsUnanswered: true,
  },
};
