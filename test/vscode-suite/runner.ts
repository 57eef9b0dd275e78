/**
 * A deliberately small test runner for suites that run inside VS Code's extension host. The
 * same suite files run under @vscode/test-electron (where `index.ts` exports `run()`) and under
 * code-server (where `extension.ts` runs them from a command and writes the results as JSON),
 * so the runner must not depend on either host — or on mocha, which the host would have to load.
 */

export type TestBody = () => Promise<void> | void;

interface RegisteredTest {
  readonly suite: string;
  readonly name: string;
  readonly body: TestBody;
  readonly timeoutMs: number;
}

export interface TestResult {
  readonly suite: string;
  readonly name: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly durationMs: number;
}

export interface SuiteResults {
  readonly passed: number;
  readonly failed: number;
  readonly durationMs: number;
  readonly vscodeVersion: string;
  readonly results: readonly TestResult[];
}

type SuiteBody = (test: (name: string, body: TestBody, timeoutMs?: number) => void) => Promise<void> | void;

const suites: { name: string; body: SuiteBody }[] = [];

/**
 * Declares a suite. Its body runs when the suite runs (not at import), so it may first look at
 * the workspace — for example list the sample files — and declare one test per file.
 */
export function suite(name: string, body: SuiteBody): void {
  suites.push({ name, body });
}

function withTimeout(body: TestBody, timeoutMs: number, name: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`"${name}" did not finish within ${timeoutMs} ms`)), timeoutMs);
    Promise.resolve()
      .then(body)
      .then(
        () => { clearTimeout(timer); resolve(); },
        (error: unknown) => { clearTimeout(timer); reject(error); },
      );
  });
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** Runs every declared suite in order, each test on its own, and reports as it goes. */
export async function runSuites(options: { vscodeVersion: string; log?: (line: string) => void; grep?: RegExp }): Promise<SuiteResults> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const results: TestResult[] = [];
  for (const declared of suites) {
    const tests: RegisteredTest[] = [];
    try {
      await declared.body((name, body, timeoutMs = 60_000) => tests.push({ suite: declared.name, name, body, timeoutMs }));
    } catch (error) {
      results.push({ suite: declared.name, name: '(declaring the suite)', ok: false, error: describeError(error), durationMs: 0 });
      log(`  FAIL ${declared.name}: declaring the suite failed: ${describeError(error)}`);
      continue;
    }
    log(declared.name);
    for (const t of tests) {
      if (options.grep && !options.grep.test(`${t.suite} ${t.name}`)) continue;
      const testStarted = Date.now();
      try {
        await withTimeout(t.body, t.timeoutMs, t.name);
        results.push({ suite: t.suite, name: t.name, ok: true, durationMs: Date.now() - testStarted });
        log(`  ok   ${t.name} (${Date.now() - testStarted} ms)`);
      } catch (error) {
        results.push({ suite: t.suite, name: t.name, ok: false, error: describeError(error), durationMs: Date.now() - testStarted });
        log(`  FAIL ${t.name}\n${describeError(error).replace(/^/gm, '       ')}`);
      }
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  log(`${results.length - failed} passed, ${failed} failed`);
  return { passed: results.length - failed, failed, durationMs: Date.now() - started, vscodeVersion: options.vscodeVersion, results };
}
