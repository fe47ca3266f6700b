import { tokenise } from './normalise.js';

/**
 * Training-time augmentation (issue 13): extra, lower-weighted copies of the training examples made
 * while the matcher trains, so cross-validation augments only its training folds. Three kinds:
 * - padding: a neutral lead-in or tail ("sorry to trouble you", "my manager says", "thanks in
 *   advance") that carries no intent's cue word, so filler does not decide the intent and a long
 *   message is still in scope;
 * - noise: one text-speak swap the synonym table does not undo ("to" → "2", "when" → "wen"), or one
 *   letter typo (drop, swap or double a letter) that spelling correction does not undo;
 * - dropout: one word removed that is not a cue of the example's intent.
 * Works on tokens (`tokenise`), deterministically from the random sequence given.
 */
export interface AugmentOptions {
  /** Expected padded copies per example (0.5: every other example on average; 0: none). */
  readonly padding: number;
  /** Expected noisy copies per example. */
  readonly noise: number;
  /** Expected copies per example with one non-cue word removed. */
  readonly dropout: number;
  /** Whether out-of-scope examples get copies too (otherwise in-scope ones only). */
  readonly outOfScope: boolean;
  /** Whether half the padded copies open with a greeting (GREETINGS), the greeting intent's own words. */
  readonly greetings: boolean;
  /** Whether lead-ins include asking for help (HELP_REQUESTS), words the help intent uses. */
  readonly helpRequests: boolean;
}

export type AugmentKind = 'padding' | 'noise' | 'dropout';

export interface AugmentSource {
  readonly tokens: readonly string[];
  readonly inScope: boolean;
}

export interface AugmentedCopy {
  /** Index of the example it was made from. */
  readonly source: number;
  readonly kind: AugmentKind;
  readonly tokens: readonly string[];
}

export interface AugmentReader {
  /** Whether `token` is a cue word of source example `source`'s intent (never dropped). */
  isCue(token: string, source: number): boolean;
  /** Whether `typed` reads as `word` once spelling correction and synonyms are applied. */
  readsAs(typed: string, word: string): boolean;
}

/**
 * Lead-ins and tails with no intent's cue word: checked with a script against the training examples,
 * none of their stems is in three or more examples of which half or more are one intent's (the most
 * one-sided: "you", 22 of 48 in `chat.help`; "if", 15 of 32 in `about.rollout`; "team", 8 of 19 out of
 * scope). Words spelling correction turns into a cue were avoided ("wondering" reads as "ordering",
 * "chance" as "change", "quick" is `enrol.duration`'s). Greetings are left out: "hi" and
 * "good morning" are the greeting intent's own words.
 */
export const LEAD_INS: readonly string[] = [
  'sorry to trouble you',
  'sorry if this is a daft one',
  'apologies in advance',
  'my manager says',
  'i am not very techy',
  'i am a bit confused',
  'just to check',
  'the thing is',
  'hopefully an easy one',
  'for the team',
  'i work in the pharmacy and',
  'i have just got back from lunch and',
  'um',
];

export const TAILS: readonly string[] = [
  'thanks',
  'thanks in advance',
  'cheers',
  'many thanks',
  'kind regards',
  'if that makes sense',
  'sorry for the essay',
  'thank you so much',
  'much appreciated',
];

/**
 * Greetings and requests for help: they do carry cue words (of `chat.greeting` and `chat.help`), but
 * they are how outsiders open a question, so an option may pad with them too, to teach that a
 * greeting or "can you help" in front of a question does not make it a greeting or a request for help.
 */
export const GREETINGS: readonly string[] = ['hi', 'hello', 'hiya', 'hi there', 'good morning', 'good afternoon', 'hey'];
export const HELP_REQUESTS: readonly string[] = ['could you help me', 'hoping you can help', 'can you help', 'please help'];

/** Text-speak the synonym table (synonyms.ts) does not undo. */
export const TEXT_SPEAK: ReadonlyMap<string, string> = new Map([
  ['to', '2'],
  ['for', '4'],
  ['tonight', '2nite'],
  ['tomorrow', 'tmrw'],
  ['when', 'wen'],
  ['can', 'cn'],
  ['know', 'kno'],
  ['have', 'hav'],
  ['just', 'jus'],
  ['really', 'rly'],
  ['with', 'wiv'],
  ['thanks', 'thnx'],
  ['something', 'smthng'],
  ['someone', 'sum1'],
  ['anyone', 'ne1'],
  ['great', 'gr8'],
  ['later', 'l8r'],
  ['okay', 'k'],
  ['see', 'c'],
  ['probably', 'prob'],
]);

const LEAD_IN_TOKENS = LEAD_INS.map(tokenise);
const TAIL_TOKENS = TAILS.map(tokenise);
const GREETING_TOKENS = GREETINGS.map(tokenise);
const LEAD_IN_AND_HELP_TOKENS = [...LEAD_IN_TOKENS, ...HELP_REQUESTS.map(tokenise)];

function pick<T>(list: readonly T[], random: () => number): T | undefined {
  return list[Math.floor(random() * list.length)];
}

/** floor(rate) copies, plus one more with probability rate − floor(rate). */
function copiesAt(rate: number, random: () => number): number {
  const whole = Math.floor(rate);
  return whole + (random() < rate - whole ? 1 : 0);
}

function padded(tokens: readonly string[], options: AugmentOptions, random: () => number): readonly string[] {
  const where = random();
  const lead = where < 0.75 ? (pick(options.helpRequests ? LEAD_IN_AND_HELP_TOKENS : LEAD_IN_TOKENS, random) ?? []) : [];
  const tail = where >= 0.5 ? (pick(TAIL_TOKENS, random) ?? []) : [];
  const greeting = options.greetings && random() < 0.5 ? (pick(GREETING_TOKENS, random) ?? []) : [];
  return [...greeting, ...lead, ...tokens, ...tail];
}

function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 1));
  const kind = random();
  if (kind < 1 / 3) return word.slice(0, at) + word.slice(at + 1);
  if (kind < 2 / 3) return word.slice(0, at - 1) + (word[at] ?? '') + (word[at - 1] ?? '') + word.slice(at + 1);
  return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
}

const ATTEMPTS = 4;

function noisy(tokens: readonly string[], reader: AugmentReader, random: () => number): readonly string[] | undefined {
  const swappable = tokens.flatMap((token, index) => (TEXT_SPEAK.has(token) ? [index] : []));
  if (swappable.length > 0 && random() < 0.5) {
    const index = pick(swappable, random) ?? 0;
    return tokens.map((token, at) => (at === index ? (TEXT_SPEAK.get(token) ?? token) : token));
  }
  const words = tokens.flatMap((token, index) => (/^[a-z]{3,}$/.test(token) ? [index] : []));
  for (let attempt = 0; attempt < ATTEMPTS && words.length > 0; attempt++) {
    const index = pick(words, random) ?? 0;
    const word = tokens[index] ?? '';
    const typed = typo(word, random);
    if (typed !== word && !reader.readsAs(typed, word)) return tokens.map((token, at) => (at === index ? typed : token));
  }
  return undefined;
}

function dropped(tokens: readonly string[], source: number, reader: AugmentReader, random: () => number): readonly string[] | undefined {
  if (tokens.length < 3) return undefined;
  const droppable = tokens.flatMap((token, index) => (reader.isCue(token, source) ? [] : [index]));
  if (droppable.length === 0) return undefined;
  const index = pick(droppable, random) ?? 0;
  return tokens.filter((_, at) => at !== index);
}

export function augmentExamples(
  sources: readonly AugmentSource[],
  options: AugmentOptions,
  reader: AugmentReader,
  random: () => number,
): AugmentedCopy[] {
  const copies: AugmentedCopy[] = [];
  sources.forEach(({ tokens, inScope }, source) => {
    if (!inScope && !options.outOfScope) return;
    for (let n = copiesAt(options.padding, random); n > 0; n--) copies.push({ source, kind: 'padding', tokens: padded(tokens, options, random) });
    for (let n = copiesAt(options.noise, random); n > 0; n--) {
      const made = noisy(tokens, reader, random);
      if (made !== undefined) copies.push({ source, kind: 'noise', tokens: made });
    }
    for (let n = copiesAt(options.dropout, random); n > 0; n--) {
      const made = dropped(tokens, source, reader, random);
      if (made !== undefined) copies.push({ source, kind: 'dropout', tokens: made });
    }
  });
  return copies;
}
