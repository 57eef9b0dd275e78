// Entry point of dist/cli.js (bundled by esbuild.config.mjs). Everything else lives in run.ts,
// so tests and other tools can run the CLI in-process.
import { processContext } from './context';
import { runCli } from './run';

// A reader that goes away early (`rubrics validate | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// The exit code is set rather than forced with process.exit(), so output to a pipe is flushed.
void runCli(process.argv.slice(2), processContext()).then((code) => {
  process.exitCode = code;
});
