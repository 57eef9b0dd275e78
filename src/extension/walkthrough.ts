import * as vscode from 'vscode';
import { SAMPLE_FILE_NAME, sampleAssessment } from './sample';

export const WALKTHROUGH_COMMANDS = {
  openSample: 'rubrics.walkthrough.openSample',
  runCli: 'rubrics.walkthrough.runCli',
} as const;

/**
 * The commands behind the "Get started" walkthrough's buttons: write and open a sample
 * assessment (in the workspace, or as an untitled document without one), and show how to run the
 * CLI in a terminal where there is one.
 */
export function registerWalkthroughCommands(_context: vscode.ExtensionContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(WALKTHROUGH_COMMANDS.openSample, async () => {
      const text = sampleAssessment(new Date());
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
        await vscode.window.showTextDocument(document);
        return;
      }
      const target = vscode.Uri.joinPath(folder.uri, SAMPLE_FILE_NAME);
      const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
      if (!exists) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      await vscode.window.showTextDocument(target, { preview: false });
    }),
    vscode.commands.registerCommand(WALKTHROUGH_COMMANDS.runCli, () => {
      if (vscode.env.uiKind === vscode.UIKind.Web && !vscode.env.remoteName) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The rubrics command runs where Node.js is installed: in a terminal, `npx rubrics validate` checks every rubric file of the folder.'));
        return;
      }
      const terminal = vscode.window.createTerminal({ name: 'Rubrics' });
      terminal.show();
      // Typed, not run: the user sees the command and presses Enter.
      terminal.sendText(`npx rubrics validate ${SAMPLE_FILE_NAME}`, false);
    }),
  ];
}
