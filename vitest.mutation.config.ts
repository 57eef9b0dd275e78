import { defineConfig, mergeConfig } from 'vitest/config';
import unit from './vitest.config';

/**
 * `npm run mutation` (StrykerJS, stryker.config.mjs) runs the unit tests that check what the engine
 * computes, in the test's own process. Left out, so that a mutant's run takes seconds, not minutes:
 *
 * - tests that build the CLI and run it as a child process: a mutant lives in the process Stryker
 *   switches it on in, so those tests can neither see nor kill it;
 * - tests of robustness rather than of values (fuzzing, corpora, the YAML test suite, work
 *   budgets, the webview's DOM): they run every mutant for seconds and kill next to none that the
 *   value tests miss. Leaving them out can only lower the score, never raise it.
 */
export const LEFT_OUT = [
  // child processes
  'test/action/main.test.ts',
  'test/node/batchTuning.test.ts',
  'test/cli/commands.test.ts',
  'test/cli/confinement.test.ts',
  'test/cli/escaping.test.ts',
  'test/cli/exitCodes.test.ts',
  'test/cli/hostileFiles.test.ts',
  'test/cli/init.test.ts',
  'test/cli/package.test.ts',
  'test/cli/report.test.ts',
  'test/cli/validate.test.ts',
  'test/cli/validate.cache.test.ts',
  'test/cli/validate.ci.test.ts',
  // in process, but named test/cli.*.test.ts when this list was measured: still left out, so
  // that scores stay comparable with the measured runs
  'test/node/fastPaths.test.ts',
  'test/node/glob.test.ts',
  'test/node/gitSource.test.ts', // split from glob.test.ts
  'test/cli/color.test.ts', // split from glob.test.ts
  'test/integration/ensureDeps.test.ts',
  'test/cli/history.test.ts',
  'test/cli/import.test.ts',
  'test/core/resolve/references.cycles.test.ts',
  'test/cli/review.test.ts',
  'test/integration/scripts.test.ts',
  'test/server/references.test.ts',
  'test/server/portfolio.test.ts', // the bundled server in a worker thread
  'test/integration/webBundle.test.ts',
  // robustness
  'test/core/engine.budget.test.ts',
  'test/core/language/robustness.test.ts',
  'test/integration/markupCorpus.test.ts',
  'test/webview/preview.test.ts',
  'test/webview/portfolio.test.ts',
  'test/core/yaml/*.test.ts',
  // replaces a module (vi.mock), which needs a module graph of its own (isolate below)
  'test/core/engine.lazyScore.test.ts',
  // reads the source text, which Stryker rewrites with its switches
  'test/integration/architecture.test.ts',
];

/**
 * RUBRICS_MUTATION_TESTS (comma-separated globs) narrows the tests to those that matter to a scoped
 * run, e.g. `RUBRICS_MUTATION_TESTS='test/core/scoring/**' npm run mutation -- --mutate
 * 'src/core/scoring/methods.ts'`: Stryker's first step runs every test once to learn which covers
 * what, which is most of a small run's time. A whole run leaves it unset.
 */
const scoped = process.env.RUBRICS_MUTATION_TESTS?.split(',').map((glob) => glob.trim()).filter((glob) => glob !== '');

const config = mergeConfig(
  unit,
  defineConfig({
    test: {
      exclude: LEFT_OUT,
      // Every mutant runs the tests that cover it, file after file, in one worker: loading the
      // engine once for all of them, rather than once per file, is most of a mutant's time.
      isolate: false,
    },
  }),
);
// Set after merging: mergeConfig would add the globs to the unit suite's, not replace them.
if (scoped && scoped.length > 0) config.test = { ...config.test, include: scoped };

export default config;
