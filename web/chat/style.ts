import type { StyleOptions } from 'botframework-webchat';

/** NHS identity colours (NHS England's digital service manual palette). */
export const NHS_COLOURS = {
  blue: '#005EB8',
  darkBlue: '#003087',
  white: '#FFFFFF',
  text: '#212B32',
  secondaryText: '#4C6272',
  paleGrey: '#E8EDEE',
  background: '#F0F4F5',
  focus: '#FFEB3B',
} as const;

/** The bot's name as shown in the page and to screen readers. */
export const BOT_DISPLAY_NAME = 'MFA Assistant';

/** The bot's avatar: a white padlock on an NHS-blue circle (inline SVG, no request). */
const AVATAR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">' +
  `<circle cx="20" cy="20" r="20" fill="${NHS_COLOURS.blue}"/>` +
  '<path d="M14 18v-3a6 6 0 0 1 12 0v3" fill="none" stroke="#fff" stroke-width="2.5"/>' +
  '<rect x="11" y="18" width="18" height="13" rx="2" fill="#fff"/>' +
  `<circle cx="20" cy="24" r="2" fill="${NHS_COLOURS.blue}"/>` +
  '</svg>';

export const BOT_AVATAR_DATA_URI = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(AVATAR_SVG)}`;

/**
 * Colours only: sizes, focus indicators and roles stay Web Chat's own, so its keyboard and
 * screen-reader behaviour is untouched. Every text/background pair here meets WCAG AA contrast
 * (white on #005EB8 is 6.4:1, #4C6272 on white 6.4:1 and on #F0F4F5 5.7:1, #212B32 on #F0F4F5 13:1).
 */
export const CHAT_STYLE_OPTIONS: StyleOptions = {
  accent: NHS_COLOURS.blue,
  backgroundColor: NHS_COLOURS.background,
  subtle: NHS_COLOURS.secondaryText,
  primaryFont: 'Arial, Helvetica, sans-serif',
  rootHeight: '100%',

  botAvatarImage: BOT_AVATAR_DATA_URI,
  botAvatarInitials: 'MA',
  botAvatarBackgroundColor: NHS_COLOURS.blue,
  userAvatarInitials: 'You',
  userAvatarBackgroundColor: NHS_COLOURS.darkBlue,

  bubbleBackground: NHS_COLOURS.white,
  bubbleBorderColor: NHS_COLOURS.paleGrey,
  bubbleBorderWidth: 1,
  bubbleBorderRadius: 4,
  bubbleTextColor: NHS_COLOURS.text,
  bubbleFromUserBackground: NHS_COLOURS.blue,
  bubbleFromUserBorderColor: NHS_COLOURS.blue,
  bubbleFromUserBorderRadius: 4,
  bubbleFromUserTextColor: NHS_COLOURS.white,

  suggestedActionBorderColor: NHS_COLOURS.blue,
  suggestedActionTextColor: NHS_COLOURS.blue,
  sendBoxButtonColor: NHS_COLOURS.blue,
  sendBoxButtonColorOnHover: NHS_COLOURS.darkBlue,
  sendBoxTextColor: NHS_COLOURS.text,
  sendBoxPlaceholderColor: NHS_COLOURS.secondaryText,
  timestampColor: NHS_COLOURS.secondaryText,

  // Nothing to upload to, and no microphone: this bot is text and cards only.
  hideUploadButton: true,
  hideTelephoneKeypadButton: true,
};
