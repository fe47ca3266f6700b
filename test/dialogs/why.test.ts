import { describe, expect, it } from 'vitest';
import { TestChat, allText, titleOf } from '../support/chat.js';

describe('why MFA', () => {
  it('answers first (it is mandatory), then explains MFA, the 80% figure, the benefits and the rollout, then offers set-up', async () => {
    const chat = TestChat.start();
    const text = allText(await chat.press('Why MFA?', (await chat.say('menu'), chat.card)));
    expect(text).toContain('Yes, MFA is mandatory');
    expect(text).toContain('second check');
    expect(text).toContain('up to 80% of data breaches');
    expect(text).toContain('Keeps patient data safe');
    expect(text).toContain('August 2024');
    expect(text).toContain('26 March 2025');
    expect(text).toContain('Source:');
    const replies = await chat.press('Set it up now');
    expect(titleOf(replies.at(-1)?.card)).toBe('Log in to the NHSmail portal');
  });

  it('"Back to menu" returns to the menu', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press('Why MFA?');
    expect(titleOf((await chat.press('Back to menu')).at(-1)?.card)).toBe("Hello, I'm the MFA Assistant");
  });

  it('help says where you are without losing the place; cancel stops', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press('Why MFA?');
    expect(allText(await chat.say('help'))).toContain("You're reading why MFA matters");
    expect(titleOf((await chat.say('set it up now')).at(-1)?.card)).toBe('Log in to the NHSmail portal');
    expect(allText(await chat.say('cancel'))).toContain("I've stopped the set-up");
  });

  it('a stale button re-shows the current card', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press('Why MFA?');
    const old = chat.card;
    await chat.say('menu');
    await chat.press('Why MFA?');
    const replies = await chat.press('Set it up now', old);
    expect(allText(replies)).toContain('That button is from an earlier card');
    expect(titleOf(replies.at(-1)?.card)).toBe('Why MFA matters');
  });
});
