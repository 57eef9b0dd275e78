import { defineConfig } from 'vitest/config';

// `npm run fuzz`: the fuzz tests of test/core/yaml/fuzz.test.ts with 100,000 mixed cases (and a tenth
// of that per generator) from a fresh seed, which the run prints. FUZZ_RUNS and FUZZ_SEED in the
// environment override both, so `FUZZ_SEED=... npm run fuzz` replays a failure.
export default defineConfig({
  test: {
    include: ['test/core/yaml/fuzz.test.ts'],
    env: { FUZZ_RUNS: process.env.FUZZ_RUNS ?? '100000', ...(process.env.FUZZ_SEED ? { FUZZ_SEED: process.env.FUZZ_SEED } : {}) },
    testTimeout: 6 * 60 * 60 * 1000,
  },
});
