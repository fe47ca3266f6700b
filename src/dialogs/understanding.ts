import type { TurnContext } from 'botbuilder';
import { answerCard, didYouMeanCard } from '../cards/answer.js';
import { urgentCard } from '../cards/urgent.js';
import { INTENT_ANSWERS } from '../content/answers.js';
import { isInScopeIntentId, type InScopeIntentId } from '../nlu/intents.js';
import type { Matcher } from '../nlu/types.js';
import type { Understander, Understanding } from './root.js';
import { sendCard } from './send.js';
import { urgentFor } from './urgent.js';
import type { UrgentId } from '../content/urgent.js';

/** Urgent answers that need the user's own words (a lost phone, being abroad), not just the intent. */
function isCueBacked(id: UrgentId | undefined): boolean {
  return id === 'lost_phone' || id === 'abroad_locked_out';
}

/** Where questions the bot could not answer are counted (scrubbed) for the feedback digest. */
export interface UnansweredLog {
  /** Resolves whether it was kept; may reject when the store is unreachable (the reply does not wait on it). */
  recordUnanswered(question: string): Promise<boolean>;
}

/**
 * Free text through the intent matcher: a confident match starts its conversation (or, in the
 * middle of one, answers with a short card so the conversation can carry on); two close readings
 * get "Did you mean…?"; anything else is honestly not known, and counted (with the topics it came
 * closest to, if any, offered as buttons: a near miss costs one tap).
 */
export class IntentUnderstander implements Understander {
  constructor(
    private readonly matcher: Matcher,
    private readonly unanswered?: UnansweredLog,
  ) {}

  async understand(context: TurnContext, text: string, midConversation: boolean): Promise<Understanding> {
    const result = this.matcher.match(text);
    // Urgent first: of two close readings, one that says the phone is gone or the user is abroad
    // and cannot get in (the words say so) is answered at once, not with "Did you mean…?".
    const urgentReading = result.ambiguous ? result.candidates.slice(0, 2).map((c) => c.intent).filter(isInScopeIntentId).find((i) => isCueBacked(urgentFor(i, text))) : undefined;
    if (urgentReading !== undefined) return this.answer(context, urgentReading, midConversation, text);
    if (result.ambiguous) {
      const options = result.candidates.map((c) => c.intent).filter(isInScopeIntentId).slice(0, 2);
      if (options.length === 2) {
        await sendCard(context, didYouMeanCard(options));
        return { kind: 'answered' };
      }
    }
    if (!isInScopeIntentId(result.intent)) {
      // Counting is best effort: a store that is down must not cost the user their answer.
      if (!midConversation) await this.unanswered?.recordUnanswered(text).catch(() => false);
      return { kind: 'none', suggestions: result.suggestions };
    }
    // An answer that only says what is known (the facts hold no real answer) is counted too.
    if (!midConversation && INTENT_ANSWERS[result.intent].countAsUnanswered === true) {
      await this.unanswered?.recordUnanswered(text).catch(() => false);
    }
    return this.answer(context, result.intent, midConversation, text);
  }

  /** `text` is what was typed, when it was typed (not a button): it tells a lost phone from a new one. */
  async answer(context: TurnContext, intent: InScopeIntentId, midConversation: boolean, text?: string): Promise<Understanding> {
    const urgent = urgentFor(intent, text);
    if (urgent !== undefined) {
      // Someone who cannot get in: the urgent answer is the first reply, wherever they are.
      if (!midConversation) return { kind: 'start', target: { conversation: 'trouble', urgent } };
      await sendCard(context, urgentCard(urgent));
      return { kind: 'answered' };
    }
    const answer = INTENT_ANSWERS[intent];
    if (!midConversation && answer.start !== undefined) return { kind: 'start', target: answer.start };
    await sendCard(context, answerCard(intent, answer, { midConversation }));
    return { kind: 'answered' };
  }
}
