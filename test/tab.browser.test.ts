import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTab } from '../scripts/lib/buildTab.js';
import { cardCount as fixtureCardCount } from './fixtures/tabGuide.js';

const guide = buildGuide();
const cardCount = guide.sections.reduce((n, s) => n + s.cards.length, 0);
import { axeViolations } from './support/axe.js';
import { openAllToggles, PHONE_VIEWPORT, sidewaysProblems } from './support/phone.js';
import { launchChromium } from './support/chromium.js';
import { allProblems, forgetProblems, openWatchedContext, type WatchedContext } from './support/page.js';
import { startServer, type RunningServer } from './support/server.js';
import { startTabFixtureServer, type RunningServer as FixtureServer } from './support/tabFixtureServer.js';
import { buildGuide } from '../src/cards/guide.js';
import { INTENT_ANSWERS } from '../src/content/answers.js';

let tabDir: string;
/** The bot's real server, serving the tab, /api/guide and /api/ask. */
let server: RunningServer;
/** A stand-in that also serves a fake Teams host page framing the tab from the same origin. */
let teamsHostServer: FixtureServer;
let browser: Browser;
/** One watched context for the file: every page's problems, and any request that would leave this machine. */
let watched: WatchedContext;
const pages: Page[] = [];

beforeAll(async () => {
  tabDir = mkdtempSync(join(tmpdir(), 'mfa-tab-'));
  await buildTab(tabDir);
  server = await startServer({}, { tabDir });
  teamsHostServer = await startTabFixtureServer(tabDir);
  browser = await launchChromium();
  watched = await openWatchedContext(browser, { viewport: { width: 1024, height: 900 } });
});

afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
  forgetProblems(watched.problems);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await teamsHostServer?.close();
  rmSync(tabDir, { recursive: true, force: true });
});

/** Opens the tab as a plain web page and waits until it has finished starting. */
async function openTab(query = ''): Promise<Page> {
  const page = await watched.newPage();
  pages.push(page);
  await page.goto(`${server.url}/tab${query}`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  return page;
}

describe('the MFA guide tab, outside Teams', () => {
  it('loads as a plain web page with every card rendered and no console error', async () => {
    const page = await openTab();
    expect(await page.getAttribute('html', 'data-ready')).toBe('browser');
    expect(await page.locator('.guide-section h2').allTextContents()).toEqual(guide.sections.map((s) => s.title));
    await expect.poll(() => page.locator('.card .ac-adaptiveCard').count()).toBe(cardCount);
    for (let step = 1; step <= 5; step++) {
      await page.getByText(`Step ${step} of 5`, { exact: true }).waitFor();
    }
    // source links in cards are rendered as links (by their short names), not shown as raw markdown
    expect(await page.locator('#section-enrol a', { hasText: 'MFA guide: Authenticator' }).count()).toBeGreaterThan(0);
    expect(await page.locator('#section-enrol').textContent()).not.toContain('](');
    expect(allProblems(watched.problems)).toEqual([]);
  });

  it('answers a question typed in the search box', async () => {
    const page = await openTab();
    await page.getByLabel('Type your question about MFA').fill('The text never arrives');
    await page.keyboard.press('Enter');
    await page.locator('#ask-answer').getByText(INTENT_ANSWERS['trouble.no_code'].title).waitFor();
    expect(await page.locator('#ask-answer .ac-adaptiveCard').count()).toBe(1);
    expect(allProblems(watched.problems)).toEqual([]);
  });

  it('applies the dark theme from ?theme=dark to the page and the cards', async () => {
    const page = await openTab('?theme=dark');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    const colours = await page.evaluate(`({
      page: getComputedStyle(document.documentElement).backgroundColor,
      card: getComputedStyle(document.querySelector('.card .ac-adaptiveCard')).backgroundColor,
      text: getComputedStyle(document.querySelector('.card .ac-textBlock[role=heading]')).color,
    })`);
    expect(colours).toEqual({ page: 'rgb(31, 31, 31)', card: 'rgb(41, 41, 41)', text: 'rgb(255, 255, 255)' });
  });

  it('follows bot buttons where it can and leaves out those that only work in the chat', async () => {
    const page = await openTab();
    // "Set up MFA" on the methods card opens the enrolment conversation: the tab jumps to that section
    await page.locator('#section-methods').getByRole('button', { name: 'Set up MFA' }).click();
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Set up MFA, step by step');

    // buttons that only mean something inside a chat conversation are not shown in the tab
    expect(await page.locator('#section-enrol').getByRole('button', { name: 'Next' }).count()).toBe(0);
    // "Give feedback" and "Back to menu" on the escalation card belong to the chat
    expect(await page.locator('#section-trouble').getByRole('button', { name: 'Give feedback' }).count()).toBe(0);
    expect(await page.locator('#section-trouble').getByRole('button', { name: 'Back to menu' }).count()).toBe(0);
    // "Did it work?" is asked only where its buttons are
    expect(await page.getByText('Did it work?').count()).toBe(0);
    expect(allProblems(watched.problems)).toEqual([]);
  });

  it('can be used from the keyboard, starting with a skip link', async () => {
    const page = await openTab();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to the guide');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('ask-input');
  });

  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`has no accessibility violation (WCAG 2.1 A/AA, axe best practices) in the ${theme} theme`, async () => {
      const page = await openTab(`?theme=${theme}`);
      await page.getByLabel('Type your question about MFA').fill('no code');
      await page.keyboard.press('Enter');
      await page.locator('#ask-answer .ac-adaptiveCard').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

describe('the MFA guide tab, inside a Teams host', () => {
  it('takes the theme from the Teams context, follows theme changes and reports success', async () => {
    const page = await watched.newPage();
    pages.push(page);
    await page.goto(`${teamsHostServer.url}/fake-teams-host?theme=dark`);
    const tab = page.frameLocator('iframe');
    await tab.locator('html[data-ready]').waitFor({ state: 'attached' });
    expect(await tab.locator('html').getAttribute('data-ready')).toBe('teams');
    expect(await tab.locator('html').getAttribute('data-theme')).toBe('dark');
    await expect.poll(() => page.evaluate('window.received')).toContain('appInitialization.success');
    expect(await tab.locator('.card .ac-adaptiveCard').count()).toBe(fixtureCardCount);

    await page.evaluate("window.sendThemeChange('contrast')");
    await expect.poll(() => tab.locator('html').getAttribute('data-theme')).toBe('contrast');
    expect(allProblems(watched.problems)).toEqual([]);
  });
});

describe('the MFA guide tab on a phone (390×844)', () => {
  let phone: WatchedContext;

  beforeAll(async () => {
    phone = await openWatchedContext(browser, { viewport: PHONE_VIEWPORT });
  });

  afterAll(async () => {
    await phone?.context.close();
  });

  async function openOnPhone(query = ''): Promise<Page> {
    const page = await phone.newPage();
    pages.push(page);
    await page.goto(`${server.url}/tab${query}`);
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('.card .ac-adaptiveCard').count()).toBe(cardCount);
    return page;
  }

  it('the check itself catches a page wider than the screen and a word broken in a narrow column', async () => {
    const page = await phone.newPage();
    pages.push(page);
    await page.setContent('<main><div style="width:600px">wide</div><div style="width:40px;overflow-wrap:anywhere">September</div></main>');
    const problems = await sidewaysProblems(page);
    expect(problems.some((p) => p.startsWith('page scrolls sideways'))).toBe(true);
    expect(problems.some((p) => p.startsWith('past the right edge'))).toBe(true);
    expect(problems.some((p) => p.includes('"September"'))).toBe(true);
  });

  it('nothing is wider than the screen and no word is broken, with every "More" open too', async () => {
    const page = await openOnPhone();
    expect(await sidewaysProblems(page, '#guide')).toEqual([]);
    expect(await openAllToggles(page)).toBeGreaterThan(0);
    expect(await sidewaysProblems(page, '#guide')).toEqual([]);
    await page.locator('#section-why').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/phone-tab-why.png' });
    expect(allProblems(phone.problems)).toEqual([]);
  });

  it('an answer\'s buttons wrap onto more rows, every one on screen; no chat-only button and no empty "Did it work?"', async () => {
    const page = await openOnPhone();
    await page.getByLabel('Type your question about MFA').fill('I lost my phone');
    await page.keyboard.press('Enter');
    const answer = page.locator('#ask-answer .ac-adaptiveCard');
    await answer.getByText(INTENT_ANSWERS['trouble.new_phone'].title).waitFor();
    expect(await sidewaysProblems(page)).toEqual([]);
    const buttons = answer.getByRole('button');
    expect(await buttons.count()).toBeGreaterThan(1);
    for (const box of await buttons.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    await answer.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/phone-tab.png' });
    // The tab leaves out what only works in the chat.
    for (const title of ['Back to menu', 'Give feedback', 'Next', 'I\'m stuck']) expect(await page.getByRole('button', { name: title, exact: true }).count(), title).toBe(0);
    expect(await page.getByText('Did it work?').count()).toBe(0);
    expect(await page.getByText('This button works in the chat with MFA Assistant.').count()).toBe(0);
  });

  it('a near miss offers the closest topics; choosing one opens its answer in place, all on screen', async () => {
    const page = await openOnPhone();
    await page.getByLabel('Type your question about MFA').fill('is it needed on my hols');
    await page.keyboard.press('Enter');
    const answer = page.locator('#ask-answer');
    await answer.getByText('Not sure I understood').waitFor();
    const travel = INTENT_ANSWERS['travel.abroad'];
    const first = (travel.paragraphs[0] ?? '').split('.')[0] ?? '';
    expect(await answer.getByText(first).count()).toBe(0);
    await answer.getByRole('button', { name: travel.title }).click();
    await answer.getByText(first).waitFor();
    // its details are one more tap away, as in every answer
    await answer.getByRole('button', { name: 'More', exact: true }).first().click();
    expect(await sidewaysProblems(page)).toEqual([]);
    for (const box of await answer.getByRole('button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    expect(await page.getByRole('button', { name: 'Something else', exact: true }).count()).toBe(0);
    expect(allProblems(phone.problems)).toEqual([]);
  });
});
