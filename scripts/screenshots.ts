/**
 * npm run screenshots: regenerates the tab pictures in docs/ (shown in the README) from the
 * built tab served by the bot's own server (its real guide), in headless Chromium:
 *   docs/tab.png            the guide tab (default theme)
 *   docs/tab-dark.png       the same in Teams' dark theme
 *   docs/tab-step-card.png  one enrolment step card as the tab renders it
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/support/chromium.js';
import { allProblems, openWatchedContext } from '../test/support/page.js';
import { startServer } from '../test/support/server.js';
import { buildTab, ROOT } from './lib/buildTab.js';

const docs = join(ROOT, 'docs');
const tabDir = mkdtempSync(join(tmpdir(), 'mfa-tab-shots-'));
await buildTab(tabDir);
const server = await startServer({}, { tabDir });
const browser = await launchChromium();
try {
  const watched = await openWatchedContext(browser, { viewport: { width: 900, height: 1100 } });
  for (const [theme, file] of [
    ['default', 'tab.png'],
    ['dark', 'tab-dark.png'],
  ] as const) {
    const page = await watched.newPage();
    await page.goto(`${server.url}/tab?theme=${theme}`);
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await page.locator('.card .ac-adaptiveCard').first().waitFor();
    await page.screenshot({ path: join(docs, file) });
    if (theme === 'default') {
      await page.locator('#section-enrol .card').nth(1).screenshot({ path: join(docs, 'tab-step-card.png') });
    }
    await page.close();
  }
  const problems = allProblems(watched.problems);
  if (problems.length > 0) throw new Error(`problems in the page: ${problems.join('; ')}`);
  process.stdout.write('Wrote docs/tab.png, docs/tab-dark.png and docs/tab-step-card.png\n');
} finally {
  await browser.close();
  await server.close();
  rmSync(tabDir, { recursive: true, force: true });
}
