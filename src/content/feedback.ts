import { FEEDBACK_TEXT_MAX, type FeedbackCategory, type FeedbackRole } from '../feedback/model.js';
import { CONTACTS } from './contacts.js';
import type { SourceId } from './sources.js';

/**
 * What the feedback conversation says. The questions and the privacy promises are the bot's own
 * words. Feedback left here goes to the webhook the people running this assistant set up, so the
 * bot says exactly that; only feedback sent through cpe.org.uk/itfeedback is collated and passed
 * to the NHSmail team (CPE factsheet), and the bot says that only of that route.
 *
 * The values (category, role) are the ones the feedback store and webhook use
 * (src/feedback/model.ts); this file gives them words, and the words a user might type for them.
 */
export interface FeedbackFact {
  readonly text: string;
  readonly source: SourceId;
}

/** The most characters a user may write in "tell us more". */
export const FEEDBACK_TEXT_LIMIT = FEEDBACK_TEXT_MAX;

export interface FeedbackOption<V extends string> {
  readonly value: V;
  /** The button title. */
  readonly label: string;
  /** Other ways of typing it (compared after normaliseChoice: lower case, no punctuation). */
  readonly words: readonly string[];
}

export const FEEDBACK_TOPICS = [
  { value: 'enrolment', label: 'Enrolment', words: ['enrol', 'enroll', 'enrolment', 'enrollment', 'set up', 'setup', 'setting up', 'portal'] },
  { value: 'authenticator app', label: 'Authenticator app', words: ['authenticator', 'app', 'microsoft authenticator', 'authenticator app', 'the app'] },
  { value: 'text or call', label: 'Text or call', words: ['text', 'sms', 'call', 'phone call', 'text message', 'texts', 'calls'] },
  { value: 'FIDO2', label: 'FIDO2 token', words: ['fido', 'fido2', 'fido 2', 'key', 'token', 'security key', 'usb key'] },
  { value: 'sign-in prompts', label: 'Sign-in prompts', words: ['sign in', 'signin', 'sign ins', 'prompts', 'prompt', 'signing in', 'log in', 'login'] },
  { value: 'this bot', label: 'This bot', words: ['bot', 'the bot', 'assistant', 'this assistant', 'the assistant', 'this chat', 'chatbot'] },
  { value: 'other', label: 'Something else', words: ['other', 'else', 'anything else'] },
] as const satisfies readonly FeedbackOption<FeedbackCategory>[];

export const FEEDBACK_ROLE_LABELS = [
  { value: 'pharmacist', label: 'Pharmacist', words: ['pharmacist', 'pharmacists'] },
  { value: 'technician', label: 'Technician', words: ['technician', 'pharmacy technician', 'tech'] },
  { value: 'dispenser', label: 'Dispenser', words: ['dispenser', 'dispensing assistant'] },
  { value: 'manager', label: 'Manager', words: ['manager', 'pharmacy manager', 'store manager'] },
  { value: 'locum', label: 'Locum', words: ['locum', 'locum pharmacist'] },
  { value: 'other', label: 'Other', words: ['something else', 'another role', 'other role'] },
] as const satisfies readonly FeedbackOption<FeedbackRole>[];

export const FEEDBACK = {
  title: 'Give feedback',
  intro: {
    text: `Tell us how NHSmail MFA is going for you. ${CONTACTS.botFeedback.description}`,
    source: CONTACTS.botFeedback.source,
  } satisfies FeedbackFact,
  /** Where feedback reaches the NHSmail team: the factsheet's route. */
  toNhsmail: {
    text: `To reach the NHSmail team, use ${CONTACTS.feedback.label}. ${CONTACTS.feedback.description}`,
    source: CONTACTS.feedback.source,
  } satisfies FeedbackFact,
  privacy: 'Please don\'t include passwords, codes or patient details. I take out anything that looks like one before saving.',
  progress: (n: number, total: number) => `Question ${n} of ${total}`,
  changing: 'Changing your answer',
  current: (answer: string) => `Your answer now: ${answer}`,

  topicQuestion: 'What is it about?',
  ratingQuestion: 'How did it go?',
  ratingScale: '1 is very poor, 5 is very good. You can skip this one.',
  ratingHint: 'Please choose a number from 1 (very poor) to 5 (very good), or Skip.',
  textQuestion: 'Tell us more',
  textExplain: `What happened, and what would have made it easier? A sentence or two is plenty; at most ${FEEDBACK_TEXT_LIMIT.toLocaleString('en-GB')} characters.`,
  textLabel: 'Your feedback',
  textPlaceholder: 'For example: the text with my code took a few minutes to arrive.',
  textRequired: 'Please tell us a little about it.',
  textTypeInstead: 'You can also type it in the message box and send it.',
  roleQuestion: 'What is your role?',
  roleExplain: 'Optional: it helps the team see who is affected.',
  contactQuestion: 'May we contact you about it?',
  contactExplain:
    'If you say yes, I\'ll add your name and email address from your Teams profile, so someone can reply to you. You don\'t need to type anything.',
  contactYes: 'Yes, you can contact me',
  contactNo: 'No, thanks',
  contactHint: 'Please choose "Yes, you can contact me" or "No, thanks".',

  next: 'Next',
  skip: 'Skip',
  send: 'Send',
  edit: 'Edit',
  backToSummary: 'Back to summary',

  summaryTitle: 'Check your feedback',
  summaryFooter: 'Nothing is sent until you choose Send.',
  labels: {
    topic: 'Topic',
    rating: 'Rating',
    text: 'Your feedback',
    role: 'Role',
    contact: 'Contact',
  },
  ratingValue: (rating: number | null) => (rating === null ? 'Skipped' : `${rating} out of 5`),
  roleSkipped: 'Not given',
  contactValue: {
    yes: (name: string, email: string) => `Yes: ${name}, ${email} (from Teams)`,
    no: 'No',
    missing: 'No: Teams did not give me your email address',
    notHere: 'Not available here: I can only see your name and email address in Teams',
  },
  removedOnSummary: (what: string) => `To keep you safe, I removed ${what} (marked in the text).`,

  editTitle: 'What would you like to change?',
  change: {
    topic: 'Topic',
    rating: 'Rating',
    text: 'Your feedback',
    role: 'Role',
    contact: 'Contact',
  },

  thanksTitle: 'Thank you!',
  /** Said only when a webhook is set up, so the feedback really is on its way. */
  thanksSent: 'Your feedback is saved and on its way to the team that runs this assistant.',
  /** Said when no webhook is set up: it is kept here and nothing is sent yet. */
  thanksKept: 'Your feedback is saved. It will go to the team that runs this assistant once they have set up where it should go.',
  referenceLabel: 'Your reference',
  referenceHint: 'If you contact the team that runs this assistant about it, quote this reference. The NHSmail Helpdesk can\'t look it up.',

  cancelled: 'No problem, I haven\'t sent anything. Type "menu" whenever you want me again.',
  contactMissing:
    'I couldn\'t get your email address from Teams just now, so this feedback will go without contact details. You can still send it.',
  sendFailed: 'Sorry, I couldn\'t save your feedback just now. Your answers are still here: please choose Send again in a moment.',
  unavailable: `I can't take feedback in this chat just now. You can report NHSmail MFA feedback at ${CONTACTS.feedback.url} instead.`,
  elsewhere: `You can also report NHSmail MFA feedback at ${CONTACTS.feedback.url}.`,
} as const;
