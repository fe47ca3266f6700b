import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Finding and launching Debian's Chromium, driven by playwright-core, for the tests and scripts that
 * need a real browser. One browser per test file or script (launch in beforeAll, close in afterAll);
 * its pages are opened and watched with test/support/page.ts.
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
