import type { ConversationId } from './conversations.js';
import { FEEDBACK } from './feedback.js';
import { PRACTICE } from './practice.js';

/** The bot's own words: greetings, menu, prompts and help. Facts live in the other content files. */
export const BOT_NAME = 'MFA Assistant';

export const MENU = {
  title: 'Hello, I\'m the MFA Assistant',
  intro: 'I help NHS staff set up and live with NHSmail multi-factor authentication (MFA). What would you like to do?',
  privacy: 'I will never ask for your password or a real MFA code, so please don\'t type them here.',
  entries: [
    { conversation: 'why', label: 'Why MFA?' },
    { conversation: 'enrol', label: 'Set up MFA' },
    { conversation: 'methods', label: 'Choose a method' },
    { conversation: 'trouble', label: 'Fix a problem' },
    { conversation: 'practice', label: 'Practise with an authenticator' },
    { conversation: 'feedback', label: 'Give feedback' },
  ] as const satisfies readonly { conversation: ConversationId; label: string }[],
  continueLabel: (step: number, total: number) => `Continue set-up (step ${step} of ${total})`,
} as const;

export const WORDS = {
  back: 'Back',
  next: 'Next',
  stuck: 'I\'m stuck',
  cancel: 'Cancel',
  backToMenu: 'Back to menu',
  setItUpNow: 'Set it up now',
  yes: 'Yes',
  no: 'No',
  notSure: 'Not sure',
  fixedIt: 'That fixed it',
  stillStuck: 'Still stuck',
  fixStepByStep: 'Fix it step by step',
  giveFeedback: 'Give feedback',
  didItWork: 'Did it work?',
  itWorked: 'Yes, it worked',
  itDidNot: 'No, I need help',
  compare: 'Compare all methods',
  guideMe: 'Help me choose',
  source: 'Source',
  more: 'More',
  /** A toggle that shows what to do next time, under the urgent part. */
  nextTime: 'Next time',
} as const;

export const REPLIES = {
  cancelled: 'No problem, I\'ve stopped that. Type "menu" whenever you want me again.',
  backToMenu: 'Here\'s the menu.',
  notUnderstood: 'Sorry, I didn\'t catch that.',
  /** A thank-you with no conversation running: not a question, so neither "not sure" nor counted as unanswered. */
  welcome: 'You\'re welcome! If there\'s anything else about MFA, just ask, or type "menu".',
  /** "That worked", "great" with no conversation running. */
  pleased: 'Glad that helped! If there\'s anything else about MFA, just ask, or type "menu".',
  /** "OK", "got it" with no conversation running. */
  acknowledged: 'OK. If there\'s anything else about MFA, just ask, or type "menu".',
  /** "Bye" with no conversation running. */
  farewell: 'Bye for now. Type "menu" whenever you need me again.',
  /** A thank-you in the middle of a conversation: its place is kept. */
  welcomeMidConversation: 'You\'re welcome! Carry on whenever you\'re ready.',
  staleButton: 'That button is from an earlier card, so I\'ve left things where they are.',
  goodbye: 'Glad it worked. Well done for keeping patient data safe!',
  enrolDone: 'Great, MFA is set up. Well done for keeping patient data safe!',
  enrolPaused: 'OK, I\'ve stopped the set-up and kept your place. Say "continue" whenever you\'re ready to pick it up again.',
  resumed: (step: number) => `Welcome back, let's pick up at step ${step}.`,
  nothingToContinue: 'There\'s nothing to continue just now. Here\'s the menu.',
  fixed: 'Great, glad that sorted it.',
  error: 'Sorry, something went wrong on my side. I\'ve reset our conversation; type "menu" to start again.',
  practiceInPrivate: 'Practising means typing codes, so let\'s do it in a one-to-one chat. Open a chat with MFA Assistant and choose "Practise with an authenticator".',
  feedbackInPrivate: 'Feedback can include your name and email, so let\'s do it in a one-to-one chat. Open a chat with MFA Assistant and choose "Give feedback".',
  comingSoon: 'That part of the assistant isn\'t ready yet. Here\'s what I can do now.',
} as const;

/** What "cancel" says in a conversation, where it says more than REPLIES.cancelled. */
export const CANCELLED: Readonly<Partial<Record<ConversationId, string>>> = {
  enrol: REPLIES.enrolPaused,
  practice: PRACTICE.stopped,
  feedback: FEEDBACK.cancelled,
};

/** What "help" says inside each conversation, without losing the place. */
export const HELP: Readonly<Record<ConversationId, string>> = {
  menu: 'Pick one of the buttons, or type what you need, like "set up MFA" or "my code doesn\'t work".',
  why: 'You\'re reading why MFA matters. Choose "Set it up now" to enrol, or "Back to menu".',
  enrol: 'You\'re in the MFA set-up walkthrough. Use Next and Back to move between steps, "I\'m stuck" if something goes wrong, or type "cancel" to stop. Your place is kept: say "continue" later to carry on.',
  methods: 'You\'re choosing an MFA method. Answer the question on the card, or type "cancel" to stop.',
  trouble: 'You\'re fixing a problem. Try the step on the card, then tell me if it fixed it. Type "cancel" to stop.',
  practice: 'You\'re practising with an authenticator. Type the 6-digit code from the practice account, or "cancel" to stop.',
  feedback: 'You\'re giving feedback. Answer the question on the card, or type "cancel" to stop.',
};

export const HELP_SUFFIX = 'You can type "menu" to start over or "cancel" to stop.';
