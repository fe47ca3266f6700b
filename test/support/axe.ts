import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

/** One accessibility rule broken, with where (CSS selectors of the offending elements). */
interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

function isViolation(value: unknown): value is AxeViolation {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'impact' in value &&
    typeof value.impact === 'string' &&
    'help' in value &&
    typeof value.help === 'string' &&
    'targets' in value &&
    Array.isArray(value.targets) &&
    value.targets.every((t: unknown) => typeof t === 'string')
  );
}

/**
 * Runs axe-core in the page with the rules above and returns every violation, whatever its impact,
 * as `rule (impact): help at selectors` (empty when there is none). axe is evaluated through the
 * DevTools protocol, not injected as a script tag, so the page's Content-Security-Policy stays as
 * strict as it is for users.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result: unknown = await page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: String(v.impact), help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`);
  if (!Array.isArray(result) || !result.every(isViolation)) throw new Error('axe-core returned something unexpected');
  return result.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`);
}
