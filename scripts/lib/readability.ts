/**
 * Plain-English check of everything the bot says: every user-facing string exported from
 * src/content (training phrases in src/content/intents and the source list excepted), found by
 * walking the exported data rather than by a hand-kept list, scored with text-readability's
 * Flesch reading ease. NHS content style aims at a reading age of about 9: Flesch 60 or more.
 */
import rs from 'text-readability';
import * as answers from '../../src/content/answers.js';
import * as contacts from '../../src/content/contacts.js';
import * as enrolment from '../../src/content/enrolment.js';
import * as faults from '../../src/content/faults.js';
import * as feedback from '../../src/content/feedback.js';
import * as guard from '../../src/content/guard.js';
import * as methods from '../../src/content/methods.js';
import * as practice from '../../src/content/practice.js';
import * as reminders from '../../src/content/reminders.js';
import * as troubleshooting from '../../src/content/troubleshooting.js';
import * as ui from '../../src/content/ui.js';
import * as urgent from '../../src/content/urgent.js';
import * as why from '../../src/content/why.js';

/** The content modules whose exports are words shown to users. */
export const CONTENT_MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  answers,
  contacts,
  enrolment,
  faults,
  feedback,
  guard,
  methods,
  practice,
  reminders,
  troubleshooting,
  ui,
  urgent,
  why,
};

/** Keys whose values are ids, addresses or words a user might type, not messages shown to them. */
const NOT_SHOWN = new Set([
  'source',
  'extraSources',
  'id',
  'value',
  'words',
  'url',
  'conversation',
  'problem',
  'start',
  'followUps',
  'method',
  'alsoConsider',
  'email',
  'phone',
]);

/** Example arguments for message-making functions ("Question 2 of 5", "about 3 minutes fast"). */
const SAMPLE_ARGS: readonly unknown[] = [2, 5];

export interface Message {
  /** Where it lives, like "answers.INTENT_ANSWERS.about.why.paragraphs.0". */
  readonly path: string;
  readonly text: string;
}

function walk(value: unknown, path: string, out: Message[], seen: Set<unknown>): void {
  if (typeof value === 'string') {
    out.push({ path, text: value });
    return;
  }
  if (typeof value === 'function') {
    walk((value as (...args: unknown[]) => unknown)(...SAMPLE_ARGS), `${path}()`, out, seen);
    return;
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}.${i}`, out, seen));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!NOT_SHOWN.has(key)) walk(item, `${path}.${key}`, out, seen);
  }
}

/** The chooser's suggestion for every way of answering its questions (not one example call). */
function everyRecommendation(): methods.Recommendation[] {
  const values = [undefined, true, false] as const;
  const out: methods.Recommendation[] = [];
  for (const smartphone of values) for (const installApp of values) for (const signal of values) {
    out.push(methods.recommend({ ...(smartphone === undefined ? {} : { smartphone }), ...(installApp === undefined ? {} : { installApp }), ...(signal === undefined ? {} : { signal }) }));
  }
  return out;
}

/** Every user-facing string in the content, each once (the same words reached twice count once). */
export function collectMessages(modules = CONTENT_MODULES): Message[] {
  const out: Message[] = [];
  const seen = new Set<unknown>();
  for (const [name, exports] of Object.entries(modules)) {
    for (const [key, value] of Object.entries(exports)) {
      if (name === 'methods' && key === 'recommend') walk(everyRecommendation(), 'methods.recommend(every answer)', out, seen);
      // Exported functions are helpers (capitalised, nextChooserQuestion); messages made by functions sit inside the data.
      else if (typeof value !== 'function') walk(value, `${name}.${key}`, out, seen);
    }
  }
  const texts = new Set<string>();
  return out.filter((m) => {
    if (texts.has(m.text)) return false;
    texts.add(m.text);
    return true;
  });
}

/** Markdown links and bare addresses read as their words; addresses are not scored as syllables. */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\bhttps?:\/\/\S+/g, 'link')
    .replace(/\b[\w.-]+\.(?:nhs\.net|nhs\.uk|org\.uk|co\.uk|com)(?:\/\S*)?/g, 'link')
    .replace(/\s+/g, ' ')
    .trim();
}

export function wordCount(text: string): number {
  return plain(text).split(' ').filter((w) => /\w/.test(w)).length;
}

export interface Scored extends Message {
  readonly words: number;
  readonly score: number;
}

export const MIN_WORDS = 10;
export const TARGET_SCORE = 60;
export const TARGET_SHARE = 0.9;

export interface ReadabilityReport {
  /** Messages of MIN_WORDS words or more, worst first. */
  readonly scored: readonly Scored[];
  readonly passing: number;
  readonly share: number;
}

export function scoreMessages(messages: readonly Message[] = collectMessages()): ReadabilityReport {
  const scored = messages
    .map((m) => ({ ...m, words: wordCount(m.text), score: rs.fleschReadingEase(plain(m.text)) }))
    .filter((m) => m.words >= MIN_WORDS)
    .sort((a, b) => a.score - b.score);
  const passing = scored.filter((m) => m.score >= TARGET_SCORE).length;
  return { scored, passing, share: scored.length === 0 ? 1 : passing / scored.length };
}
