import { palette } from '../cli/color';
import { summaryLine } from '../cli/formatters/stylish';
import { notFullyChecked, type FileResult } from '../node/results';
import {
  type ChangeReview,
  fitMarkdown,
  markdownCode,
  markdownTable,
  markdownText,
  MAX_COMMENT_LENGTH,
  MAX_SUMMARY_BYTES,
  renderReviewMarkdown,
} from './core';

/** At most this many problems are listed in the summary; annotations and SARIF have them all. */
export const MAX_LISTED_PROBLEMS = 50;

export interface SummaryInput {
  readonly results: readonly FileResult[];
  /** undefined when there was nothing to compare with: every file then counts as changed. */
  readonly change?: { readonly base: string };
  /** The validated files the change touched. */
  readonly inScope: readonly FileResult[];
  /** The whole-change review (`rubrics diff --base`), when there was a base to compare with. */
  readonly review?: ChangeReview;
  readonly failures: readonly string[];
  /** Why the check could not run fully (it exits 2): a bad input, a path that matches nothing, a base it cannot find, a file it could not read. */
  readonly stopped?: readonly string[];
}

/**
 * The Markdown of the job summary and of the pull-request comment: the check's verdict, the
 * problems of the changed files, then the review of the change as `rubrics diff --base` writes
 * it, within GitHub's comment limit.
 */
export function renderSummary(input: SummaryInput): string {
  const out = ['## Rubrics as Code', '', summaryLine(input.results, palette(false))];
  if (input.change && !input.review) out.push('', `No score diff: a changed file could not be fully checked at one side (see the warnings in the log). Compared with ${markdownCode(input.change.base.slice(0, 12))}.`);
  const stopped = [...(input.stopped ?? []), ...input.results.flatMap((r) => (r.incomplete ?? []).map((reason) => notFullyChecked(r.path, reason)))];
  if (stopped.length > 0) {
    out.push('', '**The check could not run fully** (it exits 2); what it checked is below:', '', ...stopped.map((f) => `- ${markdownText(f)}`));
  }
  if (input.failures.length > 0) {
    out.push('', '**The check fails:**', '', ...input.failures.map((f) => `- ${markdownText(f)}`));
  }

  const problems = input.inScope.flatMap((file) => file.diagnostics.filter((d) => d.severity !== 'information').map((d) => ({ file, d })));
  if (problems.length > 0) {
    out.push('', `### Problems in ${input.change ? 'the changed files' : 'the files'} (${problems.length})`, '');
    const rows = problems.slice(0, MAX_LISTED_PROBLEMS).map(({ file, d }) => [
      `${markdownCode(file.path)}:${d.line}`, d.severity, markdownCode(d.code), markdownText(d.message),
    ]);
    out.push(markdownTable(['File', 'Severity', 'Code', 'Message'], rows));
    if (problems.length > MAX_LISTED_PROBLEMS) out.push('', `…and ${problems.length - MAX_LISTED_PROBLEMS} more, in the annotations and the SARIF file.`);
  }
  const head = `${out.join('\n')}\n`;
  if (!input.review) return head;
  // The comment carries a marker line too: keep the whole within GitHub's limit.
  return `${head}\n${renderReviewMarkdown(input.review, { headingLevel: 3, maxLength: MAX_COMMENT_LENGTH - head.length - 200 })}`;
}

/**
 * The job summary: the same Markdown as the comment, kept within what GitHub takes of one step's
 * summary (1 MiB, with room) the way the comment is kept within its limit (fitMarkdown).
 */
export function jobSummary(markdown: string): string {
  return fitMarkdown(markdown, MAX_SUMMARY_BYTES, 'bytes', 'The rest is too long for a job summary (GitHub keeps 1 MiB of one): the annotations and the SARIF file have every problem, and `rubrics diff --base` every score.');
}
