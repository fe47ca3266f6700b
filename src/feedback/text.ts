import { describeRemoved, scrubText, type RemovedKind } from '../privacy/index.js';
import { FEEDBACK_TEXT_MAX } from './model.js';

export type FeedbackTextCheck =
  | {
      readonly ok: true;
      /** Scrubbed, at most FEEDBACK_TEXT_MAX characters: the only form to keep in dialog state. */
      readonly text: string;
      readonly removed: RemovedKind[];
      /** What to tell the user about removals ("" when nothing was removed). */
      readonly notice: string;
    }
  | {
      readonly ok: false;
      readonly reason: 'empty' | 'too-long';
      readonly length: number;
      readonly max: number;
      /** A kind sentence to show the user. */
      readonly message: string;
    };

/**
 * Checks and scrubs the "tell us more" text as the user sends it. The length limit applies to
 * what the user typed; placeholders can make the scrubbed text a little longer, in which case it
 * is cut to the limit with "…".
 */
export function checkFeedbackText(raw: string, options: { readonly keepEmail?: string } = {}): FeedbackTextCheck {
  const trimmed = raw.trim();
  const length = [...trimmed].length;
  if (length === 0) {
    return { ok: false, reason: 'empty', length, max: FEEDBACK_TEXT_MAX, message: 'Please tell us a little about it. A sentence or two is plenty.' };
  }
  if (length > FEEDBACK_TEXT_MAX) {
    return {
      ok: false,
      reason: 'too-long',
      length,
      max: FEEDBACK_TEXT_MAX,
      message:
        `That is ${length.toLocaleString('en-GB')} characters, and feedback can be at most ` +
        `${FEEDBACK_TEXT_MAX.toLocaleString('en-GB')}. Could you shorten it by about ` +
        `${(length - FEEDBACK_TEXT_MAX).toLocaleString('en-GB')} character${length - FEEDBACK_TEXT_MAX === 1 ? '' : 's'} and send it again?`,
    };
  }
  const scrubbed = scrubText(trimmed, options.keepEmail === undefined ? {} : { keepEmail: options.keepEmail });
  const chars = [...scrubbed.text];
  const text = chars.length <= FEEDBACK_TEXT_MAX ? scrubbed.text : `${chars.slice(0, FEEDBACK_TEXT_MAX - 1).join('')}…`;
  return { ok: true, text, removed: scrubbed.removed, notice: describeRemoved(scrubbed.removed) };
}
