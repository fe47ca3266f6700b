import { describe, expect, it } from 'vitest';
import type { Understander } from '../../src/dialogs/root.js';
import { TestChat, allText, titleOf } from '../support/chat.js';

const WARNING = 'Please never share';

describe('the guard against sharing codes and passwords', () => {
  it.each([
    '123456',
    '482 913',
    'my code is 48291337',
    'the code they sent was 555123 but it did not work',
    'my password is Hunter2!',
    'pw: hunter2',
    'password: S3cret-Stuff',
  ])('"%s" is held back with a kind warning, and never stored or passed on', async (text) => {
    const seen: string[] = [];
    const understander: Understander = {
      understand: async (_c, t) => (seen.push(t), { kind: 'none' }),
      answer: async () => ({ kind: 'none' }),
    };
    const chat = TestChat.start({ understander });
    const replies = await chat.say(text);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain(WARNING);
    expect(replies[0]?.text).toContain('phishing');
    expect(replies[0]?.text).not.toContain(text);
    expect(seen).toEqual([]);
    expect(chat.stored()).not.toContain(text);
  });

  it.each([
    'step 5',
    'I am on step 3 of 5',
    'my phone is 192 cm tall',
    'it stopped working on 28/11/2026',
    'is the helpdesk number 0333 200 1133?',
    'how long does my password have to be',
    'my password is wrong',
    'what happens at 10:30',
  ])('"%s" is not mistaken for a secret', async (text) => {
    const chat = TestChat.start();
    const replies = await chat.say(text);
    expect(allText(replies)).not.toContain(WARNING);
  });

  it('a code in the middle of the walkthrough is held back and the walkthrough carries on', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press('Set up MFA');
    expect(allText(await chat.say('it sent me 918273'))).toContain(WARNING);
    await chat.press('Next');
    expect(titleOf(chat.card)).toBe('Open My Profile');
    expect(chat.stored()).not.toContain('918273');
  });

  it('button presses are never held back', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    const replies = await chat.send({ action: 'open', conversation: 'why', note: '123456' });
    expect(allText(replies)).not.toContain(WARNING);
  });
});
