import { setFlagsFromString } from 'node:v8';

/**
 * A run of the CLI (or the Action) is short: most of its CPU time goes to V8 getting its code
 * warm, not to running warm code. V8's defaults suit pages and servers that run for hours; for a
 * run over a repository they spend more compiling than the compiled code saves. Two changes,
 * measured with `npm run bench -- --cli-only` (whole processes, CPU time):
 *
 * - Capping how much bytecode one optimised function may inline: a third of a cold validate was
 *   TurboFan inlining large callees into hot functions, then doing it again after a
 *   deoptimisation. Small helpers are still inlined, and warm code runs as fast as before.
 * - Four times V8's interrupt budget (67,584, Node 20), so a function is optimised only after it
 *   has done four times the work: functions called once per file no longer get optimised just
 *   before the run ends. Over the bench repository, validate of 100 files took 15% less CPU, of
 *   300 files 24% less, of 1,000 files 12% less and of 3,000 files 2% less; of 10,000 files 4%
 *   more, the price for repositories far larger than rubric repositories are. The review
 *   (`diff --base`) took 23% less.
 *
 * The language server is long-lived and keeps V8's defaults. Each entry (the CLI's and the
 * Action's) calls this before it starts working.
 */
export const BATCH_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=200 --interrupt-budget=270336';

export function tuneForBatchRun(argv: readonly string[]): void {
  if (argv[0] === 'lsp') return;
  setFlagsFromString(BATCH_V8_FLAGS);
}
