// Entry of the GitHub Action (action.yml runs dist/action/index.js, built from here).
import { tuneForBatchRun } from '../node/batchTuning';
import { escapeData } from '../cli/formatters/github';
import { runAction } from './main';

tuneForBatchRun([]);
runAction({ env: process.env, stdout: process.stdout, fetch: globalThis.fetch }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stdout.write(`::error title=rubrics::${escapeData(detail)}\n`);
    process.exitCode = 2;
  },
);
