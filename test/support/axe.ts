import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One accessibility rule broken, with where (CSS selectors of the offending elements). */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly targets: readonly string[];
}

function isViolation(value: unknown): value is AxeViolation {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'targets' in value &&
    Array.isArray(value.targets)
  );
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) in the page. It is evaluated through the DevTools
 * protocol, so the page's Content-Security-Policy stays as strict as it is for users.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const result: unknown = await page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: String(v.impact), targets: v.nodes.map((n) => n.target.join(' ')) })))`);
  if (!Array.isArray(result) || !result.every(isViolation)) throw new Error('axe-core returned something unexpected');
  return result;
}
