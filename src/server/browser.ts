import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './server';

/**
 * Entry of the language server in VS Code for the web (github.dev, vscode.dev; bundled to
 * dist/web/server.js): a Web Worker started by the web extension. It has no file system of its
 * own: the client reads every file for it through VS Code's file system API.
 */
const scope = self as unknown as Worker;
startServer(createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope)));
