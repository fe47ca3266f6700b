import { buildDigest, type Digest } from './digest.js';
import type { Outbox } from './store.js';
import type { UnansweredQuestions } from './unanswered.js';

export interface CollateSources {
  readonly outbox: Outbox;
  readonly unanswered: UnansweredQuestions;
}

/** The digest of everything received in [from, to), under `id`. */
export async function collate(sources: CollateSources, id: string, from: number, to: number): Promise<Digest> {
  const [items, unanswered] = await Promise.all([sources.outbox.feedbackBetween(from, to), sources.unanswered.top(from, to, 10)]);
  return buildDigest(items, unanswered, { id, from, to });
}
