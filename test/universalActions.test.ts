import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf } from '../src/cards/choices.js';
import { isAdaptiveCard } from '../src/cards/guards.js';
import type { Action, AdaptiveCard } from '../src/cards/schema.js';
import { TestChat, allText, titleOf } from './support/chat.js';
import { cardsOf } from './support/cards.js';
import { postActivity, startServer, type RunningServer } from './support/server.js';

function actionsOf(card: AdaptiveCard): Action[] {
  return [...(card.actions ?? []), ...card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []))];
}

describe('Universal Actions (Action.Execute) in Teams', () => {
  it('Teams gets Action.Execute buttons, each with a verb, its data and an Action.Submit fallback carrying the same data', async () => {
    const chat = TestChat.start({ channelId: 'msteams' });
    await chat.say('menu');
    await chat.press('Set up MFA');
    const actions = actionsOf(chat.card);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action.type).toBe('Action.Execute');
      if (action.type !== 'Action.Execute') continue;
      expect(action.verb).toBe(action.data.action);
      expect(action.fallback).toEqual({ type: 'Action.Submit', title: action.title, data: action.data, ...(action.style === undefined ? {} : { style: action.style }) });
    }
  });

  it('other hosts (Web Chat, the Emulator, the terminal) get plain Action.Submit buttons', async () => {
    const chat = TestChat.start({ channelId: 'webchat' });
    await chat.say('menu');
    await chat.press('Set up MFA');
    expect(actionsOf(chat.card).map((a) => a.type)).toEqual(actionsOf(chat.card).map(() => 'Action.Submit'));
  });

  it('a press sent as an adaptiveCard/action invoke gets the next card in the invoke response, and nothing else', async () => {
    const chat = TestChat.start({ channelId: 'msteams' });
    await chat.say('menu');
    // Opening a conversation from the menu keeps the menu and sends the first step as a new card.
    let replies = await chat.execute('Set up MFA');
    expect(titleOf(replies.find((r) => r.invoke !== true)?.card)).toBe('Log in to the NHSmail portal');
    expect(replies.filter((r) => r.invoke === true)).toEqual([{ invoke: true }]);
    // A step's button replaces its card: the next step comes back in the invoke's response.
    replies = await chat.execute('Next');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.invoke).toBe(true);
    expect(titleOf(replies[0]?.card)).toBe('Open My Profile');
  });

  it('the other replies of the turn still go out as messages; with no card, the invoke gets a short message response', async () => {
    const chat = TestChat.start({ channelId: 'msteams' });
    await chat.say('menu');
    await chat.execute('Set up MFA');
    const replies = await chat.execute('Cancel');
    expect(allText(replies)).toContain('kept your place');
    expect(replies.filter((r) => r.invoke === true)).toEqual([{ invoke: true }]);
    expect(replies.some((r) => r.card !== undefined)).toBe(false);
  });

  it('a stale Universal Action press is recognised like any other', async () => {
    const chat = TestChat.start({ channelId: 'msteams' });
    await chat.say('menu');
    await chat.execute('Set up MFA');
    const first = chat.card;
    await chat.execute('Next');
    const replies = await chat.execute('Next', first);
    expect(allText(replies)).toContain('That button is from an earlier card');
    // The old card is left alone; the current step comes as a new message.
    expect(replies.filter((r) => r.invoke === true)).toEqual([{ invoke: true }]);
    expect(titleOf(chat.card)).toBe('Open My Profile');
  });

  it("in a group chat, pressing a colleague's card does not replace it", async () => {
    const ana = TestChat.start({ channelId: 'msteams', conversationType: 'groupChat' });
    await ana.say('menu');
    await ana.execute('Set up MFA');
    const replies = await ana.as('ben').execute('Next', ana.card);
    expect(allText(replies)).toContain('That button is from an earlier card');
    expect(replies.filter((r) => r.invoke === true)).toEqual([{ invoke: true }]);
    expect(titleOf((await ana.execute('Next')).find((r) => r.invoke === true)?.card)).toBe('Open My Profile');
  });
});

describe('Universal Actions over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  it('POST /api/messages with an adaptiveCard/action invoke answers 200 with the next card', async () => {
    const conversation = { id: 'ua-conv-1' };
    const menu = cardsOf((await postActivity(server.url, { type: 'message', text: 'menu', channelId: 'msteams', conversation })).activities)[0];
    const open = menu === undefined ? undefined : buttonsOf(menu).find((b) => b.title === 'Set up MFA');
    const step1 = cardsOf((await postActivity(server.url, { type: 'message', value: open?.kind === 'submit' ? open.data : {}, channelId: 'msteams', conversation })).activities)[0];
    const next = step1 === undefined ? undefined : buttonsOf(step1).find((b) => b.title === 'Next');
    if (next?.kind !== 'submit') throw new Error('no Next button');

    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        id: 'ua-invoke-1',
        from: { id: 'user-1', name: 'Test User' },
        recipient: { id: 'bot', name: 'MFA Assistant' },
        conversation,
        value: { action: { type: 'Action.Execute', verb: next.data.action, data: next.data }, trigger: 'manual' },
      }),
    });
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card: unknown = typeof body === 'object' && body !== null && 'value' in body ? body.value : undefined;
    expect(isAdaptiveCard(card) ? titleOf(card) : '').toBe('Open My Profile');
  });
});
