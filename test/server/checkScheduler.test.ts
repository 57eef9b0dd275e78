import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckScheduler } from '../../src/server/checkScheduler';

/**
 * When the language server checks an open document (CheckScheduler): after the delay, restarted
 * by each change; one check of a document at a time, with one more after it when the text changed
 * meanwhile; a failure reported, not the end of checking. Fake timers, so no test waits real time.
 */

interface Run {
  readonly uri: string;
  readonly withDependents: boolean;
  finish(): void;
  fail(error: Error): void;
}

/** A scheduler whose checks stay running until the test finishes (or fails) them. */
function scheduler() {
  const runs: Run[] = [];
  const failures: [string, unknown][] = [];
  const checks = new CheckScheduler(
    (uri, withDependents) =>
      new Promise<void>((resolve, reject) => {
        runs.push({ uri, withDependents, finish: resolve, fail: reject });
      }),
    (uri, error) => failures.push([uri, error]),
  );
  return { checks, runs, failures };
}

/** Finishes a check and lets what follows it (the `finally` that may schedule one more) run. */
async function finish(run: Run | undefined): Promise<void> {
  run?.finish();
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the check scheduler', () => {
  it('checks after the delay, and a change within it restarts the wait: a burst of typing is one check', async () => {
    const { checks, runs } = scheduler();
    checks.schedule('file:///ws/a.yaml', 100, false);
    await vi.advanceTimersByTimeAsync(60);
    checks.schedule('file:///ws/a.yaml', 100, false);
    await vi.advanceTimersByTimeAsync(99);
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.map((r) => r.uri)).toEqual(['file:///ws/a.yaml']);
    await finish(runs[0]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(1);
  });

  it('waits per document: a change of one does not hold up another', async () => {
    const { checks, runs } = scheduler();
    checks.schedule('file:///ws/a.yaml', 100, false);
    checks.schedule('file:///ws/b.yaml', 0, false);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs.map((r) => r.uri)).toEqual(['file:///ws/b.yaml']);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs.map((r) => r.uri)).toEqual(['file:///ws/b.yaml', 'file:///ws/a.yaml']);
  });

  it('re-checks dependents when any of the merged requests asked, and forgets it once a check took it', async () => {
    const { checks, runs } = scheduler();
    checks.schedule('file:///ws/a.yaml', 50, true);
    checks.schedule('file:///ws/a.yaml', 50, false);
    await vi.advanceTimersByTimeAsync(50);
    expect(runs.map((r) => r.withDependents)).toEqual([true]);
    await finish(runs[0]);
    checks.schedule('file:///ws/a.yaml', 0, false);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs.map((r) => r.withDependents)).toEqual([true, false]);
  });

  it('runs one check of a document at a time; changes during it make exactly one more check, at once after it', async () => {
    const { checks, runs } = scheduler();
    checks.schedule('file:///ws/a.yaml', 0, false);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(1);
    // Two changes while the check runs, the second asking for dependents.
    checks.schedule('file:///ws/a.yaml', 0, false);
    await vi.advanceTimersByTimeAsync(0);
    checks.schedule('file:///ws/a.yaml', 0, true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(1);
    await finish(runs[0]);
    expect(runs).toHaveLength(2);
    // The check after it carries what the changes asked for.
    expect(runs[1]?.withDependents).toBe(true);
    await finish(runs[1]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(2);
  });

  it('reports a check that failed, and goes on checking the document', async () => {
    const { checks, runs, failures } = scheduler();
    checks.schedule('file:///ws/a.yaml', 0, false);
    await vi.advanceTimersByTimeAsync(0);
    const error = new Error('the engine broke');
    runs[0]?.fail(error);
    await vi.advanceTimersByTimeAsync(0);
    expect(failures).toEqual([['file:///ws/a.yaml', error]]);
    checks.schedule('file:///ws/a.yaml', 0, false);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(2);
    await finish(runs[1]);
    expect(failures).toHaveLength(1);
  });

  it('calls off a check that waits when the document is closed, and leaves other documents alone', async () => {
    const { checks, runs } = scheduler();
    checks.schedule('file:///ws/a.yaml', 100, true);
    checks.schedule('file:///ws/b.yaml', 100, false);
    checks.cancel('file:///ws/a.yaml');
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.map((r) => r.uri)).toEqual(['file:///ws/b.yaml']);
    // A document opened again starts afresh: the dependents asked for before closing are not carried over.
    checks.schedule('file:///ws/a.yaml', 0, false);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs.map((r) => [r.uri, r.withDependents])).toEqual([['file:///ws/b.yaml', false], ['file:///ws/a.yaml', false]]);
  });
});
