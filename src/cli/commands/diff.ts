import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  buildReport,
  type Confinement,
  diffReports,
  type FileAnalysis,
  renderDiffMarkdown,
  renderReviewMarkdown,
  rubricChangesBetween,
} from '../core';
import { createEngine, FileChecker, incompleteLines } from '../../node/analyze';
import { DOCUMENT_OUTPUT_OPTIONS, oneOf, parseCommand } from '../args';
import { allowOutsideHelp, ALLOW_OUTSIDE_SPEC, cliConfinement } from '../../node/confinement';
import type { Command } from '../command';
import type { CliContext } from '../context';
import { CliError } from '../../node/errors';
import { emit, FORMAT_NAMES } from '../output';
import { printable, printableJson } from '../../node/printable';
import { reportProblemsToStderr } from '../problems';
import { reviewRepository } from '../../node/review';
import { SourceReader, type LoadedSource } from '../../node/sources';

const FORMATS = ['md', 'json'] as const;

const spec = {
  name: 'diff',
  options: {
    base: { type: 'string' },
    head: { type: 'string' },
    ...ALLOW_OUTSIDE_SPEC,
    ...DOCUMENT_OUTPUT_OPTIONS,
  },
  positionals: { min: 0, max: Infinity, what: 'two versions to compare (BEFORE AFTER), or with --base the paths to review' },
} as const;

export const diffCommand: Command = {
  name: 'diff',
  help: `Usage: rubrics diff [--base REF] [--head REF] [paths...] [--format md|json] [--out FILE]
       rubrics diff BEFORE AFTER [--format md|json] [--out FILE]

The whole change (the first form): every rubric, assessment and plan the change adds, modifies,
renames or deletes, compared between the base and the head, with git's rename detection. Also
every assessment and plan that uses a rubric the change touches, changed or not, since its
scores move with the rubric. For each: the overall score and level, the dimensions that moved
and why (the answers, evidence, exemptions, targets and weights that changed, and how much each
moved the score), blockers resolved or added, threshold crossings, new errors, and what changed
in the rubric itself. Markdown is written for one pull-request comment (within GitHub's
65,536 characters); JSON holds the same.

  --base REF   what to compare with (a branch, tag or commit); the change starts where the
               head left it (the merge base). Default: the remote's default branch
               (origin/HEAD, else origin/main, origin/master, main or master).
               In a shallow clone that lacks the shared history, the base commit itself is
               used and a note says so; a base that is not in the clone at all is an error
               that says what to fetch.
  --head REF   the commit to review; default: the working tree, uncommitted changes and
               untracked files included
  paths        files or folders to limit the review to (default: the whole repository)

Two versions of one file (the second form): BEFORE and AFTER are files, or REF:path to read a
file from git as it was at a branch, tag or commit (the path is from the repository root, or
from here when it starts with ./). Relative references inside a file read from git (its rubric,
its baseline) are read at the same REF. A REF:path that does not exist at REF (a file added or
deleted) compares with an empty file. Two versions of a rubric list what changed in it: dimensions,
criteria, levels, weights, answer scales and scoring, each old → new.

Options:
  -f, --format <name>  md (Markdown for a pull-request comment, default) or json
  -o, --out <file>     write to this file instead of stdout (written whole or not at all)
${allowOutsideHelp(23)}
  -h, --help           show this help

Scores are shown with two decimals, and every delta is the difference of the two numbers shown,
so what a reader adds up matches; JSON carries the full numbers.

Exit codes: 0 compared, 1 compared but the newer version has errors (listed on stderr), 2 could
not compare (including when either version could not be fully checked: the reasons are on stderr).

Examples:
  rubrics diff                                   # the working tree against the default branch
  rubrics diff --base origin/main --head HEAD rubrics/
  rubrics diff origin/main:rubrics/team.assessment.yaml rubrics/team.assessment.yaml
  rubrics diff rubrics/2025.assessment.yaml rubrics/2026.assessment.yaml --format json
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    const format = oneOf(values.format, FORMATS, 'md', '--format');
    const confinement = await cliConfinement(context.cwd, values['allow-outside'], context.root);
    const twoVersions = values.base === undefined && values.head === undefined && positionals.length === 2 && !(await anyFolder(positionals, context.cwd));
    if (twoVersions) return diffTwoVersions(positionals[0] as string, positionals[1] as string, format, values.out, context, confinement);
    return diffWholeChange({ ...(values.base !== undefined ? { base: values.base } : {}), ...(values.head !== undefined ? { head: values.head } : {}), paths: positionals, confinement }, format, values.out, context);
  },
};

async function anyFolder(paths: readonly string[], cwd: string): Promise<boolean> {
  for (const p of paths) if ((await stat(path.resolve(cwd, p)).catch(() => undefined))?.isDirectory()) return true;
  return false;
}

async function diffWholeChange(request: { base?: string; head?: string; paths: readonly string[]; confinement: Confinement }, format: (typeof FORMATS)[number], out: string | undefined, context: CliContext): Promise<number> {
  const result = await reviewRepository({ cwd: context.cwd, ...request, note: (text) => context.stderr.write(`rubrics: ${printable(text)}\n`) });
  for (const { path: shown, reasons } of result.incomplete) context.stderr.write(incompleteLines(shown, reasons));
  if (result.incomplete.length > 0) return 2;
  await emit(format === 'json' ? `${printableJson(JSON.stringify(result.review, null, 2))}\n` : renderReviewMarkdown(result.review), out, context, `the ${FORMAT_NAMES[format]} review of ${result.review.files.length} changed file${result.review.files.length === 1 ? '' : 's'}`);
  const hasErrors = reportProblemsToStderr(result.heads.map((h) => ({ path: h.path, analysis: h.analysis, documentIndex: 0, allDocuments: true })), context);
  return hasErrors ? 1 : 0;
}

async function diffTwoVersions(beforeArg: string, afterArg: string, format: (typeof FORMATS)[number], out: string | undefined, context: CliContext, confinement: Confinement): Promise<number> {
  const reader = new SourceReader(context.cwd);
  try {
    const engine = createEngine(reader, confinement);
    const [beforeSource, afterSource] = [await reader.load(beforeArg, engine), await reader.load(afterArg, engine)];
    if (beforeSource.text === undefined && afterSource.text === undefined) {
      throw new CliError(`Neither "${beforeSource.label}" nor "${afterSource.label}" exists, so there is nothing to compare. Check the paths.`);
    }
    const checker = new FileChecker(engine);
    const analyze = async (source: LoadedSource): Promise<FileAnalysis | undefined> => {
      if (source.text === undefined) {
        context.stderr.write(`rubrics: ${printable(source.label)} does not exist at that revision (the file is new or was deleted there); comparing with an empty file.\n`);
        return engine.analyzeAbsent(source.uri);
      }
      const { analysis, incomplete } = await checker.check(source.uri, source.text);
      context.stderr.write(incompleteLines(source.shownPath, incomplete));
      return incomplete.length > 0 ? undefined : analysis;
    };
    const before = await analyze(beforeSource);
    const after = await analyze(afterSource);
    // A comparison with a side that was not fully checked would show changes that are not there.
    if (!before || !after) return 2;
    const beforeReport = buildReport(before);
    const afterReport = buildReport(after);
    const diff = diffReports(beforeReport, afterReport);
    // A rubric scores nothing itself: its diff is what changed in it, item by item.
    const rubricChanges = rubricChangesBetween(before.documents[beforeReport.source.documentIndex], after.documents[afterReport.source.documentIndex]);
    const shownPath = afterSource.text === undefined ? beforeSource.shownPath : afterSource.shownPath;
    await emit(
      format === 'json' ? `${printableJson(JSON.stringify(rubricChanges ? { ...diff, rubricChanges } : diff, null, 2))}\n` : renderDiffMarkdown(diff, { path: shownPath, ...(rubricChanges ? { rubricChanges } : {}) }),
      out,
      context,
      `the ${FORMAT_NAMES[format]} comparison of ${printable(beforeSource.label)} with ${printable(afterSource.label)}`,
    );
    // Only the newer version's errors fail the run: the older one is history a pull request cannot fix.
    const hasErrors = afterSource.text !== undefined && reportProblemsToStderr([{ path: afterSource.shownPath, analysis: after, documentIndex: afterReport.source.documentIndex }], context);
    return hasErrors ? 1 : 0;
  } finally {
    await reader.close();
  }
}
