import { MemoryStorage, type Activity } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/createBot.js';
import { TerminalAdapter } from '../../src/bot/terminalAdapter.js';
import { terminalReminders } from '../../src/bot/terminalReminders.js';
import { buttonsOf } from '../../src/cards/choices.js';
import { ADAPTIVE_CARD_TYPE, isAdaptiveCard } from '../../src/cards/guards.js';
import type { AdaptiveCard } from '../../src/cards/schema.js';
import { REMINDERS } from '../../src/content/reminders.js';
import { WORDS } from '../../src/content/ui.js';
import { silentLogger } from '../../src/feedback/logger.js';
import { SqliteReminderStore } from '../../src/reminders/sqliteStore.js';
import { sharedMatcher } from '../support/chat.js';
import { tempDatabase } from '../support/tempDir.js';

const START = Date.UTC(2030, 0, 6, 9);
const DAY = 86_400_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** The terminal chat's bot and adapter, in process, with a clock the test moves on. */
function terminal(conversationId: string, store: SqliteReminderStore, clock: () => number) {
  const shown: Partial<Activity>[] = [];
  const adapter = new TerminalAdapter((a) => shown.push(a));
  const { bot, remind } = createBot({ storage: new MemoryStorage(), logger: silentLogger, matcher: sharedMatcher(), reminders: { store, now: clock } });
  const user = { id: 'terminal-user', name: 'You' };
  const conversation = { id: conversationId, conversationType: 'personal', isGroup: false, name: 'terminal' };
  const base = { channelId: 'terminal', serviceUrl: 'http://localhost/terminal', from: user, recipient: { id: 'mfa-assistant', name: 'MFA Assistant' }, conversation };
  const cards = () => shown.flatMap((a) => (a.attachments ?? []).filter((x) => x.contentType === ADAPTIVE_CARD_TYPE).map((x): unknown => x.content)).filter(isAdaptiveCard);
  const last = (): AdaptiveCard => {
    const card = cards().at(-1);
    if (card === undefined) throw new Error('no card');
    return card;
  };
  return {
    shown,
    cards,
    scheduler: terminalReminders({ adapter, store, remind, channelId: 'terminal', conversationId, userId: user.id, now: clock, intervalMs: 3_600_000 }),
    say: (text: string) => adapter.processTurn({ ...base, type: 'message', text }, (c) => bot.run(c)),
    press: async (title: string) => {
      const button = buttonsOf(last()).find((b) => b.title === title);
      if (button?.kind !== 'submit') throw new Error(`no ${title}`);
      await adapter.processTurn({ ...base, type: 'message', value: button.data }, (c) => bot.run(c));
    },
  };
}

describe('npm run chat shows its reminder when due', () => {
  it('the reminder card is printed once, when due, and only for this terminal conversation', async () => {
    const { db, remove } = tempDatabase('terminal-reminders');
    cleanups.push(remove);
    const store = new SqliteReminderStore(db);
    let now = START;
    const mine = terminal('terminal-1', store, () => now);
    const theirs = terminal('terminal-2', store, () => now);
    for (const t of [mine, theirs]) {
      await t.say('set up mfa');
      await t.press(WORDS.next);
      await t.press(WORDS.cancel);
      await t.press(REMINDERS.tomorrow);
    }
    const before = mine.cards().length;
    now = START + DAY - 1;
    expect(await mine.scheduler.tick()).toEqual({ sent: 0, finished: 0, failed: 0 });
    now = START + DAY;
    expect(await mine.scheduler.tick()).toEqual({ sent: 1, finished: 0, failed: 0 });
    expect(await mine.scheduler.tick()).toEqual({ sent: 0, finished: 0, failed: 0 });
    const printed = mine.cards().slice(before);
    expect(printed.map((c) => c.fallbackText)).toEqual([expect.stringContaining(REMINDERS.reminderTitle)]);
    // The other conversation's reminder is still waiting for its own terminal.
    expect((await store.list(now)).length).toBe(1);
    await mine.press(REMINDERS.continue);
    expect(mine.shown.at(-2)?.text ?? '').toContain("let's pick up at step 2");
  });
});
