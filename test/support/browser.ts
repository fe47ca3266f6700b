/**
 * The browser session of the tab tests: one Chromium (test/support/chromium.ts) with one context
 * whose pages are all watched for problems (console errors, uncaught exceptions, failed requests)
 * and kept on this machine: loopback requests go through; TeamsJS's request for its list of valid
 * host origins is answered locally; anything else is blocked and recorded.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, noProblems, watchPage, type PageProblems } from './chromium.js';

export interface BrowserSession {
  readonly context: BrowserContext;
  /** What went wrong in any page of the session. */
  readonly problems: PageProblems;
  /** Requests to anywhere but this machine, which were blocked. */
  readonly blockedRequests: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const TEAMSJS_VALID_ORIGINS = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

export async function openBrowser(viewport = { width: 1024, height: 900 }): Promise<BrowserSession> {
  const browser: Browser = await launchChromium();
  const context = await browser.newContext({ viewport, locale: 'en-GB', serviceWorkers: 'block' });
  const problems = noProblems();
  const blockedRequests: string[] = [];

  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || isLoopback(url)) return route.continue();
    if (url.href === TEAMSJS_VALID_ORIGINS) {
      return route.fulfill({ json: { validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com', '*.cloud.microsoft'] } });
    }
    blockedRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => watchPage(page, problems));

  return {
    context,
    problems,
    blockedRequests,
    newPage: () => context.newPage(),
    close: () => browser.close(),
  };
}
