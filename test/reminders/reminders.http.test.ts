import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAdaptiveCard } from '../../src/cards/guards.js';
import { buttonsOf } from '../../src/cards/choices.js';
import type { AdaptiveCard } from '../../src/cards/schema.js';
import { REMINDERS } from '../../src/content/reminders.js';
import { MENU, WORDS } from '../../src/content/ui.js';
import { ENROL_TOTAL } from '../../src/cards/enrolment.js';
import { type Env } from '../../src/config.js';
import { useAzurite } from '../support/azurite.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeTeamsConnector.js';
import { HttpChat, repliesText } from '../support/httpChat.js';
import { postActivity, startServer, type RunningServer } from '../support/server.js';

/**
 * "Remind me tomorrow" end to end: the real server, a user pausing the walkthrough over
 * POST /api/messages, and the reminder arriving as a proactive message at a loopback stand-in for
 * the Teams connector (CloudAdapter.continueConversationAsync, no credentials). Time is a clock the
 * test moves on; the scheduler's own timer is an hour, so only the test's ticks send anything.
 */
const START = Date.UTC(2030, 0, 6, 9);
const DAY = 86_400_000;
const QUIET: Env = { REMINDER_TICK_MS: '3600000' };

let connector: FakeConnector;
let now = START;
const clock = () => now;
const servers: RunningServer[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  connector = await startFakeConnector([]);
});

afterAll(async () => {
  await connector?.close();
});

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  connector.sent.length = 0;
  now = START;
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-reminders-'));
  dirs.push(dir);
  return dir;
}

async function server(env: Env): Promise<RunningServer> {
  const s = await startServer({ ...QUIET, ...env }, { reminderClock: clock, sendReminders: true });
  servers.push(s);
  return s;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The cards of what the bot sent to one conversation through the connector. */
function sentTo(conversationId: string): AdaptiveCard[] {
  return connector.sent
    .filter((s) => s.conversationId === conversationId)
    .flatMap((s) => (isRecord(s.activity) && Array.isArray(s.activity.attachments) ? s.activity.attachments : []))
    .map((a: unknown) => (isRecord(a) ? a.content : undefined))
    .filter(isAdaptiveCard);
}

let conversations = 0;

/** A user who starts the walkthrough, gets to step 3 and presses Cancel: the place is kept. */
async function pausedAtStep3(url: string): Promise<{ chat: HttpChat; conversationId: string }> {
  conversations += 1;
  const conversationId = `a:reminder-${conversations}`;
  const chat = new HttpChat(url, { conversationId, serviceUrl: connector.serviceUrl, from: { id: `29:user-${conversations}`, name: 'Jo Bloggs' } });
  await chat.say('set up mfa');
  await chat.press(WORDS.next);
  await chat.press(WORDS.next);
  const paused = repliesText(await chat.press(WORDS.cancel));
  expect(paused).toContain('kept your place');
  expect(buttonsOf(chat.card).map((b) => b.title)).toEqual([REMINDERS.tomorrow, REMINDERS.nextWeek]);
  return { chat, conversationId };
}

describe('remind me tomorrow', () => {
  it('is posted once, to the right conversation, when due; Continue resumes at the kept step', async () => {
    const s = await server({ DATA_DIR: dataDir() });
    const { chat, conversationId } = await pausedAtStep3(s.url);
    const other = await pausedAtStep3(s.url);
    expect(repliesText(await chat.press(REMINDERS.tomorrow))).toContain(REMINDERS.set.tomorrow);
    // Nothing is said through the connector when the user asks: replies come back with the request.
    expect(connector.sent).toEqual([]);
    const scheduler = s.app.reminders.scheduler;
    if (scheduler === undefined) throw new Error('no scheduler');
    now = START + DAY - 1;
    expect(await scheduler.tick()).toEqual({ sent: 0, finished: 0, failed: 0 });
    now = START + DAY;
    expect(await scheduler.tick()).toEqual({ sent: 1, finished: 0, failed: 0 });
    now = START + 8 * DAY;
    expect(await scheduler.tick()).toEqual({ sent: 0, finished: 0, failed: 0 });
    const [reminder, ...more] = sentTo(conversationId);
    expect(more).toEqual([]);
    expect(sentTo(other.conversationId)).toEqual([]);
    if (reminder === undefined) throw new Error('no reminder');
    expect(reminder.fallbackText).toContain(REMINDERS.reminderText(3, ENROL_TOTAL));
    expect(buttonsOf(reminder).map((b) => b.title)).toEqual([REMINDERS.continue, REMINDERS.notNowButton]);
    // The message carried the conversation's ids and nothing of the user's name.
    expect(JSON.stringify(connector.sent)).not.toContain('Jo Bloggs');
    const resumed = await chat.pressOn(reminder, REMINDERS.continue);
    expect(repliesText(resumed)).toContain("let's pick up at step 3");
  });

  it('remind me next week, typed, is due seven days later; a new request replaces the pending one', async () => {
    const s = await server({ DATA_DIR: dataDir() });
    const { chat, conversationId } = await pausedAtStep3(s.url);
    await chat.press(REMINDERS.tomorrow);
    expect(repliesText(await chat.say('remind me next week please'))).toContain(REMINDERS.set.nextWeek);
    expect((await s.app.reminders.store.list(now)).map((r) => r.dueAt)).toEqual([START + 7 * DAY]);
    now = START + 6 * DAY;
    await s.app.reminders.scheduler?.tick();
    expect(sentTo(conversationId)).toEqual([]);
    now = START + 7 * DAY;
    await s.app.reminders.scheduler?.tick();
    expect(sentTo(conversationId)).toHaveLength(1);
  });

  it('"stop reminders" cancels it: nothing is posted', async () => {
    const s = await server({ DATA_DIR: dataDir() });
    const { chat, conversationId } = await pausedAtStep3(s.url);
    await chat.press(REMINDERS.tomorrow);
    expect(repliesText(await chat.say('stop reminders'))).toContain(REMINDERS.stopped);
    expect(repliesText(await chat.say('stop reminders'))).toContain(REMINDERS.noneToStop);
    now = START + 30 * DAY;
    expect(await s.app.reminders.scheduler?.tick()).toEqual({ sent: 0, finished: 0, failed: 0 });
    expect(sentTo(conversationId)).toEqual([]);
  });

  it('is not posted once the walkthrough was finished ("Yes, it worked")', async () => {
    const s = await server({ DATA_DIR: dataDir() });
    const { chat, conversationId } = await pausedAtStep3(s.url);
    await chat.press(REMINDERS.tomorrow);
    expect(repliesText(await chat.say('continue'))).toContain('step 3');
    for (const _ of [4, 5, 6]) await chat.press(WORDS.next);
    await chat.press(WORDS.itWorked);
    now = START + DAY;
    expect(await s.app.reminders.scheduler?.tick()).toEqual({ sent: 0, finished: 1, failed: 0 });
    expect(sentTo(conversationId)).toEqual([]);
    expect(await s.app.reminders.store.list(now)).toEqual([]);
  });

  it('"Not now" on the reminder keeps the place and offers another', async () => {
    const s = await server({ DATA_DIR: dataDir() });
    const { chat, conversationId } = await pausedAtStep3(s.url);
    await chat.press(REMINDERS.tomorrow);
    now = START + DAY;
    await s.app.reminders.scheduler?.tick();
    const [reminder] = sentTo(conversationId);
    if (reminder === undefined) throw new Error('no reminder');
    expect(repliesText(await chat.pressOn(reminder, REMINDERS.notNowButton))).toContain('Your place is kept.');
    expect(repliesText(await chat.press(REMINDERS.nextWeek))).toContain(REMINDERS.set.nextWeek);
  });

  it('leaving the walkthrough by "stop" or the menu offers a reminder too', async () => {
    const s = await server({ DATA_DIR: dataDir() });
    const chat = new HttpChat(s.url, { conversationId: 'a:leave', serviceUrl: connector.serviceUrl });
    await chat.say('set up mfa');
    await chat.press(WORDS.next);
    expect(repliesText(await chat.say('stop'))).toContain(REMINDERS.tomorrow);
    await chat.say('continue');
    const menu = await chat.say('menu');
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual(expect.arrayContaining([REMINDERS.tomorrow, REMINDERS.nextWeek, MENU.continueLabel(2, ENROL_TOTAL)]));
    expect(menu).toHaveLength(1);
    // The menu shown any other time does not.
    await chat.say('menu');
    expect(buttonsOf(chat.card).map((b) => b.title)).not.toContain(REMINDERS.tomorrow);
  });

  it('only in a personal chat: in a group chat it says so and stores nothing', async () => {
    const s = await server({ DATA_DIR: dataDir() });
    const mention = { type: 'mention', mentioned: { id: 'bot', name: 'MFA Assistant' }, text: '<at>MFA Assistant</at>' };
    const group = { conversation: { id: '19:group', conversationType: 'groupChat' }, serviceUrl: connector.serviceUrl, entities: [mention] };
    await postActivity(s.url, { type: 'message', text: '<at>MFA Assistant</at> set up mfa', ...group });
    const res = await postActivity(s.url, { type: 'message', text: '<at>MFA Assistant</at> remind me tomorrow', ...group });
    expect(JSON.stringify(res.activities)).toContain('only work in a one-to-one chat');
    expect(await s.app.reminders.store.list(now)).toEqual([]);
  });

  it('with nothing in progress, there is nothing to remind about', async () => {
    const s = await server({ DATA_DIR: dataDir() });
    const chat = new HttpChat(s.url, { conversationId: 'a:nothing', serviceUrl: connector.serviceUrl });
    expect(repliesText(await chat.say('remind me tomorrow'))).toContain(REMINDERS.nothingToRemind);
    expect(await s.app.reminders.store.list(now)).toEqual([]);
  });

  it('a connector that cannot be reached: tried again later, not lost', async () => {
    const s = await server({ DATA_DIR: dataDir(), TURN_TIMEOUT_MS: '1500' });
    const chat = new HttpChat(s.url, { conversationId: 'a:unreachable', serviceUrl: 'http://127.0.0.1:9/' });
    await chat.say('set up mfa');
    await chat.press(WORDS.next);
    await chat.press(WORDS.cancel);
    await chat.press(REMINDERS.tomorrow);
    now = START + DAY;
    expect(await s.app.reminders.scheduler?.tick()).toEqual({ sent: 0, finished: 0, failed: 1 });
    const [pending] = await s.app.reminders.store.list(now);
    expect(pending?.attempts).toBe(1);
    expect(pending?.dueAt).toBeGreaterThan(now);
  }, 30_000);
});

describe('delivered exactly once', () => {
  it('across a restart: a new instance on the same database sends it, once', async () => {
    const dir = dataDir();
    const first = await server({ DATA_DIR: dir });
    const { chat, conversationId } = await pausedAtStep3(first.url);
    await chat.press(REMINDERS.tomorrow);
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    const second = await server({ DATA_DIR: dir });
    now = START + DAY;
    await second.app.reminders.scheduler?.tick();
    await second.app.reminders.scheduler?.tick();
    expect(sentTo(conversationId)).toHaveLength(1);
    await second.close();
    servers.splice(servers.indexOf(second), 1);
    const third = await server({ DATA_DIR: dir });
    now = START + 9 * DAY;
    expect(await third.app.reminders.scheduler?.tick()).toEqual({ sent: 0, finished: 0, failed: 0 });
    expect(sentTo(conversationId)).toHaveLength(1);
  });

  it('after a crash mid-send: the claim runs out and the next instance sends it, once', async () => {
    const dir = dataDir();
    const first = await server({ DATA_DIR: dir });
    const { chat, conversationId } = await pausedAtStep3(first.url);
    await chat.press(REMINDERS.tomorrow);
    now = START + DAY;
    // The first instance claims it and dies before sending (nothing settled).
    expect(await first.app.reminders.store.claimDue(now, 5 * 60_000, 10)).toHaveLength(1);
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    const second = await server({ DATA_DIR: dir });
    expect(await second.app.reminders.scheduler?.tick()).toEqual({ sent: 0, finished: 0, failed: 0 });
    now += 5 * 60_000;
    expect(await second.app.reminders.scheduler?.tick()).toEqual({ sent: 1, finished: 0, failed: 0 });
    expect(sentTo(conversationId)).toHaveLength(1);
  });

  it('across two instances sharing one SQLite database, ticking at the same moment', async () => {
    const dir = dataDir();
    const [a, b] = [await server({ DATA_DIR: dir }), await server({ DATA_DIR: dir })];
    const users = [await pausedAtStep3(a.url), await pausedAtStep3(b.url), await pausedAtStep3(a.url)];
    for (const u of users) await u.chat.press(REMINDERS.tomorrow);
    now = START + DAY;
    const results = await Promise.all([a.app.reminders.scheduler?.tick(), b.app.reminders.scheduler?.tick()]);
    expect(results.reduce((n, r) => n + (r?.sent ?? 0), 0)).toBe(3);
    await Promise.all([a.app.reminders.scheduler?.tick(), b.app.reminders.scheduler?.tick()]);
    for (const u of users) expect(sentTo(u.conversationId)).toHaveLength(1);
  });
});

describe('delivered exactly once on Azure storage (Azurite)', () => {
  const azurite = useAzurite({ beforeAll, afterAll });

  it('two instances sharing the storage account send each reminder once; Continue on the other instance resumes', async () => {
    const env: Env = { STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: azurite().connectionString(), AZURE_STORAGE_CONTAINER: 'rem-state', AZURE_FEEDBACK_TABLE: 'remfeedback', AZURE_FEEDBACK_QUEUE: 'rem-feedback', AZURE_REMINDER_TABLE: 'remreminders' };
    const [a, b] = [await server(env), await server(env)];
    const users = [await pausedAtStep3(a.url), await pausedAtStep3(b.url)];
    for (const u of users) await u.chat.press(REMINDERS.tomorrow);
    now = START + DAY;
    const results = await Promise.all([a.app.reminders.scheduler?.tick(), b.app.reminders.scheduler?.tick()]);
    expect(results.reduce((n, r) => n + (r?.sent ?? 0), 0)).toBe(2);
    now = START + 2 * DAY;
    await Promise.all([a.app.reminders.scheduler?.tick(), b.app.reminders.scheduler?.tick()]);
    for (const u of users) expect(sentTo(u.conversationId)).toHaveLength(1);
    const [user] = users;
    const [reminder] = sentTo(user?.conversationId ?? '');
    if (user === undefined || reminder === undefined) throw new Error('no reminder');
    expect(repliesText(await user.chat.via(b.url).pressOn(reminder, REMINDERS.continue))).toContain("let's pick up at step 3");
  }, 60_000);
});
