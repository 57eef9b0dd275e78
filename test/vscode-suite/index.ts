/**
 * Entry point for @vscode/test-electron (`npm run test:vscode`, where VS Code can be downloaded):
 * it loads this bundle as `extensionTestsPath` and calls `run()`, which must throw on failure.
 * Under code-server the same suites run from `extension.ts` instead.
 */
import * as vscode from 'vscode';
import { runSuites } from './runner';
import './suites';

export async function run(): Promise<void> {
  const grep = process.env.RUBRICS_SUITE_GREP ? new RegExp(process.env.RUBRICS_SUITE_GREP) : undefined;
  const results = await runSuites({ vscodeVersion: vscode.version, log: (line) => console.log(line), grep });
  if (results.failed > 0) throw new Error(`${results.failed} of ${results.results.length} VS Code API tests failed`);
  if (results.results.length === 0) throw new Error('No VS Code API test ran');
}
