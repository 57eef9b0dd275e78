import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from './activate';
import { CLIENT_ID } from './client';
import type { RubricServices } from './services';

/**
 * The web entry (dist/web/extension.js, for github.dev and vscode.dev): the language server runs
 * in a Web Worker, and every file it needs is read through VS Code's file system API.
 */
export function activate(context: vscode.ExtensionContext): RubricServices {
  const serverUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // A function, so that the client can start a new worker if the first one dies.
  return activateWith(context, (options) => new LanguageClient(CLIENT_ID, 'Rubrics', async () => new Worker(serverUri.toString(true), { name: 'rubrics-language-server' }), options));
}

export function deactivate(): void {
  // The client (and with it the Web Worker) is stopped through context.subscriptions.
}
