import { renderDiffMarkdown } from '../../core/render';
import { buildReport, diffReports } from '../../core/report';
import type { FileAnalysis } from '../../core/engine';
import { createEngine, FileChecker, incompleteLines } from '../analyze';
import { oneOf, parseCommand } from '../args';
import { cliConfinement } from '../confinement';
import type { Command } from '../command';
import { CliError } from '../errors';
import { emit } from '../output';
import { printable, printableJson } from '../printable';
import { reportProblemsToStderr } from '../problems';
import { SourceReader, type LoadedSource } from '../sources';

const FORMATS = ['md', 'json'] as const;

const spec = {
  name: 'diff',
  options: {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    'allow-outside': { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 2, max: 2, what: 'two versions to compare: BEFORE and AFTER' },
} as const;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Show what changed in the scores between two versions of an assessment or a plan.',
  help: `Usage: rubrics diff BEFORE AFTER [--format md|json] [--out FILE]

Compares two versions of an assessment or a plan and says what a reviewer needs to know: the
overall score and level, dimensions that moved or crossed the threshold, blockers resolved or
added, evidence coverage, exemptions, and for plans the initiatives and projected levels.

BEFORE and AFTER are files, or REF:path to read a file from git as it was at a branch, tag or
commit (the path is from the repository root, or from here when it starts with ./). Relative
references inside a file read from git (its rubric, its baseline) are read at the same REF.
A REF:path that does not exist at REF (a file added or deleted) compares with an empty file.

Options:
  -f, --format <name>  md (Markdown for a pull-request comment, default) or json
  -o, --out <file>     write to this file instead of stdout (written whole or not at all)
      --allow-outside <folder>
                       let references read files in this folder too; by default they
                       stay inside the git repository (or the current folder)
  -h, --help           show this help

Exit codes: 0 compared, 1 compared but AFTER has errors (listed on stderr), 2 could not compare
(including when either version could not be fully checked: the reasons are on stderr).

Examples:
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
    const reader = new SourceReader(context.cwd);
    const [beforeSource, afterSource] = [await reader.load(positionals[0] as string), await reader.load(positionals[1] as string)];
    if (beforeSource.text === undefined && afterSource.text === undefined) {
      throw new CliError(`Neither "${beforeSource.label}" nor "${afterSource.label}" exists, so there is nothing to compare. Check the paths.`);
    }
    const checker = new FileChecker(createEngine(reader, await cliConfinement(context.cwd, values['allow-outside'], context.root)));
    const analyze = async (source: LoadedSource): Promise<FileAnalysis | undefined> => {
      if (source.text === undefined) context.stderr.write(`rubrics: ${printable(source.label)} does not exist at that revision (the file is new or was deleted there); comparing with an empty file.\n`);
      const { analysis, incomplete } = await checker.check(source.uri, source.text ?? '');
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
    await emit(format === 'json' ? `${printableJson(JSON.stringify(diff, null, 2))}\n` : renderDiffMarkdown(diff), values.out, context);
    // Only the newer version's errors fail the run: the older one is history a pull request cannot fix.
    const hasErrors = afterSource.text !== undefined && reportProblemsToStderr([{ path: afterSource.shownPath, analysis: after, documentIndex: afterReport.source.documentIndex }], context);
    return hasErrors ? 1 : 0;
  },
};
