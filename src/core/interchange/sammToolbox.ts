/**
 * OWASP SAMM's toolbox spreadsheet (owaspsamm/toolbox-spreadsheet, `SAMM_spreadsheet.xlsx`)
 * filled in by a team → an assessment against the SAMM rubric `rubrics import samm` wrote, so a
 * team that assessed in Excel moves to git in one step.
 *
 * The toolbox's *Interview* sheet has one row per question, its id in column A
 * (`G-SM-A-1-1`: business function, practice, stream, level, question), the answer in column F
 * (a drop-down) and the interview notes in column I; the organization, team, date, team lead
 * and contributors sit in D10 to D14. The drop-down of each answer cell is a named range of the
 * *DV-Lists* sheet, which the toolbox fills from *imp-questions* (the question's answer set) and
 * *imp-answers* (the answer sets' texts). Toolbox files come from several releases whose question
 * and answer texts differ from the model's, so a question is matched by its id (the rubric keeps
 * SAMM's activity id as a `samm2` reference) and an answer by its place in its drop-down, never
 * by its text. The release is read from *Attribution and License*. A blank answer is reported and
 * left unanswered (the toolbox scores it 0, as the rubric does), never written as "No".
 */
import type { RubricIndex } from '../domain/rubricIndex';
import type { Assessment, Criterion, Dimension } from '../format/types';
import { cellRef, parseRangeRef } from './sheets/address';
import type { Cell, Sheet, Workbook } from './sheets/workbook';

export interface ToolboxProblem {
  readonly cell: string;
  readonly message: string;
}

export interface ToolboxImport {
  /** The assessment's data, to write out; undefined when the file is not a toolbox at all. */
  readonly assessment?: Assessment;
  /** The toolbox release the file says it is (`2.0.10`), when it says. */
  readonly release?: string;
  /** Answers that could not be read: nothing should be written while there are any. */
  readonly problems: readonly ToolboxProblem[];
  /** Things to know that stop nothing: blank answers, questions the rubric lacks, release differences. */
  readonly notes: readonly string[];
  readonly answered: number;
}

export interface ToolboxOptions {
  /** The rubric as the assessment names it (a relative path). */
  readonly rubricReference: string;
  readonly id?: string;
  /** The assessment's date when the toolbox gives none (YYYY-MM-DD). */
  readonly defaultDate: string;
}

const INTERVIEW = 'Interview';
const QUESTION_ID = /^([A-Z])-([A-Z][A-Z0-9]{0,3})-([A-Z])-([1-9])-([0-9]+)$/;
const COLUMN = { id: 1, answer: 6, notes: 9 } as const;
const HEADER = { organization: 10, team: 11, date: 12, lead: 13, contributors: 14 } as const;

const textOf = (cell: Cell | undefined): string | undefined => {
  if (!cell || cell.value === null) return undefined;
  const text = String(cell.value).trim();
  return text === '' ? undefined : text;
};
const at = (sheet: Sheet, row: number, column: number) => sheet.rows.get(row)?.get(column);

/** Reads a toolbox workbook against the SAMM rubric (its dimensions with their criteria). */
export function readSammToolbox(workbook: Workbook, index: RubricIndex, options: ToolboxOptions): ToolboxImport {
  const rubric = index.rubric;
  const problems: ToolboxProblem[] = [];
  const notes: string[] = [];
  const interview = workbook.sheets.find((s) => s.name === INTERVIEW);
  if (!interview) return { problems: [{ cell: `${INTERVIEW}!A1`, message: `The workbook has no ${INTERVIEW} sheet, so it is not a SAMM toolbox (its sheets: ${workbook.sheets.map((s) => `"${s.name}"`).join(', ')}).` }], notes, answered: 0 };
  const release = toolboxRelease(workbook);

  /** SAMM's activity id (`G-SM-A-1`) → the criterion and its dimension. */
  const bySammId = new Map<string, { criterion: Criterion; dimension: Dimension }>();
  for (const dimension of rubric.dimensions) {
    for (const criterion of dimension.criteria ?? []) {
      for (const ref of criterion.references ?? []) if (ref.framework === 'samm2' && ref.id) bySammId.set(ref.id, { criterion, dimension });
    }
  }
  if (bySammId.size === 0) return { problems: [{ cell: `${INTERVIEW}!A1`, message: `The rubric ${rubric.id} names no SAMM activity ids (samm2 references): import the SAMM model with "rubrics import samm" and use that rubric.` }], notes, answered: 0 };

  const lists = new DropDowns(workbook);
  const answers = new Map<string, Map<string, { answer: string; note?: string }>>();
  const seen = new Set<string>();
  const blank: string[] = [];
  let answered = 0;
  for (const [row, cells] of [...interview.rows].sort(([a], [b]) => a - b)) {
    const questionId = textOf(cells.get(COLUMN.id));
    const match = questionId ? QUESTION_ID.exec(questionId) : null;
    if (!questionId || !match) continue;
    const sammId = `${match[1]}-${match[2]}-${match[3]}-${match[4]}`;
    const target = bySammId.get(sammId);
    const where = cellRef(INTERVIEW, row, COLUMN.answer);
    if (!target) {
      problems.push({ cell: cellRef(INTERVIEW, row, COLUMN.id), message: `No criterion of the rubric ${rubric.id} is SAMM's activity ${sammId}. Import the SAMM release this toolbox comes from${release ? ` (${release})` : ''} with "rubrics import samm".` });
      continue;
    }
    if (seen.has(sammId)) {
      notes.push(`${cellRef(INTERVIEW, row, COLUMN.id)}: a second question for the activity ${sammId}; the rubric asks one question per activity, so only the first is read.`);
      continue;
    }
    seen.add(sammId);
    const cell = cells.get(COLUMN.answer);
    if (cell?.formula !== undefined) {
      problems.push({ cell: where, message: `A formula (=${cell.formula.slice(0, 60)}) where the answer should be; choose the answer from the drop-down.` });
      continue;
    }
    const note = textOf(cells.get(COLUMN.notes));
    const given = textOf(cell);
    if (given === undefined) {
      blank.push(`${where} (${questionId})`);
      if (note) notes.push(`${where}: ${questionId} has interview notes but no answer; the notes are left out with it.`);
      continue;
    }
    const options = lists.options(interview, row, COLUMN.answer, questionId);
    if (!options) {
      problems.push({ cell: where, message: `The drop-down of ${questionId} cannot be found (neither its list in DV-Lists nor its answer set in imp-questions and imp-answers), so its answer cannot be placed.` });
      continue;
    }
    const position = positionOf(given, options);
    const scale = index.scaleOf(target.criterion)?.answers.map((a) => a.value);
    if (position < 0) {
      problems.push({ cell: where, message: `"${given}" is not one of the answers of the drop-down of ${questionId} (${options.map((o) => `"${o}"`).join(', ')}).` });
      continue;
    }
    const answer = scale?.[position];
    if (answer === undefined) {
      problems.push({ cell: where, message: `The drop-down of ${questionId} has ${options.length} answers, and the rubric's scale for ${target.criterion.id} has ${scale?.length ?? 0}: they are not the same answer set.` });
      continue;
    }
    let byCriterion = answers.get(target.dimension.id);
    if (!byCriterion) answers.set(target.dimension.id, (byCriterion = new Map()));
    byCriterion.set(target.criterion.id, { answer, ...(note ? { note } : {}) });
    answered++;
  }
  if (blank.length) notes.push(`${blank.length} question${blank.length === 1 ? ' has' : 's have'} no answer and ${blank.length === 1 ? 'is' : 'are'} left unanswered (the toolbox scores ${blank.length === 1 ? 'it' : 'them'} 0, as the rubric does): ${blank.join(', ')}.`);
  const missing = [...bySammId.keys()].filter((id) => !seen.has(id));
  if (missing.length) notes.push(`The toolbox has no question for ${missing.length} activit${missing.length === 1 ? 'y' : 'ies'} of the rubric: ${missing.join(', ')}.`);
  if (release && rubric.version !== release) notes.push(`The toolbox is release ${release}, the rubric ${rubric.version}: questions are matched by their ids and answers by their place in the drop-down, so texts that differ between releases do not matter.`);

  const header = (row: number) => textOf(at(interview, row, 4));
  const organization = header(HEADER.organization);
  const team = header(HEADER.team);
  const givenDate = header(HEADER.date)?.slice(0, 10);
  const date = givenDate && /^\d{4}-\d{2}-\d{2}$/.test(givenDate) ? givenDate : options.defaultDate;
  if (!organization) notes.push(`${cellRef(INTERVIEW, HEADER.organization, 4)} names no organization; the assessment says "Not named in the toolbox".`);
  if (!givenDate) notes.push(`${cellRef(INTERVIEW, HEADER.date, 4)} gives no interview date; the assessment is dated ${date}.`);
  else if (givenDate !== date) notes.push(`${cellRef(INTERVIEW, HEADER.date, 4)}: "${givenDate}" is not a date as YYYY-MM-DD; the assessment is dated ${date}.`);
  const lead = header(HEADER.lead);
  const contributors = (header(HEADER.contributors) ?? '').split(/[,;\n]/).map((n) => n.trim()).filter(Boolean);
  const assessors = [...(lead ? [{ name: lead, role: 'Team lead' }] : []), ...contributors.filter((n) => n !== lead).map((name) => ({ name }))];

  const dimensions: Assessment['dimensions'] = {};
  for (const dimension of rubric.dimensions) {
    const own = answers.get(dimension.id);
    if (!own) continue;
    dimensions[dimension.id] = { answers: Object.fromEntries([...own].map(([criterion, a]) => [criterion, a.note ? { answer: a.answer, note: a.note } : a.answer])) };
  }
  const assessment: Assessment = {
    apiVersion: 'rubrics-as-code/v1',
    kind: 'Assessment',
    id: options.id ?? slug(['samm', team ?? organization ?? 'toolbox', date]),
    title: `OWASP SAMM assessment${team ? ` of ${team}` : ''}${organization ? `, ${organization}` : ''}`,
    rubric: options.rubricReference,
    subject: { organization: organization ?? 'Not named in the toolbox', ...(team ? { unit: team } : {}) },
    date,
    ...(assessors.length ? { assessors } : {}),
    dimensions,
  };
  return { assessment, ...(release ? { release } : {}), problems, notes, answered };
}

/** An answer's place in its drop-down: the same text, else the same text ignoring case and spacing. */
function positionOf(given: string, options: readonly string[]): number {
  const exact = options.indexOf(given);
  if (exact >= 0) return exact;
  const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return options.findIndex((o) => fold(o) === fold(given));
}

/** The release the toolbox says it is: the version beside "Version:" on its Attribution and License sheet. */
export function toolboxRelease(workbook: Workbook): string | undefined {
  const sheet = workbook.sheets.find((s) => /^attribution/i.test(s.name));
  for (const [, cells] of sheet?.rows ?? []) {
    const ordered = [...cells].sort(([a], [b]) => a - b);
    for (let i = 0; i < ordered.length; i++) {
      if (!/^version:?$/i.test(textOf(ordered[i]?.[1]) ?? '')) continue;
      const value = /^'?v?(\d+(?:\.\d+){1,3})$/.exec(textOf(ordered[i + 1]?.[1]) ?? '');
      if (value) return value[1];
    }
  }
  return undefined;
}

/**
 * The answers of each question's drop-down, in order: the list its data validation names (a
 * defined name for a range of DV-Lists), blank entries left out; when that list has no values
 * (a file never recalculated), the answer set imp-questions gives the question, from imp-answers.
 */
class DropDowns {
  private readonly setOfQuestion = new Map<string, number>();
  private readonly answerSets = new Map<number, string[]>();

  constructor(private readonly workbook: Workbook) {
    const questions = workbook.sheets.find((s) => s.name === 'imp-questions');
    const sets = workbook.sheets.find((s) => s.name === 'imp-answers');
    for (const [, cells] of questions?.rows ?? []) {
      const id = textOf(cells.get(1));
      const set = cells.get(8)?.value;
      if (id && typeof set === 'number') this.setOfQuestion.set(id, set);
    }
    for (const [, cells] of sets?.rows ?? []) {
      const code = cells.get(1)?.value;
      if (typeof code !== 'number') continue;
      const texts = [2, 3, 4, 5].map((c) => textOf(cells.get(c))).filter((t): t is string => t !== undefined);
      this.answerSets.set(code, texts);
    }
  }

  options(sheet: Sheet, row: number, column: number, questionId: string): string[] | undefined {
    const fromList = this.listOf(sheet, row, column);
    if (fromList && fromList.length > 0) return fromList;
    const set = this.setOfQuestion.get(questionId);
    return set === undefined ? undefined : this.answerSets.get(set);
  }

  private listOf(sheet: Sheet, row: number, column: number): string[] | undefined {
    const source = sheet.listValidations.get(`${String.fromCharCode(64 + column)}${row}`);
    if (!source) return undefined;
    const range = parseRangeRef(this.workbook.definedNames.get(source)?.[0] ?? source.replace(/^=/, ''));
    if (!range) return undefined;
    const target = this.workbook.sheets.find((s) => s.name === (range.sheet ?? sheet.name));
    if (!target) return undefined;
    const out: string[] = [];
    for (let r = range.range.top; r <= Math.min(range.range.bottom, range.range.top + 100); r++) {
      for (let c = range.range.left; c <= range.range.right; c++) {
        const text = textOf(at(target, r, c));
        if (text !== undefined) out.push(text);
      }
    }
    return out;
  }
}

function slug(parts: readonly string[]): string {
  const id = parts.join('-').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(id) ? id.slice(0, 200).replace(/-+$/, '') : `samm-${id}`.slice(0, 200);
}
