import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { dayOf, UNFINISHED_AFTER_DAYS, type Funnel } from '../funnel/events.js';
import { isRecord } from './conversation.js';

/** Where a user is in the enrolment walkthrough, kept in user state so "continue" can resume. */
export interface EnrolProgress {
  /** 1–5 for the portal steps, 6 for the "next sign-in" card. */
  readonly step: number;
  /** The UTC day number the walkthrough started (for the funnel's "unfinished for 7 days"); absent in progress saved before it was kept. */
  readonly started?: number;
  /** The furthest step shown in this walkthrough, so the funnel counts reaching a step once. */
  readonly furthest?: number;
}

export const ENROL_LAST = 6;

function whole(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/**
 * The walkthrough's saved progress, and the funnel's counts that follow from it: a walkthrough
 * starts when a step is shown with no progress saved, reaches a step the first time it is shown,
 * and finishes at "Yes, it worked" (counted against its start day when within 7 days).
 */
export class EnrolProgressStore {
  constructor(
    private readonly accessor: StatePropertyAccessor<unknown>,
    private readonly funnel: Funnel,
    private readonly clock: () => number,
  ) {}

  async get(context: TurnContext): Promise<EnrolProgress | undefined> {
    const value = await this.accessor.get(context);
    if (!isRecord(value) || typeof value.step !== 'number') return undefined;
    const step = value.step;
    if (!(Number.isInteger(step) && step >= 1 && step <= ENROL_LAST)) return undefined;
    const started = whole(value.started);
    const furthest = whole(value.furthest);
    return { step, ...(started === undefined ? {} : { started }), ...(furthest === undefined ? {} : { furthest }) };
  }

  /** Saves the step showing; counts a start and a step reached for the first time. */
  async set(context: TurnContext, progress: { readonly step: number }): Promise<void> {
    const saved = await this.get(context);
    const started = saved === undefined ? dayOf(this.clock()) : saved.started;
    if (saved === undefined && started !== undefined) this.funnel.record({ kind: 'started', day: started });
    const furthest = saved === undefined ? 0 : (saved.furthest ?? saved.step);
    if (progress.step > furthest) this.funnel.record({ kind: 'reached', step: progress.step });
    await this.accessor.set(context, { step: progress.step, ...(started === undefined ? {} : { started }), furthest: Math.max(furthest, progress.step) });
  }

  /** "Yes, it worked": counted (and as finished within 7 days of its start day when it was), and the progress cleared. */
  async finish(context: TurnContext): Promise<void> {
    const saved = await this.get(context);
    this.funnel.record({ kind: 'worked' });
    if (saved?.started !== undefined && dayOf(this.clock()) - saved.started <= UNFINISHED_AFTER_DAYS) this.funnel.record({ kind: 'finished', day: saved.started });
    await this.clear(context);
  }

  async clear(context: TurnContext): Promise<void> {
    await this.accessor.delete(context);
  }
}
