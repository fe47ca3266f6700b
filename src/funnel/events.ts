import { PROBLEM_IDS, type ProblemId } from '../content/conversations.js';

/** The enrolment walkthrough's cards: 1–5 the portal steps, 6 the next sign-in ("Did it work?"). */
export const FUNNEL_STEPS = 6;

/** How long a walkthrough may take before it counts as left unfinished. */
export const UNFINISHED_AFTER_DAYS = 7;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The UTC day number (days since 1970-01-01) of an instant: what a walkthrough's saved progress keeps as its start. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/**
 * Something that happened in a conversation, counted and nothing else: no user, no conversation,
 * no text. `day` on `started` and `finished` is the UTC day number the walkthrough started (kept
 * in its saved progress), so "finished within 7 days" is counted against the day it started.
 */
export type FunnelEvent =
  | { readonly kind: 'started'; readonly day: number }
  | { readonly kind: 'reached'; readonly step: number }
  | { readonly kind: 'stuck'; readonly step: number }
  | { readonly kind: 'stuckProblem'; readonly step: number; readonly problem: ProblemId }
  | { readonly kind: 'worked' }
  | { readonly kind: 'didNotWork' }
  /** "Yes, it worked" within 7 days of the start day; `day` is that start day. */
  | { readonly kind: 'finished'; readonly day: number }
  | { readonly kind: 'fixed'; readonly problem: ProblemId }
  | { readonly kind: 'escalated'; readonly problem: ProblemId }
  /** A code typed into a live practice account and checked: its result kind (others are not attempts). */
  | { readonly kind: 'practice'; readonly result: string };

/** What the dialogs call: one synchronous, in-memory add per event. */
export interface Funnel {
  record(event: FunnelEvent): void;
}

/** Counts nothing: for conversations built without a funnel (unit tests of one dialog). */
export const noFunnel: Funnel = { record: () => undefined };

/** Which bucket a count goes in: the UTC hour of the event, or the UTC day a walkthrough started (its cohort). */
export type BucketKind = 'event' | 'cohort';

export interface Counted {
  readonly kind: BucketKind;
  /** The bucket's start, epoch ms (an hour for events, a day for cohorts). */
  readonly start: number;
  readonly key: string;
}

function validStep(step: number): boolean {
  return Number.isInteger(step) && step >= 1 && step <= FUNNEL_STEPS;
}

function validProblem(problem: string): boolean {
  return (PROBLEM_IDS as readonly string[]).includes(problem);
}

/** A day number no further than a year either side of now (anything else is a damaged saved progress). */
function validDay(day: number, now: number): boolean {
  return Number.isInteger(day) && Math.abs(day - dayOf(now)) <= 366;
}

/**
 * Calls `add` for each counter an event adds one to: none for an event that is not well formed,
 * two for a start (the period's starts, and its start day's cohort). No arrays: this runs in turns.
 */
export function forEachCounter(event: FunnelEvent, now: number, add: (kind: BucketKind, start: number, key: string) => void): void {
  const one = counterFor(event, now);
  if (one === null) return;
  add(one.kind, one.start, one.key);
  if (event.kind === 'started') add('event', Math.floor(now / HOUR_MS) * HOUR_MS, 'started');
}

/** The event's hour bucket. A plain function, not a closure: esbuild's keepNames (tsx) would rename a closure on every call. */
function inHour(now: number, key: string): Counted {
  return { kind: 'event', start: Math.floor(now / HOUR_MS) * HOUR_MS, key };
}

function counterFor(event: FunnelEvent, now: number): Counted | null {
  switch (event.kind) {
    case 'started':
      return validDay(event.day, now) ? { kind: 'cohort', start: event.day * DAY_MS, key: 'started' } : null;
    case 'finished':
      return validDay(event.day, now) ? { kind: 'cohort', start: event.day * DAY_MS, key: 'finished' } : null;
    case 'reached':
      return validStep(event.step) ? inHour(now, `reached.${event.step}`) : null;
    case 'stuck':
      return validStep(event.step) ? inHour(now, `stuck.${event.step}`) : null;
    case 'stuckProblem':
      return validStep(event.step) && validProblem(event.problem) ? inHour(now, `stuck.${event.step}.${event.problem}`) : null;
    case 'worked':
      return inHour(now, 'worked');
    case 'didNotWork':
      return inHour(now, 'didnotwork');
    case 'fixed':
    case 'escalated':
      return validProblem(event.problem) ? inHour(now, `trouble.${event.problem}.${event.kind}`) : null;
    case 'practice':
      if (event.result === 'clock-off') return inHour(now, 'practice.clock');
      return event.result === 'success' || event.result === 'no-match' ? inHour(now, 'practice.other') : null;
  }
}
