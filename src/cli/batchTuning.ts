import { setFlagsFromString } from 'node:v8';

/**
 * A run of the CLI (or the Action) is short: most of its CPU time goes to V8 getting its code
 * warm, not to running warm code. Measured with `npm run bench -- --cli-only` over 1,000 files,
 * a third of `rubrics validate`'s CPU time was TurboFan compiling, and much of that was
 * inlining large callees into the hot functions, then doing it again after a deoptimisation.
 * Capping how much bytecode one optimised function may inline cut validate's CPU time by about
 * a fifth and the review's by a tenth, while warm code ran as fast as before (small helpers are
 * still inlined). The language server is long-lived and keeps V8's defaults.
 *
 * Each entry (the CLI's and the Action's) calls it before it starts working.
 */
export const BATCH_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=200';

export function tuneForBatchRun(argv: readonly string[]): void {
  if (argv[0] === 'lsp') return;
  setFlagsFromString(BATCH_V8_FLAGS);
}
