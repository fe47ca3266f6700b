import { describe, expect, it } from 'vitest';
import { buttonsOf } from '../../src/cards/choices.js';
import { TestChat, allText, titleOf } from '../support/chat.js';

const MENU_BUTTONS = ['Why MFA?', 'Set up MFA', 'Choose a method', 'Fix a problem', 'Practise with an authenticator', 'Give feedback'];

describe('welcome and menu', () => {
  it.each(['hi', 'Hello', 'help', 'menu', 'Menu please', 'start over'])('"%s" brings the menu', async (text) => {
    const chat = TestChat.start();
    const replies = await chat.say(text);
    expect(replies).toHaveLength(1);
    expect(titleOf(replies[0]?.card)).toBe("Hello, I'm the MFA Assistant");
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual(MENU_BUTTONS);
  });

  it('every menu button starts its conversation', async () => {
    const expected: Record<string, string> = {
      'Why MFA?': 'Why MFA matters',
      'Set up MFA': 'Log in to the NHSmail portal',
      'Choose a method': 'Choosing an MFA method',
      'Fix a problem': "Let's fix it",
      'Practise with an authenticator': 'Practise with an authenticator app',
    };
    for (const [button, title] of Object.entries(expected)) {
      const chat = TestChat.start();
      await chat.say('menu');
      const replies = await chat.press(button);
      expect(titleOf(replies.at(-1)?.card)).toBe(title);
    }
  });

  it('keeps every row of buttons within Teams\' limit of five', async () => {
    for (const resume of [false, true]) {
      const chat = TestChat.start();
      if (resume) {
        await chat.say('menu');
        await chat.press('Set up MFA');
        await chat.press('Next');
        await chat.press('Next');
        await chat.say('cancel');
      }
      await chat.say('menu');
      const rows = [chat.card.actions ?? [], ...chat.card.body.flatMap((e) => (e.type === 'ActionSet' ? [e.actions] : []))];
      expect(rows.flat().length).toBe(MENU_BUTTONS.length + (resume ? 1 : 0));
      for (const row of rows) expect(row.length).toBeLessThanOrEqual(5);
    }
  });

  it('typing a menu button title works like pressing it', async () => {
    const chat = TestChat.start();
    await chat.say('hi');
    expect(titleOf((await chat.say('why mfa')).at(-1)?.card)).toBe('Why MFA matters');
  });

  it('without intent matching, text it cannot read gets a short re-prompt with the menu', async () => {
    const chat = TestChat.start({ understander: null });
    const replies = await chat.say('qwertyuiop');
    expect(allText(replies)).toContain("Sorry, I didn't catch that");
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual(MENU_BUTTONS);
  });

  it('with intent matching, text it cannot read gets the honest "not sure" card with the menu', async () => {
    const chat = TestChat.start();
    const replies = await chat.say('qwertyuiop');
    expect(titleOf(replies.at(-1)?.card)).toBe("I'm not sure about that");
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual(MENU_BUTTONS);
  });

  it('a button from a finished conversation does not jump anywhere', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press('Fix a problem');
    const old = chat.card;
    await chat.say('cancel');
    const replies = await chat.press('My code is not accepted', old);
    expect(allText(replies)).toContain('That button is from an earlier card');
    expect(titleOf(replies.at(-1)?.card)).toBe("Hello, I'm the MFA Assistant");
  });

  it('tampered button data is refused politely', async () => {
    const chat = TestChat.start();
    for (const value of [{ action: 'open', conversation: 'nope' }, { action: 'flow' }, 'text', 42, [1, 2], { action: 'open', conversation: 'why', problem: 'new_phone' }]) {
      const replies = await chat.send(value);
      expect(allText(replies)).toContain("that button didn't work");
    }
  });

  it('cancel with nothing running says so kindly', async () => {
    const chat = TestChat.start();
    expect(allText(await chat.say('cancel'))).toContain("There's nothing to stop");
  });
});
