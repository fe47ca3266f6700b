import { describe, expect, it } from 'vitest';
import { TestChat, allText, titleOf } from '../support/chat.js';

async function startChooser(chat: TestChat) {
  await chat.say('menu');
  await chat.press('Choose a method');
  return chat.press('Help me choose');
}

describe('choosing a method', () => {
  it('compares the four methods, FIDO2 marked as not core', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press('Choose a method');
    const text = allText(await chat.press('Compare all methods'));
    for (const name of ['Microsoft Authenticator app', 'Text message', 'Phone call', 'FIDO2 token']) expect(text).toContain(name);
    expect(text).toContain('Recommended');
    expect(text).toContain('Not a core method');
    expect(text).toContain('Local Administrator');
  });

  const cases: { answers: string[]; title: string; reason: string }[] = [
    { answers: ['Yes', 'Yes'], title: 'The Microsoft Authenticator app', reason: 'work even with no signal' },
    { answers: ['Yes', 'No', 'Yes'], title: 'A text message to your mobile', reason: "don't need to install" },
    // They said no to the app: the suggestion never offers it back to them.
    { answers: ['Yes', 'No', 'No'], title: 'Ask your Local Administrator what will work', reason: 'need mobile signal' },
    { answers: ['No', 'Yes'], title: 'A text message to your mobile', reason: 'basic mobile' },
    { answers: ['No', 'No'], title: 'Talk to your Local Administrator', reason: 'FIDO2 key' },
  ];
  it.each(cases)('answers $answers lead to "$title"', async ({ answers, title, reason }) => {
    const chat = TestChat.start();
    await startChooser(chat);
    let replies = [] as Awaited<ReturnType<TestChat['press']>>;
    for (const a of answers) replies = await chat.press(a);
    expect(titleOf(chat.card)).toBe(title);
    expect(allText(replies)).toContain(reason);
    expect(allText(replies)).toContain('Source:');
  });

  it('asks the questions in order and accepts typed yes/no', async () => {
    const chat = TestChat.start();
    await startChooser(chat);
    expect(titleOf(chat.card)).toBe('Do you have a smartphone you can use when you sign in?');
    await chat.say('yep');
    expect(titleOf(chat.card)).toBe('Are you happy to install the free Microsoft Authenticator app on it?');
    await chat.say('no');
    expect(titleOf(chat.card)).toBe('Do you have reliable mobile signal where you work?');
  });

  it('reads other everyday ways of saying yes and no, and leaves a question with "no" in it to be answered', async () => {
    const chat = TestChat.start();
    await startChooser(chat);
    await chat.say('yes I do');
    expect(titleOf(chat.card)).toBe('Are you happy to install the free Microsoft Authenticator app on it?');
    const replies = await chat.say('will it work abroad with no signal?');
    expect(allText(replies)).toContain('back to where we were');
    expect(titleOf(chat.card)).toBe('Are you happy to install the free Microsoft Authenticator app on it?');
    await chat.say("no I don't");
    expect(titleOf(chat.card)).toBe('Do you have reliable mobile signal where you work?');
  });

  it('in Teams, Yes pressed as a Universal Action answers the question and the next one comes back in the invoke response', async () => {
    const chat = TestChat.start({ channelId: 'msteams' });
    await chat.say('menu');
    await chat.execute('Choose a method');
    await chat.execute('Help me choose');
    const replies = await chat.execute('Yes');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.invoke).toBe(true);
    expect(titleOf(replies[0]?.card)).toBe('Are you happy to install the free Microsoft Authenticator app on it?');
  });

  it('from the suggestion, "Set up MFA now" starts the walkthrough', async () => {
    const chat = TestChat.start();
    await startChooser(chat);
    await chat.press('Yes');
    await chat.press('Yes');
    await chat.press('Set up MFA now');
    expect(titleOf(chat.card)).toBe('Log in to the NHSmail portal');
  });

  it('cancel, help and a stale answer', async () => {
    const chat = TestChat.start();
    await startChooser(chat);
    const q1 = chat.card;
    await chat.press('Yes');
    expect(allText(await chat.say('help'))).toContain("You're choosing an MFA method");
    const stale = await chat.press('No', q1);
    expect(allText(stale)).toContain('That button is from an earlier card');
    expect(titleOf(chat.card)).toBe('Are you happy to install the free Microsoft Authenticator app on it?');
    expect(allText(await chat.press('Cancel'))).toContain("I've stopped that");
  });

  it('"Ask me again" goes back to the first question', async () => {
    const chat = TestChat.start();
    await startChooser(chat);
    await chat.press('No');
    await chat.press('No');
    await chat.press('Ask me again');
    expect(titleOf(chat.card)).toBe('Do you have a smartphone you can use when you sign in?');
  });
});
