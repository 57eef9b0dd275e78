import { tuneForBatchRun } from '../node/batchTuning';
import { describeOutputFailure, processContext, type CliContext, type GuardedOutput } from './context';
import { CliError } from '../node/errors';
import { TOOL_VERSION } from '../node/version';

/**
 * What every entry of the `rubrics` command does around its work (dist/cli/main.js, the whole
 * CLI; dist/cli/validate.js, `rubrics validate` alone): V8 tuned for a batch run, the process's
 * own streams, errors turned into exit codes, and the exit code set once the output is out.
 */
export function runAsProcess(run: (argv: readonly string[], context: CliContext) => Promise<number>): void {
  const argv = process.argv.slice(2);
  tuneForBatchRun(argv);
  const context = processContext();
  // The exit code is set rather than forced with process.exit(), so output to a pipe is flushed.
  void run(argv, context)
    .then((code) => exitCodeAfterOutput(code, context))
    .then((code) => {
      process.exitCode = code;
    });
}

/** Runs a command's work and returns its exit code. Never throws: a usage or I/O error is exit 2 with its message, a bug is exit 2 saying so. */
export async function guarded(work: () => Promise<number>, context: CliContext): Promise<number> {
  try {
    return await work();
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
