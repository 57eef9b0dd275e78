/**
 * A small test extension that runs the VS Code API suites inside code-server, which cannot load
 * an extension under development or a tests path. The end-to-end harness installs it next to
 * the packaged Rubrics as Code extension, runs its command from the Command Palette, and reads
 * the JSON results it writes to the file named by RUBRICS_SUITE_RESULTS (set on the server).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { runSuites } from './runner';
import './suites';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Rubrics VS Code API suite');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('rubricsSuite.run', async (resultsFile?: string) => {
      const target = resultsFile ?? process.env.RUBRICS_SUITE_RESULTS;
      if (!target) throw new Error('Set RUBRICS_SUITE_RESULTS (on the server) or pass a results file to rubricsSuite.run.');
      const grep = process.env.RUBRICS_SUITE_GREP ? new RegExp(process.env.RUBRICS_SUITE_GREP) : undefined;
      const results = await runSuites({ vscodeVersion: vscode.version, log: (line) => output.appendLine(line), grep });
      // Written whole under a temporary name, then renamed, so the harness never reads half a file.
      fs.writeFileSync(`${target}.partial`, JSON.stringify(results, null, 2));
      fs.renameSync(`${target}.partial`, target);
    }),
  );
}

export function deactivate(): void {
  // Nothing to release: the command and output channel are in context.subscriptions.
}
