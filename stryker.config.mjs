// `npm run mutation`: mutation testing (StrykerJS) of the stages whose every branch is a decision
// a reader relies on: scoring, the review of a change, and the rules. A mutant that survives is an
// assertion the suite is missing. Not part of `npm test`: a run takes tens of minutes on 2 cores.
// Scope a run while you work: `npm run mutation -- --mutate 'src/core/scoring/**/*.ts'`.
// Scores per folder are recorded in CONTRIBUTING.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: ['src/core/scoring/**/*.ts', 'src/core/review/**/*.ts', 'src/core/rules/**/*.ts', '!src/core/**/types.ts'],
  // Only what a test run reads goes into the sandbox: not the builds, the end-to-end state or old reports.
  ignorePatterns: ['dist', 'out', '.vscode-test', 'test-results', 'coverage', 'reports', '.bench', '.scratch', '*.vsix'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 20_000,
  thresholds: { high: 90, low: 80, break: null },
  // No leading dot: yaml-language-server's globs (test/extension/yamlOwnership.test.ts) do not cross dot folders.
  tempDirName: 'stryker-tmp',
  cleanTempDir: 'always',
};
