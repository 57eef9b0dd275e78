import * as vscode from 'vscode';
import { registerBuiltinDocuments } from './builtinDocuments';
import { addMissingDimensionsCommand, ADD_MISSING_DIMENSIONS, RubricCodeActionProvider } from './codeActionProvider';
import { RubricCodeLensProvider } from './codeLensProvider';
import { RubricCompletionProvider } from './completionProvider';
import { RubricDefinitionProvider } from './definitionProvider';
import { EngineHost } from './engineHost';
import { RubricHoverProvider } from './hoverProvider';
import { Output } from './output';
import { registerPreview } from './preview/registerPreview';
import type { RubricServices } from './services';
import { RubricStatusBar } from './statusBar';
import { RubricSymbolProvider } from './symbolProvider';

/**
 * Activation (on a workspace with rubric files, or the first YAML document): registers the
 * features; the engine's worker starts only when a rubric document is seen. Every provider
 * checks that the document is ours before doing anything.
 */
export function activate(context: vscode.ExtensionContext): RubricServices {
  const output = new Output();
  const host = new EngineHost(context, output);
  // All YAML documents, whatever their scheme (file, untitled, virtual workspaces, built-ins).
  const selector: vscode.DocumentSelector = [{ language: 'yaml' }];
  context.subscriptions.push(
    output,
    host,
    registerBuiltinDocuments(host),
    vscode.languages.registerCompletionItemProvider(selector, new RubricCompletionProvider(host), ':', ' ', '[', '/'),
    vscode.languages.registerHoverProvider(selector, new RubricHoverProvider(host)),
    vscode.languages.registerDefinitionProvider(selector, new RubricDefinitionProvider(host)),
    vscode.languages.registerDocumentSymbolProvider(selector, new RubricSymbolProvider(host), { label: 'Rubrics' }),
    vscode.languages.registerCodeActionsProvider(selector, new RubricCodeActionProvider(host), RubricCodeActionProvider.metadata),
    new RubricStatusBar(host),
    vscode.commands.registerCommand('rubrics.showOutput', () => output.show()),
    vscode.commands.registerCommand('rubrics.revalidateWorkspace', () => host.revalidateAll()),
    vscode.commands.registerCommand(ADD_MISSING_DIMENSIONS, () => addMissingDimensionsCommand(host)),
  );
  const lenses = new RubricCodeLensProvider(host);
  context.subscriptions.push(lenses, vscode.languages.registerCodeLensProvider(selector, lenses));
  registerPreview(context, host, (message) => output.info(message));
  host.start();
  output.info(`Rubrics as Code ${String(context.extension.packageJSON.version ?? '')} activated.`);
  return host;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions, the engine worker included.
}
