import path from 'node:path';
import { answerWorkbook, loadSheetCodec } from '../core';
import { loadAssessmentSheet, newAssessorEdits } from '../answerSheetSource';
import { oneOf, parseCommand, wholeNumber } from '../args';
import type { Command } from '../command';
import { ALLOW_OUTSIDE_SPEC, allowOutsideHelp, outputRoot } from '../../node/confinement';
import { CliError } from '../../node/errors';
import { printable } from '../../node/printable';

const FORMATS = ['xlsx', 'csv'] as const;
const DELIMITERS = { ',': ',', ';': ';', tab: '\t' } as const;

const spec = {
  name: 'export',
  options: {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    bom: { type: 'boolean' },
    delimiter: { type: 'string' },
    document: { type: 'string', short: 'd' },
    assessor: { type: 'string' },
    'assessor-name': { type: 'string' },
    ...ALLOW_OUTSIDE_SPEC,
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 1, max: 1, what: 'one assessment file' },
} as const;

export const exportCommand: Command = {
  name: 'export',
  help: `Usage: rubrics export ASSESSMENT --out FILE [--assessor ID] [--format xlsx|csv] [--bom] [--delimiter ,|;|tab]

Writes an assessment's answers as a spreadsheet for people who would rather answer in Excel,
LibreOffice or Google Sheets: one row per criterion of its rubric, with the ids the import
finds it by, the dimension, the criterion's text, the answers its scale allows (a drop-down in
XLSX), and the answer, evidence, note, not-applicable reason and exemption it has now. No cell
holds a formula. "rubrics import answers" reads the filled-in sheet back into the assessment.
With --assessor, the sheet holds one assessor's answers (their response under "responses")
instead of the assessment's agreed ones, for that assessor to fill in.

Options:
  -o, --out <file>       the spreadsheet to write (written whole or not at all)
  -f, --format <name>    xlsx or csv (default: from --out's extension, else xlsx)
      --bom              CSV: start with a UTF-8 byte-order mark (Excel on Windows then reads
                         accents and other non-English letters correctly)
      --delimiter <d>    CSV: , (default), ; (what Excel expects where , is the decimal
                         separator) or tab
      --assessor <id>    the answers of this assessor (a key of the assessment's responses)
      --assessor-name <name>
                         a new assessor's name: a blank sheet for them, which the import adds
                         as their response
  -d, --document <n>     which document of a multi-document file, counting from 1
${allowOutsideHelp(25)}
  -h, --help             show this help

Examples:
  rubrics export rubrics/2026-q1.assessment.yaml --out answers.xlsx
  rubrics export rubrics/2026-q1.assessment.yaml --out answers.csv --bom --delimiter ";"
  rubrics export rubrics/2026-q1.assessment.yaml --assessor priya --out priya.xlsx
  rubrics export rubrics/2026-q1.assessment.yaml --assessor lena --assessor-name "Lena Berg" --out lena.xlsx
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    if (values.out === undefined) throw new CliError('"rubrics export" needs --out FILE: the spreadsheet to write.');
    const byExtension = /\.csv$/i.test(values.out) ? 'csv' : 'xlsx';
    const format = oneOf(values.format, FORMATS, byExtension, '--format');
    const delimiter = DELIMITERS[oneOf(values.delimiter, Object.keys(DELIMITERS) as (keyof typeof DELIMITERS)[], ',', '--delimiter')];
    if (format === 'xlsx' && (values.bom || values.delimiter !== undefined)) throw new CliError('--bom and --delimiter are for CSV files; an XLSX file has neither.');
    const name = values['assessor-name'];
    if (values.assessor === undefined && name !== undefined) throw new CliError('--assessor-name names a new assessor: give their id with --assessor too.');
    const assessor = values.assessor === undefined ? undefined : { id: values.assessor, ...(name !== undefined ? { name, create: true } : {}) };
    const source = await loadAssessmentSheet(positionals[0] as string, wholeNumber(values.document, '--document', 1), values['allow-outside'], context, assessor);
    // A new assessor: checked now (the consensus rule, the id) rather than after someone filled the sheet in.
    if (source.newAssessor) newAssessorEdits(source, name, undefined);
    const whom = assessor ? ` --assessor ${quoted(assessor.id)}${source.newAssessor && name !== undefined ? ` --assessor-name ${quoted(name)}` : ''}` : '';
    const importCommand = `rubrics import answers ${quoted(values.out)} --into ${quoted(source.shownPath)}${whom}`;
    const codec = await loadSheetCodec();
    const bytes = await codec.writeSpreadsheet(answerWorkbook(source.sheet, format, importCommand), format, { delimiter, bom: values.bom ?? false });
    const { writeOutputFile } = await import('../../node/atomicWrite');
    await writeOutputFile(path.resolve(context.cwd, values.out), bytes, values.out, { within: await outputRoot(context) });
    const whose = source.sheet.assessor ? ` (the answers of ${printable(source.sheet.assessor.name ?? source.sheet.assessor.id)})` : '';
    context.stderr.write(`Wrote ${source.sheet.rows.length} criteria of ${printable(source.shownPath)}${whose} to ${printable(values.out)}. After editing, run: ${printable(importCommand)}\n`);
    return 0;
  },
};

/** A path as a shell reads it back: quoted when it holds anything but plain path characters. */
function quoted(file: string): string {
  return /^[A-Za-z0-9_./@:+-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}
