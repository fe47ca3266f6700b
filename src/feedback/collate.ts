import type { FunnelSource } from '../funnel/report.js';
import { buildDigest, type Digest } from './digest.js';
import type { Outbox } from './store.js';
import type { UnansweredQuestions } from './unanswered.js';

export interface CollateSources {
  readonly outbox: Outbox;
  readonly unanswered: UnansweredQuestions;
  /** The enrolment funnel's counters; absent, the digest has no funnel. */
  readonly funnel?: FunnelSource;
}

/** The digest of everything received in [from, to), under `id`. */
export async function collate(sources: CollateSources, id: string, from: number, to: number): Promise<Digest> {
  const [items, unanswered, funnel] = await Promise.all([
    sources.outbox.feedbackBetween(from, to),
    sources.unanswered.top(from, to, 10),
    sources.funnel?.report(from, to),
  ]);
  const digest = buildDigest(items, unanswered, { id, from, to });
  return funnel === undefined ? digest : { ...digest, funnel };
}
