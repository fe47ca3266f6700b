import { describe, expect, it } from 'vitest';
import { buttonsOf } from '../../src/cards/choices.js';
import type { AdaptiveCard } from '../../src/cards/schema.js';
import { INTENT_ANSWERS } from '../../src/content/answers.js';
import { TestChat, allText, titleOf } from '../support/chat.js';

const QUESTION = 'will it work abroad';
const ANSWER = INTENT_ANSWERS['travel.abroad'].title;
const WARNING = 'Please never share';

/** The choice each step's forward button makes (the button a user walking through would press). */
const FORWARD = ['next', 'setup', 'guide', 'yes', 'stuck'];
const NOT_FORWARD = new Set(['cancel', 'back', 'menu', 'done', 'practise', 'compare']);

function forwardButton(card: AdaptiveCard): string | undefined {
  const buttons = buttonsOf(card).flatMap((b) => (b.kind === 'submit' && b.data.action === 'flow' ? [{ title: b.title, choice: String(b.data.choice) }] : []));
  for (const choice of FORWARD) {
    const found = buttons.find((b) => b.choice === choice);
    if (found !== undefined) return found.title;
  }
  // A list to pick from (the problems): the first item.
  return buttons.find((b) => !NOT_FORWARD.has(b.choice))?.title;
}

describe('one route list: a question typed at any step is answered, then the step is shown again', () => {
  it.each(['Why MFA?', 'Set up MFA', 'Choose a method', 'Fix a problem', 'Practise with an authenticator'])('%s: at every step', async (menuButton) => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press(menuButton);
    const seen: string[] = [];
    for (let steps = 0; steps < 8; steps++) {
      const before = titleOf(chat.card);
      seen.push(before);
      const replies = await chat.say(QUESTION);
      expect(titleOf(replies[0]?.card), `answer at "${before}"`).toBe(ANSWER);
      expect(allText(replies)).toContain('back to where we were');
      expect(titleOf(replies.at(-1)?.card), `step shown again at "${before}"`).toBe(before);
      const forward = forwardButton(chat.card);
      if (forward === undefined) break;
      await chat.press(forward);
      if (buttonsOf(chat.card).every((b) => b.kind !== 'submit' || b.data.action !== 'flow')) break;
    }
    expect(seen.length).toBeGreaterThan(menuButton === 'Why MFA?' ? 0 : 1);
  });

  it('after the answer the walkthrough goes on from the same step', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press('Choose a method');
    await chat.press('Help me choose');
    const question = titleOf(chat.card);
    await chat.say(QUESTION);
    await chat.say('yes');
    expect(titleOf(chat.card)).not.toBe(question);
  });
});

describe('a secret typed in the middle of a walkthrough', () => {
  it('a password: warned, told to change it now and who helps, and the step is shown again', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press('Set up MFA');
    await chat.press('Next');
    const replies = await chat.say('my password is Hunter2!');
    const text = allText(replies);
    expect(text).toContain(WARNING);
    expect(text).toContain('change your password now');
    expect(text).toContain('0333 200 1133');
    expect(text).not.toContain('Hunter2');
    expect(titleOf(replies.at(-1)?.card)).toBe('Open My Profile');
    expect(chat.stored()).not.toContain('Hunter2');
    await chat.press('Next');
    expect(titleOf(chat.card)).toBe('Go to Self-Service');
  });

  it('a code: warned, and the step is shown again (no advice to change a password)', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press('Fix a problem');
    const replies = await chat.say('it sent me 918273');
    expect(allText(replies)).toContain(WARNING);
    expect(allText(replies)).not.toContain('change your password now');
    expect(titleOf(replies.at(-1)?.card)).toBe("Let's fix it");
  });
});

describe('a place per person in a group chat', () => {
  it('two colleagues each keep their own step', async () => {
    const ana = TestChat.start({ conversationType: 'groupChat', channelId: 'msteams' });
    const ben = ana.as('ben');
    await ana.say('menu');
    await ana.press('Set up MFA');
    await ana.press('Next');
    expect(titleOf(ana.card)).toBe('Open My Profile');
    await ben.say('menu');
    await ben.press('Set up MFA');
    expect(titleOf(ben.card)).toBe('Log in to the NHSmail portal');
    await ana.press('Next');
    expect(titleOf(ana.card)).toBe('Go to Self-Service');
    await ben.say('back');
    await ben.say('next');
    expect(titleOf(ben.card)).toBe('Open My Profile');
  });

  it("one cannot press another's buttons: the press is stale for them, and the other keeps their place", async () => {
    const ana = TestChat.start({ conversationType: 'groupChat', channelId: 'msteams' });
    const ben = ana.as('ben');
    await ana.say('menu');
    await ana.press('Set up MFA');
    const anasCard = ana.card;
    const replies = await ben.press('Next', anasCard);
    expect(allText(replies)).toContain('That button is from an earlier card');
    await ana.say('help');
    await ana.say('continue');
    expect(titleOf(ana.card)).toBe('Log in to the NHSmail portal');
  });

  it('feedback (which may carry contact details) is not given in a group chat: it points to a one-to-one chat', async () => {
    const ana = TestChat.start({ conversationType: 'groupChat', channelId: 'msteams' });
    await ana.say('menu');
    const replies = await ana.press('Give feedback');
    expect(allText(replies)).toContain('one-to-one chat');
    expect(replies.some((r) => r.card !== undefined)).toBe(false);
    // Nobody else can press a Send that was never shown, and pressing one from elsewhere is stale.
    const stray = await ana.as('ben').send({ action: 'flow', flow: 'flow1', at: 'summary-6', choice: 'send' });
    expect(allText(stray)).toContain('That button is from an earlier card');
  });
});
