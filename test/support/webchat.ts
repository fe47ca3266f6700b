import { mkdir, rm } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { allProblems, openWatchedPage, type WatchOptions, type WatchedPage } from './page.js';

/** Where browser tests leave their screenshots (gitignored). */
export const SCREENSHOT_DIR = 'test-results/webchat';

/** How long to wait for the bot's answer to appear in Web Chat. */
const ANSWER_TIMEOUT_MS = 15_000;

/**
 * Matches text as Web Chat shows it: its Markdown renderer turns straight quotes into curly ones
 * ("I'm" is shown as "I’m"), so either kind matches.
 */
export function shownText(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/'/g, "['‘’]").replace(/"/g, '["“”]'));
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/**
 * The /chat page in Chromium, driven the way a person would: read the newest card Web Chat has
 * rendered, click its buttons, type in the send box. Every step can be screenshotted.
 */
export class WebChatPage {
  private shots = 0;

  private constructor(
    private readonly watched: WatchedPage,
    private readonly screenshotDir: string,
  ) {}

  static async open(browser: Browser, url: string, name: string, options: WatchOptions = {}): Promise<WebChatPage> {
    const screenshotDir = `${SCREENSHOT_DIR}/${slug(name)}`;
    await rm(screenshotDir, { recursive: true, force: true });
    await mkdir(screenshotDir, { recursive: true });
    const watched = await openWatchedPage(browser, options);
    await watched.page.goto(`${url}/chat`);
    return new WebChatPage(watched, screenshotDir);
  }

  get page(): Page {
    return this.watched.page;
  }

  /** Console errors, uncaught exceptions, failed and blocked requests so far. */
  problems(): string[] {
    return allProblems(this.watched.problems);
  }

  /** Every Adaptive Card Web Chat has rendered, oldest first. */
  get cards(): Locator {
    return this.page.locator('.webchat__basic-transcript .ac-adaptiveCard');
  }

  /** The newest card (re-evaluated on every use). */
  get lastCard(): Locator {
    return this.cards.last();
  }

  /** Waits until the newest card shows all of these texts; returns it. */
  async waitForCard(...texts: string[]): Promise<Locator> {
    for (const text of texts) await this.lastCard.getByText(shownText(text)).first().waitFor({ timeout: ANSWER_TIMEOUT_MS });
    return this.lastCard;
  }

  /** A button on the newest card, by its accessible name. */
  button(title: string): Locator {
    return this.lastCard.getByRole('button', { name: new RegExp(`^${shownText(title).source}$`) });
  }

  /** Clicks a button on the newest card (the one a person would be looking at). */
  async press(title: string): Promise<void> {
    await this.button(title).click({ timeout: ANSWER_TIMEOUT_MS });
  }

  /** Types into Web Chat's send box and sends with Enter, as a person would. */
  async type(text: string): Promise<void> {
    const box = this.page.getByRole('textbox');
    await box.fill(text);
    await box.press('Enter');
  }

  /** Saves a screenshot of the page as test-results/webchat/<test>/<nn>-<label>.png. */
  async screenshot(label: string): Promise<string> {
    this.shots += 1;
    const path = `${this.screenshotDir}/${String(this.shots).padStart(2, '0')}-${slug(label)}.png`;
    await this.lastCard.scrollIntoViewIfNeeded();
    await this.page.screenshot({ path });
    return path;
  }

  close(): Promise<void> {
    return this.watched.close();
  }
}
