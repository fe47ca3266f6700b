import { CONTACTS } from './contacts.js';
import type { SourceId } from './sources.js';

/** What the bot says when someone types what looks like a real MFA code or password. */
export const SECRET_WARNING: { readonly code: string; readonly password: string; readonly advice: string; readonly changePassword: string; readonly source: SourceId } = {
  code: 'That looks like an MFA code. Please never share MFA codes, not with me and not with anyone who calls, texts or emails you. I haven\'t kept it.',
  password: 'That looks like a password. Please never share your password, not with me and not with anyone else. I haven\'t kept it.',
  advice: `If someone asked you for a code or your password, that is phishing: deny any sign-in request you didn't start, change your password, and tell ${CONTACTS.localAdmin.name}. Never share your codes, even with someone who says they are from NHSmail.`,
  /** After a password typed into the chat: it is no longer only the user's. */
  changePassword: `You typed it into this chat, so please change your password now. If you're not sure how, ${CONTACTS.localAdmin.name} or the ${CONTACTS.helpdesk.name} (${CONTACTS.helpdesk.phone}, ${CONTACTS.helpdesk.hours}) can help.`,
  source: 'general',
};
