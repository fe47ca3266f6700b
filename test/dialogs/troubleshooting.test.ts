import { describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../src/content/troubleshooting.js';
import { CONTACTS } from '../../src/content/contacts.js';
import { TestChat, allText, titleOf } from '../support/chat.js';

async function pick(chat: TestChat, label: string) {
  await chat.say('menu');
  await chat.press('Fix a problem');
  return chat.press(label);
}

describe('troubleshooting', () => {
  it.each(Object.values(PROBLEMS))('$label: steps one at a time, ending in the escalation card', async (problem) => {
    const chat = TestChat.start();
    let replies = await pick(chat, problem.label);
    for (const [i, step] of problem.steps.entries()) {
      expect(titleOf(chat.card)).toBe(step.title);
      expect(allText(replies)).toContain(`Step ${i + 1} of ${problem.steps.length}`);
      replies = await chat.press('Still stuck');
    }
    const text = allText(replies);
    expect(titleOf(chat.card)).toBe("Let's get you some help");
    expect(text).toContain(CONTACTS.helpdesk.phone);
    expect(text).toContain(CONTACTS.helpdesk.email);
    expect(text).toContain('Local Administrator');
    expect(text).toContain('Give feedback');
  });

  it('"That fixed it" ends kindly with the menu', async () => {
    const chat = TestChat.start();
    await pick(chat, 'My code is not accepted');
    const replies = await chat.press('That fixed it');
    expect(allText(replies)).toContain('glad that sorted it');
    expect(titleOf(chat.card)).toBe("Hello, I'm the MFA Assistant");
  });

  it('the code-rejected advice is phrased as general advice', async () => {
    const chat = TestChat.start();
    const text = allText(await pick(chat, 'My code is not accepted'));
    expect(text).toMatch(/usually/i);
    expect(text).toContain('automatic');
  });

  it('Back, help, cancel and a stale button', async () => {
    const chat = TestChat.start();
    await pick(chat, 'No text, call or notification');
    const first = chat.card;
    await chat.press('Still stuck');
    expect(titleOf(chat.card)).toBe('Check the phone');
    await chat.press('Back');
    expect(titleOf(chat.card)).toBe('Check the number');
    await chat.press('Still stuck');
    expect(allText(await chat.press('Still stuck', first))).toContain('That button is from an earlier card');
    expect(allText(await chat.say('help'))).toContain("You're fixing a problem");
    expect(allText(await chat.say('stop'))).toContain("I've stopped that");
  });
});
