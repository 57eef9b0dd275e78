import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { GlobSet } from '../../core/format/files';
import type { FileSource } from '../../server/files';
import { startServer } from '../../server/server';
import { parseCommand } from '../args';
import type { Command } from '../command';
import { CliError } from '../errors';
import { NodeFileHost } from '../nodeFileHost';

const spec = {
  name: 'lsp',
  options: {
    stdio: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 0, max: 0, what: 'nothing' },
} as const;

/** Folders a workspace search never enters: dependencies and version control hold no rubrics of the user's. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * The files of the workspace folders on disk, for the server's start-up scan in editors other
 * than VS Code (which searches for the server itself).
 */
export function diskFileSource(): FileSource {
  const host = new NodeFileHost({ cache: false });
  return {
    readFile: (uri) => host.readFile(uri),
    realUri: (uri) => host.realUri(uri),
    async findFiles(folders, include, maxResults) {
      const globs = new GlobSet([include]);
      const found: string[] = [];
      for (const folder of folders) {
        if (!folder.startsWith('file:')) continue;
        const root = fileURLToPath(folder);
        const queue = [''];
        for (let relative = queue.shift(); relative !== undefined && found.length < maxResults; relative = queue.shift()) {
          const entries = await readdir(root + relative, { withFileTypes: true }).catch(() => []);
          for (const entry of entries) {
            const path = relative ? `${relative}/${entry.name}` : entry.name;
            if (entry.isDirectory()) {
              if (!SKIPPED_FOLDERS.has(entry.name)) queue.push(path);
            } else if (entry.isFile() && globs.matches(path, `${root}/${path}`) && found.length < maxResults) {
              found.push(pathToFileURL(`${root.replace(/\/$/, '')}/${path}`).toString());
            }
          }
        }
      }
      return found;
    },
  };
}

export const lspCommand: Command = {
  name: 'lsp',
  summary: 'Run the language server for editors other than VS Code (Neovim, Helix, Zed).',
  help: `Usage: rubrics lsp --stdio

Runs the Rubrics language server on standard input and output, for any editor with an LSP
client: the same diagnostics, completion (with snippets), hovers, go to definition, CodeLens,
quick fixes and outline as the VS Code extension. The editor starts it; see the README for
Neovim, Helix and Zed settings. It reads the workspace's files from disk and checks every
rubric file of the workspace at start-up (setting rubrics.workspaceScan.enabled).

Options:
  --stdio     talk LSP over standard input and output (the only transport)
  -h, --help  show this help
`,
  async run(args, context) {
    const { values: options } = parseCommand(spec, args);
    if (options.help) {
      context.stdout.write(this.help);
      return 0;
    }
    if (!options.stdio) throw new CliError('"rubrics lsp" needs --stdio: the editor talks to the server over standard input and output. Run "rubrics lsp --help" for usage.');
    const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
    startServer(connection, { files: diskFileSource() });
    // The connection ends the process when the editor says "exit" or closes standard input.
    return new Promise<number>(() => undefined);
  },
};
