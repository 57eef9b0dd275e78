/**
 * The answer sheet: an assessment as a table a person fills in with a spreadsheet program, one row
 * per criterion of its rubric, keyed by stable ids, with the criterion's text and the answers its
 * scale allows (a drop-down in XLSX) beside the answer, evidence, note, not-applicable reason and
 * exemption. No cell holds a formula the import depends on. `answerModelOf` reads the model from
 * an analysed assessment; `answerWorkbook` lays it out for the codec; answerImport.ts reads a
 * filled-in sheet back into answer changes. The model is plain data, so the language server can
 * send it to an editor that writes the file.
 */
import { answerText } from '../../domain/answers';
import type { EvidenceValue } from '../../language/answerEdits';
import type { AnswerModel, AnswerRow, CurrentAnswer } from '../../language/answerRows';
import { columnName } from './address';
import type { CellValue, SheetSpec, WorkbookSpec } from './workbook';

export type ColumnKey =
  | 'dimension'
  | 'criterion'
  | 'dimensionTitle'
  | 'level'
  | 'title'
  | 'text'
  | 'allowed'
  | 'answer'
  | 'evidence'
  | 'note'
  | 'notApplicable'
  | 'exemptionReason'
  | 'exemptionApprover'
  | 'exemptionExpires';

export interface Column {
  readonly key: ColumnKey;
  readonly label: string;
  readonly width: number;
  /** Read back by the import; the other columns are there to read and are ignored. */
  readonly editable: boolean;
}

/** The columns of the Answers sheet, in order. The import finds them by their labels, so a person may reorder them. */
export const COLUMNS: readonly Column[] = [
  { key: 'dimension', label: 'Dimension id', width: 24, editable: false },
  { key: 'criterion', label: 'Criterion id', width: 24, editable: false },
  { key: 'dimensionTitle', label: 'Dimension', width: 24, editable: false },
  { key: 'level', label: 'Level', width: 7, editable: false },
  { key: 'title', label: 'Title', width: 28, editable: false },
  { key: 'text', label: 'Criterion', width: 60, editable: false },
  { key: 'allowed', label: 'Allowed answers', width: 28, editable: false },
  { key: 'answer', label: 'Answer', width: 22, editable: true },
  { key: 'evidence', label: 'Evidence', width: 40, editable: true },
  { key: 'note', label: 'Note', width: 48, editable: true },
  { key: 'notApplicable', label: 'Not applicable because', width: 32, editable: true },
  { key: 'exemptionReason', label: 'Exemption reason', width: 32, editable: true },
  { key: 'exemptionApprover', label: 'Exemption approver', width: 20, editable: true },
  { key: 'exemptionExpires', label: 'Exemption expires', width: 18, editable: true },
];

/** The columns an assessor's sheet leaves out: an assessor's answer has no not-applicable mark or exemption (those are the assessment's). */
export const ASSESSMENT_ONLY_COLUMNS: readonly ColumnKey[] = ['notApplicable', 'exemptionReason', 'exemptionApprover', 'exemptionExpires'];

/** The columns of a sheet of these answers: all of them for the assessment's own, fewer for an assessor's. */
export function columnsOf(model: Pick<AnswerModel, 'assessor'>): readonly Column[] {
  return model.assessor ? COLUMNS.filter((c) => !ASSESSMENT_ONLY_COLUMNS.includes(c.key)) : COLUMNS;
}

export const ANSWERS_SHEET = 'Answers';
export const SCALES_SHEET = 'Scales';
export const ABOUT_SHEET = 'About';
/** The About sheet's rows that say whose answers the sheet holds (the import checks the id against the one it is given). */
export const ASSESSOR_LABEL = 'Answers of';
export const ASSESSOR_ID_LABEL = 'Assessor id';

// --- How each field reads in a cell --------------------------------------------------------------

/** The answer as a cell shows it: booleans as yes and no, as the scale reads them. */
export function answerCell(answer: CurrentAnswer['answer']): string {
  return answer === undefined ? '' : typeof answer === 'number' ? String(answer) : (answerText(answer) as string);
}

/**
 * Evidence, one entry per line: a link, or `[title](link)` as Markdown writes a link with its
 * text, followed by `(as of 2026-02-15)` when the entry says when it was true.
 */
export function evidenceCell(evidence: readonly EvidenceValue[] | undefined): string {
  return (evidence ?? [])
    .map((e) => {
      if (typeof e === 'string') return e;
      const link = e.title !== undefined && e.url !== undefined ? `[${e.title.replace(/[\\\]]/g, '\\$&')}](${e.url})` : (e.url ?? '');
      return e.asOf !== undefined ? `${link} (as of ${e.asOf})` : link;
    })
    .join('\n');
}

/** A cell's evidence as entries; the inverse of evidenceCell. */
export function parseEvidenceCell(text: string): EvidenceValue[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const dated = /^(.*?)\s*\(as of ([^)]*)\)$/i.exec(line);
      const rest = dated ? (dated[1] as string) : line;
      const asOf: Record<string, string> = dated ? { asOf: (dated[2] as string).trim() } : {};
      const link = /^\[((?:[^\]\\]|\\.)*)\]\((.*)\)$/.exec(rest);
      if (link) return { title: (link[1] as string).replace(/\\(.)/g, '$1'), url: (link[2] as string).trim(), ...asOf };
      return dated ? { url: rest, ...asOf } : rest;
    });
}

/** Every cell of a row, by column. */
export function rowCells(row: AnswerRow, scales: AnswerModel['scales']): Record<ColumnKey, string | number> {
  const c = row.current;
  return {
    dimension: row.dimension,
    criterion: row.criterion,
    dimensionTitle: row.dimensionTitle,
    level: row.level,
    title: row.title ?? '',
    text: row.text,
    allowed: (scales[row.scale] ?? []).join(' | '),
    answer: answerCell(c.answer),
    evidence: evidenceCell(c.evidence),
    note: c.note ?? '',
    notApplicable: c.notApplicable ?? '',
    exemptionReason: c.exemption?.reason ?? '',
    exemptionApprover: c.exemption?.approver ?? '',
    exemptionExpires: c.exemption?.expires ?? '',
  };
}

/**
 * A text that a spreadsheet program would take for a formula when it opens a CSV file (`=`, `+`,
 * `-`, `@`, a tab or a carriage return first) gets a `'` before it, as OWASP advises against CSV
 * injection; the import takes one such `'` away again (unguardedCell).
 */
export function guardedCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function unguardedCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

// --- The workbook ----------------------------------------------------------------------------------

/**
 * The sheets of an export: Answers (a header and a row per criterion; in XLSX each Answer cell a
 * drop-down of its scale), and in XLSX also Scales (hidden: each scale's answers in a column, the
 * drop-downs' source) and About (which assessment and rubric, and how to import the sheet).
 * A CSV file is the Answers sheet alone, its formula-like texts guarded.
 */
export function answerWorkbook(sheet: AnswerModel, format: 'xlsx' | 'csv', command: string): WorkbookSpec {
  const scaleNames = Object.keys(sheet.scales);
  const scaleSource = new Map(
    scaleNames.map((name, i) => {
      const column = columnName(i + 1);
      return [name, `${SCALES_SHEET}!$${column}$2:$${column}$${1 + (sheet.scales[name]?.length ?? 0)}`] as const;
    }),
  );
  const columns = columnsOf(sheet);
  const answerColumn = columns.findIndex((c) => c.key === 'answer') + 1;
  const rows: CellValue[][] = [columns.map((c) => c.label)];
  for (const row of sheet.rows) {
    const cells = rowCells(row, sheet.scales);
    rows.push(columns.map((c) => (format === 'csv' && typeof cells[c.key] === 'string' ? guardedCell(cells[c.key] as string) : cells[c.key])));
  }
  const answers: SheetSpec = {
    name: ANSWERS_SHEET,
    header: true,
    rows,
    widths: columns.map((c) => c.width),
    wrapColumns: columns.flatMap((c, i) => (['text', 'evidence', 'note', 'notApplicable', 'exemptionReason', 'allowed'].includes(c.key) ? [i + 1] : [])),
    textColumns: columns.flatMap((c, i) => (c.editable ? [i + 1] : [])),
    listValidations: sheet.rows.map((row, i) => ({ row: i + 2, column: answerColumn, source: scaleSource.get(row.scale) as string })),
  };
  if (format === 'csv') return { sheets: [answers] };
  const longest = Math.max(0, ...scaleNames.map((n) => sheet.scales[n]?.length ?? 0));
  const scales: SheetSpec = {
    name: SCALES_SHEET,
    hidden: true,
    header: true,
    rows: [scaleNames, ...Array.from({ length: longest }, (_, i) => scaleNames.map((n) => sheet.scales[n]?.[i] ?? null))],
    widths: scaleNames.map(() => 24),
  };
  const about: SheetSpec = {
    name: ABOUT_SHEET,
    rows: [
      ['Assessment', sheet.assessment.id],
      ['Subject', sheet.assessment.subject],
      ['Date', sheet.assessment.date],
      ['Rubric', `${sheet.rubric.title} (${sheet.rubric.id}${sheet.rubric.version ? ` ${sheet.rubric.version}` : ''})`],
      ['Criteria', sheet.rows.length],
      ...(sheet.assessor
        ? [
            [ASSESSOR_LABEL, [sheet.assessor.name, sheet.assessor.role].filter(Boolean).join(', ') || sheet.assessor.id],
            [ASSESSOR_ID_LABEL, sheet.assessor.id],
          ]
        : []),
      [],
      ['How to fill it in', `One row per criterion of the ${ANSWERS_SHEET} sheet. Choose the answer from the drop-down; evidence is one link per line, or [title](link), followed by (as of YYYY-MM-DD) when you know when it was true${sheet.assessor ? '; the note is the assessor\'s rationale' : '; an exemption needs a reason, an approver and an expiry date (YYYY-MM-DD)'}. Keep the id columns as they are; the columns before Answer are there to read and are not imported.`],
      ['How to import it', command],
    ],
    widths: [20, 100],
    wrapColumns: [2],
  };
  return { sheets: [answers, about, scales] };
}
