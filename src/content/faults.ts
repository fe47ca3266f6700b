/**
 * What the user is told when a turn could not be completed for a reason outside the conversation.
 * The bot's own words, like REPLIES in ui.ts; they state no fact, so they name no source.
 * None of them says anything was reset: in each case the user's place is left as it was saved.
 */
export const FAULT_REPLIES = {
  storageUnavailable: 'Sorry, I can\'t reach my notes just now, so I couldn\'t do that. Your place is kept: please try again in a minute.',
  timeout: 'Sorry, that took me too long. Please try again in a moment.',
  connectorUnavailable: 'Sorry, Teams didn\'t take my answer just now. Your place is kept: please try again in a moment.',
  conflict: 'Two of your messages reached me at the same moment and I could only act on one of them. Please check the latest card and try again if you need to.',
  slowDown: 'You\'re sending messages faster than I can keep up with. Please wait a few seconds, then try again.',
} as const;
