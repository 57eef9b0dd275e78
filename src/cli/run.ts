import { closestMatch } from '../core/text/suggest';
import type { Command } from './command';
import { builtinsCommand } from './commands/builtins';
import { diffCommand } from './commands/diff';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { lspCommand } from './commands/lsp';
import { reportCommand } from './commands/report';
import { validateCommand } from './commands/validate';
import { describeOutputFailure, type CliContext, type GuardedOutput } from './context';
import { CliError } from './errors';
import { TOOL_VERSION } from './version';

const COMMANDS: readonly Command[] = [validateCommand, reportCommand, diffCommand, importCommand, initCommand, builtinsCommand, lspCommand];

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
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  try {
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
      const target = rest[0] === undefined ? undefined : findCommand(rest[0]);
      context.stdout.write(target ? target.help : toolHelp());
      return 0;
    }
    return await findCommand(name).run(rest, context);
  } catch (error) {
    if (error instanceof CliError) {
      context.stderr.write(`rubrics: ${error.message}\n`);
      return error.exitCode;
    }
    // A bug, not a finding: say so plainly, with what is needed to report it.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    context.stderr.write(`rubrics: internal error (this is a bug in rubrics ${TOOL_VERSION}; please report it with the command you ran):\n${detail}\n`);
    return 2;
  }
}

/**
 * The exit code once the output is out: a command whose output could not all be written
 * (a full disk, a reader that went away) did not do its job, whatever it found, so that is
 * exit 2 with one line saying why, on stderr when stdout failed.
 */
export async function exitCodeAfterOutput(code: number, output: { readonly stdout: GuardedOutput; readonly stderr: GuardedOutput }): Promise<number> {
  const stdoutFailure = await output.stdout.settled();
  if (stdoutFailure) output.stderr.write(`rubrics: cannot write to the standard output: ${describeOutputFailure(stdoutFailure)}.\n`);
  const stderrFailure = await output.stderr.settled();
  return stdoutFailure || stderrFailure ? 2 : code;
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const suggestion = closestMatch(name, COMMANDS.map((c) => c.name));
  const what = name.startsWith('-') ? `option "${name}"` : `command "${name}"`;
  throw new CliError(`Unknown ${what}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run "rubrics --help" for usage.`);
}
