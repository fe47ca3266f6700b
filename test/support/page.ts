import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * Watched pages for the browser tests and the screenshot scripts: every page of a watched context
 * has its console errors, uncaught exceptions and failed requests recorded, and is kept on this
 * machine: loopback, data: and blob: requests go through; TeamsJS's request for its list of valid
 * host origins is answered locally; anything else is blocked and recorded too.
 */

/** What went wrong in the pages of a context. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
  /** Requests to anywhere but this machine, which were blocked (they fail too). */
  readonly blockedRequests: string[];
}

/** Every problem recorded, as one list (empty when all went well). */
export function allProblems(problems: PageProblems): string[] {
  return [
    ...problems.consoleErrors,
    ...problems.pageErrors,
    ...problems.failedRequests,
    ...problems.blockedRequests.map((url) => `blocked, not on this machine: ${url}`),
  ];
}

/** Empties the lists (between tests that share a context). */
export function forgetProblems(problems: PageProblems): void {
  problems.consoleErrors.length = 0;
  problems.pageErrors.length = 0;
  problems.failedRequests.length = 0;
  problems.blockedRequests.length = 0;
}

/** A browser context whose every page is watched; one per test file or per test. */
export interface WatchedContext {
  readonly context: BrowserContext;
  readonly problems: PageProblems;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** One watched page in a context of its own. */
export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: PageProblems;
  close(): Promise<void>;
}

export interface WatchOptions {
  /** 1000×800 unless given. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

const TEAMSJS_VALID_ORIGINS = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

function watchPage(page: Page, problems: PageProblems): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(`${error.name}: ${error.message}`));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
}

/** A new, isolated context (en-GB, no service workers) that keeps to this machine and watches every page it opens. */
export async function openWatchedContext(browser: Browser, options: WatchOptions = {}): Promise<WatchedContext> {
  const viewport = options.viewport ?? { width: 1000, height: 800 };
  const context = await browser.newContext({ viewport: { ...viewport }, locale: 'en-GB', serviceWorkers: 'block' });
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], blockedRequests: [] };

  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || isLoopback(url)) return route.continue();
    if (url.href === TEAMSJS_VALID_ORIGINS) {
      return route.fulfill({ json: { validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com', '*.cloud.microsoft'] } });
    }
    problems.blockedRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => watchPage(page, problems));

  return { context, problems, newPage: () => context.newPage(), close: () => context.close() };
}

/** A page in a new watched context (see openWatchedContext); closing it closes the context. */
export async function openWatchedPage(browser: Browser, options: WatchOptions = {}): Promise<WatchedPage> {
  const watched = await openWatchedContext(browser, options);
  const page = await watched.newPage();
  return { context: watched.context, page, problems: watched.problems, close: watched.close };
}
