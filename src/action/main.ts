import path from 'node:path';
import { appendOutputFile, writeOutputFile } from '../node/atomicWrite';
import type { OutputStream } from '../cli/context';
import { CliError } from '../node/errors';
import { escapeData, formatGithub } from '../cli/formatters/github';
import { formatSarif } from '../cli/formatters/sarif';
import { printable } from '../node/printable';
import { countTotals, plural, type FileResult } from '../node/results';
import { TOOL_VERSION } from '../node/version';
import { directoryUri } from '../node/nodeFileHost';
import { type ChangeReview, formatScore, shownDelta } from './core';
import { cliConfinement } from '../node/confinement';
import { reviewRepository, type ReviewResult } from '../node/review';
import { rubrics } from './cli';
import { upsertComment } from './comment';
import { readEvent, type RunEvent } from './event';
import { readInputs, type ActionInputs } from './inputs';
import { jobSummary, renderSummary } from './summary';

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
 *
 * Whatever stops the check (a bad input, a path that matches nothing, a base it cannot find, a
 * file it cannot read), the SARIF file, the job summary and every output are still written, with
 * what was checked and why the rest was not, and the step exits 2: an upload step that follows
 * finds a valid file, and the reader of the summary learns why. Every file the Action writes
 * refuses to go through a link the checkout could have committed (atomicWrite's `within`).
 */
export async function runAction(io: ActionIo): Promise<number> {
  const log = (line: string) => io.stdout.write(`${line}\n`);
  const workspace = path.resolve(io.env.GITHUB_WORKSPACE ?? process.cwd());
  const { inputs, problems } = readInputs(io.env);
  /** Why the check could not run fully: the step exits 2, and every output says so. */
  const stopped: string[] = [...problems];
  let event: RunEvent = { name: io.env.GITHUB_EVENT_NAME ?? '' };
  try {
    event = await readEvent(io.env);
  } catch (error) {
    stopped.push(errorMessage(error));
  }

  let results: FileResult[] = [];
  let reviewed: ReviewResult | undefined;
  if (stopped.length === 0) {
    try {
      ({ results, reviewed } = await check(inputs, event, workspace, io, log, stopped));
    } catch (error) {
      stopped.push(`The check stopped with an internal error, a bug in rubrics ${TOOL_VERSION} (please report it): ${errorMessage(error)}`);
    }
  }
  const change = reviewed?.change;
  const changedPaths = change ? new Set(change.files.filter((f) => f.status !== 'deleted').map((f) => f.path)) : undefined;
  const fromRoot = (file: FileResult) => toRepoPath(workspace, change?.root ?? workspace, file.path);
  const inScope = changedPaths ? results.filter((r) => changedPaths.has(fromRoot(r))) : results;
  // Notes stay in SARIF and the summary's counts: as annotations they would bury the problems.
  const annotated = inScope.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity !== 'information') }));

  if (inputs.formats.has('annotations')) {
    log(change ? `Annotations on the ${plural(inScope.length, 'checked file')} this change touches:` : 'Annotations:');
    io.stdout.write(formatGithub(annotated));
  }

  const review = reviewed && reviewed.incomplete.length === 0 ? reviewed.review : undefined;
  const failures = thresholdFailures(inputs, results, change ? inScope : results, reviewed);

  // The SARIF file before the summary, so that a SARIF file that cannot be written is said in the summary too.
  let sarifWritten = false;
  if (inputs.formats.has('sarif')) {
    const sarif = formatSarif(results, { toolVersion: TOOL_VERSION, sourceRootUri: directoryUri(workspace), stopped });
    try {
      await writeOutputFile(path.resolve(workspace, inputs.sarifFile), sarif, inputs.sarifFile, { within: workspace });
      sarifWritten = true;
      log(`SARIF for code scanning: ${printable(inputs.sarifFile)}`);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      stopped.push(error.message);
    }
  }

  const summary = renderSummary({ results, ...(change ? { change: { base: change.base } } : {}), inScope, ...(review ? { review } : {}), failures, stopped });
  if (inputs.formats.has('summary') && io.env.GITHUB_STEP_SUMMARY) {
    await writeOrSay(() => appendOutputFile(io.env.GITHUB_STEP_SUMMARY as string, jobSummary(summary), 'the job summary', { within: workspace }), stopped);
  }

  let commentUrl: string | undefined;
  if (inputs.comment) commentUrl = await comment(inputs, event, summary, io, log);

  const totals = countTotals(results);
  if (io.env.GITHUB_OUTPUT) {
    const outputs = {
      files: totals.files,
      errors: totals.errors,
      warnings: totals.warnings,
      notes: totals.information,
      'changed-files': review?.files.filter((f) => f.status !== 'unchanged').length ?? 0,
      'sarif-file': sarifWritten ? inputs.sarifFile : '',
      'comment-url': commentUrl ?? '',
    };
    await writeOrSay(() => appendOutputFile(io.env.GITHUB_OUTPUT as string, outputLines(outputs), 'the step outputs', { within: workspace }), stopped);
  }
  for (const reason of stopped) log(`::error title=rubrics::${escapeData(reason)}`);
  const incomplete = results.filter((r) => r.incomplete).map((r) => r.path);
  if (incomplete.length > 0) log(`::error title=rubrics::${escapeData(`${plural(incomplete.length, 'file')} could not be fully checked (the summary says why): ${incomplete.join(', ')}.`)}`);
  for (const failure of failures) log(`::error title=rubrics::${escapeData(failure)}`);
  if (stopped.length > 0 || totals.filesIncomplete > 0) return 2;
  return failures.length > 0 ? 1 : 0;
}

/** Validates the paths with the bundled CLI, and reviews the change when there is a base; what stops either goes to `stopped`. */
async function check(inputs: ActionInputs, event: RunEvent, workspace: string, io: ActionIo, log: (line: string) => void, stopped: string[]): Promise<{ results: FileResult[]; reviewed?: ReviewResult }> {
  const validation = await rubrics(['validate', ...inputs.paths, '--format', 'json'], workspace, { ...io.env, GITHUB_WORKSPACE: workspace });
  const results = parseResults(validation.stdout);
  // Files that could not be fully checked say why in their results; anything else that stopped the CLI is said here.
  if (validation.code === 2 && !results.some((r) => r.incomplete)) stopped.push(validation.stderr.replace(/^rubrics: /gm, '').trim() || 'The check stopped without saying why.');

  const base = inputs.baseRef || event.base;
  if (!base) {
    log('No base to compare with (not a pull request, and no base-ref input): checking every file, with no score diff.');
    return { results };
  }
  try {
    // The same whole-change review as `rubrics diff --base`: the workspace against the merge base,
    // with references and checked files kept inside the checkout, as the validation keeps them (cli.ts).
    const confinement = await cliConfinement(workspace, [], workspace);
    const reviewed = await reviewRepository({ cwd: workspace, base, paths: inputs.paths, confinement, note: (text) => log(`::notice title=rubrics::${escapeData(text)}`) });
    for (const { path: shown, reasons } of reviewed.incomplete) log(`::warning title=rubrics::${escapeData(`No score diff for ${shown}: ${reasons.join(' ')}`)}`);
    return { results, reviewed };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    stopped.push(`Cannot compare with the base: ${error.message}`);
    return { results };
  }
}

/** The CLI's JSON results; none when it printed none (it stopped before it checked anything). */
function parseResults(stdout: string): FileResult[] {
  try {
    const parsed = JSON.parse(stdout) as unknown;
    return Array.isArray(parsed) ? (parsed as FileResult[]) : [];
  } catch {
    return [];
  }
}

/** Why the check fails, one sentence each; empty when it passes. */
function thresholdFailures(inputs: ActionInputs, results: readonly FileResult[], inScope: readonly FileResult[], reviewed: ReviewResult | undefined): string[] {
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
  if (inputs.maxScoreDrop !== undefined && reviewed) {
    // A gate that cannot see the scores does not pass them: a change it could not compare fails it.
    if (reviewed.incomplete.length > 0) {
      failures.push(`max-score-drop ${inputs.maxScoreDrop} cannot be checked: ${plural(reviewed.incomplete.length, 'changed file')} could not be compared (${reviewed.incomplete.map((f) => f.path).join(', ')}).`);
    } else {
      failures.push(...scoreDrops(reviewed.review, inputs.maxScoreDrop));
    }
  }
  return failures;
}

/**
 * The assessments whose overall score drops by more than `maxDrop`, or is gone while the file is
 * still there: emptied, its document taken out, or no longer scorable. Deleting the file is not a
 * drop: it takes its scores with it, and the review says so.
 */
function scoreDrops(review: ChangeReview, maxDrop: number): string[] {
  const failures: string[] = [];
  for (const file of review.files) {
    for (const doc of file.documents) {
      const o = doc.diff.overall;
      if (doc.kind !== 'Assessment' || o?.before === undefined) continue;
      if (o.after === undefined) {
        if (file.status !== 'deleted') failures.push(`The overall score of ${file.path} is gone (it was ${formatScore(o.before)}): the assessment became empty, lost its document or cannot be scored, which max-score-drop ${maxDrop} counts as a drop.`);
        continue;
      }
      // The drop a reader of the summary sees: the difference of the two numbers shown.
      const drop = -shownDelta(o.before, o.after);
      if (drop > maxDrop) failures.push(`The overall score of ${file.path} drops by ${formatScore(drop)} (${formatScore(o.before)} → ${formatScore(o.after)}), more than max-score-drop ${maxDrop} allows.`);
    }
  }
  return failures;
}

async function comment(inputs: ActionInputs, event: RunEvent, summary: string, io: ActionIo, log: (line: string) => void): Promise<string | undefined> {
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
    // The address is the API's answer: printed as text, never as a command of its own.
    log(`Pull-request comment ${result.action}: ${printable(result.url)}`);
    return result.url;
  } catch (error) {
    // The check itself ran: a comment that cannot be written is worth a warning, not a red build.
    log(`::warning title=rubrics::${escapeData(`Could not write the pull-request comment. ${errorMessage(error)}`)}`);
    return undefined;
  }
}

/** Runs a write of the runner's files; one that fails is said, and stops the step (exit 2), without hiding the rest. */
async function writeOrSay(write: () => Promise<void>, stopped: string[]): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    stopped.push(error.message);
  }
}

/** Step outputs as the GITHUB_OUTPUT file takes them: `name=value` lines, each value on one line. */
function outputLines(outputs: Record<string, string | number>): string {
  return Object.entries(outputs).map(([name, value]) => `${name}=${String(value).replace(/[\r\n]+/g, ' ')}\n`).join('');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A path the CLI printed (relative to the workspace) as a path from the repository root. */
function toRepoPath(workspace: string, root: string, shown: string): string {
  return path.relative(root, path.resolve(workspace, shown)).split(path.sep).join('/');
}
