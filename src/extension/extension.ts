import * as vscode from 'vscode';
import { MessageChannel, Worker } from 'node:worker_threads';
import { LanguageClient, PortMessageReader, PortMessageWriter } from 'vscode-languageclient/node';
import { activateWith } from './activate';
import { CLIENT_ID } from './client';
import { nodeWorkspaceFiles } from './nodeWorkspaceFiles';
import { nodeSheetService } from './spreadsheets/nodeSheetService';
import type { RubricServices } from './services';

/**
 * The desktop entry (dist/extension.js): the language server runs in a worker thread of the
 * extension host, so a 50,000-line file stays editable while it is checked. If the thread dies,
 * the language client starts a new one and sends it the open documents again.
 */
export function activate(context: vscode.ExtensionContext): RubricServices {
  const serverPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  let current: Worker | undefined;
  const services = activateWith(context, (options) => new LanguageClient(CLIENT_ID, 'Rubrics', async () => {
    // A restart replaces a thread that crashed or stopped answering: end it for good first.
    await current?.terminate();
    // The server gets its own channel; its end closes when the thread exits, which the client notices.
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(serverPath, { name: 'rubrics-language-server', workerData: { port: port2 }, transferList: [port2] });
    worker.unref();
    current = worker;
    return { reader: new PortMessageReader(port1), writer: new PortMessageWriter(port1) };
  }, options), () => nodeSheetService, nodeWorkspaceFiles);
  // After the client's own stop (which asks the server to exit): the thread holds nothing to save.
  context.subscriptions.push({ dispose: () => void current?.terminate() });
  return services;
}

export function deactivate(): void {
  // The client (and with it the server's thread) is stopped through context.subscriptions.
}
