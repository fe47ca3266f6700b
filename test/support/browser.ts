/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core
 * (playwright's own browser download is not available here). Install it with
 *   command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)
 *
 * Each session gets a fresh user-data-dir, collects console errors and uncaught page errors, and
 * keeps pages on this machine: loopback requests go through; TeamsJS's request for its list of
 * valid host origins is answered locally; anything else is blocked and recorded.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

export interface BrowserSession {
  readonly context: BrowserContext;
  /** Console messages of type "error" and uncaught exceptions, from every page. */
  readonly consoleErrors: string[];
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
  const executablePath = findChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'mfa-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport,
    locale: 'en-GB',
    serviceWorkers: 'block',
  });
  const consoleErrors: string[] = [];
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

  const watch = (page: Page): void => {
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  return {
    context,
    consoleErrors,
    blockedRequests,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toViolations(value: unknown): AxeViolation[] {
  if (!Array.isArray(value)) throw new Error('axe returned no violation list');
  return value.filter(isRecord).map((v) => ({
    id: String(v.id),
    impact: String(v.impact),
    help: String(v.help),
    targets: Array.isArray(v.targets) ? v.targets.map(String) : [],
  }));
}

let axeSource: string | undefined;

/**
 * Runs axe-core in the page (evaluated, not injected as a script tag, so the page's own CSP stays
 * in force) and returns its WCAG 2.x A/AA violations.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const result: unknown = await page.evaluate(`
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))
  `);
  return toViolations(result);
}
