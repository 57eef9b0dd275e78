import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listChanges, type ChangeSet } from '../cli/changedFiles';
import { directoryUri } from '../cli/commands/validate';
import type { OutputStream } from '../cli/context';
import { CliError } from '../cli/errors';
import { escapeData, formatGithub } from '../cli/formatters/github';
import { formatSarif } from '../cli/formatters/sarif';
import { countTotals, plural, type FileResult } from '../cli/results';
import { TOOL_VERSION } from '../cli/version';
import type { ReportDiff } from '../core/report';
import { rubrics } from './cli';
import { upsertComment } from './comment';
import { readEvent } from './event';
import { InputError, readInputs, type ActionInputs } from './inputs';
import { renderSummary, type FileDiff } from './summary';

export interface ActionIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The job's log: workflow commands (annotations, errors) go here. */
  readonly stdout: OutputStream;
  readonly fetch: typeof fetch;
}

/**
 * The GitHub Action: validates the paths, annotates the problems of the files the change touched,
 * writes SARIF, puts the score diff of every changed assessment, plan and rubric into the job
 * summary, and optionally keeps one pull-request comment up to date. Returns the exit code.
 */
export async function runAction(io: ActionIo): Promise<number> {
  const log = (line: string) => io.stdout.write(`${line}\n`);
  const fail = (message: string) => {
    log(`::error title=rubrics::${escapeData(message)}`);
    return 2;
  };
  let inputs: ActionInputs;
  try {
    inputs = readInputs(io.env);
  } catch (error) {
    if (error instanceof InputError) return fail(error.message);
    throw error;
  }
  const workspace = path.resolve(io.env.GITHUB_WORKSPACE ?? process.cwd());
  const cliEnv = { ...io.env, GITHUB_WORKSPACE: workspace };
  const event = await readEvent(io.env);
  const base = inputs.baseRef || event.base;

  let change: ChangeSet | undefined;
  if (base) {
    try {
      change = await listChanges(workspace, base);
    } catch (error) {
      if (error instanceof CliError) return fail(`Cannot list the changed files: ${error.message}`);
      throw error;
    }
  } else {
    log('No base to compare with (not a pull request, and no base-ref input): checking every file, with no score diff.');
  }

  const validation = await rubrics(['validate', ...inputs.paths, '--format', 'json'], workspace, cliEnv);
  if (validation.code === 2) return fail(validation.stderr.replace(/^rubrics: /gm, '').trim());
  const results = JSON.parse(validation.stdout) as FileResult[];
  const changedPaths = change ? new Set(change.files.filter((f) => f.status !== 'deleted').map((f) => f.path)) : undefined;
  const fromRoot = (file: FileResult) => toRepoPath(workspace, change?.root ?? workspace, file.path);
  const inScope = changedPaths ? results.filter((r) => changedPaths.has(fromRoot(r))) : results;

  if (inputs.formats.has('annotations')) {
    log(change ? `Annotations on the ${plural(inScope.length, 'checked file')} this change touches:` : 'Annotations:');
    io.stdout.write(formatGithub(inScope));
  }
  if (inputs.formats.has('sarif')) {
    const sarifPath = path.resolve(workspace, inputs.sarifFile);
    await writeFile(sarifPath, formatSarif(results, { toolVersion: TOOL_VERSION, sourceRootUri: directoryUri(workspace) }));
    log(`SARIF for code scanning: ${path.relative(workspace, sarifPath)}`);
  }

  const diffs = change ? await diffChanges(change, results.map(fromRoot), workspace, cliEnv, log) : [];
  const failures = thresholdFailures(inputs, results, change ? inScope : results, diffs);
  const summary = renderSummary({ results, ...(change ? { change: { base: change.base, files: change.files } } : {}), inScope, diffs, failures });
  if (inputs.formats.has('summary') && io.env.GITHUB_STEP_SUMMARY) await appendFile(io.env.GITHUB_STEP_SUMMARY, summary);

  let commentUrl: string | undefined;
  if (inputs.comment) commentUrl = await comment(inputs, event, summary, io, log);

  const totals = countTotals(results);
  await writeOutputs(io.env.GITHUB_OUTPUT, {
    files: totals.files,
    errors: totals.errors,
    warnings: totals.warnings,
    notes: totals.information,
    'changed-files': diffs.length,
    'sarif-file': inputs.formats.has('sarif') ? inputs.sarifFile : '',
    'comment-url': commentUrl ?? '',
  });
  for (const failure of failures) log(`::error title=rubrics::${escapeData(failure)}`);
  return failures.length > 0 ? 1 : 0;
}

/**
 * One `rubrics diff --format json` per changed file that is (or was, for a deletion) a rubric
 * file: the version at the merge base against the one in the workspace.
 */
async function diffChanges(change: ChangeSet, validated: readonly string[], workspace: string, env: ActionIo['env'], log: (line: string) => void): Promise<FileDiff[]> {
  const known = new Set(validated);
  const diffs: FileDiff[] = [];
  for (const file of change.files) {
    if (file.status !== 'deleted' && !known.has(file.path)) continue;
    // An added file does not exist at the base: the CLI compares it with an empty file.
    const before = `${change.base}:${file.previousPath ?? file.path}`;
    const after = file.status === 'deleted' ? `${change.head}:${file.path}` : path.relative(workspace, path.join(change.root, file.path)) || '.';
    const output = await rubrics(['diff', before, after, '--format', 'json'], workspace, env);
    if (output.code === 2) {
      log(`::warning title=rubrics::${escapeData(`No score diff for ${file.path}: ${output.stderr.replace(/^rubrics: /gm, '').trim()}`)}`);
      continue;
    }
    const diff = JSON.parse(output.stdout) as ReportDiff;
    // A deleted YAML file that never was a rubric file.
    if (file.status === 'deleted' && diff.kind === 'Unknown') continue;
    diffs.push({ file, diff });
  }
  return diffs;
}

/** Why the check fails, one sentence each; empty when it passes. */
function thresholdFailures(inputs: ActionInputs, results: readonly FileResult[], inScope: readonly FileResult[], diffs: readonly FileDiff[]): string[] {
  const totals = countTotals(results);
  const failures: string[] = [];
  if (inputs.failOn !== 'never' && totals.errors > 0) {
    // A change can break a file it does not touch (an assessment of a rubric it edits): say where.
    const elsewhere = results.filter((r) => !inScope.includes(r) && r.diagnostics.some((d) => d.severity === 'error'));
    const where = elsewhere.length > 0 ? `, some in files this change does not touch: ${elsewhere.map((r) => r.path).join(', ')}` : '';
    failures.push(`${plural(totals.errors, 'error')} in the checked files${where}.`);
  }
  if (inputs.failOn === 'warning' && totals.warnings > 0) failures.push(`${plural(totals.warnings, 'warning')}, and fail-on is "warning".`);
  if (inputs.maxWarnings !== undefined && totals.warnings > inputs.maxWarnings) failures.push(`${plural(totals.warnings, 'warning')}, more than max-warnings ${inputs.maxWarnings} allows.`);
  if (inputs.maxScoreDrop !== undefined) {
    for (const { file, diff } of diffs) {
      const delta = diff.overall?.delta;
      if (delta !== undefined && -delta > inputs.maxScoreDrop) {
        failures.push(`The overall score of ${file.path} drops by ${-delta}, more than max-score-drop ${inputs.maxScoreDrop} allows.`);
      }
    }
  }
  return failures;
}

async function comment(inputs: ActionInputs, event: Awaited<ReturnType<typeof readEvent>>, summary: string, io: ActionIo, log: (line: string) => void): Promise<string | undefined> {
  if (event.pullRequest === undefined || !event.repository) {
    log('comment: not a pull request, so there is no comment to write.');
    return undefined;
  }
  if (!inputs.token) {
    log('::warning title=rubrics::No token for the pull-request comment: set the "token" input (it defaults to github.token).');
    return undefined;
  }
  try {
    const result = await upsertComment({ url: io.env.GITHUB_API_URL || 'https://api.github.com', token: inputs.token, repository: event.repository, fetch: io.fetch }, event.pullRequest, summary);
    log(`Pull-request comment ${result.action}: ${result.url}`);
    return result.url;
  } catch (error) {
    // The check itself ran: a comment that cannot be written is worth a warning, not a red build.
    log(`::warning title=rubrics::${escapeData(`Could not write the pull-request comment. ${(error as Error).message}`)}`);
    return undefined;
  }
}

/** Step outputs: `name=value` lines appended to the file at GITHUB_OUTPUT. */
async function writeOutputs(file: string | undefined, outputs: Record<string, string | number>): Promise<void> {
  if (!file) return;
  await appendFile(file, Object.entries(outputs).map(([name, value]) => `${name}=${String(value).replace(/[\r\n]+/g, ' ')}\n`).join(''));
}

/** A path the CLI printed (relative to the workspace) as a path from the repository root. */
function toRepoPath(workspace: string, root: string, shown: string): string {
  return path.relative(root, path.resolve(workspace, shown)).split(path.sep).join('/');
}
