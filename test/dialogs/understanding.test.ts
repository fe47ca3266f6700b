import { describe, expect, it } from 'vitest';
import { buttonsOf } from '../../src/cards/choices.js';
import { INTENT_ANSWERS } from '../../src/content/answers.js';
import { REPLIES } from '../../src/content/ui.js';
import { IntentUnderstander } from '../../src/dialogs/understanding.js';
import type { Matcher, MatchResult } from '../../src/nlu/types.js';
import { TestChat, allText, titleOf } from '../support/chat.js';

/** A matcher that always gives the same reading, for the decisions that follow a match. */
function fixedMatcher(result: MatchResult): Matcher {
  return { match: () => result };
}

describe('free questions, through the real intent matcher', () => {
  it.each([
    ['my code keeps getting rejected', "Check the phone's clock"],
    ['got a new phone', 'Still have the old phone?'],
    ['how do I switch MFA on', 'Log in to the NHSmail portal'],
    ['which method should I pick', 'Choosing an MFA method'],
  ])('"%s" starts the right conversation', async (text, title) => {
    const chat = TestChat.start();
    await chat.say(text);
    expect(titleOf(chat.card)).toBe(title);
  });

  it('a question with no conversation of its own gets a short answer card with its source and follow-ups', async () => {
    const chat = TestChat.start();
    const replies = await chat.say('what actually is multi factor authentication');
    expect(titleOf(chat.card)).toBe(INTENT_ANSWERS['about.what'].title);
    expect(allText(replies)).toContain('Source:');
    const followUp = buttonsOf(chat.card).find((b) => b.title === INTENT_ANSWERS['about.why'].title);
    expect(followUp).toBeDefined();
    await chat.press(INTENT_ANSWERS['about.why'].title);
    expect(titleOf(chat.card)).toBe('Why MFA matters');
  });

  it('a question in the middle of a conversation is answered, and the conversation carries on where it was', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press('Set up MFA');
    await chat.press('Next');
    const replies = await chat.say('will it work abroad');
    expect(titleOf(replies[0]?.card)).toBe(INTENT_ANSWERS['travel.abroad'].title);
    expect(allText(replies)).toContain('back to where we were');
    expect(titleOf(replies.at(-1)?.card)).toBe('Open My Profile');
    await chat.press('Next');
    expect(titleOf(chat.card)).toBe('Go to Self-Service');
  });

  it('a thank-you after an answer is thanked back: not "not sure", and not counted as unanswered', async () => {
    const recorded: string[] = [];
    const chat = TestChat.start({ unanswered: { recordUnanswered: async (q) => (recorded.push(q), true) } });
    await chat.say('what is mfa');
    for (const thanks of ['thanks', 'brilliant, thank you so much!']) {
      const replies = await chat.say(thanks);
      expect(allText(replies)).toBe(REPLIES.welcome);
    }
    expect(recorded).toEqual([]);
  });

  it.each([
    ['that worked', REPLIES.pleased],
    ['ok', REPLIES.acknowledged],
    ['bye', REPLIES.farewell],
  ])('"%s" after an answer gets a short reply of its own, not "not sure", and is not counted', async (text, reply) => {
    const recorded: string[] = [];
    const chat = TestChat.start({ unanswered: { recordUnanswered: async (q) => (recorded.push(q), true) } });
    await chat.say('what is mfa');
    expect(allText(await chat.say(text))).toBe(reply);
    expect(recorded).toEqual([]);
  });

  it('a thank-you in the middle of a walkthrough is thanked back, and the walkthrough carries on where it was', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press('Set up MFA');
    await chat.press('Next');
    const replies = await chat.say('ok thanks');
    expect(allText(replies)).toContain(REPLIES.welcomeMidConversation);
    expect(allText(replies)).not.toContain(REPLIES.notUnderstood);
    await chat.press('Next');
    expect(titleOf(chat.card)).toBe('Go to Self-Service');
  });

  it('something outside what it knows gets an honest answer, and the question is counted (once)', async () => {
    const recorded: string[] = [];
    const chat = TestChat.start({ unanswered: { recordUnanswered: async (q) => (recorded.push(q), true) } });
    const replies = await chat.say('how do I change my Outlook signature');
    expect(titleOf(replies.at(-1)?.card)).toBe("I'm not sure about that");
    expect(allText(replies)).toContain('Give feedback');
    expect(recorded).toEqual(['how do I change my Outlook signature']);
  });

  it('a question the facts cannot really answer gets what is known, and is counted for the digest too', async () => {
    const recorded: string[] = [];
    const understander = new IntentUnderstander(
      fixedMatcher({ intent: 'enrol.duration', confidence: 0.8, ambiguous: false, candidates: [{ intent: 'enrol.duration', confidence: 0.8 }], suggestions: [] }),
      { recordUnanswered: async (q) => (recorded.push(q), true) },
    );
    const chat = TestChat.start({ understander });
    await chat.say('how long does it take');
    expect(titleOf(chat.card)).toBe(INTENT_ANSWERS['enrol.duration'].title);
    expect(recorded).toEqual(['how long does it take']);
  });

  it('an answered question is not counted as unanswered', async () => {
    const recorded: string[] = [];
    const understander = new IntentUnderstander(
      fixedMatcher({ intent: 'about.what', confidence: 0.8, ambiguous: false, candidates: [{ intent: 'about.what', confidence: 0.8 }], suggestions: [] }),
      { recordUnanswered: async (q) => (recorded.push(q), true) },
    );
    const chat = TestChat.start({ understander });
    await chat.say('what is mfa');
    expect(titleOf(chat.card)).toBe(INTENT_ANSWERS['about.what'].title);
    expect(recorded).toEqual([]);
  });
});

describe('decisions after a match', () => {
  it('a near miss: "Not sure I understood" offers the closest topics; choosing one answers it, and the question is still counted', async () => {
    const recorded: string[] = [];
    const understander = new IntentUnderstander(
      fixedMatcher({ intent: 'none', confidence: 0.7, ambiguous: false, candidates: [{ intent: 'methods.backup', confidence: 0.3 }, { intent: 'methods.change', confidence: 0.08 }], suggestions: ['methods.backup', 'methods.change'] }),
      { recordUnanswered: async (q) => (recorded.push(q), true) },
    );
    const chat = TestChat.start({ understander });
    const replies = await chat.say('a spare way in');
    expect(replies).toHaveLength(1);
    expect(titleOf(chat.card)).toBe('Not sure I understood');
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual([INTENT_ANSWERS['methods.backup'].title, INTENT_ANSWERS['methods.change'].title, 'Something else']);
    expect(recorded).toEqual(['a spare way in']);
    await chat.press(INTENT_ANSWERS['methods.backup'].title);
    expect(titleOf(chat.card)).toBe(INTENT_ANSWERS['methods.backup'].title);
  });

  it('a near miss: "Something else" brings the menu', async () => {
    const understander = new IntentUnderstander(
      fixedMatcher({ intent: 'none', confidence: 0.7, ambiguous: false, candidates: [{ intent: 'travel.abroad', confidence: 0.3 }], suggestions: ['travel.abroad'] }),
    );
    const chat = TestChat.start({ understander });
    await chat.say('holiday thing');
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual([INTENT_ANSWERS['travel.abroad'].title, 'Something else']);
    await chat.press('Something else');
    expect(buttonsOf(chat.card).map((b) => b.title)).toContain('Set up MFA');
  });

  it('a question after a greeting gets its answer, not the welcome', async () => {
    const chat = TestChat.start();
    await chat.say('good morning, hope you are well. can i use a text instead of the app?');
    expect(titleOf(chat.card)).toBe(INTENT_ANSWERS['methods.sms'].title);
  });

  it('a near miss typed with the real matcher gets the closest topic as a button', async () => {
    const chat = TestChat.start();
    await chat.say('is it needed on my hols');
    expect(titleOf(chat.card)).toBe('Not sure I understood');
    const replies = await chat.press(INTENT_ANSWERS['travel.abroad'].title);
    // Travel is answered urgent-first (locked out abroad now), as a press of that topic is anywhere.
    expect(titleOf(chat.card)).toBe('Already abroad and locked out?');
    expect(allText(replies)).toContain('outside the UK');
  });

  it('two close candidates: "Did you mean…?" with both as buttons; choosing one answers it', async () => {
    const understander = new IntentUnderstander(
      fixedMatcher({ intent: 'methods.sms', confidence: 0.45, ambiguous: true, candidates: [{ intent: 'methods.sms', confidence: 0.45 }, { intent: 'trouble.no_code', confidence: 0.4 }], suggestions: [] }),
    );
    const chat = TestChat.start({ understander });
    await chat.say('text thing');
    expect(titleOf(chat.card)).toBe('Did you mean…?');
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual([INTENT_ANSWERS['methods.sms'].title, INTENT_ANSWERS['trouble.no_code'].title, 'Something else']);
    await chat.press(INTENT_ANSWERS['methods.sms'].title);
    expect(titleOf(chat.card)).toBe(INTENT_ANSWERS['methods.sms'].title);
  });

  it('"Did you mean…?" in the middle of a conversation keeps the place', async () => {
    const understander = new IntentUnderstander(
      fixedMatcher({ intent: 'methods.app', confidence: 0.4, ambiguous: true, candidates: [{ intent: 'methods.app', confidence: 0.4 }, { intent: 'methods.choose', confidence: 0.35 }], suggestions: [] }),
    );
    const chat = TestChat.start({ understander });
    await chat.say('menu');
    await chat.press('Fix a problem');
    await chat.press('No text, call or notification');
    const asked = await chat.say('app thing');
    const didYouMean = asked.find((r) => titleOf(r.card) === 'Did you mean…?')?.card;
    expect(didYouMean).toBeDefined();
    expect(titleOf(chat.card)).toBe('Check the number');
    const replies = await chat.press(INTENT_ANSWERS['methods.app'].title, didYouMean);
    expect(titleOf(replies[0]?.card)).toBe(INTENT_ANSWERS['methods.app'].title);
    expect(titleOf(chat.card)).toBe('Check the number');
  });

  it('tampered intent data is refused', async () => {
    const chat = TestChat.start();
    expect(allText(await chat.send({ action: 'intent', intent: 'none' }))).toContain("that button didn't work");
    expect(allText(await chat.send({ action: 'intent', intent: 'rm -rf' }))).toContain("that button didn't work");
  });
});
