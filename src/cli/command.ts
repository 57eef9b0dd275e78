import type { CliContext } from './context';

/** One `rubrics <name>` command (its one-line summary is in run.ts's list). `run` returns the exit code; usage and I/O failures throw CliError. */
export interface Command {
  readonly name: string;
  /** The full `--help` text. */
  readonly help: string;
  run(args: readonly string[], context: CliContext): Promise<number>;
}
