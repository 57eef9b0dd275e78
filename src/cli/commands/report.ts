import { buildReport, renderHtml, renderJson, renderMarkdown, type ReportModel } from '../core';
import { createEngine, FileChecker, incompleteLines } from '../../node/analyze';
import { DOCUMENT_OUTPUT_OPTIONS, oneOf, parseCommand, wholeNumber } from '../args';
import { ALLOW_OUTSIDE_SPEC, allowOutsideHelp, cliConfinement } from '../../node/confinement';
import type { Command } from '../command';
import { CliError } from '../../node/errors';
import { emit, FORMAT_NAMES } from '../output';
import { printable, printableJson } from '../../node/printable';
import { reportProblemsToStderr } from '../problems';
import { SourceReader } from '../../node/sources';

const FORMATS = ['md', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

const spec = {
  name: 'report',
  options: {
    ...DOCUMENT_OUTPUT_OPTIONS,
    document: { type: 'string', short: 'd' },
    ...ALLOW_OUTSIDE_SPEC,
  },
  positionals: { min: 1, max: 1, what: 'one file (an assessment, a plan or a rubric)' },
} as const;

const RENDERERS: Record<Format, (model: ReportModel) => string> = {
  md: renderMarkdown,
  html: (model) => renderHtml(model, { mode: 'standalone' }),
  json: (model) => printableJson(renderJson(model)),
};

export const reportCommand: Command = {
  name: 'report',
  help: `Usage: rubrics report FILE [--format md|html|json] [--out FILE] [--document N]

Writes the report of one document: for an assessment, the scores per dimension and overall,
gaps to targets, the criteria that block the next level, evidence and exemptions; for a plan,
the initiatives and the levels they project; for a rubric, an overview of its levels and
dimensions. The same report the VS Code preview shows.

FILE is a path, or REF:path to read it from git (e.g. main:rubrics/team.assessment.yaml).

Options:
  -f, --format <name>  md (Markdown, default), html (a self-contained page) or json
  -o, --out <file>     write to this file instead of stdout (written whole or not at all)
  -d, --document <n>   which document of a multi-document file, counting from 1
                       (default: the first assessment or plan)
${allowOutsideHelp(23)}
  -h, --help           show this help

A document with errors still gets its report (with what could be computed and the problems
listed); the problems are also printed on stderr and the exit code is 1. A file that could not
be fully checked (a referenced file that cannot be read, or a reason the engine gives) gets no
report: the reasons are printed on stderr and the exit code is 2.

Examples:
  rubrics report rubrics/baseline.assessment.yaml
  rubrics report rubrics/roadmap.plan.yaml --format html --out roadmap.html
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    const format = oneOf<Format>(values.format, FORMATS, 'md', '--format');
    const documentNumber = wholeNumber(values.document, '--document', 1);
    const reader = new SourceReader(context.cwd);
    const engine = createEngine(reader, await cliConfinement(context.cwd, values['allow-outside'], context.root));
    const source = await reader.load(positionals[0] as string, engine);
    if (source.text === undefined) throw new CliError(`"${source.label}" does not exist at that revision. Check the path with "git ls-tree -r --name-only ${source.label.split(':')[0]}".`);
    const { analysis, incomplete } = await new FileChecker(engine).check(source.uri, source.text);
    if (!analysis) {
      context.stderr.write(incompleteLines(source.shownPath, incomplete));
      return 2;
    }

    let documentIndex: number | undefined;
    if (documentNumber !== undefined) {
      if (documentNumber > analysis.documents.length) {
        const kinds = analysis.documents.map((d, i) => `${i + 1}: ${d.kind ?? 'unknown'}`).join(', ');
        throw new CliError(`--document ${documentNumber}: ${source.shownPath} has ${analysis.documents.length} document${analysis.documents.length === 1 ? '' : 's'}${kinds ? ` (${kinds})` : ''}.`);
      }
      documentIndex = documentNumber - 1;
    }
    const model = buildReport(analysis, documentIndex);
    const problems = [{ path: source.shownPath, analysis, documentIndex: model.source.documentIndex }];
    if (incomplete.length > 0) {
      // A report of a file that was not fully checked would look complete: write none.
      context.stderr.write(incompleteLines(source.shownPath, incomplete));
      reportProblemsToStderr(problems, context);
      return 2;
    }
    await emit(RENDERERS[format](model), values.out, context, `the ${FORMAT_NAMES[format]} report of ${printable(source.shownPath)}`);
    const hasErrors = reportProblemsToStderr(problems, context);
    return hasErrors ? 1 : 0;
  },
};
