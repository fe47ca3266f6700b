import { describe, expect, it } from 'vitest';
import { buttonsOf } from '../../src/cards/choices.js';
import type { Action, AdaptiveCard, Element } from '../../src/cards/schema.js';
import { ENROLMENT_STEPS } from '../../src/content/enrolment.js';
import { TestChat, allText, titleOf } from '../support/chat.js';

const STEP_TITLES = ['Log in to the NHSmail portal', 'Open My Profile', 'Go to Self-Service', 'Self-enrol for MFA', 'Choose how you will receive MFA'];

async function startEnrolment(chat: TestChat) {
  await chat.say('menu');
  return chat.press('Set up MFA');
}

/** Every button on a card in reading order: those in the body (ActionSets, ShowCards included), then the card's own. */
function buttonTitlesInOrder(card: AdaptiveCard): string[] {
  const inBody = (elements: readonly Element[]): Action[] =>
    elements.flatMap((e) => (e.type === 'ActionSet' ? e.actions : e.type === 'Container' ? inBody(e.items) : e.type === 'ColumnSet' ? e.columns.flatMap((c) => inBody(c.items)) : []));
  return [...inBody(card.body), ...(card.actions ?? [])].map((a) => a.title ?? '');
}

describe('enrolment walkthrough: help for the step you are on', () => {
  it('"I\'m stuck" at step 3 offers "I can\'t find Self-Service" first, before the general problems', async () => {
    const chat = TestChat.start();
    await startEnrolment(chat);
    await chat.say('next');
    await chat.say('next');
    expect(titleOf(chat.card)).toBe('Go to Self-Service');
    await chat.say("I'm stuck");
    const titles = buttonTitlesInOrder(chat.card);
    expect(titles[0]).toBe("I can't find Self-Service");
    expect(titles.indexOf("I can't find Self-Service")).toBeLessThan(titles.indexOf('New, lost or stolen phone'));
    expect(titles).toContain('Back to step 3');
  });

  it('a step\'s own problem typed in words is answered at once, and the step carries on', async () => {
    const chat = TestChat.start();
    await startEnrolment(chat);
    await chat.say('next');
    await chat.say('next');
    const replies = await chat.say('cant find self service');
    const help = ENROLMENT_STEPS[2]?.stuck[0];
    expect(help?.title).toBe("I can't find Self-Service");
    expect(allText(replies)).toContain(help?.text ?? 'missing');
    expect(allText(replies)).not.toContain('Reset your password');
    await chat.say('next');
    expect(titleOf(chat.card)).toBe('Self-enrol for MFA');
  });
});

describe('enrolment walkthrough', () => {
  it('walks the five portal steps, then the next sign-in, then "Did it work?"', async () => {
    const chat = TestChat.start();
    let replies = await startEnrolment(chat);
    for (const [i, title] of STEP_TITLES.entries()) {
      expect(titleOf(chat.card)).toBe(title);
      expect(allText(replies)).toContain(`Step ${i + 1} of 5`);
      replies = await chat.press('Next');
    }
    expect(titleOf(chat.card)).toBe('What happens at your next sign-in');
    expect(allText(replies)).toContain('Keep your account secure');
    expect(allText(replies)).toContain('Did it work?');
    replies = await chat.press('Yes, it worked');
    expect(allText(replies)).toContain('MFA is set up');
    // Finished: the menu no longer offers to continue.
    expect(buttonsOf(chat.card).map((b) => b.title)).not.toContain('Continue set-up (step 5 of 5)');
  });

  it('Back goes to the previous step, and step 1 has no Back', async () => {
    const chat = TestChat.start();
    await startEnrolment(chat);
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual(['Next', "I'm stuck", 'Cancel']);
    await chat.press('Next');
    await chat.press('Next');
    expect(titleOf(chat.card)).toBe('Go to Self-Service');
    await chat.press('Back');
    expect(titleOf(chat.card)).toBe('Open My Profile');
    await chat.say('back');
    expect(titleOf(chat.card)).toBe('Log in to the NHSmail portal');
  });

  it('"I\'m stuck" opens troubleshooting knowing the step', async () => {
    const chat = TestChat.start();
    await startEnrolment(chat);
    await chat.press('Next');
    const replies = await chat.press("I'm stuck");
    expect(titleOf(chat.card)).toBe("Let's fix it");
    expect(allText(replies)).toContain('You were on step 2 of 5: Open My Profile');
    expect(buttonsOf(chat.card).map((b) => b.title)).toContain('Back to step 2');
    await chat.press('Back to step 2');
    expect(titleOf(chat.card)).toBe('Open My Profile');
  });

  it('someone who leaves mid-way resumes at the same step with "continue"', async () => {
    const chat = TestChat.start();
    await startEnrolment(chat);
    await chat.press('Next');
    await chat.press('Next');
    expect(allText(await chat.say('cancel'))).toContain('kept your place');
    await chat.say('menu');
    expect(buttonsOf(chat.card).map((b) => b.title)).toContain('Continue set-up (step 3 of 5)');
    const replies = await chat.say('continue');
    expect(allText(replies)).toContain("pick up at step 3");
    expect(titleOf(chat.card)).toBe('Go to Self-Service');
  });

  it('"continue" with nothing started says so', async () => {
    const chat = TestChat.start();
    expect(allText(await chat.say('continue'))).toContain("nothing to continue");
  });

  it('help explains where you are and keeps the place', async () => {
    const chat = TestChat.start();
    await startEnrolment(chat);
    await chat.press('Next');
    expect(allText(await chat.say('help'))).toContain("You're in the MFA set-up walkthrough");
    await chat.say('next');
    expect(titleOf(chat.card)).toBe('Go to Self-Service');
  });

  it('text that is not an answer gets a short re-prompt naming the buttons', async () => {
    const chat = TestChat.start();
    await startEnrolment(chat);
    const replies = await chat.say('purple elephant');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain("Please choose Next, I'm stuck or Cancel");
  });

  it('a button pressed on an old step card is recognised as stale', async () => {
    const chat = TestChat.start();
    await startEnrolment(chat);
    const step1 = chat.card;
    await chat.press('Next');
    await chat.press('Next');
    const replies = await chat.press('Next', step1);
    expect(allText(replies)).toContain('That button is from an earlier card');
    expect(titleOf(chat.card)).toBe('Go to Self-Service');
  });

  it('"No, I need help" at the end opens troubleshooting', async () => {
    const chat = TestChat.start();
    await chat.say('menu');
    await chat.press('Set up MFA');
    for (let i = 0; i < 5; i++) await chat.press('Next');
    await chat.press('No, I need help');
    expect(titleOf(chat.card)).toBe("Let's fix it");
  });

  it('in Teams, step cards update in place instead of piling up', async () => {
    const chat = TestChat.start({ channelId: 'msteams' });
    await chat.say('menu');
    await chat.press('Set up MFA');
    const replies = await chat.press('Next');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.updated).toBe(true);
    expect(titleOf(replies[0]?.card)).toBe('Open My Profile');
  });
});
