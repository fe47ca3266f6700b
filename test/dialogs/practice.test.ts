import { describe, expect, it } from 'vitest';
import { buttonsOf } from '../../src/cards/choices.js';
import { PRACTICE, PRACTICE_ACCOUNT } from '../../src/content/practice.js';
import { HELP } from '../../src/content/ui.js';
import type { Understander } from '../../src/dialogs/root.js';
import { TestChat, allText, titleOf, type Reply } from '../support/chat.js';
import { phoneCode, secretOnCard, walk } from '../support/practiceCodes.js';

/** A fixed moment 7 s into a 30-second time step (no dependence on today's date). */
const T0 = Date.UTC(2025, 2, 26, 9, 30, 7);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The bot with a clock the test moves by hand. */
function practiceChat(options: { understander?: Understander; channelId?: string } = {}) {
  let now = T0;
  const chat = TestChat.start({ ...options, clock: () => now });
  return {
    chat,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

/** Six digits that are not a code of this secret within 20 minutes either side of `at`. */
function wrongCode(secret: string, at: number): string {
  const near = new Set(Array.from({ length: 81 }, (_v, i) => phoneCode(secret, at + (i - 40) * 30 * SECOND)));
  for (let n = 0; ; n++) {
    const candidate = String((n * 7919 + 123457) % 1_000_000).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

/** Menu → practice → "Show me the practice account"; returns the practice secret from the card. */
async function startPractice(chat: TestChat): Promise<string> {
  await chat.say('menu');
  await chat.press('Practise with an authenticator');
  await chat.press(PRACTICE.showAccount);
  return secretOnCard(chat.card);
}

function texts(replies: readonly Reply[]): string {
  return allText(replies);
}

describe('practice: the cards', () => {
  it('explains how to add the practice account, then shows it with a QR code and a labelled set-up key', async () => {
    const { chat } = practiceChat();
    await chat.say('menu');
    const intro = texts(await chat.press('Practise with an authenticator'));
    expect(titleOf(chat.card)).toBe(PRACTICE.title);
    expect(intro).toContain('Other account');
    expect(intro).toContain('opens nothing');
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual([PRACTICE.showAccount, PRACTICE.notNow]);

    const replies = await chat.press(PRACTICE.showAccount);
    const card = chat.card;
    expect(titleOf(card)).toBe(PRACTICE.setupTitle);
    const image = walk(card.body).find((e) => e.type === 'Image');
    expect(image?.type === 'Image' && image.url.startsWith('data:image/png;base64,')).toBe(true);
    expect(image?.type === 'Image' && image.altText).toContain('QR code');
    const text = texts(replies);
    expect(text).toContain(PRACTICE.setupKeyLabel);
    expect(text).toContain(PRACTICE_ACCOUNT.issuer);
    expect(text).toContain(PRACTICE_ACCOUNT.account);
    expect(text).toContain('opens nothing');
    expect(secretOnCard(card)).toMatch(/^[A-Z2-7]{32}$/);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
    // The secret stays out of the fallback text (Teams shows it in notification previews).
    expect(card.fallbackText.replace(/\s+/g, '')).not.toContain(secretOnCard(card));
  });

  it('gives every practice account its own secret', async () => {
    const a = await startPractice(practiceChat().chat);
    const b = await startPractice(practiceChat().chat);
    expect(a).not.toBe(b);
  });
});

describe('practice: checking typed codes with a controlled clock', () => {
  it.each([
    ['now', 0],
    ['30 seconds behind', -30 * SECOND],
    ['30 seconds ahead', 30 * SECOND],
  ])('a code from a phone %s is accepted', async (_label, offset) => {
    const { chat, now } = practiceChat();
    const secret = await startPractice(chat);
    const replies = await chat.say(phoneCode(secret, now() + offset));
    expect(titleOf(chat.card)).toBe(PRACTICE.success.title);
    expect(texts(replies)).toContain('With NHSmail it works the same way');
    expect(buttonsOf(chat.card).map((b) => b.title)).toEqual([PRACTICE.removeNext]);
  });

  it.each([
    ['3 minutes fast', 3 * MINUTE, 'about 3 minutes fast'],
    ['2 minutes slow', -2 * MINUTE, 'about 2 minutes slow'],
  ])('a phone %s gets the clock diagnosis with direction and size', async (_label, offset, expected) => {
    const { chat, now } = practiceChat();
    const secret = await startPractice(chat);
    const replies = await chat.say(phoneCode(secret, now() + offset));
    const text = texts(replies);
    expect(titleOf(chat.card)).toBe(PRACTICE.clockOff.title);
    expect(text).toContain(expected);
    expect(text).toContain('iPhone');
    expect(text).toContain('Set Automatically');
    expect(text).toContain('Android');
    expect(text).toContain('automatic');
    expect(text).toContain('4 tries left');
    // With the clock set right, a fresh code now works against the same practice account.
    await chat.say(phoneCode(secret, now()));
    expect(titleOf(chat.card)).toBe(PRACTICE.success.title);
  });

  it('after a success the clock can be checked again with the same practice entry, without adding it again', async () => {
    const { chat, now, advance } = practiceChat();
    const secret = await startPractice(chat);
    let text = texts(await chat.say(phoneCode(secret, now())));
    expect(titleOf(chat.card)).toBe(PRACTICE.success.title);
    expect(text).toContain('Type a fresh code from the same practice entry here');
    expect(text).toContain('4 tries');
    // Two minutes later the phone's clock has drifted 3 minutes fast: the same entry's code shows it.
    advance(2 * MINUTE);
    text = texts(await chat.say(phoneCode(secret, now() + 3 * MINUTE)));
    expect(titleOf(chat.card)).toBe(PRACTICE.clockOff.title);
    expect(text).toContain('about 3 minutes fast');
    // Clock fixed: right again, still the same entry.
    text = texts(await chat.say(phoneCode(secret, now())));
    expect(titleOf(chat.card)).toBe(PRACTICE.success.title);
    expect(text).toContain('2 tries');
    expect(text).not.toContain(PRACTICE.notChecking);
  });

  it('a code from another account gets the no-match advice', async () => {
    const { chat, now } = practiceChat();
    const secret = await startPractice(chat);
    const text = texts(await chat.say(wrongCode(secret, now())));
    expect(titleOf(chat.card)).toBe(PRACTICE.noMatch.title);
    expect(text).toContain('A space or a dash in the middle is fine');
    expect(text).toContain(`reading the code from the \\"${PRACTICE_ACCOUNT.issuer}\\" entry`);
    expect(text).toContain('fresh code');
  });

  it('accepts the code typed with a space, or inside a sentence', async () => {
    const shapes = [(c: string) => `${c.slice(0, 3)} ${c.slice(3)}`, (c: string) => `the code is ${c}`, (c: string) => `${c.slice(0, 3)}-${c.slice(3)}`];
    for (const shape of shapes) {
      const { chat, now } = practiceChat();
      const secret = await startPractice(chat);
      await chat.say(shape(phoneCode(secret, now())));
      expect(titleOf(chat.card)).toBe(PRACTICE.success.title);
    }
  });

  it('digits that are not a 6-digit code get a short reply and use up no try', async () => {
    const { chat, now } = practiceChat();
    const secret = await startPractice(chat);
    for (const typed of ['12345', '1234567', 'step 5']) {
      const replies = await chat.say(typed);
      expect(replies).toHaveLength(1);
      expect(replies[0]?.text).toBe(PRACTICE.notACode);
    }
    expect(texts(await chat.say(wrongCode(secret, now())))).toContain('4 tries left');
  });

  it('text without digits in the code step gets a re-prompt about the code', async () => {
    const { chat } = practiceChat();
    await startPractice(chat);
    const replies = await chat.say('purple elephant');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain('Type the 6-digit code from the "MFA Practice" entry');
    expect(replies[0]?.text).toContain("New practice account or I've finished practising");
  });

  it('a code typed before the practice account is shown is not checked', async () => {
    const { chat } = practiceChat();
    await chat.say('menu');
    await chat.press('Practise with an authenticator');
    const replies = await chat.say('123456');
    expect(replies.map((r) => r.text)).toEqual([PRACTICE.notYet]);
    expect(titleOf(chat.card)).toBe(PRACTICE.title);
  });
});

describe('practice: limits', () => {
  it('allows at most 5 tries, then offers a new practice account with a new secret', async () => {
    const { chat, now } = practiceChat();
    const secret = await startPractice(chat);
    for (let i = 1; i <= 4; i++) {
      const text = texts(await chat.say(wrongCode(secret, now())));
      expect(text).toContain(`${5 - i} tr`);
    }
    const fifth = texts(await chat.say(wrongCode(secret, now())));
    expect(fifth).toContain(PRACTICE.outOfTries.text);
    expect(buttonsOf(chat.card)[0]?.title).toBe(PRACTICE.startAgain);
    expect(chat.stored()).not.toContain(secret);

    // Even the right code is no longer checked: the secret is gone.
    const after = await chat.say(phoneCode(secret, now()));
    expect(after.map((r) => r.text)).toEqual([PRACTICE.notChecking]);

    const restart = await chat.press(PRACTICE.startAgain);
    expect(texts(restart)).toContain(PRACTICE.restarted);
    const fresh = secretOnCard(chat.card);
    expect(fresh).not.toBe(secret);
    expect(texts(restart)).toContain('5 tries left');
    await chat.say(phoneCode(fresh, now()));
    expect(titleOf(chat.card)).toBe(PRACTICE.success.title);
  });

  it('a practice account expires after 15 minutes', async () => {
    const { chat, now, advance } = practiceChat();
    const secret = await startPractice(chat);
    advance(14 * MINUTE + 59 * SECOND);
    await chat.say(wrongCode(secret, now()));
    expect(texts([{ card: chat.card }])).toContain('about a minute before this practice account expires');
    advance(2 * SECOND);
    const replies = await chat.say(phoneCode(secret, now()));
    expect(titleOf(chat.card)).toBe(PRACTICE.endedTitle.expired);
    expect(texts(replies)).toContain(PRACTICE.expired.text);
    expect(buttonsOf(chat.card).map((b) => b.title)).toContain(PRACTICE.startAgain);
    expect(chat.stored()).not.toContain(secret);
    await chat.press(PRACTICE.startAgain);
    const fresh = secretOnCard(chat.card);
    await chat.say(phoneCode(fresh, now()));
    expect(titleOf(chat.card)).toBe(PRACTICE.success.title);
  });

  it('"continue" after the 15 minutes shows the expired card, not a stale set-up card', async () => {
    const { chat, advance } = practiceChat();
    await startPractice(chat);
    advance(16 * MINUTE);
    await chat.say('continue');
    expect(titleOf(chat.card)).toBe(PRACTICE.endedTitle.expired);
  });
});

describe('practice: the secret lives only in conversation state, for the practice only', () => {
  it('is in state during the practice (a success keeps it, to check again) and gone once the user is done', async () => {
    const { chat, now } = practiceChat();
    const secret = await startPractice(chat);
    expect(chat.stored()).toContain(secret);
    await chat.say(phoneCode(secret, now()));
    expect(titleOf(chat.card)).toBe(PRACTICE.success.title);
    expect(chat.stored()).toContain(secret);
    const replies = await chat.press(PRACTICE.removeNext);
    expect(titleOf(chat.card)).toBe(PRACTICE.remove.title);
    expect(texts(replies)).toContain('Remove account');
    expect(chat.stored()).not.toContain(secret);
    expect(chat.stored()).not.toContain('"practice"');
  });

  it('is gone after "I\'ve finished practising" and after "cancel"', async () => {
    for (const end of ['finished', 'cancel'] as const) {
      const { chat } = practiceChat();
      const secret = await startPractice(chat);
      expect(chat.stored()).toContain(secret);
      const replies = end === 'finished' ? await chat.press(PRACTICE.done) : await chat.say('cancel');
      if (end === 'cancel') expect(texts(replies)).toContain(PRACTICE.stopped);
      else expect(titleOf(chat.card)).toBe(PRACTICE.remove.title);
      expect(chat.stored()).not.toContain(secret);
    }
  });

  it('is gone when the user goes back to the menu mid-practice', async () => {
    const { chat } = practiceChat();
    const secret = await startPractice(chat);
    await chat.say('menu');
    expect(chat.stored()).not.toContain(secret);
  });
});

describe('practice: typed codes are never repeated or passed on', () => {
  it('no reply contains a code the user typed, and free-text understanding never sees one', async () => {
    const seen: string[] = [];
    const understander: Understander = {
      understand: async (_context, text) => {
        seen.push(text);
        return { kind: 'none' };
      },
      answer: async () => ({ kind: 'none' }),
    };
    const { chat, now } = practiceChat({ understander });
    const secret = await startPractice(chat);
    const typed = [
      wrongCode(secret, now()),
      phoneCode(secret, now() + 3 * MINUTE),
      phoneCode(secret, now() - 2 * MINUTE),
      `my code is ${wrongCode(secret, now() + MINUTE)}`,
      '12345',
      '9876543',
      phoneCode(secret, now()),
    ];
    for (const text of typed) {
      const replies = await chat.say(text);
      const digits = text.replace(/\D/g, '');
      for (const r of replies) {
        expect(r.text ?? '').not.toContain(digits);
        if (r.card !== undefined) expect(JSON.stringify(r.card)).not.toContain(digits);
      }
    }
    expect(titleOf(chat.card)).toBe(PRACTICE.success.title);
    expect(seen).toEqual([]);
    for (const text of typed) expect(chat.stored()).not.toContain(text.replace(/\D/g, ''));
  });
});

describe('practice: help, cancel, stale buttons', () => {
  it('help says where you are and keeps the place', async () => {
    const { chat, now } = practiceChat();
    const secret = await startPractice(chat);
    expect(texts(await chat.say('help'))).toContain(HELP.practice);
    await chat.say(phoneCode(secret, now()));
    expect(titleOf(chat.card)).toBe(PRACTICE.success.title);
  });

  it('"Not now" on the intro stops without making a secret', async () => {
    const { chat } = practiceChat();
    await chat.say('menu');
    await chat.press('Practise with an authenticator');
    expect(texts(await chat.press(PRACTICE.notNow))).toContain("I've stopped that");
    expect(chat.stored()).not.toContain('"session"');
  });

  it('a button pressed on an earlier practice card is recognised as stale', async () => {
    const { chat, now } = practiceChat();
    const secret = await startPractice(chat);
    const setup = chat.card;
    await chat.say(wrongCode(secret, now()));
    const replies = await chat.press(PRACTICE.startAgain, setup);
    expect(texts(replies)).toContain('That button is from an earlier card');
    expect(titleOf(chat.card)).toBe(PRACTICE.noMatch.title);
    // Nothing changed: the same secret is still being checked.
    await chat.say(phoneCode(secret, now()));
    expect(titleOf(chat.card)).toBe(PRACTICE.success.title);
  });

  it('a button from a finished practice does not jump anywhere', async () => {
    const { chat } = practiceChat();
    await startPractice(chat);
    const setup = chat.card;
    await chat.press(PRACTICE.done);
    const replies = await chat.press(PRACTICE.startAgain, setup);
    expect(texts(replies)).toContain('That button is from an earlier card');
    expect(titleOf(chat.card)).toBe("Hello, I'm the MFA Assistant");
  });

  it('in Teams, pressing a button updates the practice card in place', async () => {
    const { chat } = practiceChat({ channelId: 'msteams' });
    await chat.say('menu');
    await chat.press('Practise with an authenticator');
    const replies = await chat.press(PRACTICE.showAccount);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.updated).toBe(true);
    expect(titleOf(replies[0]?.card)).toBe(PRACTICE.setupTitle);
  });
});

describe('practice: ways in and ways back', () => {
  it('"Practise first?" on enrolment step 5 opens the practice, and the last card leads back to step 5', async () => {
    const { chat } = practiceChat();
    await chat.say('menu');
    await chat.press('Set up MFA');
    for (let i = 0; i < 4; i++) await chat.press('Next');
    expect(titleOf(chat.card)).toBe('Choose how you will receive MFA');
    await chat.press(PRACTICE.practiseFirst);
    expect(titleOf(chat.card)).toBe(PRACTICE.title);
    await chat.press(PRACTICE.showAccount);
    await chat.press(PRACTICE.done);
    const replies = await chat.press(PRACTICE.backToEnrol);
    expect(texts(replies)).toContain('pick up at step 5');
    expect(titleOf(chat.card)).toBe('Choose how you will receive MFA');
  });

  it('the next-sign-in card offers the practice too', async () => {
    const { chat } = practiceChat();
    await chat.say('menu');
    await chat.press('Set up MFA');
    for (let i = 0; i < 5; i++) await chat.press('Next');
    expect(titleOf(chat.card)).toBe('What happens at your next sign-in');
    await chat.press(PRACTICE.practiseFirst);
    expect(titleOf(chat.card)).toBe(PRACTICE.title);
  });

  it('"My code is not accepted" offers a practice that checks the clock, and a way back', async () => {
    const { chat, now } = practiceChat();
    await chat.say('menu');
    await chat.press('Fix a problem');
    await chat.press('My code is not accepted');
    await chat.press('Still stuck');
    expect(buttonsOf(chat.card).map((b) => b.title)).toContain(PRACTICE.practiseClock);
    await chat.press(PRACTICE.practiseClock);
    expect(titleOf(chat.card)).toBe(PRACTICE.title);
    await chat.press(PRACTICE.showAccount);
    const secret = secretOnCard(chat.card);
    await chat.say(phoneCode(secret, now() + 4 * MINUTE));
    expect(texts([{ card: chat.card }])).toContain('about 4 minutes fast');
    await chat.press(PRACTICE.done);
    await chat.press(PRACTICE.backToTrouble);
    expect(titleOf(chat.card)).toBe("Check the phone's clock");
  });

  it('other problems do not offer the practice', async () => {
    const { chat } = practiceChat();
    await chat.say('menu');
    await chat.press('Fix a problem');
    await chat.press('No text, call or notification');
    expect(buttonsOf(chat.card).map((b) => b.title)).not.toContain(PRACTICE.practiseClock);
  });

  it('the open action (used by buttons and, later, phrases) starts it', async () => {
    const { chat } = practiceChat();
    await chat.send({ action: 'open', conversation: 'practice' });
    expect(titleOf(chat.card)).toBe(PRACTICE.title);
  });
});

describe('practice: only in a one-to-one chat', () => {
  it('in a team channel it points to a personal chat instead of showing a practice account', async () => {
    const chat = TestChat.start({ conversationType: 'channel' });
    const replies = await chat.send({ action: 'open', conversation: 'practice' });
    expect(replies.map((r) => r.text).join(' ')).toContain('one-to-one chat');
    expect(replies.some((r) => r.card !== undefined)).toBe(false);
  });
});
