import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateWith } from './activate';
import { CLIENT_ID } from './client';
import type { RubricServices } from './services';
import type { SheetService } from './spreadsheets/sheetService';
import { workerSheetService } from './spreadsheets/workerSheetService';

/**
 * The web entry (dist/web/extension.js, for github.dev and vscode.dev): the language server runs
 * in a Web Worker, and every file it needs is read through VS Code's file system API.
 */
export function activate(context: vscode.ExtensionContext): RubricServices {
  const serverUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // The spreadsheet worker starts when a command first needs it.
  let sheets: (SheetService & vscode.Disposable) | undefined;
  context.subscriptions.push({ dispose: () => sheets?.dispose() });
  // A function, so that the client can start a new worker if the first one dies.
  return activateWith(
    context,
    (options) => new LanguageClient(CLIENT_ID, 'Rubrics', async (): Promise<MessageTransports> => {
      // Transports rather than the Worker itself: in VS Code's worker extension host, `Worker` is a
      // wrapper, so the client's own `instanceof Worker` test fails on a real worker.
      const worker = await startServerWorker(serverUri);
      return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    }, options),
    () => (sheets ??= workerSheetService(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'sheets.js'))),
  );
}

/**
 * Starts the server's Web Worker. vscode.dev and github.dev serve the extension over https, so
 * the worker loads from its URL. Where the extension lives on a remote machine (code-server, a
 * remote window's web worker host), VS Code cannot start workers from its vscode-remote: URLs;
 * the script is then read through the file system API and started from a blob: URL instead.
 */
async function startServerWorker(serverUri: vscode.Uri): Promise<Worker> {
  const options: WorkerOptions = { name: 'rubrics-language-server' };
  if (serverUri.scheme === 'https' || serverUri.scheme === 'http') return new Worker(serverUri.toString(true), options);
  const script = Uint8Array.from(await vscode.workspace.fs.readFile(serverUri));
  return new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })), options);
}

export function deactivate(): void {
  // The client (and with it the Web Worker) is stopped through context.subscriptions.
}
