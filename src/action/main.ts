import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { directoryUri } from '../cli/commands/validate';
import type { OutputStream } from '../cli/context';
import { CliError } from '../cli/errors';
import { escapeData, formatGithub } from '../cli/formatters/github';
import { formatSarif } from '../cli/formatters/sarif';
import { countTotals, plural, type FileResult } from '../cli/results';
import { TOOL_VERSION } from '../cli/version';
import { formatScore, shownDelta } from '../core/render/text';
import type { ChangeReview } from '../core/review/change';
import { cliConfinement } from '../cli/confinement';
import { reviewRepository, type ReviewResult } from '../cli/review';
import { rubrics } from './cli';
import { upsertComment } from './comment';
import { readEvent } from './event';
import { InputError, readInputs, type ActionInputs } from './inputs';
import { renderSummary } from './summary';

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

  const validation = await rubrics(['validate', ...inputs.paths, '--format', 'json'], workspace, cliEnv);
  if (validation.code === 2) return fail(validation.stderr.replace(/^rubrics: /gm, '').trim());
  const results = JSON.parse(validation.stdout) as FileResult[];

  let reviewed: ReviewResult | undefined;
  if (base) {
    try {
      // The same whole-change review as `rubrics diff --base`: the workspace against the merge base.
      // The whole-change review keeps references inside the checkout, as the validation does (cli.ts).
      const confinement = await cliConfinement(workspace, [], workspace);
      reviewed = await reviewRepository({ cwd: workspace, base, paths: inputs.paths, confinement, note: (text) => log(`::notice title=rubrics::${escapeData(text)}`) });
    } catch (error) {
      if (error instanceof CliError) return fail(`Cannot compare with the base: ${error.message}`);
      throw error;
    }
    for (const { path: shown, reasons } of reviewed.incomplete) log(`::warning title=rubrics::${escapeData(`No score diff for ${shown}: ${reasons.join(' ')}`)}`);
  } else {
    log('No base to compare with (not a pull request, and no base-ref input): checking every file, with no score diff.');
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
  if (inputs.formats.has('sarif')) {
    const sarifPath = path.resolve(workspace, inputs.sarifFile);
    await writeFile(sarifPath, formatSarif(results, { toolVersion: TOOL_VERSION, sourceRootUri: directoryUri(workspace) }));
    log(`SARIF for code scanning: ${path.relative(workspace, sarifPath)}`);
  }

  const review = reviewed && reviewed.incomplete.length === 0 ? reviewed.review : undefined;
  const failures = thresholdFailures(inputs, results, change ? inScope : results, review);
  const summary = renderSummary({ results, ...(change ? { change: { base: change.base } } : {}), inScope, ...(review ? { review } : {}), failures });
  if (inputs.formats.has('summary') && io.env.GITHUB_STEP_SUMMARY) await appendFile(io.env.GITHUB_STEP_SUMMARY, summary);

  let commentUrl: string | undefined;
  if (inputs.comment) commentUrl = await comment(inputs, event, summary, io, log);

  const totals = countTotals(results);
  await writeOutputs(io.env.GITHUB_OUTPUT, {
    files: totals.files,
    errors: totals.errors,
    warnings: totals.warnings,
    notes: totals.information,
    'changed-files': review?.files.filter((f) => f.status !== 'unchanged').length ?? 0,
    'sarif-file': inputs.formats.has('sarif') ? inputs.sarifFile : '',
    'comment-url': commentUrl ?? '',
  });
  for (const failure of failures) log(`::error title=rubrics::${escapeData(failure)}`);
  return failures.length > 0 ? 1 : 0;
}

/** Why the check fails, one sentence each; empty when it passes. */
function thresholdFailures(inputs: ActionInputs, results: readonly FileResult[], inScope: readonly FileResult[], review: ChangeReview | undefined): string[] {
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
    for (const file of review?.files ?? []) {
      for (const doc of file.documents) {
        const o = doc.diff.overall;
        if (doc.kind !== 'Assessment' || o?.before === undefined || o.after === undefined) continue;
        // The drop a reader of the summary sees: the difference of the two numbers shown.
        const drop = -shownDelta(o.before, o.after);
        if (drop > inputs.maxScoreDrop) failures.push(`The overall score of ${file.path} drops by ${formatScore(drop)} (${formatScore(o.before)} → ${formatScore(o.after)}), more than max-score-drop ${inputs.maxScoreDrop} allows.`);
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
