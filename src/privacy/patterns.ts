/**
 * The shapes of secrets and personal data, shared by the scrubber (what is stored) and the
 * secret guard (what the bot refuses to keep). Every expression is global; callers reset nothing
 * because String.prototype.replace / matchAll do not depend on lastIndex state.
 */

/** Words that introduce a password or PIN. */
const SECRET_WORD = String.raw`(?:pass\s?words?|passwd|passcode|passphrase|pwd|pw|log-?in|pin(?:\s?(?:number|code))?)`;

/**
 * "my password is X", "password: X", "pw = X", "PIN is X", "password's X", "password was changed to X",
 * and with nothing but a space: "login Summer2024!", "pin 4821".
 * Groups: `lead` (the words kept), `connector` (":" / "=", a verb, or a space), `secret` (the token).
 */
export const PASSWORD_PHRASE = new RegExp(
  String.raw`(?<lead>\b${SECRET_WORD}\b(?<connector>\s*[:=]\s*|\s+(?:(?:is|was|are|were|has\s+been|had\s+been)(?:\s+(?:set|changed|reset)\s+to)?|(?:set|changed|reset)\s+to)\s*[:=]?\s*|['’]s\s+|\s+)(?:(?:now|still|currently|actually|just|literally)\s+)*)` +
    String.raw`(?<secret>\[(?:password|code|phone number|email|NHS number) removed\]|"[^"\n]{1,100}"|'[^'\n]{1,100}'|“[^”\n]{1,100}”|‘[^’\n]{1,100}’|[^\s"“‘]+)`,
  'giu',
);

/**
 * Words that describe a password rather than being one ("my password is wrong", "pw: expired").
 * Compared in lower case with trailing punctuation removed.
 */
const DESCRIBING_WORDS = new Set([
  'a', 'about', 'accepted', 'also', 'always', 'an', 'and', 'as', 'at', 'because', 'being', 'been', 'blank',
  'blocked', 'but', 'case', 'case-sensitive', 'changed', 'correct', 'definitely', 'different', 'due', 'empty',
  'expired', 'expiring', 'fine', 'for', 'forgotten', 'going', 'her', 'his', 'in', 'incorrect', 'invalid', 'it',
  'just', 'locked', 'long', 'lost', 'missing', 'my', 'needed', 'never', 'new', 'no', 'not', 'now', 'of', 'ok',
  'okay', 'old', 'on', 'only', 'or', 'our', 'rejected', 'really', 'required', 'reset', 'right', 'same', 'saved',
  'set', 'short', 'so', 'still', 'stored', 'strong', 'temporary', 'that', 'the', 'their', 'this', 'to', 'too',
  'unknown', 'valid', 'very', 'weak', 'what', 'which', 'working', 'wrong', 'your', 'yours', 'mine',
  // questions and requests: "password: how do I change it?"
  'how', 'why', 'when', 'where', 'who', 'help', 'please', 'i', "i'm", 'im', 'can', "can't", 'cannot', 'could',
  'do', 'does', "doesn't", "don't", 'did', "didn't", 'is', "isn't", 'was', "wasn't", 'will', "won't", 'would',
  'should', 'keeps', 'kept', 'problem', 'problems', 'issue', 'issues', 'question', 'change', 'changing',
  'expires', 'expire', 'requirements', 'rules', 'policy', 'length', 'any', 'none', 'nothing', 'see', 'below',
  'above', 'here', 'there', 'again', 'every', 'each', 'same', 'hard', 'easy', 'difficult', 'impossible',
  'something', 'one', 'random', 'page', 'screen', 'details', 'manager',
]);

/** "my password is 20 characters long": a number followed by one of these is a length, not a password. */
const LENGTH_WORDS = /^\s*(?:characters?|chars?|letters?|digits?|numbers?|symbols?|long|or\s+more|minimum|max(?:imum)?)\b/i;

/** Trailing sentence punctuation that is not taken as part of what a word means. */
function core(token: string): string {
  return token.replace(/^["'“‘]|["'”’.,;:!?)]+$/gu, '');
}

/**
 * Whether the token after a password phrase is a secret.
 * - After ":" or "=", or "set/changed/reset to", any word of 3 or more characters not describing a
 *   password counts ("password: sunshine", "changed to kittens").
 * - After "is"/"was" the token must look like a password (a digit, a symbol, or a capital letter
 *   after a small one), because "my password is complicated" is common.
 * - After only a space ("pin 4821", "login Summer2024!") it must hold a digit or a symbol.
 * A quoted token counts unless it is one describing word; an email address is never a password
 * (the email rule removes it).
 */
export function isSecretToken(secret: string, connector: string, following = ''): boolean {
  if (/^\[[\w ]+ removed\]$/.test(secret)) return false; // already scrubbed
  const quoted = /^["'“‘]/u.test(secret);
  const word = core(secret);
  if (word === '') return false;
  const describing = DESCRIBING_WORDS.has(word.toLowerCase());
  if (quoted) return !describing;
  if (describing || isEmail(word)) return false;
  if (/^\d+$/.test(word) && LENGTH_WORDS.test(following)) return false;
  if (/[:=]/.test(connector) || /\b(?:set|changed|reset)\s+to\b/iu.test(connector)) return word.length >= 3;
  if (word.length < 4) return false;
  if (connector.trim() === '') return /\d/.test(word) || /[^\p{L}\d]/u.test(word);
  return /\d/.test(word) || /[^\p{L}\d]/u.test(word) || /\p{Ll}\p{L}*\p{Lu}/u.test(word);
}

function isEmail(word: string): boolean {
  return new RegExp(`^(?:${EMAIL.source})$`).test(word);
}

/** Email addresses. */
export const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Web addresses, masked by the guard so that numbers inside links are not taken for codes. */
export const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;

/** One optional separator between the digits of a phone number: a space, a hyphen, or ")" (area code). */
const PHONE_SEP = String.raw`(?:[ \-]|\)\s?)?`;

/**
 * UK phone numbers: national (0 then 9 or 10 digits: "0333 200 1133", "07700 900123",
 * "(01632) 960961", "020-7946-0018") and international (+44 / 0044, with or without "(0)").
 */
export const UK_PHONE = new RegExp(
  String.raw`(?:(?<![\w+])(?:\+|00)\s?44\s?(?:\(0\)\s?)?\(?\d(?:${PHONE_SEP}\d){8,9}|(?<![\w+])\(?0\d(?:${PHONE_SEP}\d){8,9})(?!\d)`,
  'g',
);

/** A separator people put between digits: a space, a hyphen, a full stop or a slash. */
const DIGIT_SEP = String.raw`[ \-./]`;

/**
 * Ten digits in any NHS number layout: "943 476 5919", "943 4765 919", "943/476/5919",
 * "943-476-5919" or "9434765919" (checksum checked separately), not part of a longer number.
 */
export const TEN_DIGITS = new RegExp(String.raw`(?<!\d${DIGIT_SEP}?)\d(?:${DIGIT_SEP}?\d){9}(?!${DIGIT_SEP}?\d)`, 'g');

/** A run of 6 to 8 digits that is not part of a longer number or a decimal. */
export const CODE_RUN = /(?<!\d|\d[.,])\d{6,8}(?![\d]|[.,]\d)/g;

/**
 * A code as authenticator apps display it or people copy it: "123 456", "1234 5678" (also with a
 * hyphen), in pairs "73 91 04", or digit by digit "7-3-9-1-0-4" / "7 3 9 1 0 4" (one separator throughout).
 */
export const CODE_SPACED = new RegExp(
  String.raw`(?<!\d|\d[ \-.,])(?:\d{3}[ -]\d{3}|\d{4}[ -]\d{4}|\d\d \d\d \d\d(?: \d\d)?|\d(?<sep>[ -])\d(?:\k<sep>\d){4,6})(?![\d]|[ \-.,]\d)`,
  'g',
);
