import { closestMatch } from './core';
import type { Command } from './command';
import type { CliContext } from './context';
import { CliError } from '../node/errors';
import { guarded } from './process';
import { TOOL_VERSION } from '../node/version';

/**
 * The commands, each loaded only when it runs: `rubrics validate` over a thousand files should not
 * first evaluate the language server, the Markdown renderer and the git review it does not use
 * (bench: start-up is part of what CI pays for every run). The one-line summaries are here for
 * the tool's help; each command's own help is in its module.
 */
interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

const COMMANDS: readonly CommandEntry[] = [
  { name: 'validate', summary: 'Check rubric, assessment and plan files and print their problems.', load: async () => (await import('./commands/validate')).validateCommand },
  { name: 'report', summary: 'Write the scored report of an assessment, a plan or a rubric (Markdown, HTML or JSON).', load: async () => (await import('./commands/report')).reportCommand },
  { name: 'diff', summary: 'Show what a change does to the scores: a whole branch against its base, or two versions of one file.', load: async () => (await import('./commands/diff')).diffCommand },
  { name: 'history', summary: 'Show how an assessment\'s scores moved: across its commits, or across the dated assessments of one subject.', load: async () => (await import('./commands/history')).historyCommand },
  { name: 'portfolio', summary: 'Show every unit of an organization in one view: scores by dimension, roll-ups by group, changes, plans.', load: async () => (await import('./commands/portfolio')).portfolioCommand },
  { name: 'compare', summary: 'Show two or more units side by side, per dimension and stream, with who scores highest where.', load: async () => (await import('./commands/compare')).compareCommand },
  { name: 'uses', summary: 'List the assessments and plans that use a rubric.', load: async () => (await import('./commands/uses')).usesCommand },
  { name: 'export', summary: 'Write an assessment\'s answers as a spreadsheet (XLSX or CSV) to fill in and import back.', load: async () => (await import('./commands/export')).exportCommand },
  { name: 'import', summary: 'Convert OWASP SAMM or DSOMM into a rubric; turn a SAMM toolbox, DSOMM team progress, Scorecard results or a filled-in spreadsheet into assessments.', load: async () => (await import('./commands/import')).importCommand },
  { name: 'init', summary: 'Create a starter folder: an assessment, a plan, a rubric of your own and a README.', load: async () => (await import('./commands/init')).initCommand },
  { name: 'builtins', summary: 'List the built-in rubrics, or print one to copy and adapt.', load: async () => (await import('./commands/builtins')).builtinsCommand },
  { name: 'lsp', summary: 'Run the language server for editors other than VS Code (Neovim, Helix, Zed).', load: async () => (await import('./commands/lsp')).lspCommand },
];

function toolHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `rubrics ${TOOL_VERSION}: maturity rubrics, assessments and plans as YAML in git.

Usage: rubrics <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show help (also "rubrics <command> --help")
  -v, --version  print the version

Exit codes: 0 success, 1 problems found in the files, 2 the command could not run.
`;
}

/** Runs one command line and returns the exit code. Never throws. */
export function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  return guarded(() => dispatch(argv, context), context);
}

async function dispatch(argv: readonly string[], context: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    context.stderr.write(toolHelp());
    return 2;
  }
  if (name === '--help' || name === '-h') {
    context.stdout.write(toolHelp());
    return 0;
  }
  if (name === '--version' || name === '-v' || name === '-V') {
    context.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  if (name === 'help') {
    const target = rest[0] === undefined ? undefined : await findCommand(rest[0]).load();
    context.stdout.write(target ? target.help : toolHelp());
    return 0;
  }
  return await (await findCommand(name).load()).run(rest, context);
}

function findCommand(name: string): CommandEntry {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const suggestion = closestMatch(name, COMMANDS.map((c) => c.name));
  const what = name.startsWith('-') ? `option "${name}"` : `command "${name}"`;
  throw new CliError(`Unknown ${what}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run "rubrics --help" for usage.`);
}
