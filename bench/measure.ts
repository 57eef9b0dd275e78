/** Timing of benchmark subjects in interleaved rounds, shared by bench/run.ts and the modules it runs. */

export interface Timing {
  readonly median: number;
  readonly p90: number;
  readonly iterations: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Times several subjects in interleaved rounds (each runs once per round, in turn), so that load
 * from other processes on the machine falls on all of them alike and their ratios stay fair.
 * Warms each up first; then runs rounds until `budgetMs` per subject is spent (5 to 500 rounds).
 */
export async function measureInterleaved(subjects: readonly (() => unknown)[], budgetMs: number): Promise<Timing[]> {
  for (const fn of subjects) {
    const warmupEnd = performance.now() + Math.min(1000, budgetMs / 3);
    for (let i = 0; i < 3 || (performance.now() < warmupEnd && i < 30); i++) await fn();
  }
  gc?.();
  const times: number[][] = subjects.map(() => []);
  const end = performance.now() + budgetMs * subjects.length;
  for (let round = 0; round < 5 || (performance.now() < end && round < 500); round++) {
    for (let s = 0; s < subjects.length; s++) {
      const start = performance.now();
      await (subjects[s] as () => unknown)();
      (times[s] as number[]).push(performance.now() - start);
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    const at = (q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))] as number;
    return { median: at(0.5), p90: at(0.9), iterations: list.length };
  });
}
