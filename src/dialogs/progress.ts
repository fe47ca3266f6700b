import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { isRecord } from './conversation.js';

/** Where a user is in the enrolment walkthrough, kept in user state so "continue" can resume. */
export interface EnrolProgress {
  /** 1–5 for the portal steps, 6 for the "next sign-in" card. */
  readonly step: number;
}

export const ENROL_LAST = 6;

export class EnrolProgressStore {
  constructor(private readonly accessor: StatePropertyAccessor<unknown>) {}

  async get(context: TurnContext): Promise<EnrolProgress | undefined> {
    const value = await this.accessor.get(context);
    if (!isRecord(value) || typeof value.step !== 'number') return undefined;
    const step = value.step;
    return Number.isInteger(step) && step >= 1 && step <= ENROL_LAST ? { step } : undefined;
  }

  async set(context: TurnContext, progress: EnrolProgress): Promise<void> {
    await this.accessor.set(context, { step: progress.step });
  }

  async clear(context: TurnContext): Promise<void> {
    await this.accessor.delete(context);
  }
}
