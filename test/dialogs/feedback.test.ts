import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TurnContext } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { buttonsOf } from '../../src/cards/choices.js';
import { FEEDBACK_TEXT_INPUT } from '../../src/cards/feedback.js';
import type { AdaptiveCard, Element } from '../../src/cards/schema.js';
import { FEEDBACK } from '../../src/content/feedback.js';
import { HELP, REPLIES, WORDS } from '../../src/content/ui.js';
import { typedRating, typedRole, typedTopic, typedYesNo } from '../../src/dialogs/feedbackReplies.js';
import type { MemberInfo } from '../../src/dialogs/memberInfo.js';
import type { FeedbackItem, FeedbackLogger } from '../../src/feedback/index.js';
import { DATABASE_FILE_NAME } from '../../src/storage/index.js';
import { makeHarness, type Harness } from '../support/feedbackHarness.js';
import { TestChat, allText, titleOf, type Reply } from '../support/chat.js';
import { makeTempDir } from '../support/tempDir.js';
import { startReceiver } from '../support/webhookReceiver.js';

/** A fixed moment (no dependence on today's date); the tests move it by hand. */
const T0 = Date.UTC(2030, 0, 6, 9, 0, 0);
const MINUTE = 60_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

interface Bot {
  readonly harness: Harness;
  readonly dataDir: string;
  /** A new conversation with the bot, sharing this FeedbackService (and its database). */
  chat(options?: { channelId?: string; memberInfo?: MemberInfo; logger?: FeedbackLogger }): TestChat;
  advance(ms: number): void;
  items(): Promise<FeedbackItem[]>;
}

/** The bot with a real FeedbackService over a fresh SQLite database in a temporary folder. */
function bot(options: { webhookUrl?: string } = {}): Bot {
  const temp = makeTempDir('feedback-dialog');
  let now = T0;
  const harness = makeHarness({ dataDir: temp.dir, clock: { now: () => now }, ...(options.webhookUrl === undefined ? {} : { url: options.webhookUrl }) });
  cleanups.push(temp.remove, () => harness.close());
  return {
    harness,
    dataDir: temp.dir,
    chat: (options = {}) => TestChat.start({ ...options, feedback: harness.service }),
    advance: (ms) => {
      now += ms;
    },
    items: () => harness.service.outbox.feedbackBetween(0, Number.MAX_SAFE_INTEGER),
  };
}

function dataOf(card: AdaptiveCard, title: string): object {
  const button = buttonsOf(card).find((b) => b.title === title);
  if (button?.kind !== 'submit') throw new Error(`no button "${title}"; the card has ${buttonsOf(card).map((b) => b.title).join(', ')}`);
  return button.data;
}

/** Fills in the "tell us more" box and presses Next, as Teams and Web Chat send it. */
function submitText(chat: TestChat, text: string): Promise<Reply[]> {
  return chat.send(dataOf(chat.card, FEEDBACK.next), { [FEEDBACK_TEXT_INPUT]: text });
}

function walk(elements: readonly Element[]): Element[] {
  return elements.flatMap((e) => [e, ...(e.type === 'Container' ? walk(e.items) : e.type === 'ColumnSet' ? e.columns.flatMap((c) => walk(c.items)) : [])]);
}

function inputValue(card: AdaptiveCard, id: string): string | undefined {
  const input = walk(card.body).find((e) => e.type === 'Input.Text' && e.id === id);
  return input?.type === 'Input.Text' ? input.value : undefined;
}

function summaryText(card: AdaptiveCard): string {
  return walk(card.body)
    .map((e) => (e.type === 'RichTextBlock' ? e.inlines.map((i) => i.text).join('') : e.type === 'TextBlock' ? e.text : ''))
    .join('\n');
}

const TEXT = 'The text with my code took a few minutes to arrive, so I gave up twice.';

/** Menu → Give feedback → every question answered with the buttons → the summary. */
async function toSummary(chat: TestChat, text = TEXT): Promise<void> {
  await chat.say('menu');
  await chat.press(WORDS.giveFeedback);
  await chat.press('Authenticator app');
  await chat.press('4');
  await submitText(chat, text);
  await chat.press('Pharmacist');
  if (titleOf(chat.card) === FEEDBACK.contactQuestion) await chat.press(FEEDBACK.contactNo);
  expect(titleOf(chat.card)).toBe(FEEDBACK.summaryTitle);
}

function referenceOf(replies: readonly Reply[]): string {
  const match = /FB-[2-9A-HJ-NP-TV-Z]{4}/.exec(allText(replies));
  if (match === null) throw new Error(`no reference in: ${allText(replies)}`);
  return match[0];
}

describe('feedback: the questions', () => {
  it('goes from the menu through every question to a summary, and Send gives thanks and a reference', async () => {
    const b = bot();
    const chat = b.chat();
    await chat.say('menu');
    let replies = await chat.press(WORDS.giveFeedback);
    expect(titleOf(chat.card)).toBe(FEEDBACK.title);
    expect(allText(replies)).toContain(FEEDBACK.privacy);
    expect(allText(replies)).toContain(FEEDBACK.progress(1, 4));
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual([
      'Enrolment',
      'Authenticator app',
      'Text or call',
      'FIDO2 token',
      'Sign-in prompts',
      'This bot',
      'Something else',
      WORDS.cancel,
    ]);

    replies = await chat.press('Authenticator app');
    expect(titleOf(chat.card)).toBe(FEEDBACK.ratingQuestion);
    expect(allText(replies)).toContain(FEEDBACK.progress(2, 4));
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual(['1', '2', '3', '4', '5', FEEDBACK.skip, WORDS.back, WORDS.cancel]);

    await chat.press('4');
    expect(titleOf(chat.card)).toBe(FEEDBACK.textQuestion);
    await submitText(chat, TEXT);
    expect(titleOf(chat.card)).toBe(FEEDBACK.roleQuestion);
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual(['Pharmacist', 'Technician', 'Dispenser', 'Manager', 'Locum', 'Other', FEEDBACK.skip, WORDS.back, WORDS.cancel]);

    // Outside Teams there is no contact question: the summary comes next and says why.
    replies = await chat.press('Pharmacist');
    expect(titleOf(chat.card)).toBe(FEEDBACK.summaryTitle);
    const summary = summaryText(chat.card);
    for (const expected of ['Topic: Authenticator app', 'Rating: 4 out of 5', 'Role: Pharmacist', `Contact: ${FEEDBACK.contactValue.notHere}`, TEXT]) {
      expect(summary).toContain(expected);
    }
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual([FEEDBACK.send, FEEDBACK.edit, WORDS.cancel]);
    expect((await b.items())).toEqual([]);

    replies = await chat.press(FEEDBACK.send);
    expect(titleOf(chat.card)).toBe(FEEDBACK.thanksTitle);
    const reference = referenceOf(replies);
    expect((await b.items())).toEqual([
      expect.objectContaining({ reference, category: 'authenticator app', rating: 4, text: TEXT, role: 'pharmacist', contact: null, channel: 'test', removed: [] }),
    ]);
    // The conversation is over: nothing of it is left in conversation state.
    expect(chat.stored()).not.toContain(TEXT);
  });

  it('says "on its way" only when a webhook is configured; otherwise that it is kept until one is', async () => {
    const kept = bot();
    const withoutWebhook = kept.chat();
    await toSummary(withoutWebhook);
    let text = allText(await withoutWebhook.press(FEEDBACK.send));
    expect(text).toContain(FEEDBACK.thanksKept);
    expect(text).not.toContain('on its way');

    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const sent = bot({ webhookUrl: receiver.url });
    const withWebhook = sent.chat();
    await toSummary(withWebhook);
    text = allText(await withWebhook.press(FEEDBACK.send));
    expect(text).toContain(FEEDBACK.thanksSent);
    expect(text).toContain(FEEDBACK.referenceHint);
  });

  it('accepts typed answers: a topic by name, "skip" for the rating, the text as a message, a role in words', async () => {
    const b = bot();
    const chat = b.chat();
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.say('FIDO2');
    expect(titleOf(chat.card)).toBe(FEEDBACK.ratingQuestion);
    await chat.say('skip');
    expect(titleOf(chat.card)).toBe(FEEDBACK.textQuestion);
    await chat.say('I could not find where to register my key in the portal.');
    expect(titleOf(chat.card)).toBe(FEEDBACK.roleQuestion);
    await chat.say("I'm a locum");
    expect(summaryText(chat.card)).toContain('Rating: Skipped');
    expect(summaryText(chat.card)).toContain('Role: Locum');
    await chat.say('send');
    expect((await b.items())).toEqual([expect.objectContaining({ category: 'FIDO2', rating: null, role: 'locum', text: 'I could not find where to register my key in the portal.' })]);
  });

  it('"thanks" typed as the feedback is the feedback, not a thank-you to answer', async () => {
    const b = bot();
    const chat = b.chat();
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.say('FIDO2');
    await chat.say('skip');
    expect(titleOf(chat.card)).toBe(FEEDBACK.textQuestion);
    await chat.say('thanks');
    expect(titleOf(chat.card)).toBe(FEEDBACK.roleQuestion);
    await chat.press(FEEDBACK.skip);
    await chat.press(FEEDBACK.send);
    expect(await b.items()).toEqual([expect.objectContaining({ text: 'thanks' })]);
  });

  it('typing "5" at the rating and a number for the topic work like the buttons', async () => {
    const b = bot();
    const chat = b.chat();
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.say('6');
    expect(titleOf(chat.card)).toBe(FEEDBACK.ratingQuestion);
    await chat.say('5');
    await chat.say('Very clear, thank you.');
    await chat.press(FEEDBACK.skip);
    await chat.press(FEEDBACK.send);
    expect((await b.items())).toEqual([expect.objectContaining({ category: 'this bot', rating: 5, role: null })]);
  });

  it('a rating outside 1 to 5 gets a short hint and the question stays', async () => {
    const chat = bot().chat();
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.press('Enrolment');
    for (const typed of ['7', '0', '8/10']) {
      const replies = await chat.say(typed);
      expect(replies.map((r) => r.text)).toEqual([FEEDBACK.ratingHint]);
      expect(titleOf(chat.card)).toBe(FEEDBACK.ratingQuestion);
    }
  });

  it('text that is not an answer to a button question gets a re-prompt naming the choices', async () => {
    const chat = bot().chat();
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    const replies = await chat.say('purple elephant');
    expect(allText(replies)).toContain(REPLIES.notUnderstood);
    expect(allText(replies)).toContain('Authenticator app');
    expect(titleOf(chat.card)).toBe(FEEDBACK.title);
  });

  it('Back goes to the previous question, keeping the answers', async () => {
    const b = bot();
    const chat = b.chat();
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.press('Text or call');
    await chat.press('2');
    await chat.press(WORDS.back);
    expect(titleOf(chat.card)).toBe(FEEDBACK.ratingQuestion);
    await chat.press(WORDS.back);
    expect(titleOf(chat.card)).toBe(FEEDBACK.title);
    await chat.press('Sign-in prompts');
    await chat.press('3');
    await submitText(chat, 'Too many prompts when I switch between apps.');
    await chat.press(FEEDBACK.skip);
    await chat.press(FEEDBACK.send);
    expect((await b.items())).toEqual([expect.objectContaining({ category: 'sign-in prompts', rating: 3 })]);
  });
});

describe('feedback: the text', () => {
  it('is required: an empty box gets a kind message and the question stays', async () => {
    const chat = bot().chat();
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.press('Enrolment');
    await chat.press('3');
    for (const replies of [await chat.press(FEEDBACK.next), await submitText(chat, '   ')]) {
      expect(replies.map((r) => r.text)).toEqual(['Please tell us a little about it. A sentence or two is plenty.']);
    }
    expect(titleOf(chat.card)).toBe(FEEDBACK.textQuestion);
  });

  it('over 2,000 characters gets a clear message with how much to cut, however it arrives; 2,000 is fine', async () => {
    const b = bot();
    const chat = b.chat();
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.press('Enrolment');
    await chat.press('3');
    const cases: [() => Promise<Reply[]>, string][] = [
      [() => submitText(chat, 'a'.repeat(2001)), 'That is 2,001 characters, and feedback can be at most 2,000. Could you shorten it by about 1 character and send it again?'],
      [() => submitText(chat, 'word '.repeat(469)), 'That is 2,344 characters'],
      // Longer than a card press may carry (4,000): still counted, not mistaken for an empty box.
      [() => submitText(chat, 'b'.repeat(5000)), 'That is 5,000 characters, and feedback can be at most 2,000. Could you shorten it by about 3,000 characters'],
      [() => chat.say('c'.repeat(2500)), 'That is 2,500 characters'],
    ];
    for (const [send, expected] of cases) {
      const replies = await send();
      expect(replies).toHaveLength(1);
      expect(replies[0]?.text).toContain(expected);
      expect(titleOf(chat.card)).toBe(FEEDBACK.textQuestion);
    }
    const longest = `${'d'.repeat(1999)}.`;
    await submitText(chat, longest);
    expect(titleOf(chat.card)).toBe(FEEDBACK.roleQuestion);
    await chat.press(FEEDBACK.skip);
    await chat.press(FEEDBACK.send);
    expect((await b.items())[0]?.text).toBe(longest);
  });

  it('a password, a code and a phone number never reach conversation state or the database, and the user is told', async () => {
    const b = bot();
    const secrets = ['Hunter2!x', '482913', '07700 900123'];
    const raw = `My password is Hunter2!x and the code 482913 was refused. Call me on 07700 900123.`;
    for (const how of ['card', 'typed'] as const) {
      const chat = b.chat();
      await chat.say('menu');
      await chat.press(WORDS.giveFeedback);
      await chat.press('Authenticator app');
      await chat.press('2');
      const replies = how === 'card' ? await submitText(chat, raw) : await chat.say(raw);
      expect(replies[0]?.text).toBe('To keep you safe, I removed a password, a phone number and a verification code from your message before saving it.');
      expect(titleOf(chat.card)).toBe(FEEDBACK.roleQuestion);
      for (const secret of secrets) expect(chat.stored()).not.toContain(secret);
      expect(chat.stored()).toContain('[password removed]');

      await chat.press(FEEDBACK.skip);
      const summary = summaryText(chat.card);
      expect(summary).toContain('My password is [password removed] and the code [code removed] was refused. Call me on [phone number removed].');
      expect(summary).toContain(FEEDBACK.removedOnSummary('a password, a phone number and a verification code'));
      for (const secret of secrets) expect(JSON.stringify(chat.card)).not.toContain(secret);
      await chat.press(FEEDBACK.send);
      for (const secret of secrets) expect(chat.stored()).not.toContain(secret);
    }
    const items = (await b.items());
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.text).toBe('My password is [password removed] and the code [code removed] was refused. Call me on [phone number removed].');
      expect([...item.removed].sort()).toEqual(['code', 'password', 'phone']);
    }
    // Nowhere in the database file or its write-ahead log, in any table.
    const files = [DATABASE_FILE_NAME, `${DATABASE_FILE_NAME}-wal`].map((f) => join(b.dataDir, f)).filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    const bytes = files.map((f) => readFileSync(f).toString('latin1')).join('');
    expect(bytes).toContain('[password removed]');
    for (const secret of secrets) expect(bytes).not.toContain(secret);
  });

  it('Edit → Your feedback shows the scrubbed text in the box to change', async () => {
    const chat = bot().chat();
    await toSummary(chat, 'The code 123456 did not work.');
    await chat.press(FEEDBACK.edit);
    await chat.press(FEEDBACK.change.text);
    expect(titleOf(chat.card)).toBe(FEEDBACK.textQuestion);
    expect(inputValue(chat.card, FEEDBACK_TEXT_INPUT)).toBe('The code [code removed] did not work.');
    // Next without the box (a client that sends no inputs, like the terminal) keeps the text.
    await chat.press(FEEDBACK.next);
    expect(titleOf(chat.card)).toBe(FEEDBACK.summaryTitle);
    expect(summaryText(chat.card)).toContain('The code [code removed] did not work.');
  });
});

describe('feedback: contact details come from Teams, never typed', () => {
  const jo = { name: 'Jo Bloggs', email: 'jo.bloggs@nhs.net' };

  function teamsChat(b: Bot, member: Awaited<ReturnType<MemberInfo>>) {
    const asked: string[] = [];
    const memberInfo: MemberInfo = async (context: TurnContext) => {
      asked.push(context.activity.from.id);
      return member;
    };
    return { chat: b.chat({ channelId: 'msteams', memberInfo }), asked };
  }

  /** From the first question to the contact question. */
  async function answerToContact(chat: TestChat): Promise<void> {
    await chat.press('Enrolment');
    await chat.press('5');
    await submitText(chat, 'Easy once I found Self-Service.');
    await chat.press('Manager');
    expect(titleOf(chat.card)).toBe(FEEDBACK.contactQuestion);
  }

  async function toContact(chat: TestChat): Promise<void> {
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await answerToContact(chat);
  }

  it('in Teams, "Yes" adds the name and email from the Teams member info, shown on the summary and sent', async () => {
    const b = bot();
    const { chat, asked } = teamsChat(b, jo);
    await chat.say('menu');
    const first = await chat.press(WORDS.giveFeedback);
    expect(allText(first)).toContain(FEEDBACK.progress(1, 5));
    await answerToContact(chat);
    expect(asked).toEqual([]);
    const text = allText([{ card: chat.card }]);
    expect(text).toContain('Teams profile');
    expect(text).not.toMatch(/type your (email|address)/i);
    expect(walk(chat.card.body).some((e) => e.type.startsWith('Input.'))).toBe(false);

    await chat.press(FEEDBACK.contactYes);
    expect(asked).toEqual(['user1']);
    expect(summaryText(chat.card)).toContain(`Contact: ${FEEDBACK.contactValue.yes(jo.name, jo.email)}`);
    await chat.press(FEEDBACK.send);
    expect((await b.items())).toEqual([expect.objectContaining({ contact: jo, channel: 'msteams', role: 'manager' })]);
  });

  it('typed "no" sends it without contact details, and Teams is not asked', async () => {
    const b = bot();
    const { chat, asked } = teamsChat(b, jo);
    await toContact(chat);
    await chat.say('no thanks');
    expect(summaryText(chat.card)).toContain(`Contact: ${FEEDBACK.contactValue.no}`);
    await chat.press(FEEDBACK.send);
    expect(asked).toEqual([]);
    expect((await b.items())).toEqual([expect.objectContaining({ contact: null })]);
  });

  it('when Teams has no email for the user, it says so kindly and sends without contact details', async () => {
    const b = bot();
    const { chat } = teamsChat(b, undefined);
    await toContact(chat);
    const replies = await chat.say('yes');
    expect(replies[0]?.text).toBe(FEEDBACK.contactMissing);
    expect(summaryText(chat.card)).toContain(`Contact: ${FEEDBACK.contactValue.missing}`);
    await chat.press(FEEDBACK.send);
    expect((await b.items())).toEqual([expect.objectContaining({ contact: null })]);
  });

  it('a member info lookup that fails does not break the conversation', async () => {
    const b = bot();
    const chat = b.chat({
      channelId: 'msteams',
      memberInfo: () => Promise.reject(new Error('connector down')),
    });
    await toContact(chat);
    const replies = await chat.press(FEEDBACK.contactYes);
    expect(allText(replies)).toContain(FEEDBACK.contactMissing);
    expect(titleOf(chat.card)).toBe(FEEDBACK.summaryTitle);
  });

  it('outside Teams the contact question is not asked and the member info is never looked up', async () => {
    const b = bot();
    let asked = 0;
    const chat = b.chat({ memberInfo: async () => ((asked += 1), jo) });
    await toSummary(chat);
    expect(summaryText(chat.card)).toContain(FEEDBACK.contactValue.notHere);
    await chat.press(FEEDBACK.edit);
    expect(buttonsOf(chat.card).map((x) => x.title)).not.toContain(FEEDBACK.change.contact);
    await chat.press(FEEDBACK.backToSummary);
    await chat.press(FEEDBACK.send);
    expect(asked).toBe(0);
    expect((await b.items())).toEqual([expect.objectContaining({ contact: null })]);
  });

  it('in Teams, step cards update in place when a button is pressed', async () => {
    const { chat } = teamsChat(bot(), jo);
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    const replies = await chat.press('Enrolment');
    expect(replies).toEqual([expect.objectContaining({ updated: true })]);
    expect(titleOf(replies[0]?.card)).toBe(FEEDBACK.ratingQuestion);
  });
});

describe('feedback: Edit, Cancel, help and old buttons', () => {
  it('Edit lets the user change one answer and comes straight back to the summary', async () => {
    const b = bot();
    const chat = b.chat();
    await toSummary(chat);
    await chat.press(FEEDBACK.edit);
    expect(titleOf(chat.card)).toBe(FEEDBACK.editTitle);
    expect(buttonsOf(chat.card).map((x) => x.title)).toEqual([
      FEEDBACK.change.topic,
      FEEDBACK.change.rating,
      FEEDBACK.change.text,
      FEEDBACK.change.role,
      FEEDBACK.backToSummary,
      WORDS.cancel,
    ]);

    const replies = await chat.press(FEEDBACK.change.rating);
    expect(allText(replies)).toContain(FEEDBACK.changing);
    expect(allText(replies)).toContain(FEEDBACK.current('4 out of 5'));
    expect(buttonsOf(chat.card).map((x) => x.title)).toContain(FEEDBACK.backToSummary);
    await chat.press('2');
    expect(titleOf(chat.card)).toBe(FEEDBACK.summaryTitle);
    expect(summaryText(chat.card)).toContain('Rating: 2 out of 5');

    await chat.press(FEEDBACK.edit);
    await chat.press(FEEDBACK.change.text);
    await submitText(chat, 'Actually it arrived after a minute.');
    expect(summaryText(chat.card)).toContain('Actually it arrived after a minute.');

    await chat.press(FEEDBACK.edit);
    await chat.press(FEEDBACK.change.topic);
    await chat.press(FEEDBACK.backToSummary);
    expect(summaryText(chat.card)).toContain('Topic: Authenticator app');

    await chat.press(FEEDBACK.send);
    expect((await b.items())).toEqual([expect.objectContaining({ category: 'authenticator app', rating: 2, text: 'Actually it arrived after a minute.', role: 'pharmacist' })]);
  });

  it('Cancel (the button or typed) sends nothing and leaves nothing in state', async () => {
    const b = bot();
    const chat = b.chat();
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.press('Enrolment');
    await chat.press('1');
    const pressed = await chat.press(WORDS.cancel);
    expect(pressed.map((r) => r.text)).toEqual([FEEDBACK.cancelled]);

    await toSummary(chat);
    expect(chat.stored()).toContain(TEXT);
    const typed = await chat.say('cancel');
    expect(typed.map((r) => r.text)).toEqual([FEEDBACK.cancelled]);
    expect(chat.stored()).not.toContain(TEXT);
    expect((await b.items())).toEqual([]);
  });

  it('"help" says where the user is without losing the place', async () => {
    const b = bot();
    const chat = b.chat();
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.press('This bot');
    const replies = await chat.say('help');
    expect(allText(replies)).toContain(HELP.feedback);
    expect(titleOf(chat.card)).toBe(FEEDBACK.ratingQuestion);
    await chat.press('5');
    expect(titleOf(chat.card)).toBe(FEEDBACK.textQuestion);
  });

  it('a button on an earlier card changes nothing, and Send pressed twice sends once', async () => {
    const b = bot();
    const chat = b.chat();
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    const topics = chat.card;
    await chat.press('Enrolment');
    const replies = await chat.press('This bot', topics);
    expect(allText(replies)).toContain(REPLIES.staleButton);
    expect(titleOf(chat.card)).toBe(FEEDBACK.ratingQuestion);

    await chat.press('4');
    await submitText(chat, TEXT);
    await chat.press(FEEDBACK.skip);
    const summary = chat.card;
    await chat.press(FEEDBACK.send);
    const again = await chat.press(FEEDBACK.send, summary);
    expect(allText(again)).toContain(REPLIES.staleButton);
    expect((await b.items())).toEqual([expect.objectContaining({ category: 'enrolment' })]);
  });

  it('when the store fails at Send, the user is told and keeps their answers', async () => {
    const b = bot();
    const logged: string[] = [];
    const record = (fields: object, message: string) => logged.push(JSON.stringify({ ...fields, message }));
    const chat = b.chat({ logger: { info: record, warn: record, error: record } });
    await toSummary(chat);
    // Writes now fail (as with a full or read-only disk); reads still work.
    b.harness.db.pragma('query_only = ON');
    const replies = await chat.press(FEEDBACK.send);
    expect(replies.map((r) => r.text)).toEqual([FEEDBACK.sendFailed]);
    expect(chat.stored()).toContain(TEXT);
    expect(titleOf(chat.card)).toBe(FEEDBACK.summaryTitle);
    expect((await b.items())).toEqual([]);
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0] ?? '{}')).toMatchObject({ event: 'feedback_send_failed', error: 'SqliteError' });
    expect(logged.join('')).not.toContain('arrive');

    b.harness.db.pragma('query_only = OFF');
    const retried = await chat.press(FEEDBACK.send);
    expect(referenceOf(retried)).toMatch(/^FB-/);
    expect((await b.items())).toEqual([expect.objectContaining({ text: TEXT })]);
  });

  it('a phrase like "I want to give feedback" starts it', async () => {
    const chat = bot().chat();
    await chat.say('I want to give feedback');
    expect(titleOf(chat.card)).toBe(FEEDBACK.title);
    expect(buttonsOf(chat.card).map((x) => x.title)).toContain('Authenticator app');
  });

  it('the escalation card of troubleshooting leads to feedback', async () => {
    const chat = bot().chat();
    await chat.say('menu');
    await chat.press('Fix a problem');
    await chat.press('My code is not accepted');
    while (titleOf(chat.card) !== "Let's get you some help") await chat.press(WORDS.stillStuck);
    await chat.press(WORDS.giveFeedback);
    expect(titleOf(chat.card)).toBe(FEEDBACK.title);
  });
});

describe('feedback: at most 5 an hour per user', () => {
  async function give(chat: TestChat): Promise<string> {
    await toSummary(chat);
    return referenceOf(await chat.press(FEEDBACK.send));
  }

  it('the 6th in an hour gets a polite message saying when to try again, not an error; an hour later it works', async () => {
    const b = bot();
    const references = new Set<string>();
    for (let i = 0; i < 5; i++) {
      references.add(await give(b.chat()));
      b.advance(MINUTE);
    }
    expect(references.size).toBe(5);
    b.advance(15 * MINUTE);

    const chat = b.chat();
    await chat.say('menu');
    const replies = await chat.press(WORDS.giveFeedback);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain('You have sent 5 in the last hour');
    expect(replies[0]?.text).toContain('Please try again in about 40 minutes.');
    expect(replies[0]?.text).not.toContain(REPLIES.error);
    expect((await b.items())).toHaveLength(5);

    b.advance(41 * MINUTE);
    await give(chat);
    expect((await b.items())).toHaveLength(6);
  });

  it('feedback started before the limit was reached is refused politely at Send', async () => {
    const b = bot();
    for (let i = 0; i < 4; i++) await give(b.chat());
    const first = b.chat();
    const second = b.chat();
    await toSummary(first);
    await toSummary(second);
    await first.press(FEEDBACK.send);
    const replies = await second.press(FEEDBACK.send);
    expect(allText(replies)).toContain('You have sent 5 in the last hour');
    expect((await b.items())).toHaveLength(5);
  });
});

describe('feedback: without a FeedbackService', () => {
  it('says where else to send feedback and never crashes', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    const replies = await chat.press(WORDS.giveFeedback);
    expect(replies.map((r) => r.text)).toEqual([FEEDBACK.unavailable]);
    expect(FEEDBACK.unavailable).toContain('https://cpe.org.uk/itfeedback');
    expect(allText(await chat.say('menu'))).toContain("Hello, I'm the MFA Assistant");
  });
});

describe('feedback: reading typed answers', () => {
  it.each([
    ['5', { kind: 'rating', rating: 5 }],
    ['4/5', { kind: 'rating', rating: 4 }],
    ['3 out of 5', { kind: 'rating', rating: 3 }],
    ['two stars', { kind: 'rating', rating: 2 }],
    ['Skip', { kind: 'skip' }],
    ["I'd rather not say", { kind: 'skip' }],
    ['6', { kind: 'out-of-range' }],
    ['9 out of 10', { kind: 'out-of-range' }],
    ['it was awful', undefined],
  ])('rating %j', (text, expected) => {
    expect(typedRating(text)).toEqual(expected);
  });

  it.each([
    ['authenticator', 'authenticator app'],
    ['The app', 'authenticator app'],
    ['sms', 'text or call'],
    ["it's about the bot", 'this bot'],
    ['7', 'other'],
    ['fido2', 'FIDO2'],
    ['8', undefined],
    ['my password is wrong', undefined],
  ])('topic %j', (text, expected) => {
    expect(typedTopic(text)).toBe(expected);
  });

  it.each([
    ["I'm a pharmacist", 'pharmacist'],
    ['locum', 'locum'],
    ['Pharmacy technician', 'technician'],
    ['3', 'dispenser'],
    ['astronaut', undefined],
  ])('role %j', (text, expected) => {
    expect(typedRole(text)).toBe(expected);
  });

  it.each([
    ['Yes', 'yes'],
    ['yep', 'yes'],
    ['No thanks', 'no'],
    ["don't", 'no'],
    ['maybe', undefined],
  ])('contact %j', (text, expected) => {
    expect(typedYesNo(text)).toBe(expected);
  });
});
