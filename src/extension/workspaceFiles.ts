import * as vscode from 'vscode';
import { REGULAR_FILES_ONLY, SPLIT_ADVICE, tooLargeReason, YAML_LIMITS } from './core';
import type { ReadFileResult } from '../server/protocol';

/**
 * How the client reads the files the language server asks for: through VS Code's file system
 * API everywhere (virtual workspaces and the browser), and on the desktop through the CLI's own
 * reader for files on disk (nodeWorkspaceFiles.ts), which also sees where links lead.
 */
export interface WorkspaceFiles {
  /** A file's saved text; null when no file is there; `{ unreadable }` when one is there but is not read. */
  read(uri: vscode.Uri): Promise<ReadFileResult>;
  /** Where a file really is once links are followed (as a URI string), or null when nothing is there. */
  readonly realUri?: (uri: vscode.Uri) => Promise<string | null>;
}

const decoder = new TextDecoder('utf-8');

/**
 * Through VS Code's file system API: only files are read (a FIFO or a device is of no known
 * type there, and is never opened), and none larger than the engine reads, by the size VS Code
 * reports before reading.
 */
export const vscodeWorkspaceFiles: WorkspaceFiles = {
  async read(uri) {
    let info: vscode.FileStat;
    try {
      info = await vscode.workspace.fs.stat(uri);
    } catch {
      return null;
    }
    if (info.type & vscode.FileType.Directory) return null;
    if (!(info.type & vscode.FileType.File)) return { unreadable: 'it is not a regular file', advice: REGULAR_FILES_ONLY };
    if (info.size > YAML_LIMITS.maxBytes) return { unreadable: tooLargeReason(info.size), advice: SPLIT_ADVICE };
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return null;
      return { unreadable: error instanceof Error ? error.message : String(error) };
    }
  },
};
