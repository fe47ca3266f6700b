import { buildDigest, type Digest } from './digest.js';
import { newId, type RandomBytes } from './ids.js';
import type { FeedbackOutbox } from './outbox.js';
import type { UnansweredQuestions } from './unanswered.js';

export interface CollateSources {
  readonly outbox: FeedbackOutbox;
  readonly unanswered: UnansweredQuestions;
  readonly randomBytes: RandomBytes;
}

/** The digest of everything received in [from, to), with a fresh id. */
export function collate(sources: CollateSources, from: number, to: number): Digest {
  return buildDigest(sources.outbox.feedbackBetween(from, to), sources.unanswered.top(from, to, 10), {
    id: newId('dg', sources.randomBytes),
    from,
    to,
  });
}
