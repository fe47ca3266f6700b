import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_TEXT_INPUT } from '../../src/cards/feedback.js';
import { FEEDBACK } from '../../src/content/feedback.js';
import { WORDS } from '../../src/content/ui.js';
import { TEST_SECRET, verifySignature } from '../support/feedbackHarness.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeTeamsConnector.js';
import { buttonsOf } from '../../src/cards/choices.js';
import { HttpChat, repliesText } from '../support/httpChat.js';
import { postActivity, startServer, type RunningServer } from '../support/server.js';
import { startReceiver, waitFor, type Receiver } from '../support/webhookReceiver.js';

/**
 * Feedback end to end through the real server: a user gives feedback over POST /api/messages
 * (expectReplies), the item goes through the durable outbox and arrives at a real webhook receiver
 * on loopback, signed the Standard Webhooks way (checked with the standardwebhooks package).
 * In Teams, the contact details come from a stand-in Teams connector, as TeamsInfo.getMember asks it.
 */
let server: RunningServer;
let receiver: Receiver;
let connector: FakeConnector;

const JO = { id: '29:1a2b3c', name: 'Jo Bloggs', email: 'jo.bloggs@nhs.net', userPrincipalName: 'jo.bloggs@nhs.net', aadObjectId: '00000000-0000-0000-0000-0000000000aa' };
const NO_EMAIL = { id: '29:guest', name: 'A Guest' };

beforeAll(async () => {
  receiver = await startReceiver();
  connector = await startFakeConnector([JO, NO_EMAIL]);
  server = await startServer({ FEEDBACK_WEBHOOK_URL: receiver.url, FEEDBACK_WEBHOOK_SECRET: TEST_SECRET });
});

afterAll(async () => {
  await server?.close();
  await receiver?.close();
  await connector?.close();
});

function referenceIn(text: string): string {
  const match = /FB-[2-9A-HJ-NP-TV-Z]{4}/.exec(text);
  if (match === null) throw new Error(`no reference in ${text}`);
  return match[0];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Waits for the item with this reference to be delivered, and returns its one request. */
async function delivered(reference: string) {
  const mine = () => receiver.accepted.filter((r) => r.body.includes(`"reference":"${reference}"`));
  await waitFor(async () => mine().length > 0 && (await server.app.feedback.outbox.status()).pending === 0, `delivery of ${reference}`);
  const [request, ...more] = receiver.requests.filter((r) => r.body.includes(`"reference":"${reference}"`));
  expect(more).toEqual([]);
  if (request === undefined) throw new Error('not received');
  const payload: unknown = verifySignature(request);
  if (!isRecord(payload)) throw new Error('payload is not an object');
  expect(request.headers['webhook-id']).toBe(payload.id);
  // The secret (and its key) never travel in the payload; only the signature made with it does.
  expect(request.body).not.toContain(TEST_SECRET);
  expect(request.body).not.toContain(TEST_SECRET.replace(/^whsec_/, ''));
  return { request, payload };
}

describe('feedback over HTTP to the webhook', () => {
  it('a user gives feedback in the Emulator channel: it arrives once, signed, scrubbed, with the reference they were given', async () => {
    const chat = new HttpChat(server.url, { conversationId: 'fb-http-1', from: { id: 'user-http-1', name: 'Test User' } });
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.press('Text or call');
    await chat.say('2');
    const raw = 'The text with code 739104 came after 5 minutes. My password is Spring2030!';
    const scrubbed = repliesText(await chat.press(FEEDBACK.next, { [FEEDBACK_TEXT_INPUT]: raw }));
    expect(scrubbed).toContain('I removed a password and a verification code');
    await chat.press('Dispenser');
    expect(JSON.stringify(chat.card)).toContain(FEEDBACK.summaryTitle);
    const thanks = repliesText(await chat.press(FEEDBACK.send));
    expect(thanks).toContain(FEEDBACK.thanksTitle);
    const reference = referenceIn(thanks);

    const { request, payload } = await delivered(reference);
    expect(payload).toMatchObject({
      type: 'feedback',
      reference,
      category: 'text or call',
      rating: 2,
      role: 'dispenser',
      contact: null,
      channel: 'emulator',
      text: 'The text with code [code removed] came after 5 minutes. My password is [password removed]',
    });
    expect(request.body).not.toContain('739104');
    expect(request.body).not.toContain('Spring2030');
    expect(request.body).not.toContain('user-http-1');
  });

  it('in Teams, "Yes, you can contact me" adds the name and email from the Teams connector\'s member info', async () => {
    const chat = new HttpChat(server.url, { conversationId: 'a:teams-personal-1', channelId: 'msteams', serviceUrl: connector.serviceUrl, from: { id: JO.id, name: JO.name } });
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.press('Enrolment');
    await chat.press('5');
    await chat.say('Self-Service was easy to find once I knew it was under My Profile.');
    await chat.press('Manager');
    expect(JSON.stringify(chat.card)).toContain(FEEDBACK.contactQuestion);
    expect(connector.requests).toEqual([]);

    const summary = repliesText(await chat.press(FEEDBACK.contactYes));
    expect(connector.requests).toEqual([`GET /v3/conversations/a:teams-personal-1/members/${JO.id}`]);
    expect(summary).toContain('jo.bloggs@nhs.net');
    const reference = referenceIn(repliesText(await chat.press(FEEDBACK.send)));

    const { payload } = await delivered(reference);
    expect(payload).toMatchObject({ reference, channel: 'msteams', role: 'manager', rating: 5, contact: { name: 'Jo Bloggs', email: 'jo.bloggs@nhs.net' } });
  });

  it('in Teams, a member without an email is told kindly and the item goes without contact details', async () => {
    const chat = new HttpChat(server.url, { conversationId: 'a:teams-personal-2', channelId: 'msteams', serviceUrl: connector.serviceUrl, from: { id: NO_EMAIL.id, name: NO_EMAIL.name } });
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.press('This bot');
    await chat.press(FEEDBACK.skip);
    await chat.say('Clear and quick.');
    await chat.press(FEEDBACK.skip);
    const replies = repliesText(await chat.press(FEEDBACK.contactYes));
    expect(replies).toContain(FEEDBACK.contactMissing);
    expect(connector.requests).toContain(`GET /v3/conversations/a:teams-personal-2/members/${NO_EMAIL.id}`);
    const reference = referenceIn(repliesText(await chat.press(FEEDBACK.send)));
    const { payload } = await delivered(reference);
    expect(payload).toMatchObject({ reference, contact: null, rating: null, role: null });
  });

  it('Send pressed twice while the connector is slow stores one item: only it is delivered and counted', async () => {
    const from = { id: '29:quick-fingers', name: 'Quick Fingers' };
    const conversationId = 'a:teams-personal-twice';
    const chat = new HttpChat(server.url, { conversationId, channelId: 'msteams', serviceUrl: connector.serviceUrl, from });
    await chat.say('menu');
    await chat.press(WORDS.giveFeedback);
    await chat.press('Enrolment');
    await chat.press('3');
    const text = 'Pressed Send twice because the first press seemed to do nothing.';
    await chat.press(FEEDBACK.next, { [FEEDBACK_TEXT_INPUT]: text });
    await chat.press('Locum');
    await chat.press(FEEDBACK.contactNo);
    const send = buttonsOf(chat.card).find((b) => b.title === FEEDBACK.send);
    if (send?.kind !== 'submit') throw new Error('no Send button');
    // Replies go through the connector as in Teams (not expectReplies), slowly: the first Send's
    // turn is still sending its thanks when the second arrives and reads the same summary.
    connector.replyDelayMs = 400;
    const press = () => postActivity(server.url, { type: 'message', value: send.data, deliveryMode: 'normal', channelId: 'msteams', serviceUrl: connector.serviceUrl, from, conversation: { id: conversationId, conversationType: 'personal' } });
    const answers = await Promise.all([press(), new Promise((resolve) => setTimeout(resolve, 100)).then(press)]);
    connector.replyDelayMs = 0;
    expect(answers.map((a) => a.status)).toEqual([200, 200]);

    const now = Date.now();
    const stored = (await server.app.feedback.outbox.feedbackBetween(now - 3_600_000, now + 60_000)).filter((item) => item.text === text);
    expect(stored).toHaveLength(1);
    await delivered(stored[0]?.reference ?? '');
    // One of the user's five an hour is spent, not two.
    const userHash = await server.app.feedback.userHash(from.id);
    expect(await server.app.feedback.outbox.rateLimitWait(userHash, { max: 2, windowMs: 3_600_000 })).toBeNull();
  });
});
