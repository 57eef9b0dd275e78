import { CliError } from '../../node/errors';
import { serveOverStdio } from '../../server/stdio';
import { parseCommand } from '../args';
import type { Command } from '../command';

const spec = {
  name: 'lsp',
  options: {
    stdio: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 0, max: 0, what: 'nothing' },
} as const;

export const lspCommand: Command = {
  name: 'lsp',
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
    serveOverStdio();
    // The connection ends the process when the editor says "exit" or closes standard input.
    return new Promise<number>(() => undefined);
  },
};
