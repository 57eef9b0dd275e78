import { workerData, type MessagePort } from 'node:worker_threads';
import { createConnection, PortMessageReader, PortMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server';

/**
 * Entry of the language server in desktop VS Code (bundled to dist/server.js): a worker thread of
 * the extension host, so parsing and checking never hold up the editor. The extension hands it
 * one end of a message channel (whose other end closes if this thread dies, so the client
 * notices and starts a new one) and reads files for it through VS Code's file system API.
 */
const port = (workerData as { port?: MessagePort } | null)?.port;
if (!port) throw new Error('dist/server.js runs as a worker thread of the Rubrics as Code extension; for other editors run `rubrics lsp --stdio`.');
startServer(createConnection(new PortMessageReader(port), new PortMessageWriter(port)));
