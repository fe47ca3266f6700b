import { REPLIES } from './ui.js';

/**
 * "Remind me tomorrow": the bot's own words for reminders about a walkthrough left part-way.
 * (The bot's own words, like ui.ts: no facts, so no source.)
 */
export const REMINDERS = {
  tomorrow: 'Remind me tomorrow',
  nextWeek: 'Remind me next week',
  /** The short card when a walkthrough is paused with its place kept. */
  paused: REPLIES.enrolPaused,
  pausedOffer: 'Or I can send you a reminder.',
  /** After "Not now" on a reminder: the place is still kept, and another reminder is offered. */
  notNow: 'OK. Your place is kept. Say "continue" whenever you\'re ready.',
  set: {
    tomorrow: 'OK, I\'ll remind you here at about this time tomorrow. Say "stop reminders" if you change your mind.',
    nextWeek: 'OK, I\'ll remind you here at about this time next week. Say "stop reminders" if you change your mind.',
  },
  stopped: 'OK, I\'ve cancelled your reminder. Your place is still kept: say "continue" whenever you\'re ready.',
  noneToStop: 'You don\'t have a reminder set, so there\'s nothing to stop.',
  nothingToRemind: 'There\'s no set-up in progress to remind you about. Choose "Set up MFA" to start.',
  personalOnly: 'Reminders come as a message just to you, so they only work in a one-to-one chat. Open a chat with MFA Assistant and ask me there.',
  unavailable: 'Sorry, I can\'t set reminders just now. Say "continue" whenever you\'re ready to pick up again.',
  /** The reminder itself. */
  reminderTitle: 'Ready to finish setting up MFA?',
  reminderText: (step: number, total: number) => `You asked me to remind you. Your place is kept at step ${step} of ${total}.`,
  continue: 'Continue',
  notNowButton: 'Not now',
} as const;
