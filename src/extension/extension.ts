import * as vscode from 'vscode';
import { MessageChannel, Worker } from 'node:worker_threads';
import { LanguageClient, PortMessageReader, PortMessageWriter } from 'vscode-languageclient/node';
import { activateWith } from './activate';
import { CLIENT_ID } from './client';
import type { RubricServices } from './services';

/**
 * The desktop entry (dist/extension.js): the language server runs in a worker thread of the
 * extension host, so a 50,000-line file stays editable while it is checked. If the thread dies,
 * the language client starts a new one and sends it the open documents again.
 */
export function activate(context: vscode.ExtensionContext): RubricServices {
  const serverPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  return activateWith(context, (options) => new LanguageClient(CLIENT_ID, 'Rubrics', async () => {
    // The server gets its own channel; its end closes when the thread exits, which the client notices.
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(serverPath, { name: 'rubrics-language-server', workerData: { port: port2 }, transferList: [port2] });
    worker.unref();
    return { reader: new PortMessageReader(port1), writer: new PortMessageWriter(port1) };
  }, options));
}

export function deactivate(): void {
  // The client (and with it the server's thread) is stopped through context.subscriptions.
}
