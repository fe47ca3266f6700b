/**
 * Regenerates docs/digest-funnel.png, the README's picture of the enrolment funnel in the digest's
 * Teams card: the card the webhook posts (sample figures), rendered by the Adaptive Cards SDK in
 * headless Chromium at a phone's width and at a desktop width.
 * Usage: npm run screenshots:digest   (needs Chromium: apt-get install -y chromium)
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { digestCard } from '../src/feedback/cards.js';
import { buildDigest } from '../src/feedback/digest.js';
import { buildFunnelReport } from '../src/funnel/index.js';
import { launchChromium } from '../test/support/chromium.js';
import { allProblems, openWatchedPage } from '../test/support/page.js';

const output = fileURLToPath(new URL('../docs/digest-funnel.png', import.meta.url));
const sdk = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js');

const DAY = 86_400_000;
const from = Date.UTC(2030, 0, 7);
const to = from + 7 * DAY;
/** A week of a rollout, made up for the picture; one figure under 5 shows how it is hidden. */
const events = new Map(
  Object.entries({
    started: 142, 'reached.1': 142, 'reached.2': 131, 'reached.3': 117, 'reached.4': 96, 'reached.5': 88, 'reached.6': 79, worked: 71, didnotwork: 6,
    'stuck.1': 9, 'stuck.1.locked_out': 7, 'stuck.1.no_smartphone': 2, 'stuck.3': 14, 'stuck.3.locked_out': 5, 'stuck.3.code_rejected': 3,
    'stuck.5': 11, 'stuck.5.no_smartphone': 8,
    'trouble.locked_out.fixed': 10, 'trouble.locked_out.escalated': 2, 'trouble.no_smartphone.fixed': 6, 'trouble.no_smartphone.escalated': 5,
    'practice.clock': 12, 'practice.other': 40,
  }),
);
const funnel = buildFunnelReport(events, new Map([['started', 120], ['finished', 83]]), from, to);
const card = digestCard({ ...buildDigest([], [], { id: 'dg_sample', from, to }), funnel });

const browser = await launchChromium();
try {
  const { page, problems, close } = await openWatchedPage(browser, { viewport: { width: 440, height: 900 } });
  await page.setContent('<!doctype html><html><body style="margin:0;padding:16px;background:#f5f5f5;font-family:Segoe UI,sans-serif"><div id="card" style="background:#fff;border-radius:6px"></div></body></html>');
  await page.addScriptTag({ path: sdk });
  // Runs in the page (plain JS: the SDK's UMD bundle is window.AdaptiveCards). Teams' light theme: an accent container is a blue fill.
  await page.evaluate(`(() => {
    const adaptive = new AdaptiveCards.AdaptiveCard();
    adaptive.hostConfig = new AdaptiveCards.HostConfig({
      fontFamily: 'Segoe UI, sans-serif',
      containerStyles: {
        default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
        accent: { backgroundColor: '#5B5FC7', foregroundColors: { default: { default: '#FFFFFF', subtle: '#FFFFFF' } } },
      },
    });
    adaptive.parse(${JSON.stringify(card)});
    document.getElementById('card').appendChild(adaptive.render());
  })()`);
  await page.locator('#card .ac-adaptiveCard').waitFor();
  await page.locator('#card').screenshot({ path: output });
  await close();
  const seen = allProblems(problems);
  if (seen.length > 0) throw new Error(`The page showed errors:\n${seen.join('\n')}`);
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
}
