import type { IntentId } from './intents.js';

/**
 * People wrap a question in courtesies: "good morning, hope you are well. can i use a text instead
 * of the app?", "hi sorry to bother you, how do i…", "… thanks so much!". Read whole, the greeting's
 * words can outweigh the question's, and the answer is a hello. The matcher itself says which parts
 * are small talk; this module finds the parts to try.
 */

/** Intents that are small talk, not a question about MFA. */
export const SMALL_TALK: ReadonlySet<IntentId> = new Set<IntentId>(['chat.greeting', 'chat.help']);

/** Where a clause ends: sentence or clause punctuation, or a line break. */
const CLAUSE_END = /[.!?,;:\n]+/g;

/** A part of a message that may be set aside, and what is left without it. */
interface Cut {
  readonly part: string;
  readonly rest: string;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Ways to cut a courtesy off the front: after its first word or two, and after each clause, shortest first. */
function leadingCuts(text: string): Cut[] {
  const cuts: Cut[] = [];
  const words = text.split(/\s+/);
  for (const n of [1, 2]) {
    if (words.length > n) cuts.push({ part: words.slice(0, n).join(' '), rest: words.slice(n).join(' ') });
  }
  for (const match of text.matchAll(CLAUSE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    cuts.push({ part: text.slice(0, end), rest: text.slice(end) });
  }
  return cuts.map((c) => ({ part: c.part.trim(), rest: c.rest.trim() })).filter((c) => c.part !== '' && c.rest !== '');
}

/** Ways to cut a courtesy off the end: before each clause, shortest last clause first. */
function trailingCuts(text: string): Cut[] {
  const cuts: Cut[] = [];
  for (const match of text.matchAll(CLAUSE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    cuts.push({ part: text.slice(end).trim(), rest: text.slice(0, end).trim() });
  }
  return cuts.reverse().filter((c) => c.part !== '' && c.rest !== '');
}

/** A courtesy is short: a longer part is not tried (and a long message costs a few readings, not one per clause). */
const MAX_COURTESY_WORDS = 12;

/** At most this many courtesies are set aside at each end ("hi hi hi…" a thousand times costs a few readings). */
const MAX_COURTESIES = 3;

/** Fewer words than this left over is not a question of its own ("hi there" is a greeting, not "there"). */
const MIN_REST_WORDS = 2;

/**
 * The message with the courtesies at its start and end set aside: each leading or trailing part that
 * `isSmallTalk` on its own, while at least two words are left. Undefined when there is none.
 */
export function setCourtesiesAside(text: string, isSmallTalk: (part: string) => boolean): string | undefined {
  let rest = text.trim();
  let changed = false;
  for (const cuts of [leadingCuts, trailingCuts]) {
    let found = true;
    for (let taken = 0; found && taken < MAX_COURTESIES; taken++) {
      found = false;
      for (const cut of cuts(rest)) {
        if (wordCount(cut.part) > MAX_COURTESY_WORDS) break;
        if (wordCount(cut.rest) < MIN_REST_WORDS || !isSmallTalk(cut.part)) continue;
        rest = cut.rest;
        changed = found = true;
        break;
      }
    }
  }
  return changed ? rest : undefined;
}

/** Words enough, once the courtesies are set aside, for what is left to be a question of its own. */
const QUESTION_WORDS = 4;

export function isQuestionOfItsOwn(text: string): boolean {
  return wordCount(text) >= QUESTION_WORDS;
}
