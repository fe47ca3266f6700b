/**
 * Regenerates docs/webchat.png, the README's picture of the bot in Web Chat: the real server and
 * Microsoft's Web Chat in headless Chromium, the welcome card and the first enrolment step.
 * Usage: npm run screenshots:chat   (needs Chromium: apt-get install -y chromium)
 */
import { fileURLToPath } from 'node:url';
import { ensureChatBuilt } from './chat-bundle.js';
import { MENU } from '../src/content/ui.js';
import { launchChromium } from '../test/support/chromium.js';
import { allProblems, openWatchedPage } from '../test/support/page.js';
import { startServer } from '../test/support/server.js';
import { shownText } from '../test/support/webchat.js';

const output = fileURLToPath(new URL('../docs/webchat.png', import.meta.url));

await ensureChatBuilt();
const server = await startServer();
const browser = await launchChromium();
try {
  const { page, problems, close } = await openWatchedPage(browser, { viewport: { width: 900, height: 1000 } });
  await page.goto(`${server.url}/chat`);
  const lastCard = () => page.locator('.webchat__basic-transcript .ac-adaptiveCard').last();
  await lastCard().getByText(shownText(MENU.title)).waitFor();
  await lastCard().getByRole('button', { name: 'Choose a method', exact: true }).click();
  await lastCard().getByRole('button', { name: 'Help me choose', exact: true }).click();
  await lastCard().getByRole('button', { name: 'Yes', exact: true }).waitFor();
  // Let Web Chat finish scrolling to the newest card.
  await page.waitForTimeout(500);
  await page.screenshot({ path: output });
  await close();
  const seen = allProblems(problems);
  if (seen.length > 0) throw new Error(`The page showed errors:\n${seen.join('\n')}`);
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await server.close();
}
