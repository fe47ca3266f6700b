import { normaliseForPrivacy } from './normalise.js';
import { looksLikePassword } from './passwordToken.js';
import { CODE_RUN, CODE_SPACED, EMAIL, PASSWORD_PHRASE, TEN_DIGITS, UK_PHONE, URL_LIKE, isSecretToken } from './patterns.js';

export interface SharedSecret {
  readonly kind: 'code' | 'password';
}

/**
 * Whether a message is, or holds, what looks like a verification code or a password, so the bot
 * can refuse to keep it and warn the user.
 *
 * The text is normalised first (NFKC, invisible characters removed): "１２３４５６" and "123\u200b456" are codes.
 *
 * Fires on: a 6–8 digit run ("123456", "my code is 12345678"), a code as authenticator apps show
 * it or people copy it ("123 456", "1234 5678", "73 91 04", "7-3-9-1-0-4"), password phrases
 * ("my password is Tr1cky!", "pw: hunter2", "login Summer2024!", "pin 4821"), and a message that is
 * one word looking like a password ("Word!Word77"; see looksLikePassword).
 *
 * Does not fire on ordinary numbers: short numbers ("step 5", "192"), dates ("28/11/2026",
 * "2026-11-28"), times ("10:30"), decimals, UK phone numbers in any usual layout ("0333 200 1133",
 * "07700 900123", "+44 7700 900123"), numbers inside email addresses or links, and 10-digit
 * numbers (an NHS number is personal data, not a secret: the scrubber removes it wherever text is
 * stored, but it is no reason to warn about phishing). Descriptions of a password are not
 * passwords: "my password is wrong", "password: expired".
 */
export function detectSharedSecret(raw: string): SharedSecret | null {
  const text = normaliseForPrivacy(raw);
  if (looksLikePassword(text.trim())) return { kind: 'password' };
  for (const match of text.matchAll(PASSWORD_PHRASE)) {
    const connector = match.groups?.['connector'];
    const secret = match.groups?.['secret'];
    const following = text.slice((match.index ?? 0) + match[0].length);
    if (connector !== undefined && secret !== undefined && isSecretToken(secret, connector, following)) {
      return { kind: 'password' };
    }
  }
  const masked = [URL_LIKE, EMAIL, UK_PHONE, TEN_DIGITS].reduce(
    (current, pattern) => current.replace(pattern, (m) => '#'.repeat(m.length)),
    text,
  );
  if (hasMatch(masked, CODE_SPACED) || hasMatch(masked, CODE_RUN)) return { kind: 'code' };
  return null;
}

function hasMatch(text: string, pattern: RegExp): boolean {
  return text.match(pattern) !== null;
}
