import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_REPLIES } from '../src/content/faults.js';
import { startAzurite, type Azurite } from './support/azurite.js';
import { startBotProcess, type BotProcess } from './support/botProcess.js';
import { cardsOf, pressOn, textsOf } from './support/cards.js';
import { postActivity } from './support/server.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';

/**
 * STORAGE=blob against Azurite: two real bot processes on different ports share conversations
 * through Azure Blob Storage, as two instances behind a load balancer would.
 */
describe('STORAGE=blob: two bot processes, one conversation (Azurite)', () => {
  let azurite: Azurite;
  let proxy: TcpProxy;
  let a: BotProcess;
  let b: BotProcess;

  beforeAll(async () => {
    azurite = await startAzurite();
    // B reaches storage through a proxy so the race test can hold its writes back.
    proxy = await startTcpProxy(azurite.port);
    const common = { STORAGE: 'blob', AZURE_STORAGE_CONTAINER: 'mfa-bot-state-test' };
    [a, b] = await Promise.all([
      startBotProcess({ ...common, AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString() }),
      startBotProcess({ ...common, AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString(proxy.port) }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await proxy?.close();
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
});
