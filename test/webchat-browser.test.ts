import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INTENT_ANSWERS } from '../src/content/answers.js';
import { CONTACTS } from '../src/content/contacts.js';
import { ENROLMENT_STEPS } from '../src/content/enrolment.js';
import { FEEDBACK } from '../src/content/feedback.js';
import { CHOOSER_QUESTIONS, recommend } from '../src/content/methods.js';
import { ESCALATION, PROBLEMS } from '../src/content/troubleshooting.js';
import { MENU, WORDS } from '../src/content/ui.js';
import { axeViolations } from './support/axe.js';
import { openAllToggles, PHONE_VIEWPORT, sidewaysProblems } from './support/phone.js';
import { launchChromium } from './support/chromium.js';
import { allProblems, openWatchedPage } from './support/page.js';
import { startServer, type RunningServer } from './support/server.js';
import { SCREENSHOT_DIR, shownText, WebChatPage } from './support/webchat.js';

/**
 * The bot through Microsoft's Web Chat in Chromium, against the real server: every card is
 * rendered by Web Chat's Adaptive Cards renderer and every button press is sent the way Web Chat
 * sends it. One browser for the file; each test gets a fresh page (a new conversation) and fails if
 * the page shows any console error, uncaught exception or failed request.
 *
 * To add a conversation: one more `it(...)` that opens `chat()`, presses and types, and screenshots.
 */
let browser: Browser;

beforeAll(async () => {
  // No Chromium → this throws saying how to install it, and every test below fails (never skipped).
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('Web Chat at /chat, in Chromium', () => {
  let server: RunningServer;
  let current: WebChatPage | undefined;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  afterEach(async () => {
    const page = current;
    current = undefined;
    if (page === undefined) return;
    const problems = page.problems();
    await page.close();
    expect(problems, 'errors shown by Web Chat or our page').toEqual([]);
  });

  /** Opens /chat for this test (at desktop size unless told) and waits for the welcome card. */
  async function chat(name: string, viewport?: { readonly width: number; readonly height: number }): Promise<WebChatPage> {
    current = await WebChatPage.open(browser, server.url, name, viewport === undefined ? {} : { viewport });
    await current.waitForCard(MENU.title);
    return current;
  }

  it('opening /chat shows the welcome card, rendered by Web Chat, with the menu buttons', async () => {
    const c = await chat('welcome');
    const card = c.lastCard;
    await card.getByText(shownText(MENU.intro)).waitFor();
    for (const entry of MENU.entries) expect(await c.button(entry.label).isVisible()).toBe(true);
    expect(await c.cards.count()).toBe(1);
    // Screen readers hear the bot's name, not its initials.
    expect(await c.page.getByText('MFA Assistant said:').count()).toBeGreaterThan(0);
    expect(await c.page.title()).toContain('MFA Assistant');
    await c.screenshot('welcome');
  });

  it('axe-core finds no WCAG 2.1 A/AA or best-practice problems in Web Chat with our styling', async () => {
    const c = await chat('accessibility');
    await c.press('Set up MFA');
    await c.waitForCard('Step 1 of');
    expect(await axeViolations(c.page)).toEqual([]);
  });

  it('walks the enrolment steps to "Step 5 of 5" and back by clicking the card buttons', async () => {
    const c = await chat('enrolment');
    await c.press('Set up MFA');
    const total = ENROLMENT_STEPS.length;
    for (const [i, step] of ENROLMENT_STEPS.entries()) {
      await c.waitForCard(`Step ${i + 1} of ${total}`, step.title);
      await c.screenshot(`step ${i + 1}`);
      if (i < total - 1) await c.press(WORDS.next);
    }
    for (let n = total - 1; n >= 1; n--) {
      await c.press(WORDS.back);
      await c.waitForCard(`Step ${n} of ${total}`, ENROLMENT_STEPS[n - 1]?.title ?? '');
      await c.screenshot(`back to step ${n}`);
    }
    // Step 1 has nowhere to go back to.
    expect(await c.button(WORDS.back).count()).toBe(0);
    expect(await c.button(WORDS.next).isVisible()).toBe(true);
  });

  it('the guided chooser asks its questions and recommends a method', async () => {
    const c = await chat('method chooser');
    await c.press('Choose a method');
    await c.waitForCard(WORDS.guideMe);
    await c.screenshot('methods');
    await c.press(WORDS.guideMe);

    const answers = { smartphone: true, installApp: false, signal: true } as const;
    for (const [question, answer] of [
      ['smartphone', answers.smartphone],
      ['installApp', answers.installApp],
      ['signal', answers.signal],
    ] as const) {
      await c.waitForCard(CHOOSER_QUESTIONS[question].text);
      await c.screenshot(question);
      await c.press(answer ? WORDS.yes : WORDS.no);
    }
    const suggestion = recommend(answers);
    await c.waitForCard(suggestion.title, suggestion.reason.slice(0, 40));
    await c.screenshot('recommendation');
  });

  it('a troubleshooting path ends in the escalation card', async () => {
    const c = await chat('troubleshooting');
    await c.press('Fix a problem');
    const problem = PROBLEMS.code_rejected;
    await c.waitForCard(problem.label);
    await c.screenshot('problems');
    await c.press(problem.label);
    for (const [i, step] of problem.steps.entries()) {
      await c.waitForCard(`Step ${i + 1} of ${problem.steps.length}`, step.title);
      await c.screenshot(`step ${i + 1}`);
      await c.press(WORDS.stillStuck);
    }
    const card = await c.waitForCard(ESCALATION.title, CONTACTS.helpdesk.phone, CONTACTS.helpdesk.email);
    expect(await card.getByText('Local Administrator').count()).toBeGreaterThan(0);
    expect(await c.button(WORDS.giveFeedback).isVisible()).toBe(true);
    await c.screenshot('escalation');
  });

  it('a free question typed in the send box is answered from the content', async () => {
    const c = await chat('free question');
    await c.type('what is the number I have to type into the app?');
    await c.waitForCard(INTENT_ANSWERS['signin.number_match'].title, 'Source:');
    await c.screenshot('answer');
    await c.type('I got a new phone');
    await c.waitForCard('Still have the old phone?');
    await c.screenshot('conversation started');
    // A near miss, with no conversation running: the closest topic is offered as a button, and pressing it answers.
    await c.type('menu');
    await c.waitForCard(MENU.title);
    await c.type('is it needed on my hols');
    await c.waitForCard('Not sure I understood', INTENT_ANSWERS['travel.abroad'].title);
    await c.screenshot('near miss');
    await c.press(INTENT_ANSWERS['travel.abroad'].title);
    await c.waitForCard('Already abroad and locked out?');
  });

  it('gives feedback end to end: questions, the text typed into the card, the summary, Send and the reference', async () => {
    const c = await chat('feedback');
    await c.press(WORDS.giveFeedback);
    await c.waitForCard(FEEDBACK.topicQuestion, FEEDBACK.progress(1, 4));
    await c.screenshot('topic');
    await c.press('Authenticator app');
    await c.waitForCard(FEEDBACK.ratingQuestion);
    await c.screenshot('rating');
    await c.press('4');
    await c.waitForCard(FEEDBACK.textQuestion);
    await c.lastCard.getByRole('textbox', { name: FEEDBACK.textLabel }).fill('The code 123456 was refused until I fixed the clock.');
    await c.screenshot('text');
    await c.press(FEEDBACK.next);
    await c.page.getByText(shownText('To keep you safe, I removed a verification code')).first().waitFor();
    await c.waitForCard(FEEDBACK.roleQuestion);
    await c.press('Pharmacist');
    const summary = await c.waitForCard(FEEDBACK.summaryTitle, 'The code [code removed] was refused until I fixed the clock.', FEEDBACK.contactValue.notHere);
    expect(await summary.getByText('123456').count()).toBe(0);
    await c.screenshot('summary');
    await c.press(FEEDBACK.send);
    const thanks = await c.waitForCard(FEEDBACK.thanksTitle, FEEDBACK.referenceLabel);
    const reference = await thanks.getByText(/^FB-[2-9A-Z]{4}$/).textContent();
    expect(reference).toMatch(/^FB-[2-9A-HJ-NP-TV-Z]{4}$/);
    await c.screenshot('thanks');
    const stored = (await server.app.feedback.outbox.feedbackBetween(0, Number.MAX_SAFE_INTEGER)).find((i) => i.reference === reference);
    expect(stored).toMatchObject({ category: 'authenticator app', rating: 4, role: 'pharmacist', text: 'The code [code removed] was refused until I fixed the clock.', channel: expect.any(String) });
  });

  it('on a phone (390×844) cards fit the screen: buttons wrap, nothing sticks out sideways, no word is broken', async () => {
    const c = await chat('phone', PHONE_VIEWPORT);
    expect(await sidewaysProblems(c.page, '.webchat__basic-transcript')).toEqual([]);
    const answer = INTENT_ANSWERS['signin.number_match'];
    await c.type('what is the number I have to type into the app?');
    await c.waitForCard(answer.title, WORDS.more);
    // Every button of the answer is on screen (none cut off at the end of one long row).
    const buttons = c.page.locator('.webchat__basic-transcript .ac-adaptiveCard').last().getByRole('button');
    expect(await buttons.count()).toBeGreaterThan(2);
    for (const right of await buttons.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) {
      expect(right).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    }
    await c.press(WORDS.more);
    await c.page.getByText(shownText(answer.paragraphs[1] ?? '')).waitFor();
    expect(await sidewaysProblems(c.page, '.webchat__basic-transcript')).toEqual([]);
    await c.type('why do I need MFA');
    await c.waitForCard('Yes, MFA is mandatory');
    expect(await openAllToggles(c.page)).toBeGreaterThan(0);
    await c.page.getByText('19 August to 2 September 2024').waitFor();
    expect(await sidewaysProblems(c.page, '.webchat__basic-transcript')).toEqual([]);
    await c.type('menu');
    await c.waitForCard(MENU.title);
    await c.type('is it needed on my hols');
    await c.waitForCard('Not sure I understood', 'Something else');
    expect(await sidewaysProblems(c.page, '.webchat__basic-transcript')).toEqual([]);
    // Urgent first: the first reply about a lost phone carries the helpdesk number and the 24-hour exception.
    await c.type('I lost my phone');
    await c.waitForCard(CONTACTS.helpdesk.phone, '24-hour exception');
    expect(await sidewaysProblems(c.page, '.webchat__basic-transcript')).toEqual([]);
    await c.lastCard.scrollIntoViewIfNeeded();
    await c.page.screenshot({ path: 'docs/phone-chat.png' });
  }, 60_000);

  it('typing in the send box works: "menu" brings the menu back', async () => {
    const c = await chat('typing');
    await c.press('Set up MFA');
    await c.waitForCard('Step 1 of');
    await c.type('menu');
    await c.waitForCard(MENU.title);
    expect(await c.cards.count()).toBe(3);
    await c.screenshot('menu again');
  });
});

describe('/chat never opens the bridge when the bot has credentials or DEV_CHAT=false', () => {
  it.each([
    ['credentials', { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' }, 'Microsoft App ID'],
    ['dev-chat-false', { DEV_CHAT: 'false' }, 'DEV_CHAT=false'],
  ])('%s: a plain page about the Web Chat channel, no Web Chat, no request to the bot', async (name, env, reason) => {
    const server = await startServer(env);
    const watched = await openWatchedPage(browser);
    const requests: string[] = [];
    watched.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    try {
      const response = await watched.page.goto(`${server.url}/chat`);
      expect(response?.status()).toBe(200);
      await watched.page.getByRole('heading', { name: 'Chat with the bot in a web page' }).waitFor();
      expect(await watched.page.getByText(reason).count()).toBeGreaterThan(0);
      expect(await watched.page.getByText('Direct Line token').count()).toBeGreaterThan(0);
      expect(await watched.page.locator('script').count()).toBe(0);
      expect(await watched.page.locator('.webchat__basic-transcript').count()).toBe(0);
      expect(requests).toEqual(['/chat']);
      expect(allProblems(watched.problems)).toEqual([]);
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await watched.page.screenshot({ path: `${SCREENSHOT_DIR}/bridge-off-${name}.png` });
    } finally {
      await watched.close();
      await server.close();
    }
  });
});
