import { isValidNhsNumber } from './nhsNumber.js';
import { normaliseForPrivacy } from './normalise.js';
import { looksLikePassword } from './passwordToken.js';
import { CODE_RUN, CODE_SPACED, EMAIL, PASSWORD_PHRASE, TEN_DIGITS, UK_PHONE, URL_LIKE, isSecretToken } from './patterns.js';

/** What the scrubber can take out of a text. */
export type RemovedKind = 'password' | 'code' | 'phone' | 'email' | 'nhs-number';

export const REMOVED_KINDS: readonly RemovedKind[] = ['password', 'email', 'nhs-number', 'phone', 'code'];

/** The readable placeholder left where something was removed. */
export const PLACEHOLDERS: Readonly<Record<RemovedKind, string>> = {
  password: '[password removed]',
  code: '[code removed]',
  phone: '[phone number removed]',
  email: '[email removed]',
  'nhs-number': '[NHS number removed]',
};

export interface ScrubOptions {
  /** The user's own address, kept when they agreed to be contacted (compared ignoring case). */
  readonly keepEmail?: string;
}

export interface ScrubResult {
  readonly text: string;
  /** One entry per removal, in the order the rules ran (passwords, emails, NHS numbers, phones, codes). */
  readonly removed: RemovedKind[];
}

/** Web and email addresses: codes are not looked for inside them (a kept email may hold digits too). */
const ADDRESS = new RegExp(`${URL_LIKE.source}|${EMAIL.source}`, 'gi');

/** A word (split at spaces, commas and semicolons); trailing full stops, colons, brackets and closing quotes stay outside it. */
const WORD = /[^\s,;]+?(?=[.:)"”’]*(?:[\s,;]|$))/gu;

/** What the scrubber leaves behind: never read again as part of a word. */
const PLACEHOLDER = /\[(?:password|code|phone number|email|NHS number) removed\]/g;

/**
 * Removes what looks like a password, a verification code, a UK phone number, an email address or
 * an NHS number (10 digits passing Modulus 11) and leaves a readable placeholder instead, once per
 * thing removed ("2 passwords"). The text is first normalised (NFKC, invisible characters removed)
 * so full-width digits or a zero-width space inside a code change nothing.
 * Passwords: after a password phrase ("my password is X"), and any word that looks like a password
 * on its own ("I use Summer2025! for the other one"; see looksLikePassword).
 * Order matters: phone numbers and NHS numbers go before codes so that their digits are not
 * mistaken for codes; placeholders hold no digits, so later rules never see removed text. Digits
 * inside web addresses are not codes.
 */
export function scrubText(text: string, opts: ScrubOptions = {}): ScrubResult {
  const removed: RemovedKind[] = [];
  const keep = opts.keepEmail?.trim().toLowerCase();
  const input = normaliseForPrivacy(text);

  let out = outside(input, PLACEHOLDER, (part) =>
    part.replace(PASSWORD_PHRASE, (match: string, ...args: unknown[]) => {
      const groups = args[args.length - 1];
      const offset = args[args.length - 3];
      if (!isGroups(groups) || typeof offset !== 'number') return match;
      const { lead, connector, secret } = groups;
      if (lead === undefined || connector === undefined || secret === undefined) return match;
      if (!isSecretToken(secret, connector, part.slice(offset + match.length))) return match;
      removed.push('password');
      return `${lead}${PLACEHOLDERS.password}`;
    }),
  );

  out = outside(out, PLACEHOLDER, (part) =>
    part.replace(WORD, (word) => {
      if (!looksLikePassword(word)) return word;
      removed.push('password');
      return PLACEHOLDERS.password;
    }),
  );

  out = out.replace(EMAIL, (match) => {
    if (keep !== undefined && keep !== '' && match.toLowerCase() === keep) return match;
    removed.push('email');
    return PLACEHOLDERS.email;
  });

  out = out.replace(TEN_DIGITS, (match) => {
    if (!isValidNhsNumber(match)) return match;
    removed.push('nhs-number');
    return PLACEHOLDERS['nhs-number'];
  });

  out = out.replace(UK_PHONE, () => {
    removed.push('phone');
    return PLACEHOLDERS.phone;
  });

  out = outside(out, ADDRESS, (part) =>
    [CODE_SPACED, CODE_RUN].reduce(
      (current, pattern) =>
        current.replace(pattern, () => {
          removed.push('code');
          return PLACEHOLDERS.code;
        }),
      part,
    ),
  );

  return { text: out, removed };
}

/** Applies `change` to the parts of `text` that `skip` does not match, leaving its matches as they are. */
function outside(text: string, skip: RegExp, change: (part: string) => string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(skip)) {
    const at = match.index ?? 0;
    out += change(text.slice(from, at)) + match[0];
    from = at + match[0].length;
  }
  return out + change(text.slice(from));
}

function isGroups(value: unknown): value is Record<string, string | undefined> {
  return typeof value === 'object' && value !== null;
}

const NAMES: Readonly<Record<RemovedKind, { one: string; many: string }>> = {
  password: { one: 'a password', many: 'passwords' },
  code: { one: 'a verification code', many: 'verification codes' },
  phone: { one: 'a phone number', many: 'phone numbers' },
  email: { one: 'an email address', many: 'email addresses' },
  'nhs-number': { one: 'an NHS number', many: 'NHS numbers' },
};

/** "a password and 2 phone numbers"; empty string when nothing was removed. */
export function listRemoved(removed: readonly RemovedKind[]): string {
  const parts: string[] = [];
  for (const kind of REMOVED_KINDS) {
    const count = removed.filter((k) => k === kind).length;
    if (count === 0) continue;
    parts.push(count === 1 ? NAMES[kind].one : `${count} ${NAMES[kind].many}`);
  }
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Plain English for the user, e.g. "To keep you safe, I removed a password and 2 phone numbers
 * from your message before saving it." Empty string when nothing was removed.
 */
export function describeRemoved(removed: readonly RemovedKind[]): string {
  if (removed.length === 0) return '';
  return `To keep you safe, I removed ${listRemoved(removed)} from your message before saving it.`;
}
