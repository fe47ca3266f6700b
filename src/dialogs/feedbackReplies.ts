import { normaliseChoice } from '../cards/choices.js';
import { FEEDBACK_ROLE_LABELS, FEEDBACK_TOPICS, type FeedbackOption } from '../content/feedback.js';
import type { FeedbackCategory, FeedbackRating, FeedbackRole } from '../feedback/index.js';

/** Typed answers to the feedback questions that have buttons ("5", "skip", "the app", "yes"). */

function matchOption<V extends string>(options: readonly FeedbackOption<V>[], text: string, lead: RegExp): V | undefined {
  const t = normaliseChoice(text);
  const number = /^\d{1,2}$/.test(t) ? Number(t) : undefined;
  if (number !== undefined) return options[number - 1]?.value;
  const bare = t.replace(lead, '');
  for (const candidate of [t, bare]) {
    const found = options.find((o) => normaliseChoice(o.label) === candidate || o.words.some((w) => normaliseChoice(w) === candidate));
    if (found !== undefined) return found.value;
  }
  return undefined;
}

/** "3" (its place in the list), "the app", "FIDO2", "it's about the bot". */
export function typedTopic(text: string): FeedbackCategory | undefined {
  return matchOption(FEEDBACK_TOPICS, text, /^(its |it is )?(about )?(my |the )?/);
}

/** "pharmacist", "I'm a locum", "2". */
export function typedRole(text: string): FeedbackRole | undefined {
  return matchOption(FEEDBACK_ROLE_LABELS, text, /^(im |i am |i m )?(a |an |the )?/);
}

const SKIP = new Set(['skip', 'skip it', 'skip this', 'pass', 'no rating', 'rather not say', 'id rather not say', 'prefer not to say', 'none', 'not sure']);
const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

export type TypedRating = { readonly kind: 'rating'; readonly rating: FeedbackRating } | { readonly kind: 'skip' } | { readonly kind: 'out-of-range' };

function isRating(n: number): n is FeedbackRating {
  return Number.isInteger(n) && n >= 1 && n <= 5;
}

/** "4", "4/5", "4 out of 5", "five stars", "skip". Undefined when it is not about a rating at all. */
export function typedRating(text: string): TypedRating | undefined {
  const t = normaliseChoice(text.replace(/\//g, ' out of '));
  if (SKIP.has(t)) return { kind: 'skip' };
  const match = /^(\d{1,3}|one|two|three|four|five)( out of (5|five|10|ten))?( stars?)?$/.exec(t);
  if (match === null) return undefined;
  const raw = match[1] ?? '';
  const n = NUMBER_WORDS[raw] ?? Number(raw);
  if (match[3] !== undefined && !['5', 'five'].includes(match[3])) return { kind: 'out-of-range' };
  return isRating(n) ? { kind: 'rating', rating: n } : { kind: 'out-of-range' };
}

const YES = new Set(['yes', 'y', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'yes please', 'please do', 'go ahead', 'yes you can', 'yes you can contact me', 'contact me']);
const NO = new Set(['no', 'n', 'nope', 'nah', 'no thanks', 'no thank you', 'dont', 'do not', 'rather not', 'id rather not', 'no dont', 'dont contact me']);

/** "yes" / "no thanks" at the contact question. */
export function typedYesNo(text: string): 'yes' | 'no' | undefined {
  const t = normaliseChoice(text);
  if (YES.has(t)) return 'yes';
  if (NO.has(t)) return 'no';
  return undefined;
}
