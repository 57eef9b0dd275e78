/**
 * A filled-in answer sheet (answerSheet.ts) read back into answer changes for answerEdits. Rows are
 * matched by their criterion id (and checked against their dimension id), never by position, so
 * sorted or filtered sheets import the same. A field changes only where its cell differs from what
 * the export wrote for the answer as it is now: a sheet exported and imported without edits
 * changes nothing, whatever the YAML looks like. Each problem names its cell (`Answers!F12`) and
 * says what to do; a row with a problem gives no change, and the caller decides whether the other
 * rows may still be applied.
 */
import { isRealDate } from '../../domain/dates';
import { classifyLink } from '../../domain/links';
import type { AnswerChange, EvidenceValue } from '../../language/answerEdits';
import { UNSAFE_BUT_SPACING, visibleEscape } from '../../text/controls';
import { closestMatch } from '../../text/suggest';
import { cellRef, rangeText, sheetPrefix } from './address';
import { ABOUT_SHEET, ANSWERS_SHEET, ASSESSMENT_ONLY_COLUMNS, ASSESSOR_ID_LABEL, COLUMNS, parseEvidenceCell, rowCells, unguardedCell, type ColumnKey } from './answerSheet';
import type { AnswerModel, AnswerRow } from '../../language/answerRows';
import type { Cell, Sheet, Workbook } from './workbook';

export interface CellProblem {
  /** `Answers!F12`, or a range (`Answers!F12:F14`) for merged cells. */
  readonly cell: string;
  readonly message: string;
}

export interface AnswerImport {
  /** Changes of the rows without problems, one per criterion with something to change. */
  readonly changes: readonly AnswerChange[];
  /** Where each change's fields came from: criterion → field (`answer`, `exemption.expires`) → its cell (`Answers!H12`). */
  readonly cells: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Every problem; empty when the whole sheet can be applied. */
  readonly problems: readonly CellProblem[];
  /** Things worth saying that stop nothing (a sheet exported from another assessment). */
  readonly notes: readonly string[];
  /** Rows that named a criterion. */
  readonly rows: number;
}

const UNSAFE_CHARACTER = new RegExp(UNSAFE_BUT_SPACING.source);

/** The answers a filled-in sheet sets, against the sheet model of the assessment as it is now. */
export function readAnswers(workbook: Workbook, model: AnswerModel): AnswerImport {
  const problems: CellProblem[] = [];
  const notes: string[] = [];
  const sheet = workbook.format === 'csv' ? workbook.sheets[0] : workbook.sheets.find((s) => s.name === ANSWERS_SHEET);
  if (!sheet) {
    const names = workbook.sheets.map((s) => s.name);
    return { changes: [], cells: {}, problems: [{ cell: `${sheetPrefix(ANSWERS_SHEET)}A1`, message: `The workbook has no sheet named ${ANSWERS_SHEET} (it has ${names.map((n) => `"${n}"`).join(', ') || 'none'}). Import a sheet that "rubrics export" wrote, with its ${ANSWERS_SHEET} sheet.` }], notes, rows: 0 };
  }
  const about = workbook.sheets.find((s) => s.name === ABOUT_SHEET);
  const exportedFrom = about ? textOf(about.rows.get(1)?.get(2)) : undefined;
  if (exportedFrom && model.assessment.id && exportedFrom !== model.assessment.id) notes.push(`${cellRef(ABOUT_SHEET, 1, 2)}: the sheet was exported from the assessment "${exportedFrom}"; its answers are imported into "${model.assessment.id}".`);
  const otherAnswers = about && whoseAnswersDiffer(about, model);
  if (otherAnswers) return { changes: [], cells: {}, problems: [otherAnswers], notes, rows: 0 };

  const columns = headerColumns(sheet, problems);
  if (!columns) return { changes: [], cells: {}, problems, notes, rows: 0 };
  const cellsOfMerges = mergedCells(sheet, columns, problems);
  const byCriterion = new Map(model.rows.map((row) => [row.criterion, row]));
  const criterionIds = [...byCriterion.keys()];
  const seen = new Map<string, number>();
  const changes: AnswerChange[] = [];
  const cellsOfChanges: Record<string, Record<string, string>> = {};
  let rows = 0;

  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = sheet.rows.get(r);
    if (!cells) continue;
    const rowProblems: CellProblem[] = [];
    const texts = new Map<ColumnKey, string | undefined>();
    /**
     * A column's text in this row (each cell read once, so a cell's problem is said once);
     * undefined when the sheet has no such column, or when the cell has a problem of its own
     * (nothing more is said about its value then).
     */
    const read = (key: ColumnKey): string | undefined => {
      if (!texts.has(key)) {
        const column = columns.get(key);
        const before = rowProblems.length;
        const text = column === undefined ? undefined : cellText(sheet, r, column, cells.get(column), workbook.format, rowProblems);
        texts.set(key, rowProblems.length > before ? undefined : text);
      }
      return texts.get(key);
    };
    const criterionId = read('criterion')?.trim() ?? '';
    const criterionColumn = columns.get('criterion') as number;
    if (criterionId === '') {
      const filled = [...cells.keys()].filter((c) => [...columns.entries()].some(([key, column]) => column === c && COLUMNS.find((k) => k.key === key)?.editable));
      if (filled.length > 0) problems.push({ cell: cellRef(sheet.name, r, criterionColumn), message: 'This row has answers but no criterion id; each row needs the ids it was exported with. Copy the id back, or clear the row.' });
      problems.push(...rowProblems);
      continue;
    }
    rows++;
    const row = byCriterion.get(criterionId);
    if (!row) {
      const suggestion = closestMatch(criterionId, criterionIds);
      problems.push({ cell: cellRef(sheet.name, r, criterionColumn), message: `The rubric ${model.rubric.id} has no criterion "${criterionId}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Keep the ids as they were exported.` });
      continue;
    }
    const earlier = seen.get(criterionId);
    if (earlier !== undefined) {
      problems.push({ cell: cellRef(sheet.name, r, criterionColumn), message: `The criterion "${criterionId}" also has row ${earlier}; keep one row per criterion.` });
      continue;
    }
    seen.set(criterionId, r);
    const dimensionId = read('dimension')?.trim();
    if (dimensionId !== undefined && dimensionId !== row.dimension) {
      rowProblems.push({ cell: cellRef(sheet.name, r, columns.get('dimension') as number), message: `The criterion "${criterionId}" belongs to the dimension "${row.dimension}", not "${dimensionId}". Keep the ids as they were exported.` });
    }
    const change = rowChange(row, model, read, (key) => cellRef(sheet.name, r, columns.get(key) as number), rowProblems);
    for (const cell of cellsOfMerges.get(r) ?? []) rowProblems.push(cell);
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else if (change) {
      changes.push(change);
      const at = (key: ColumnKey) => cellRef(sheet.name, r, columns.get(key) as number);
      cellsOfChanges[change.criterion] = Object.fromEntries(Object.entries(FIELD_COLUMN).filter(([, key]) => columns.has(key)).map(([field, key]) => [field, at(key)]));
    }
  }
  return { changes, cells: cellsOfChanges, problems, notes, rows };
}

/**
 * Why a sheet's About sheet says it holds other answers than the ones it is imported into (an
 * assessor's answers into the agreed ones, or into another assessor's), if it does: every cell
 * that differs would then overwrite an answer someone else gave.
 */
function whoseAnswersDiffer(about: Sheet, model: AnswerModel): CellProblem | undefined {
  let row: number | undefined;
  for (const [r, cells] of about.rows) if (textOf(cells.get(1))?.trim() === ASSESSOR_ID_LABEL) row = r;
  const exported = row !== undefined ? textOf(about.rows.get(row)?.get(2))?.trim() || undefined : undefined;
  const into = model.assessor?.id;
  if (exported === into) return undefined;
  const cell = row !== undefined ? cellRef(ABOUT_SHEET, row, 2) : cellRef(ABOUT_SHEET, 1, 1);
  const held = exported !== undefined ? `the answers of the assessor "${exported}"` : 'the agreed answers of the assessment';
  const target = into !== undefined ? `the answers of the assessor "${into}"` : 'its agreed answers';
  const how = exported !== undefined ? `import it with --assessor ${exported}` : 'import it without --assessor';
  return { cell, message: `This sheet holds ${held}, not ${target}; ${how}, or export the answers you mean to change.` };
}

/** The columns the header row names, by key; undefined (with a problem) when the ids are missing. */
function headerColumns(sheet: Sheet, problems: CellProblem[]): Map<ColumnKey, number> | undefined {
  const header = sheet.rows.get(1);
  const byLabel = new Map(COLUMNS.map((c) => [c.label.toLowerCase(), c.key]));
  const columns = new Map<ColumnKey, number>();
  for (const [column, cell] of header ?? []) {
    const label = textOf(cell)?.trim().toLowerCase();
    const key = label ? byLabel.get(label) : undefined;
    if (!key) continue;
    if (columns.has(key)) problems.push({ cell: cellRef(sheet.name, 1, column), message: `A second "${label}" column; keep one.` });
    else columns.set(key, column);
  }
  if (!columns.has('criterion')) {
    problems.push({ cell: cellRef(sheet.name, 1, 1), message: `The first row names no "Criterion id" column. The import finds rows by the criterion ids that "rubrics export" wrote; keep the header row and that column.` });
    return undefined;
  }
  const exemption = ['exemptionReason', 'exemptionApprover', 'exemptionExpires'] as const;
  const present = exemption.filter((k) => columns.has(k));
  if (present.length > 0 && present.length < 3) {
    const missing = exemption.filter((k) => !columns.has(k)).map((k) => `"${COLUMNS.find((c) => c.key === k)?.label}"`);
    problems.push({ cell: cellRef(sheet.name, 1, columns.get(present[0] as ColumnKey) as number), message: `An exemption needs its reason, approver and expiry: the ${missing.join(' and ')} column${missing.length > 1 ? 's are' : ' is'} missing.` });
    return undefined;
  }
  return columns;
}

/** Merged cells over the columns the import reads: a problem on each row they cover (the merge makes one value stand for several rows or fields). */
function mergedCells(sheet: Sheet, columns: ReadonlyMap<ColumnKey, number>, problems: CellProblem[]): Map<number, CellProblem[]> {
  const byRow = new Map<number, CellProblem[]>();
  const read = new Set([...columns.entries()].filter(([key]) => key === 'criterion' || key === 'dimension' || COLUMNS.find((c) => c.key === key)?.editable).map(([, column]) => column));
  for (const merge of sheet.merges) {
    let touches = false;
    for (let c = merge.left; c <= merge.right; c++) if (read.has(c)) touches = true;
    if (!touches) continue;
    const problem = { cell: `${sheetPrefix(sheet.name)}${rangeText(merge)}`, message: 'Merged cells: each criterion needs its own row and each field its own cell. Unmerge them.' };
    if (merge.top === 1) problems.push(problem);
    for (let r = Math.max(2, merge.top); r <= merge.bottom; r++) byRow.set(r, [...(byRow.get(r) ?? []), problem]);
  }
  return byRow;
}

/** A cell's text for the import: line ends as `\n`, a CSV cell's guard taken off; a formula, an error value or a control character is a problem. */
function cellText(sheet: Sheet, row: number, column: number, cell: Cell | undefined, format: Workbook['format'], problems: CellProblem[]): string {
  if (!cell) return '';
  const where = cellRef(sheet.name, row, column);
  if (cell.formula !== undefined) {
    problems.push({ cell: where, message: `A formula (=${cell.formula.slice(0, 60)}); the import reads values, not formulas. Type the value itself.` });
    return '';
  }
  if (cell.error !== undefined) {
    problems.push({ cell: where, message: `An error value (${cell.error}); type the value itself.` });
    return '';
  }
  let text = (textOf(cell) ?? '').replace(/\r\n?/g, '\n');
  if (format === 'csv') text = unguardedCell(text);
  const unsafe = UNSAFE_CHARACTER.exec(text);
  if (unsafe) {
    problems.push({ cell: where, message: `A control character (${visibleEscape(unsafe[0])}) that no report can show; remove it.` });
    return '';
  }
  return text;
}

function textOf(cell: Cell | undefined): string | undefined {
  if (!cell || cell.value === null) return undefined;
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return String(cell.value);
}

/** The column each field of a change is read from. */
const FIELD_COLUMN: Readonly<Record<string, ColumnKey>> = {
  answer: 'answer',
  evidence: 'evidence',
  note: 'note',
  notApplicable: 'notApplicable',
  'exemption.reason': 'exemptionReason',
  'exemption.approver': 'exemptionApprover',
  'exemption.expires': 'exemptionExpires',
};

/**
 * The change a row asks for: each field whose cell differs from what the export wrote for the
 * answer as it is now, checked (on the scale, safe links, a real expiry date, the format's
 * limits). Undefined when nothing changes.
 */
function rowChange(row: AnswerRow, model: AnswerModel, read: (key: ColumnKey) => string | undefined, at: (key: ColumnKey) => string, problems: CellProblem[]): AnswerChange | undefined {
  const exported = rowCells(row, model.scales);
  const changed = (key: ColumnKey): string | undefined => {
    const text = read(key);
    return text === undefined || text === String(exported[key]) ? undefined : text;
  };
  const change: { -readonly [K in keyof AnswerChange]: AnswerChange[K] } = { dimension: row.dimension, criterion: row.criterion };

  const answer = changed('answer');
  if (answer !== undefined) {
    const value = answer.trim();
    const scale = model.scales[row.scale] ?? [];
    if (value === '') change.answer = null;
    else {
      const option = scale.find((a) => a === value) ?? scale.find((a) => a.toLowerCase() === value.toLowerCase());
      if (option === undefined) problems.push({ cell: at('answer'), message: `"${value}" is not an answer of the scale ${row.scale}: choose one of ${scale.map((a) => `"${a}"`).join(', ')}.` });
      else change.answer = option;
    }
  }

  const evidence = changed('evidence');
  if (evidence !== undefined) {
    const entries = parseEvidenceCell(evidence);
    for (const entry of entries) {
      const url = typeof entry === 'string' ? entry : entry.url;
      const verdict = classifyLink(url as string);
      if (!verdict.safe) problems.push({ cell: at('evidence'), message: `${verdict.reason}` });
      if (typeof entry !== 'string' && entry.asOf !== undefined && !isRealDate(entry.asOf)) problems.push({ cell: at('evidence'), message: `"(as of ${entry.asOf})": the date should be YYYY-MM-DD, for example 2026-02-15.` });
    }
    change.evidence = entries.length ? entries : null;
  }

  const note = changed('note');
  if (note !== undefined) change.note = note.trim() === '' ? null : note;

  if (model.assessor) {
    // An assessor's answer has no not-applicable mark or exemption: a sheet of the agreed answers (a CSV file says not whose it is) may still carry them.
    const filled = ASSESSMENT_ONLY_COLUMNS.filter((key) => changed(key) !== undefined && (read(key) ?? '').trim() !== '');
    for (const key of filled) problems.push({ cell: at(key), message: `An assessor's answer holds an answer, evidence and a note; ${key === 'notApplicable' ? 'a not-applicable mark' : 'an exemption'} belongs to the agreed answers. Clear the cell, or import the sheet without --assessor.` });
    const fields = Object.keys(change).length - 2;
    return fields === 0 || filled.length > 0 ? undefined : change;
  }

  const notApplicable = changed('notApplicable');
  if (notApplicable !== undefined) change.notApplicable = notApplicable.trim() === '' ? null : { reason: notApplicable.trim() };

  const exemptionKeys = ['exemptionReason', 'exemptionApprover', 'exemptionExpires'] as const;
  if (exemptionKeys.some((k) => changed(k) !== undefined)) {
    const [reason, approver, expires] = exemptionKeys.map((k) => (read(k) ?? '').trim()) as [string, string, string];
    if (!reason && !approver && !expires) change.exemption = null;
    else {
      const missing = exemptionKeys.filter((_, i) => ![reason, approver, expires][i]);
      for (const key of missing) problems.push({ cell: at(key), message: 'An exemption needs a reason, an approver and an expiry date; this one is empty. Fill it in, or clear all three.' });
      if (expires && !isRealDate(expires)) problems.push({ cell: at('exemptionExpires'), message: `"${expires}" is not a date as YYYY-MM-DD (for example 2027-03-31).` });
      if (missing.length === 0) change.exemption = { reason, approver, expires };
    }
  }

  const fields = Object.keys(change).length - 2;
  return fields === 0 ? undefined : change;
}

export type { EvidenceValue };
