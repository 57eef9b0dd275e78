import { answerChangeProblems, answerEdits, applyTextEdits, parseDocuments, readAnswers, withFormatProblems } from '../core';
import { loadAssessmentSheet, newAssessorEdits } from '../answerSheetSource';
import { oneOf, parseCommand, wholeNumber } from '../args';
import type { Command } from '../command';
import { ALLOW_OUTSIDE_SPEC, allowOutsideHelp, outputRoot } from '../../node/confinement';
import { CliError } from '../../node/errors';
import { readSpreadsheetFile } from '../importSupport';
import { printable } from '../../node/printable';

const spec = {
  name: 'import answers',
  options: {
    into: { type: 'string' },
    partial: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    document: { type: 'string', short: 'd' },
    assessor: { type: 'string' },
    'assessor-name': { type: 'string' },
    'assessor-date': { type: 'string' },
    ...ALLOW_OUTSIDE_SPEC,
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 1, max: 1, what: 'the spreadsheet to read' },
} as const;

export const importAnswersCommand: Command = {
  name: 'import answers',
  help: `Usage: rubrics import answers SHEET --into ASSESSMENT [--assessor ID] [--partial] [--dry-run]

Reads a spreadsheet that "rubrics export" wrote and someone filled in (XLSX or CSV, also as
saved again by Excel, LibreOffice or Google Sheets) back into the assessment: each row is found
by its criterion id, and only what a cell changed is written, as an ordinary edit of the YAML
that keeps its comments and layout. A sheet imported without edits changes nothing.

With --assessor, the answers go into that assessor's response (under "responses"), not into
the assessment's agreed answers; a sheet exported for one assessor is refused for another. An
assessor the assessment does not have yet is added when --assessor-name is given (the
assessment must already choose a consensus rule).

Every problem is named by its cell (Answers!H12) with what to do. When any row has one, nothing
is changed and the exit code is 1, unless --partial is given: then the rows without problems are
applied, and the exit code is still 1. The file is written whole or not at all.

Options:
      --into <file>     the assessment to change
      --partial         apply the rows without problems even when other rows have some
      --dry-run         say what would change, and change nothing
  -f, --format <name>   xlsx or csv (default: from the sheet's extension)
      --assessor <id>   write the answers of this assessor (a key of the assessment's responses)
      --assessor-name <name>
                        a new assessor's name, to add their response
      --assessor-date <YYYY-MM-DD>
                        when the new assessor answered (default: today)
  -d, --document <n>    which document of a multi-document file, counting from 1
${allowOutsideHelp(24)}
  -h, --help            show this help

Examples:
  rubrics import answers answers.xlsx --into rubrics/2026-q1.assessment.yaml
  rubrics import answers answers.csv --into rubrics/2026-q1.assessment.yaml --dry-run
  rubrics import answers priya.xlsx --into rubrics/2026-q1.assessment.yaml --assessor priya
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    if (values.into === undefined) throw new CliError('"rubrics import answers" needs --into ASSESSMENT: the assessment file the answers go into.');
    const format = values.format === undefined ? undefined : oneOf(values.format, ['xlsx', 'csv'] as const, 'xlsx', '--format');
    const assessorId = values.assessor;
    if (assessorId === undefined && (values['assessor-name'] !== undefined || values['assessor-date'] !== undefined)) throw new CliError('--assessor-name and --assessor-date describe a new assessor: give their id with --assessor too.');
    const target = await loadAssessmentSheet(values.into, wholeNumber(values.document, '--document', 1), values['allow-outside'], context, assessorId === undefined ? undefined : { id: assessorId, create: values['assessor-name'] !== undefined });
    const added = target.newAssessor ? newAssessorEdits(target, values['assessor-name'], values['assessor-date']) : undefined;
    const { workbook, shown: shownSheet } = await readSpreadsheetFile(positionals[0] as string, 'xlsx', context, format);
    const read = readAnswers(workbook, target.sheet);
    const result = withFormatProblems(read, answerChangeProblems(read.changes));
    const whose = target.sheet.assessor ? ` (the answers of ${printable(target.sheet.assessor.name ?? values['assessor-name'] ?? target.sheet.assessor.id)}${added ? ', a new assessor' : ''})` : '';
    for (const note of result.notes) context.stderr.write(`${printable(shownSheet)}: note: ${printable(note)}\n`);
    for (const problem of result.problems) context.stderr.write(`${printable(shownSheet)}: ${printable(problem.cell)}: ${printable(problem.message)}\n`);
    if (result.problems.length > 0 && !values.partial) {
      context.stderr.write(`Nothing was changed: ${problemCount(result.problems.length)} in ${printable(shownSheet)}. Fix ${result.problems.length === 1 ? 'it' : 'them'} and import again, or pass --partial to apply the rows without problems.\n`);
      return 1;
    }
    // A new assessor's response first; their answers are then worked out on the text that has it.
    const base = added ? applyTextEdits(target.text, added.edits) : target.text;
    const parsed = added ? parseDocuments(base).documents[target.documentIndex] : target.document.parsed;
    if (!parsed) throw new CliError(`${printable(target.shownPath)}: the new assessor's response could not be added.`);
    const edits = answerEdits(base, parsed, result.changes, { documentIndex: target.documentIndex, dimensionsPath: target.dimensionsPath });
    if ('refused' in edits) throw new CliError(`${printable(target.shownPath)}: ${printable(edits.refused)}`);
    const changed = result.changes.length;
    const summary = `${changed} of ${result.rows} criteria ${changed === 1 ? 'has' : 'have'} changes`;
    if (values['dry-run'] || changed === 0) {
      for (const change of result.changes) context.stdout.write(`${printable(change.dimension)} › ${printable(change.criterion)}: ${Object.keys(change).filter((k) => k !== 'dimension' && k !== 'criterion').join(', ')}\n`);
      context.stderr.write(`${summary}${changed === 0 ? '; nothing to write' : '; --dry-run: nothing was written'} (${printable(target.shownPath)}${whose}).\n`);
      return result.problems.length > 0 ? 1 : 0;
    }
    const { writeOutputFile } = await import('../../node/atomicWrite');
    await writeOutputFile(target.absolute, applyTextEdits(base, edits.edits), target.shownPath, { within: await outputRoot(context) });
    context.stderr.write(`${summary}; wrote ${printable(target.shownPath)}${whose}${result.problems.length > 0 ? ` without the rows with ${problemCount(result.problems.length)}` : ''}.\n`);
    return result.problems.length > 0 ? 1 : 0;
  },
};

const problemCount = (n: number) => `${n} problem${n === 1 ? '' : 's'}`;

