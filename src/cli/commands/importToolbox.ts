import path from 'node:path';
import YAML from 'yaml';
import { readSammToolbox } from '../core';
import { parseCommand } from '../args';
import type { Command } from '../command';
import { CliError } from '../../node/errors';
import { emit } from '../output';
import { printable } from '../../node/printable';
import { checkWritten, readSpreadsheetFile, todayIn, validId } from '../importSupport';
import { loadRubric, rubricReference } from '../rubricSource';

const spec = {
  name: 'import samm-toolbox',
  options: {
    rubric: { type: 'string' },
    out: { type: 'string', short: 'o' },
    id: { type: 'string' },
    date: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 1, max: 1, what: 'the toolbox spreadsheet (.xlsx)' },
} as const;

export const importToolboxCommand: Command = {
  name: 'import samm-toolbox',
  help: `Usage: rubrics import samm-toolbox FILE --rubric SAMM_RUBRIC [--out FILE] [--id ID] [--date DATE]

Turns a filled-in OWASP SAMM toolbox spreadsheet (SAMM_spreadsheet.xlsx, any release) into an
assessment against the SAMM rubric that "rubrics import samm" wrote, so a team that assessed in
Excel continues in git. The answers of the Interview sheet are read: each question is found by
the id in its column A (G-SM-A-1-1) and each answer by its place in the question's drop-down,
so toolbox releases whose texts differ from the model's import alike; interview notes become the
answers' notes; organization, team, date, team lead and contributors come from the interview's
header. The scores equal the toolbox's own Scorecard. A blank answer is listed and left
unanswered; an answer that is not in its drop-down stops the import (exit 1, nothing written).

Options:
      --rubric <file>  the SAMM rubric ("rubrics import samm" writes it)
  -o, --out <file>     write the assessment here (written whole or not at all; default stdout)
      --id <id>        the assessment's id (default from the team and the date)
      --date <date>    the assessment's date when the toolbox gives none (default today)
  -h, --help           show this help

Example:
  rubrics import samm rubrics/samm-core --out rubrics/samm.rubric.yaml
  rubrics import samm-toolbox SAMM_spreadsheet.xlsx --rubric rubrics/samm.rubric.yaml --out rubrics/payments-2026-03.assessment.yaml
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    if (values.rubric === undefined) throw new CliError('"rubrics import samm-toolbox" needs --rubric: the SAMM rubric that "rubrics import samm" wrote.');
    if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new CliError(`--date must be a date as YYYY-MM-DD, not "${printable(values.date)}".`);
    const rubric = await loadRubric(values.rubric, context);
    const { workbook, shown } = await readSpreadsheetFile(positionals[0] as string, 'xlsx', context);
    const out = values.out === undefined || values.out === '-' ? undefined : path.resolve(context.cwd, values.out);
    const result = readSammToolbox(workbook, rubric.index, {
      rubricReference: rubricReference(out ?? path.join(context.cwd, 'stdout'), rubric.absolute),
      defaultDate: values.date ?? todayIn(),
      ...(values.id !== undefined ? { id: validId(values.id) } : {}),
    });
    for (const note of result.notes) context.stderr.write(`${printable(shown)}: note: ${printable(note)}\n`);
    for (const problem of result.problems) context.stderr.write(`${printable(shown)}: ${printable(problem.cell)}: ${printable(problem.message)}\n`);
    if (result.problems.length > 0 || !result.assessment) {
      context.stderr.write(`Nothing was written: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${printable(shown)}.\n`);
      return 1;
    }
    const header = `# OWASP SAMM assessment, converted by "rubrics import samm-toolbox" from ${path.basename(shown)} (SAMM toolbox${result.release ? ` release ${result.release}` : ', release not stated'}; ${result.answered} answers).\n`;
    const text = header + YAML.stringify(result.assessment, { lineWidth: 100, minContentWidth: 40, blockQuote: 'literal' });
    const hasErrors = await checkWritten(text, values.out ?? `${result.assessment.id}.assessment.yaml`, out ?? path.join(context.cwd, 'stdout.assessment.yaml'), context);
    await emit(text, values.out, context);
    return hasErrors ? 1 : 0;
  },
};
