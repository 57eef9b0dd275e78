import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir, until } from '../../scripts/e2e/workbench.mjs';
import { openSession, type Session, screenshotOnFailure } from './session';

// Runs the VS Code API suite (test/vscode-suite/, the same files `npm run test:vscode` runs under
// @vscode/test-electron) inside code-server: its test extension is installed next to the
// packaged extension, its command is run from the Command Palette, and it writes JSON results.

interface SuiteResults {
  passed: number;
  failed: number;
  vscodeVersion: string;
  results: { suite: string; name: string; ok: boolean; error?: string; durationMs: number }[];
}

describe('VS Code API suite in code-server', () => {
  let session: Session;
  let resultsFile: string;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'rubrics-suite-'));
    resultsFile = path.join(dir, 'results.json');
    session = await openSession({ name: 'vscode-suite', withSuite: true, env: { RUBRICS_SUITE_RESULTS: resultsFile } });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
    if (resultsFile) fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });
  });

  it('passes every test of the suite', async () => {
    await session.workbench.runCommand('Rubrics Test: Run the VS Code API suite');
    const results = await until(() => (fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults) : undefined),
      { timeout: 600_000, interval: 500, message: `the suite's results in ${resultsFile}` });
    fs.copyFileSync(resultsFile, path.join(screenshotDir, 'vscode-suite-results.json'));
    console.log(`VS Code API suite in code-server (VS Code ${results.vscodeVersion}): ${results.passed} passed, ${results.failed} failed`);
    const failures = results.results.filter((r) => !r.ok).map((r) => `${r.suite} › ${r.name}\n${r.error ?? ''}`);
    expect(failures.join('\n\n')).toBe('');
    expect(results.vscodeVersion).toMatch(/^1\.\d+/);
    expect(results.passed).toBeGreaterThanOrEqual(50);
  }, 660_000);
});
