import { defineConfig } from 'vitest/config';

/** Only the privacy tests: what `npm run mutate` (Stryker over src/privacy) runs for each mutant. */
export default defineConfig({
  test: {
    include: ['test/privacy/scrub.test.ts', 'test/privacy/secretGuard.test.ts', 'test/privacy/describing.test.ts', 'test/privacy/patterns.test.ts'],
    pool: 'threads',
  },
});
