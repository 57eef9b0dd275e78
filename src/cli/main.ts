// Entry point of dist/cli.js (bundled by esbuild.config.mjs). Everything else lives in run.ts,
// so tests and other tools can run the CLI in-process.
import { tuneForBatchRun } from './batchTuning';
import { processContext } from './context';
import { exitCodeAfterOutput, runCli } from './run';

tuneForBatchRun(process.argv.slice(2));
const context = processContext();
// The exit code is set rather than forced with process.exit(), so output to a pipe is flushed.
void runCli(process.argv.slice(2), context)
  .then((code) => exitCodeAfterOutput(code, context))
  .then((code) => {
    process.exitCode = code;
  });
