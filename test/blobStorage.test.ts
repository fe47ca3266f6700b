import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_REPLIES } from '../src/content/faults.js';
import { FEEDBACK_TEXT_INPUT } from '../src/cards/feedback.js';
import { FEEDBACK } from '../src/content/feedback.js';
import { createAzureFeedbackStore } from '../src/feedback/azure/outbox.js';
import { defaultRandomBytes } from '../src/feedback/ids.js';
import { systemClock } from '../src/feedback/time.js';
import { WORDS } from '../src/content/ui.js';
import { startAzurite, type Azurite } from './support/azurite.js';
import { startBotProcess, type BotProcess } from './support/botProcess.js';
import { cardsOf, pressOn, textsOf } from './support/cards.js';
import { postActivity } from './support/server.js';
import { HttpChat, repliesText } from './support/httpChat.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';
import { startReceiver, waitFor, type Receiver } from './support/webhookReceiver.js';

/**
 * STORAGE=blob against Azurite: two real bot processes on different ports share conversations
 * and their feedback outbox through Azure Blob Storage, as two instances behind a load balancer would.
 */
describe('STORAGE=blob: two bot processes, one conversation (Azurite)', () => {
  let azurite: Azurite;
  let proxy: TcpProxy;
  let a: BotProcess;
  let b: BotProcess;
  let receiver: Receiver;

  beforeAll(async () => {
    azurite = await startAzurite();
    receiver = await startReceiver();
    // B reaches storage through a proxy so the race test can hold its writes back.
    proxy = await startTcpProxy(azurite.port);
    const common = { STORAGE: 'blob', AZURE_STORAGE_CONTAINER: 'mfa-bot-state-test' };
    [a, b] = await Promise.all([
      startBotProcess({ ...common, AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString() }),
      // Only B knows the webhook: whatever feedback A takes, B must deliver from the shared outbox.
      startBotProcess({ ...common, AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString(proxy.port), FEEDBACK_WEBHOOK_URL: receiver.url }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await proxy?.close();
    await receiver?.close();
    await azurite?.stop();
  });

  it('turns alternate between the two processes and the walkthrough advances step by step', async () => {
    expect(a.url).not.toBe(b.url);
    // An id with emoji and right-to-left text: blob names must cope.
    const conversation = { id: 'shared-مرحبا-😀-1' };
    const welcome = await postActivity(a.url, { type: 'conversationUpdate', conversation, membersAdded: [{ id: 'user-1' }, { id: 'bot' }] });
    expect(welcome.status).toBe(200);
    const menu = cardsOf(welcome.activities)[0];
    expect(JSON.stringify(menu)).toContain("Hello, I'm the MFA Assistant");

    // B knows A has already greeted this conversation.
    const again = await postActivity(b.url, { type: 'conversationUpdate', conversation, membersAdded: [{ id: 'user-1' }] });
    expect(again.activities).toHaveLength(0);

    const servers = [b, a];
    let card = cardsOf((await postActivity(b.url, { ...pressOn(menu, 'Set up MFA'), conversation })).activities)[0];
    for (let step = 1; step <= 5; step++) {
      expect(JSON.stringify(card)).toContain(`Step ${step} of 5`);
      const via = servers[step % 2] ?? a;
      const res = await postActivity(via.url, { ...pressOn(card, 'Next'), conversation });
      expect(res.status).toBe(200);
      card = cardsOf(res.activities)[0];
    }
    expect(JSON.stringify(card)).toContain('Did it work?');

    // "help" on the other process knows where we are, and the place is kept.
    const help = await postActivity(b.url, { type: 'message', text: 'help', conversation });
    expect(JSON.stringify(help.activities)).toContain("You're in the MFA set-up walkthrough");
  });

  it('a walkthrough left on one process resumes on the other with "continue"', async () => {
    const conversation = { id: 'shared-2' };
    const from = { id: 'user-resume', name: 'Resume User' };
    let card = cardsOf((await postActivity(a.url, { type: 'message', text: 'menu', conversation, from })).activities)[0];
    card = cardsOf((await postActivity(a.url, { ...pressOn(card, 'Set up MFA'), conversation, from })).activities)[0];
    card = cardsOf((await postActivity(b.url, { ...pressOn(card, 'Next'), conversation, from })).activities)[0];
    expect(JSON.stringify(card)).toContain('Step 2 of 5');
    await postActivity(a.url, { type: 'message', text: 'cancel', conversation, from });
    const resumed = await postActivity(b.url, { type: 'message', text: 'continue', conversation, from });
    expect(JSON.stringify(resumed.activities)).toContain('Step 2 of 5');
  });

  it('two turns at once on one conversation: the ETag check keeps one, the other user is asked to try again, nothing is corrupted', async () => {
    const conversation = { id: 'race-1' };
    const from = { id: 'user-race' };
    let card = cardsOf((await postActivity(b.url, { type: 'message', text: 'menu', conversation, from })).activities)[0];
    card = cardsOf((await postActivity(a.url, { ...pressOn(card, 'Set up MFA'), conversation, from })).activities)[0];
    expect(JSON.stringify(card)).toContain('Step 1 of 5');
    const next = { ...pressOn(card, 'Next'), conversation, from };

    // B reads the state, then its save is held back; meanwhile A reads the same state and saves.
    proxy.delayMs = 1500;
    proxy.mode = 'delay-writes';
    const held = proxy.nextHeld();
    const viaB = postActivity(b.url, next);
    await held;
    const viaA = await postActivity(a.url, next);
    const late = await viaB;
    proxy.mode = 'pass';

    expect(viaA.status).toBe(200);
    expect(JSON.stringify(cardsOf(viaA.activities)[0])).toContain('Step 2 of 5');
    // B's save failed its ETag check (HTTP 412): its step-2 card is dropped and the user is asked to try again.
    expect(late.status).toBe(200);
    expect(textsOf(late.activities)).toEqual([FAULT_REPLIES.conflict]);
    expect(cardsOf(late.activities)).toHaveLength(0);
    await b.waitForOutput('"fault":"conflict"');

    // The conversation carries on from A's step 2 on either process.
    const step2 = cardsOf(viaA.activities)[0];
    const on = await postActivity(b.url, { ...pressOn(step2, 'Next'), conversation, from });
    expect(JSON.stringify(cardsOf(on.activities)[0])).toContain('Step 3 of 5');
  });

  it('feedback given across both processes is kept in the shared outbox and delivered once by the one that knows the webhook', { timeout: 60_000 }, async () => {
    const chat = new HttpChat(a.url, { conversationId: 'shared-feedback', from: { id: 'user-feedback', name: 'Feedback User' } });
    await chat.say('menu');
    await chat.via(b.url).press(WORDS.giveFeedback);
    await chat.via(a.url).press('Enrolment');
    await chat.via(b.url).press('4');
    await chat.via(a.url).press(FEEDBACK.next, { [FEEDBACK_TEXT_INPUT]: 'The portal was easy once I found My Profile.' });
    await chat.via(b.url).press('Pharmacist');
    const thanks = repliesText(await chat.via(a.url).press(FEEDBACK.send));
    const reference = /FB-[2-9A-HJ-NP-TV-Z]{4}/.exec(thanks)?.[0];
    expect(reference).toBeDefined();

    // It is in the shared table at once (not on A's disk)...
    const shared = createAzureFeedbackStore({ connectionString: azurite.connectionString(), table: 'mfafeedback', queue: 'mfa-feedback', clock: systemClock, randomBytes: defaultRandomBytes });
    const stored = await shared.outbox.feedbackBetween(Date.now() - 3_600_000, Date.now() + 60_000);
    expect(stored.map((item) => item.reference)).toEqual([reference]);
    // ...and B, which nobody told, finds it at its next look at the outbox (every 30 s) and sends it.
    await waitFor(() => receiver.accepted.some((r) => r.body.includes(`"reference":"${reference}"`)), 'B to deliver the item A accepted', 45_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mine = receiver.requests.filter((r) => r.body.includes(`"reference":"${reference}"`));
    expect(mine).toHaveLength(1);
    expect(JSON.parse(mine[0]?.body ?? '{}')).toMatchObject({ reference, category: 'enrolment', rating: 4, role: 'pharmacist', channel: 'emulator' });
  });
});
