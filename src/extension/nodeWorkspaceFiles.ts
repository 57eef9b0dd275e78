import { realpath } from 'node:fs/promises';
import * as vscode from 'vscode';
import { readForEngine } from '../node/fileRead';
import { vscodeWorkspaceFiles, type WorkspaceFiles } from './workspaceFiles';

/**
 * The desktop's reader: files on disk through the Node reader (src/node/fileRead.ts, the one
 * home of this on Node), which never opens a FIFO, a socket or a device, and never reads past
 * the engine's size limit, even when a file grows while it is read; other schemes through VS Code.
 */
export const nodeWorkspaceFiles: WorkspaceFiles = {
  async read(uri) {
    if (uri.scheme !== 'file') return vscodeWorkspaceFiles.read(uri);
    return (await readForEngine(uri.fsPath)) ?? null;
  },
  async realUri(uri) {
    if (uri.scheme !== 'file') return uri.toString();
    try {
      // As VS Code writes file URIs, so that the server compares like with like.
      return vscode.Uri.file(await realpath(uri.fsPath)).toString();
    } catch {
      return null;
    }
  },
};
