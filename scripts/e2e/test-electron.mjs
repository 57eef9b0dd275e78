// `npm run test:vscode`: runs the VS Code API suite (test/vscode-suite/) with @vscode/test-electron,
// the usual runner for VS Code extensions. It DOWNLOADS a VS Code build on first use (cached in
// .vscode-test/vscode-*), so it needs a machine that can reach VS Code's download server — a
// developer's laptop or hosted CI. Where that server is out of reach (as on this project's own CI),
// the same suite runs inside code-server as part of `npm run test:e2e` (test/e2e/vscode-suite.test.ts).
//
// Env: VSCODE_TEST_VERSION (default "stable"; e.g. 1.95.0 for the oldest supported version),
//      RUBRICS_SUITE_GREP (a regular expression that selects tests by "suite name").
// Needs a display on Linux: run under xvfb-run where there is none.
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './codeServer.mjs';
import { suiteTestsPath } from './build-suite.mjs';
import { copySamplesWorkspace } from './samplesWorkspace.mjs';

const { workspace, remove } = copySamplesWorkspace('test-electron');
try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`The VS Code API suite failed or could not start: ${error?.message ?? error}`);
  console.error('If VS Code could not be downloaded here, run `npm run test:e2e`: it runs the same suite in code-server.');
  process.exitCode = 1;
} finally {
  remove();
}
