import type { CliContext } from './context';

/** One `rubrics <name>` command. `run` returns the exit code; usage and I/O failures throw CliError. */
export interface Command {
  readonly name: string;
  /** One line for the tool's command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  run(args: readonly string[], context: CliContext): Promise<number>;
}
