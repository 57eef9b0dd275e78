import { defineConfig } from 'vitest/config';

// End-to-end tests: each file starts a real VS Code (code-server) with the packaged extension and
// drives it with Chromium. They run one file at a time (2 cores are enough for one VS Code and
// one browser, not for several), with timeouts sized for a cold start. `npm run test:e2e` builds
// and packages first; see scripts/e2e/.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    fileParallelism: false,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    retry: 0,
  },
});
