import { palette } from '../cli/color';
import { summaryLine } from '../cli/formatters/stylish';
import type { FileResult } from '../cli/results';
import type { ChangedFile } from '../cli/changedFiles';
import { renderDiffMarkdown } from '../core/render';
import { markdownCode, markdownTable, markdownText } from '../core/render/markdown/escape';
import type { ReportDiff } from '../core/report';

/** At most this many problems are listed in the summary; annotations and SARIF have them all. */
export const MAX_LISTED_PROBLEMS = 50;

export interface FileDiff {
  readonly file: ChangedFile;
  readonly diff: ReportDiff;
}

export interface SummaryInput {
  readonly results: readonly FileResult[];
  /** undefined when there was nothing to compare with: every file then counts as changed. */
  readonly change?: { readonly base: string; readonly files: readonly ChangedFile[] };
  /** The validated files the change touched. */
  readonly inScope: readonly FileResult[];
  readonly diffs: readonly FileDiff[];
  readonly failures: readonly string[];
}

/** The Markdown of the job summary and of the pull-request comment. */
export function renderSummary(input: SummaryInput): string {
  const out = ['## Rubrics as Code', '', summaryLine(input.results, palette(false))];
  if (input.change) {
    const base = markdownCode(input.change.base.slice(0, 12));
    const touched = input.diffs.length;
    out.push('', touched === 0
      ? `This change touches no rubric, assessment or plan (compared with ${base}).`
      : `This change touches ${touched === 1 ? 'one rubric file' : `${touched} rubric files`} (compared with ${base}, where it branched off).`);
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

  for (const { file, diff } of input.diffs) {
    out.push('', `${markdownCode(file.path)} · ${describeChange(file)}`, '', demoteHeadings(renderDiffMarkdown(diff).trim()));
  }
  return `${out.join('\n')}\n`;
}

function describeChange(file: ChangedFile): string {
  if ((file.status === 'renamed' || file.status === 'copied') && file.previousPath) return `${file.status} from ${markdownCode(file.previousPath)}`;
  return file.status;
}

/** The CLI's diff starts at level 2; under the summary's own heading, each file's diff sits one level lower. */
function demoteHeadings(markdown: string): string {
  return markdown.replace(/^(#{1,5}) /gm, '#$1 ');
}
