// Entry point of dist/cli/main.js, the whole CLI (bundled by esbuild.config.mjs; dist/cli.js,
// the `rubrics` command, loads it). Everything else lives in run.ts, so tests and other tools
// can run the CLI in-process.
import { runAsProcess } from './process';
import { runCli } from './run';

runAsProcess(runCli);
