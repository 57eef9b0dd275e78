/**
 * The language server over standard input and output, for editors other than VS Code (`rubrics
 * lsp --stdio`): it reads the workspace's files from disk (Node only; VS Code's extension host and
 * the browser give the server their files through requests instead, src/server/files.ts).
 */
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createConnection, StreamMessageWriter } from 'vscode-languageserver/node';
import { walkFiles } from '../node/discover';
import { errorText } from '../node/errors';
import { readTextFile } from '../node/fileRead';
import { ResyncingMessageReader } from '../node/lspReader';
import { fileUri, NodeFileHost } from '../node/nodeFileHost';
import { GlobSet } from './core';
import type { FileSource } from './files';
import { startServer } from './server';

/**
 * The files of the workspace folders on disk, for the server's start-up scan in editors other
 * than VS Code (which searches for the server itself). The walk is the CLI's (src/node/discover.ts: walkFiles): it
 * never opens a FIFO, a socket or a device, and passes each one whose name the search wanted to
 * `note`, once; reads stop at the size limit (readTextFile).
 */
export function diskFileSource(note: (message: string) => void = () => undefined): FileSource {
  const host = new NodeFileHost({ cache: false });
  const noted = new Set<string>();
  const noteOnce = (key: string, message: string) => {
    if (noted.has(key)) return;
    noted.add(key);
    note(message);
  };
  return {
    readFile: (uri) => host.readFile(uri),
    realUri: (uri) => host.realUri(uri),
    async findFiles(folders, include, maxResults) {
      const globs = new GlobSet([include]);
      const found: string[] = [];
      for (const folder of folders) {
        if (!folder.startsWith('file:') || found.length >= maxResults) continue;
        const root = fileURLToPath(folder);
        const unreadableFolder = (dir: string, error: unknown) => noteOnce(dir, `Skipped the folder ${dir}: ${errorText(error)}.`);
        try {
          for await (const entry of walkFiles(root, Infinity, { unreadableFolder })) {
            const relative = path.relative(root, entry.path).split(path.sep).join('/');
            if (!globs.matches(relative, entry.path)) continue;
            if (entry.kind === 'other') noteOnce(entry.path, `Skipped ${relative}: it is ${entry.what}, not a regular file.`);
            else found.push(fileUri(entry.path));
            if (found.length >= maxResults) break;
          }
        } catch (error) {
          noteOnce(root, `Skipped the workspace folder ${root}: ${errorText(error)}`);
        }
      }
      return found;
    },
  };
}

/**
 * Where the built-in rubrics are files an editor can open, relative to this code as it runs
 * (dist/cli/main.js): the npm package ships them as frameworks/*.rubric.yaml beside dist/, and a
 * build in a checkout of the repository finds them where they are kept.
 */
const BUILTIN_FOLDERS = [path.join(__dirname, '..', '..', 'frameworks'), path.join(__dirname, '..', '..', 'src', 'core', 'builtins', 'frameworks')];

/**
 * The file of a built-in rubric, for go to definition in editors that cannot open the
 * rubrics-builtin: scheme (Neovim, Helix, Zed). A file counts only when its text is the built-in's
 * own, so the range of a definition points at the same words; the answer is kept per file name.
 */
export function builtinFileFinder(folders: readonly string[] = BUILTIN_FOLDERS): (fileName: string, text: string) => Promise<string | undefined> {
  const found = new Map<string, Promise<string | undefined>>();
  const find = async (fileName: string, text: string) => {
    for (const folder of folders) {
      const file = path.join(folder, fileName);
      const onDisk = await readTextFile(file).catch(() => undefined);
      if (onDisk === text) return fileUri(file);
    }
    return undefined;
  };
  return (fileName, text) => {
    let answer = found.get(fileName);
    if (!answer) {
      answer = find(fileName, text);
      found.set(fileName, answer);
    }
    return answer;
  };
}

/** Starts the server on a pair of streams (standard input and output); the connection ends the process when the editor says "exit" or closes its input. */
export function serveOverStdio(input: Readable = process.stdin, output: Writable = process.stdout): void {
  const reader = new ResyncingMessageReader(input);
  const connection = createConnection(reader, new StreamMessageWriter(output));
  reader.onError((error) => connection.console.error(`A message from the editor was not read as sent: ${error.message}`));
  startServer(connection, { files: diskFileSource((message) => connection.console.log(message)), builtinFile: builtinFileFinder() });
}
