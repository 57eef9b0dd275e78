import { defineConfig, mergeConfig } from 'vitest/config';
import unit from './vitest.config';

// `npm run mutation` (StrykerJS, stryker.config.mjs) runs the unit tests that exercise the engine in
// the test's own process. Tests that build the CLI and run it as a child process are left out: a
// mutant lives in the process Stryker switches it on in, so those tests could neither see nor kill
// it, and they would only slow every run down.
export const OUT_OF_PROCESS = [
  'test/action.test.ts',
  'test/cli.*.test.ts',
  'test/history.test.ts',
  'test/import.test.ts',
  'test/references.cycles.test.ts',
  'test/review.test.ts',
  'test/server.references.test.ts',
  'test/webBundle.test.ts',
  'test/batchTuning.test.ts',
];

export default mergeConfig(
  unit,
  defineConfig({
    test: {
      exclude: ['test/e2e/**', 'node_modules/**', ...OUT_OF_PROCESS],
    },
  }),
);
