import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core, for tests and scripts that need a real browser.
 * One browser per test file (launch in beforeAll, close in afterAll); a fresh context per test.
 */

/** Flags for a quiet, reproducible headless Chromium that talks to nothing but the page's server. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
] as const;

export class ChromiumMissingError extends Error {
  constructor() {
    super(
      'Chromium was not found, so the browser tests cannot run. Install it with ' +
        '`apt-get update && apt-get install -y chromium` (Debian), or set CHROMIUM_PATH to a Chromium executable.',
    );
    this.name = 'ChromiumMissingError';
  }
}

/** CHROMIUM_PATH, else `chromium` on PATH, else Debian's /usr/bin/chromium. Throws when none exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured !== undefined && configured !== '') {
    if (existsSync(configured)) return configured;
    throw new ChromiumMissingError();
  }
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
    if (found !== '' && existsSync(found)) return found;
  } catch {
    // not on PATH
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new ChromiumMissingError();
}

/**
 * Headless Chromium with the flags above. playwright-core gives every launch a fresh temporary
 * profile (user-data-dir) and deletes it on close, so no state carries over between runs.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS] });
}

/** What went wrong in the page: console errors, uncaught exceptions and failed requests. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
}

export function allProblems(problems: PageProblems): string[] {
  return [...problems.consoleErrors, ...problems.pageErrors, ...problems.failedRequests];
}

export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: PageProblems;
  close(): Promise<void>;
}

export function noProblems(): PageProblems {
  return { consoleErrors: [], pageErrors: [], failedRequests: [] };
}

/** Empties the lists (between tests that share a page or a context). */
export function forgetProblems(problems: PageProblems): void {
  problems.consoleErrors.length = 0;
  problems.pageErrors.length = 0;
  problems.failedRequests.length = 0;
}

/** Records into `problems` every console error, uncaught exception and failed request of the page. */
export function watchPage(page: Page, problems: PageProblems): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(`${error.name}: ${error.message}`));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
}

/** A page in a new, isolated context that records every error it shows. */
export async function openWatchedPage(browser: Browser, options: { viewport?: { width: number; height: number } } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1000, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  const problems = noProblems();
  watchPage(page, problems);
  return { context, page, problems, close: () => context.close() };
}
