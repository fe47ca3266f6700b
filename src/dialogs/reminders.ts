import { TurnContext } from 'botbuilder';
import type { ReminderChoice } from '../cards/actions.js';
import { normaliseChoice } from '../cards/choices.js';
import { ENROL_TOTAL } from '../cards/enrolment.js';
import { reminderCard, reminderOfferCard } from '../cards/reminders.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { REMINDERS } from '../content/reminders.js';
import { REMINDER_DELAY_MS, reminderKey, toReminderAddress, type ReminderStore } from '../reminders/index.js';
import type { EnrolProgressStore } from './progress.js';
import { isSharedConversation } from './press.js';
import { say, sendCard } from './send.js';

/** Typed ways of asking for (or stopping) a reminder. */
const TYPED: Readonly<Record<string, ReminderChoice>> = {
  'remind me tomorrow': 'tomorrow',
  'remind me later': 'tomorrow',
  'remind me next week': 'nextWeek',
  'remind me in a week': 'nextWeek',
  'stop reminders': 'stop',
  'stop reminder': 'stop',
  'stop my reminder': 'stop',
  'stop the reminder': 'stop',
  'cancel reminder': 'stop',
  'cancel reminders': 'stop',
  'cancel my reminder': 'stop',
  'cancel the reminder': 'stop',
  'no reminders': 'stop',
  'no more reminders': 'stop',
  'stop reminding me': 'stop',
  'dont remind me': 'stop',
};

/** "remind me tomorrow", "please stop reminders" and the like; undefined for anything else. */
export function reminderWords(text: string): ReminderChoice | undefined {
  const t = normaliseChoice(text).replace(/^(please|ok|okay|can you|could you) /, '').replace(/ (please|thanks|thank you)$/, '');
  return TYPED[t];
}

function keyOf(context: TurnContext): string | undefined {
  const { channelId, conversation, from } = context.activity;
  if (typeof channelId !== 'string' || typeof conversation?.id !== 'string' || typeof from?.id !== 'string') return undefined;
  return reminderKey({ channelId, conversation: { id: conversation.id }, user: { id: from.id } });
}

export interface ReminderDeps {
  readonly store: ReminderStore;
  /** Current time in epoch milliseconds. */
  readonly now: () => number;
}

/** A store that could not be reached is logged by error name only. */
export interface ReminderLog {
  warn(fields: { readonly event: 'reminder_store_failed'; readonly error: string }, message: string): void;
}

/**
 * "Remind me tomorrow" in the conversation: offered when a walkthrough is paused with its place
 * kept, stored (one per person and conversation, a new request replacing the pending one) only
 * when asked, cancelled by "stop reminders", and — when due — sent by the scheduler through
 * `remind`, which sends nothing once the walkthrough is finished. Without a store, nothing is offered.
 */
export class Reminders {
  constructor(
    private readonly progress: EnrolProgressStore,
    private readonly deps: ReminderDeps | undefined,
    private readonly log?: ReminderLog,
  ) {}

  /** The card for a walkthrough paused with its place kept (`text`), offering a reminder; undefined where none can be set. */
  pausedCard(context: TurnContext, text: string = REMINDERS.paused): AdaptiveCard | undefined {
    return this.deps === undefined || isSharedConversation(context.activity) ? undefined : reminderOfferCard(text);
  }

  /**
   * A reminder button pressed or its words typed. The store being out of reach is a passing fault:
   * the user is told reminders are unavailable and the walkthrough's place is untouched.
   */
  async handle(context: TurnContext, choice: ReminderChoice): Promise<void> {
    if (isSharedConversation(context.activity)) return say(context, REMINDERS.personalOnly);
    const deps = this.deps;
    if (deps === undefined) return say(context, REMINDERS.unavailable);
    let reply: string | undefined;
    try {
      reply = await this.apply(context, choice, deps);
    } catch (error) {
      this.log?.warn({ event: 'reminder_store_failed', error: error instanceof Error ? error.name : 'unknown' }, 'reminder store unavailable');
      reply = REMINDERS.unavailable;
    }
    if (reply !== undefined) await say(context, reply);
  }

  /** What the choice does to the store; the reply to say, or undefined when a card was sent. */
  private async apply(context: TurnContext, choice: ReminderChoice, deps: ReminderDeps): Promise<string | undefined> {
    const { store, now } = deps;
    const key = keyOf(context);
    switch (choice) {
      case 'stop':
        return key !== undefined && (await store.cancel(key)) ? REMINDERS.stopped : REMINDERS.noneToStop;
      case 'notNow':
        if ((await this.progress.get(context)) === undefined) return REMINDERS.nothingToRemind;
        await sendCard(context, reminderOfferCard(REMINDERS.notNow));
        return undefined;
      case 'tomorrow':
      case 'nextWeek': {
        if ((await this.progress.get(context)) === undefined) return REMINDERS.nothingToRemind;
        const address = toReminderAddress(TurnContext.getConversationReference(context.activity));
        if (address === undefined || key === undefined) return REMINDERS.unavailable;
        const at = now();
        await store.set({ key, address, dueAt: at + REMINDER_DELAY_MS[choice], createdAt: at });
        return REMINDERS.set[choice];
      }
    }
  }

  /**
   * The proactive turn of a due reminder: the reminder card if the walkthrough is still
   * unfinished, checked now (not when it was asked for); nothing once it was finished.
   */
  async remind(context: TurnContext): Promise<'sent' | 'finished'> {
    const saved = await this.progress.get(context);
    if (saved === undefined) return 'finished';
    await sendCard(context, reminderCard(Math.min(saved.step, ENROL_TOTAL), ENROL_TOTAL));
    return 'sent';
  }
}
