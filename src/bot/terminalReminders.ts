import type { TurnContext } from 'botbuilder';
import { reminderKey, ReminderScheduler, type ReminderStore, type SendOutcome } from '../reminders/index.js';
import { createReminderSender } from './reminderSender.js';
import type { TerminalAdapter } from './terminalAdapter.js';

export interface TerminalRemindersDeps {
  readonly adapter: TerminalAdapter;
  readonly store: ReminderStore;
  readonly remind: (context: TurnContext) => Promise<SendOutcome>;
  /** The terminal conversation: only its own reminder is shown (others in the same database are left alone). */
  readonly channelId: string;
  readonly conversationId: string;
  readonly userId: string;
  readonly now: () => number;
  readonly intervalMs: number;
}

/**
 * `npm run chat` in local mode: a reminder asked for in the terminal is shown there when due, as a
 * proactive turn through the terminal adapter (nothing goes to Teams). Reminders of other
 * conversations in the same database are never claimed here.
 */
export function terminalReminders(deps: TerminalRemindersDeps): ReminderScheduler {
  const onlyKey = reminderKey({ channelId: deps.channelId, conversation: { id: deps.conversationId }, user: { id: deps.userId } });
  return new ReminderScheduler({
    store: deps.store,
    send: createReminderSender((reference, logic) => deps.adapter.continueConversation(reference, logic), deps.remind),
    now: deps.now,
    logger: { info: () => undefined, warn: () => undefined },
    intervalMs: deps.intervalMs,
    onlyKey,
  });
}
