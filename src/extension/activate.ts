import * as vscode from 'vscode';
import { SERVER_COMMANDS, type AddMissingDimensionsResult } from '../server/protocol';
import { registerBuiltinDocuments } from './builtinDocuments';
import { RubricsClient, type ClientFactory } from './client';
import type { WorkspaceFiles } from './workspaceFiles';
import { registerPortfolio } from './portfolio/registerPortfolio';
import { registerPreview } from './preview/registerPreview';
import type { RubricServices } from './services';
import { RubricStatusBar } from './statusBar';
import { registerSpreadsheetCommands } from './spreadsheets/commands';
import type { SheetService } from './spreadsheets/sheetService';
import { registerWalkthroughCommands } from './walkthrough';
import { loadSchemaFiles, RED_HAT_YAML, RedHatYaml } from './yamlExtension';

export const ADD_MISSING_DIMENSIONS = 'rubrics.addMissingDimensions';
/** Chooses what the report preview compares documents with: git HEAD (the default), a branch, a tag, a commit, or nothing. */
export const COMPARE_WITH = 'rubrics.compareWith';

/**
 * Activation, the same on the desktop and in the browser; only the way the language server is
 * started differs (`create`), where the spreadsheet work runs (`sheets`: a bundle of its own on
 * the desktop, a worker in the browser) and how files on disk are read (`files`; VS Code's API
 * by default).
 * Returns the services the preview uses, for the API tests.
 */
export function activateWith(context: vscode.ExtensionContext, create: ClientFactory, sheets: () => SheetService, files?: WorkspaceFiles): RubricServices {
  const output = vscode.window.createOutputChannel('Rubrics', { log: true });
  // The YAML extension asks about documents by URI; the client knows which are ours.
  const holder: { client?: RubricsClient } = {};
  const yaml = new RedHatYaml(context.extension, (uri) => holder.client?.isOwned(uri) ?? false);
  const rubrics = new RubricsClient(create, output, (uri, diagnostics) => yaml.filter(uri, diagnostics), files);
  holder.client = rubrics;
  context.subscriptions.push(
    output,
    yaml,
    { dispose: () => void rubrics.dispose() },
    registerBuiltinDocuments(rubrics),
    new RubricStatusBar(rubrics),
    vscode.commands.registerCommand('rubrics.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('rubrics.revalidateWorkspace', async () => {
      await rubrics.whenReady();
      await vscode.commands.executeCommand(SERVER_COMMANDS.revalidateWorkspace);
    }),
    vscode.commands.registerCommand(ADD_MISSING_DIMENSIONS, () => addMissingDimensions(rubrics)),
    vscode.commands.registerCommand(COMPARE_WITH, () => rubrics.git.pick(vscode.window.activeTextEditor?.document)),
    ...registerWalkthroughCommands(context),
    ...registerSpreadsheetCommands(rubrics, sheets, output),
  );
  registerPreview(context, rubrics, (message) => output.info(message));
  context.subscriptions.push(registerPortfolio({ extensionUri: context.extensionUri, services: rubrics, log: (message) => output.info(message) }));
  if (vscode.extensions.getExtension(RED_HAT_YAML)) {
    void loadSchemaFiles(context.extensionUri).then(() => yaml.contribute());
  }
  output.info(vscode.l10n.t('Rubrics as Code {0} activated.', String(context.extension.packageJSON.version ?? '')));
  return rubrics;
}

/** `rubrics.addMissingDimensions`: adds every dimension of the rubric the active assessment lacks (the server makes the edit). */
async function addMissingDimensions(client: RubricsClient): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !client.isRubricDocument(document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an assessment to add the dimensions of its rubric that it does not assess yet.'));
    return;
  }
  await client.whenReady();
  const result = await vscode.commands.executeCommand<AddMissingDimensionsResult>(SERVER_COMMANDS.addMissingDimensions, document.uri.toString());
  if (result === 'nothing-missing') void vscode.window.showInformationMessage(vscode.l10n.t('This assessment assesses every dimension of its rubric already.'));
  else if (result === 'not-an-assessment') void vscode.window.showInformationMessage(vscode.l10n.t('This document is not an assessment whose rubric could be read, so there are no dimensions to add.'));
  else if (result === 'not-applied') void vscode.window.showWarningMessage(vscode.l10n.t('Rubrics: the missing dimensions could not be added, because the document changed meanwhile. Try again.'));
}
