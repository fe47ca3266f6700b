import { isProblemId, PROBLEM_IDS, type ProblemId } from '../content/conversations.js';
import { ENROLMENT_STEPS, NEXT_SIGN_IN } from '../content/enrolment.js';
import { PROBLEMS } from '../content/troubleshooting.js';
import { DAY_MS, FUNNEL_STEPS, UNFINISHED_AFTER_DAYS } from './events.js';

/** Figures from 1 to 4 are not shown (NHS statistics' small-number rule). */
export const SUPPRESS_BELOW = 5;

/** A count as published: 0 or 5 and over as the number; 1 to 4 as null ("fewer than 5"). */
export type Figure = number | null;

export function suppress(n: number): Figure {
  return n > 0 && n < SUPPRESS_BELOW ? null : n;
}

export interface FunnelProblemCount {
  readonly problem: ProblemId;
  readonly label: string;
  readonly count: Figure;
}

export interface FunnelStep {
  /** 1–5 the portal steps, 6 the next sign-in ("Did it work?"). */
  readonly step: number;
  readonly title: string;
  /** Walkthroughs that reached this step (each counted once however often it was shown). */
  readonly reached: Figure;
  /** "I'm stuck" pressed on this step. */
  readonly stuck: Figure;
  /** The problem then chosen, most first; problems nobody chose are left out. */
  readonly problems: readonly FunnelProblemCount[];
}

export interface FunnelUnfinished {
  /** The start days (UTC, yyyy-mm-dd, inclusive) whose 7 days ran out in the period. */
  readonly startedFrom: string;
  readonly startedTo: string;
  readonly started: Figure;
  /** "Yes, it worked" within 7 days of the start day. */
  readonly finished: Figure;
  readonly unfinished: Figure;
}

export interface FunnelTrouble {
  readonly problem: ProblemId;
  readonly label: string;
  /** "That fixed it". */
  readonly fixed: Figure;
  /** Every fix tried and still stuck: shown who can help. */
  readonly escalated: Figure;
}

/** The enrolment funnel of one period, small numbers already suppressed: what a digest carries. */
export interface FunnelReport {
  /** Figures from 1 up to this (exclusive) are null. */
  readonly suppressedBelow: number;
  readonly started: Figure;
  readonly steps: readonly FunnelStep[];
  readonly worked: Figure;
  readonly didNotWork: Figure;
  /** null when no start day's 7 days ran out in the period (a period shorter than a day). */
  readonly unfinished: FunnelUnfinished | null;
  /** Problems with any outcome, in the troubleshooting menu's order. */
  readonly troubleshooting: readonly FunnelTrouble[];
  readonly practice: { readonly attempts: Figure; readonly wrongClock: Figure };
}

export function stepTitle(step: number): string {
  return ENROLMENT_STEPS[step - 1]?.title ?? NEXT_SIGN_IN.title;
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Which start days a period [from, to) reports as unfinished: those whose window closed in it. A
 * walkthrough started on day d counts as finished when "Yes, it worked" comes by the end of day
 * d + 7, so its cohort closes at the start of day d + 8.
 */
export function cohortRange(from: number, to: number): { readonly from: number; readonly to: number } {
  const closeAfter = (UNFINISHED_AFTER_DAYS + 1) * DAY_MS;
  return { from: from - closeAfter, to: to - closeAfter };
}

/** The published funnel from the raw counts: `events` of the period's hours, `cohorts` of the start days that closed in it. */
export function buildFunnelReport(events: ReadonlyMap<string, number>, cohorts: ReadonlyMap<string, number>, from: number, to: number): FunnelReport {
  const n = (key: string): number => events.get(key) ?? 0;
  const steps: FunnelStep[] = [];
  for (let step = 1; step <= FUNNEL_STEPS; step++) {
    const problems = PROBLEM_IDS.map((problem) => ({ problem, raw: n(`stuck.${step}.${problem}`) }))
      .filter((p) => p.raw > 0)
      .sort((a, b) => b.raw - a.raw)
      .map(({ problem, raw }) => ({ problem, label: PROBLEMS[problem].label, count: suppress(raw) }));
    steps.push({ step, title: stepTitle(step), reached: suppress(n(`reached.${step}`)), stuck: suppress(n(`stuck.${step}`)), problems });
  }
  const range = cohortRange(from, to);
  const firstDay = Math.ceil(range.from / DAY_MS);
  const lastDay = Math.ceil(range.to / DAY_MS) - 1;
  let unfinished: FunnelUnfinished | null = null;
  if (firstDay <= lastDay) {
    const started = cohorts.get('started') ?? 0;
    const finished = Math.min(started, cohorts.get('finished') ?? 0);
    const left = started - finished;
    // The two parts of one total: when one is hidden, hide the other too, or it could be worked out.
    const hideParts = suppress(finished) === null || suppress(left) === null;
    unfinished = {
      startedFrom: isoDay(firstDay),
      startedTo: isoDay(lastDay),
      started: suppress(started),
      finished: hideParts ? null : finished,
      unfinished: hideParts ? null : left,
    };
  }
  const troubleshooting = PROBLEM_IDS.filter((p) => n(`trouble.${p}.fixed`) + n(`trouble.${p}.escalated`) > 0).map((problem) => ({
    problem,
    label: PROBLEMS[problem].label,
    fixed: suppress(n(`trouble.${problem}.fixed`)),
    escalated: suppress(n(`trouble.${problem}.escalated`)),
  }));
  return {
    suppressedBelow: SUPPRESS_BELOW,
    started: suppress(n('started')),
    steps,
    worked: suppress(n('worked')),
    didNotWork: suppress(n('didnotwork')),
    unfinished,
    troubleshooting,
    practice: { attempts: suppress(n('practice.clock') + n('practice.other')), wrongClock: suppress(n('practice.clock')) },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function figure(value: unknown): Figure {
  if (value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && (value === 0 || value >= SUPPRESS_BELOW)) return value;
  throw new TypeError('Funnel figure is not 0, 5 or more, or null');
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('Funnel text is not a string');
  return value;
}

function problem(value: unknown): ProblemId {
  if (!isProblemId(value)) throw new TypeError('Funnel problem is not a known one');
  return value;
}

function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new TypeError('Funnel list is not a list');
  return value;
}

function record(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw new TypeError('Funnel part is not an object');
  return value;
}

/** Narrows a funnel read back from the outbox (inside a stored digest); throws when it is not one. */
export function parseFunnelReport(value: unknown): FunnelReport {
  const v = record(value);
  const practice = record(v['practice']);
  const u = v['unfinished'];
  return {
    suppressedBelow: figure(v['suppressedBelow']) ?? SUPPRESS_BELOW,
    started: figure(v['started']),
    steps: list(v['steps']).map((raw) => {
      const s = record(raw);
      const step = s['step'];
      if (typeof step !== 'number' || !Number.isInteger(step) || step < 1 || step > FUNNEL_STEPS) throw new TypeError('Funnel step out of range');
      return {
        step,
        title: text(s['title']),
        reached: figure(s['reached']),
        stuck: figure(s['stuck']),
        problems: list(s['problems']).map((p) => {
          const r = record(p);
          return { problem: problem(r['problem']), label: text(r['label']), count: figure(r['count']) };
        }),
      };
    }),
    worked: figure(v['worked']),
    didNotWork: figure(v['didNotWork']),
    unfinished:
      u === null
        ? null
        : (() => {
            const r = record(u);
            return { startedFrom: text(r['startedFrom']), startedTo: text(r['startedTo']), started: figure(r['started']), finished: figure(r['finished']), unfinished: figure(r['unfinished']) };
          })(),
    troubleshooting: list(v['troubleshooting']).map((t) => {
      const r = record(t);
      return { problem: problem(r['problem']), label: text(r['label']), fixed: figure(r['fixed']), escalated: figure(r['escalated']) };
    }),
    practice: { attempts: figure(practice['attempts']), wrongClock: figure(practice['wrongClock']) },
  };
}

/** What a digest asks for: the funnel of [from, to). */
export interface FunnelSource {
  report(from: number, to: number): Promise<FunnelReport>;
}

/** Counts as the store (or a recorder, which writes its pending counts first) has them. */
export interface FunnelCounts {
  sum(kind: 'event' | 'cohort', from: number, to: number): Promise<Map<string, number>>;
}

/** A FunnelSource over stored counts. */
export function funnelSource(counts: FunnelCounts): FunnelSource {
  return {
    async report(from, to) {
      const cohort = cohortRange(from, to);
      const [events, cohorts] = await Promise.all([counts.sum('event', from, to), counts.sum('cohort', cohort.from, cohort.to)]);
      return buildFunnelReport(events, cohorts, from, to);
    },
  };
}
