import { afterEach, describe, expect, it, vi } from 'vitest';
import { buttonsOf } from '../../src/cards/choices.js';
import { REMINDERS } from '../../src/content/reminders.js';
import { WORDS } from '../../src/content/ui.js';
import { reminderWords } from '../../src/dialogs/reminders.js';
import { ReminderScheduler, retryDelayMs } from '../../src/reminders/scheduler.js';
import { SqliteReminderStore } from '../../src/reminders/sqliteStore.js';
import { allText, TestChat } from '../support/chat.js';
import { tempDatabase } from '../support/tempDir.js';

const START = Date.UTC(2030, 0, 6, 9);
const DAY = 86_400_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  vi.useRealTimers();
});

function database() {
  const { db, remove } = tempDatabase('reminder-dialogs');
  cleanups.push(remove);
  return db;
}

function store(): SqliteReminderStore {
  return new SqliteReminderStore(database());
}

describe('asking for a reminder in words', () => {
  it.each([
    ['remind me tomorrow', 'tomorrow'],
    ['Remind me tomorrow please', 'tomorrow'],
    ['remind me next week', 'nextWeek'],
    ['stop reminders', 'stop'],
    ['please cancel my reminder', 'stop'],
    ["don't remind me", 'stop'],
  ])('"%s" → %s', (text, choice) => {
    expect(reminderWords(text)).toBe(choice);
  });

  it.each(['stop', 'remind me about the weather', 'reminders are great', ''])('"%s" is not a reminder request', (text) => {
    expect(reminderWords(text)).toBeUndefined();
  });

  it('typed mid-walkthrough, it pauses the walkthrough there and sets the reminder', async () => {
    const s = store();
    const chat = TestChat.start({ reminders: { store: s, now: () => START } });
    await chat.say('set up mfa');
    await chat.press(WORDS.next);
    expect(allText(await chat.say('remind me tomorrow'))).toContain(REMINDERS.set.tomorrow);
    expect((await s.list(START)).map((r) => r.dueAt)).toEqual([START + DAY]);
    // Paused, not still running: "continue" picks it up at the same step.
    expect(allText(await chat.say('continue'))).toContain("let's pick up at step 2");
  });

  it('a press in a group chat says reminders only work one-to-one, and stores nothing', async () => {
    const s = store();
    const chat = TestChat.start({ channelId: 'msteams', conversationType: 'groupChat', reminders: { store: s, now: () => START } });
    expect(allText(await chat.send({ action: 'reminder', choice: 'tomorrow' }))).toContain(REMINDERS.personalOnly);
    expect(await s.list(START)).toEqual([]);
  });

  it('in a group chat, pausing the walkthrough offers no reminder buttons', async () => {
    const chat = TestChat.start({ channelId: 'msteams', conversationType: 'groupChat', reminders: { store: store(), now: () => START } });
    await chat.say('menu');
    await chat.press('Set up MFA');
    await chat.press(WORDS.next);
    const pressed = await chat.press(WORDS.cancel);
    expect(allText(pressed)).toContain('kept your place');
    expect(allText(pressed)).not.toContain(REMINDERS.tomorrow);
    await chat.say('continue');
    const typed = await chat.say('stop');
    expect(allText(typed)).toContain('kept your place');
    expect(allText(typed)).not.toContain(REMINDERS.tomorrow);
  });

  it('without a reminder store, nothing is offered and the words say so', async () => {
    const chat = TestChat.start();
    await chat.say('set up mfa');
    await chat.press(WORDS.next);
    const paused = await chat.press(WORDS.cancel);
    expect(allText(paused)).toContain('kept your place');
    expect(allText(paused)).not.toContain(REMINDERS.tomorrow);
    expect(allText(await chat.say('remind me tomorrow'))).toContain(REMINDERS.unavailable);
  });

  it('a tampered reminder press is refused as a broken button', async () => {
    const chat = TestChat.start({ reminders: { store: store(), now: () => START } });
    expect(allText(await chat.send({ action: 'reminder', choice: 'yesterday' }))).toContain("that button didn't work");
  });
});

describe('in Teams, with Universal Actions', () => {
  it('Cancel, then Remind me tomorrow as Action.Execute presses: the paused card replaces the step, the reminder is set', async () => {
    const s = store();
    const chat = TestChat.start({ channelId: 'msteams', reminders: { store: s, now: () => START } });
    await chat.say('set up mfa');
    await chat.execute(WORDS.next);
    const paused = await chat.execute(WORDS.cancel);
    expect(paused.find((r) => r.invoke === true)?.card?.fallbackText).toContain('kept your place');
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual([REMINDERS.tomorrow, REMINDERS.nextWeek]);
    expect(allText(await chat.execute(REMINDERS.tomorrow))).toContain(REMINDERS.set.tomorrow);
    expect(await s.list(START)).toHaveLength(1);
  });
});

describe('a reminder store out of reach', () => {
  it('says reminders are unavailable, logs the error name only, and keeps the place', async () => {
    class Unreachable extends SqliteReminderStore {
      override async set(): Promise<void> {
        throw new RangeError('storage down at https://secret.example');
      }
    }
    const broken = new Unreachable(database());
    const warned: object[] = [];
    const logger = { info: () => undefined, warn: (fields: object) => warned.push(fields), error: () => undefined };
    const chat = TestChat.start({ reminders: { store: broken, now: () => START }, logger });
    await chat.say('set up mfa');
    await chat.press(WORDS.next);
    await chat.press(WORDS.cancel);
    expect(allText(await chat.press(REMINDERS.tomorrow))).toContain(REMINDERS.unavailable);
    expect(warned).toEqual([{ event: 'reminder_store_failed', error: 'RangeError' }]);
    expect(allText(await chat.say('continue'))).toContain("let's pick up at step 2");
  });
});

describe('the scheduler', () => {
  it('ticks on its timer, and not after stop', async () => {
    vi.useFakeTimers();
    const s = store();
    const reminder = { key: 'k1', address: { channelId: 'msteams', serviceUrl: 'https://x.example/', conversation: { id: 'c' }, user: { id: 'u' }, bot: { id: 'b' } }, dueAt: START, createdAt: START };
    await s.set(reminder);
    const sent: string[] = [];
    const scheduler = new ReminderScheduler({ store: s, now: () => START, logger: { info: () => undefined, warn: () => undefined }, intervalMs: 60_000, send: async (r) => (sent.push(r.key), 'sent') });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['k1']);
    await scheduler.stop();
    await s.set({ ...reminder, key: 'k2' });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sent).toEqual(['k1']);
  });

  it('a reminder that keeps failing is tried with growing gaps, then dropped', async () => {
    const s = store();
    let now = START;
    await s.set({ key: 'k', address: { channelId: 'msteams', serviceUrl: 'https://x.example/', conversation: { id: 'c' }, user: { id: 'u' }, bot: { id: 'b' } }, dueAt: START, createdAt: START });
    const warned: object[] = [];
    const scheduler = new ReminderScheduler({
      store: s,
      now: () => now,
      logger: { info: () => undefined, warn: (fields) => warned.push(fields) },
      intervalMs: 60_000,
      maxAttempts: 3,
      send: async () => {
        throw new TypeError('connector down');
      },
    });
    expect(await scheduler.tick()).toEqual({ sent: 0, finished: 0, failed: 1 });
    expect((await s.list(now))[0]?.dueAt).toBe(START + retryDelayMs(1));
    now = START + retryDelayMs(1);
    await scheduler.tick();
    now += retryDelayMs(2);
    await scheduler.tick();
    expect(await s.list(now)).toEqual([]);
    expect(warned.map((w) => ('event' in w ? w.event : ''))).toEqual(['reminder_retry', 'reminder_retry', 'reminder_dropped']);
    // Logged by hashed key and error name only.
    expect(JSON.stringify(warned)).not.toMatch(/x\.example|"c"|"u"/);
  });
});
