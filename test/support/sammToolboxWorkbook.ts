/**
 * A filled-in workbook in the shape of OWASP SAMM's toolbox (owaspsamm/toolbox-spreadsheet,
 * resources/SAMM_spreadsheet.xlsx), built here with exceljs from that template's structure, with
 * placeholder texts and no data of anyone's: the sheets the toolbox has (Attribution and License,
 * Interview, Scorecard, Lookups, imp-questions, DV-Lists, imp-answers), the interview header in
 * D10 to D14, one Interview row per question (its id in A, the answer set's letter in E, the
 * answer in F as a drop-down of a named DV-Lists range with a blank first entry, the notes in I
 * merged with the row below, and the toolbox's own formulas in G, H and J), and the Scorecard's
 * formulas over them. `toolboxScores` is the oracle: the toolbox's scorecard formulas computed
 * here from what the workbook holds.
 */
import ExcelJS from 'exceljs';
import { SAMM_CREDITS, SAMM_FUNCTIONS, type SammShapedQuestion } from './sammShapedModel';

export interface ToolboxFill {
  readonly release: string;
  readonly organization?: string;
  readonly team?: string;
  readonly date?: Date;
  readonly lead?: string;
  readonly contributors?: string;
  /** The place of each question's answer in its drop-down (0 = "No"), or undefined for a blank. */
  readonly answers: ReadonlyMap<string, number | undefined>;
  readonly notes?: ReadonlyMap<string, string>;
  /** Texts typed in place of a drop-down answer (a toolbox edited in a program that does not enforce drop-downs). */
  readonly typed?: ReadonlyMap<string, string>;
}

const setIndex = (set: string) => set.charCodeAt(3) - 65;
const setLetter = (set: string) => set.slice(3);

/** The answers of a set as this toolbox words them: "No" first, as every toolbox release does, and wording of its own for some sets. */
export function toolboxAnswerTexts(set: string): string[] {
  const letter = setLetter(set);
  const own = 'CFKQ'.includes(letter);
  return ['No', ...[1, 2, 3].map((order) => (own ? `Yes (toolbox wording ${order} of set ${letter})` : `Answer ${order} of set ${letter}`))];
}

export const toolboxId = (q: SammShapedQuestion) => `${q.sammId}-1`;

/** Where each question sits on the Interview sheet, in the toolbox's layout. */
export function interviewRows(questions: readonly SammShapedQuestion[]): Map<string, number> {
  const rows = new Map<string, number>();
  let row = 16;
  for (const f of SAMM_FUNCTIONS) {
    row++; // the business function's heading
    for (let p = 1; p <= 3; p++) {
      row++; // the practice's heading: Stream, Level, the practice, Answer, Interview Notes, Rating
      for (const stream of ['A', 'B']) {
        for (let level = 1; level <= 3; level++) {
          const q = questions.find((x) => x.practice === `${f}-P${p}` && x.stream === stream && x.level === level) as SammShapedQuestion;
          rows.set(q.sammId, row);
          row += 2; // the question, then its quality criteria
        }
        if (stream === 'A') row++;
      }
    }
  }
  return rows;
}

export async function toolboxWorkbook(questions: readonly SammShapedQuestion[], fill: ToolboxFill): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const attribution = book.addWorksheet('Attribution and License');
  attribution.getCell('B1').value = 'OWASP Software Assurance Maturity Model (SAMM) ';
  attribution.getCell('B3').value = 'Version:';
  attribution.getCell('C3').value = fill.release;
  const interview = book.addWorksheet('Interview');
  const scorecard = book.addWorksheet('Scorecard');
  const lookups = book.addWorksheet('Lookups', { state: 'hidden' });
  const impQuestions = book.addWorksheet('imp-questions', { state: 'hidden' });
  const dvLists = book.addWorksheet('DV-Lists', { state: 'hidden' });
  const impAnswers = book.addWorksheet('imp-answers', { state: 'hidden' });

  // imp-answers and Lookups: each answer set's texts and values, and the AnsX / AnsXTBL names.
  impAnswers.addRow(['ANS_SET_CODE', 'A', 'B', 'C', 'D', 'A_W', 'B_W', 'C_W', 'D_W']);
  for (let s = 0; s < 24; s++) {
    const set = `set${String.fromCharCode(65 + s)}`;
    impAnswers.addRow([s, ...toolboxAnswerTexts(set), ...SAMM_CREDITS]);
    const top = 4 + s * 6;
    toolboxAnswerTexts(set).forEach((text, i) => {
      lookups.getCell(top + i, 16).value = text;
      lookups.getCell(top + i, 17).value = SAMM_CREDITS[i] as number;
    });
    book.definedNames.add(`Lookups!$P$${top}:$P$${top + 3}`, `Ans${String.fromCharCode(65 + s)}`);
    book.definedNames.add(`Lookups!$P$${top}:$Q$${top + 3}`, `Ans${String.fromCharCode(65 + s)}TBL`);
  }
  impQuestions.addRow(['ID', 'Business Function', 'Security Practice', 'Activity', 'Maturity', 'Question', 'Guidance', 'Answer Option']);
  for (const q of questions) impQuestions.addRow([toolboxId(q), `${q.function} function`, `Practice ${q.practice}`, `Stream ${q.stream}`, q.level, `Question ${q.practice}-${q.level}-${q.stream}?`, 'A placeholder.', setIndex(q.set)]);

  // DV-Lists: per business function, a row of its 18 question ids, a blank row, the four answers.
  SAMM_FUNCTIONS.forEach((f, fi) => {
    const top = 1 + fi * 7;
    questions.filter((q) => q.function === f).forEach((q, i) => {
      const column = i + 1;
      dvLists.getCell(top, column).value = toolboxId(q);
      toolboxAnswerTexts(q.set).forEach((text, a) => (dvLists.getCell(top + 2 + a, column).value = text));
      const letter = String.fromCharCode(64 + column);
      book.definedNames.add(`'DV-Lists'!$${letter}$${top + 1}:$${letter}$${top + 5}`, toolboxId(q).replace(/-/g, '_'));
    });
  });

  // Interview: the header, then every question as the toolbox lays it out.
  interview.getCell('B1').value = { formula: 'CONCATENATE("SAMM Assessment Interview: ",D11," For ",D10)', result: '' } as ExcelJS.CellFormulaValue;
  const header: [number, string, ExcelJS.CellValue | undefined][] = [
    [10, 'Organization:', fill.organization],
    [11, 'Team/Application:', fill.team],
    [12, 'Interview Date:', fill.date],
    [13, 'Team Lead: ', fill.lead],
    [14, 'Contributors:', fill.contributors],
  ];
  for (const [row, label, value] of header) {
    interview.getCell(row, 2).value = label;
    if (value !== undefined) interview.getCell(row, 4).value = value;
  }
  const rows = interviewRows(questions);
  for (const q of questions) {
    const row = rows.get(q.sammId) as number;
    const other = rows.get(questions.find((x) => x.practice === q.practice && x.level === q.level && x.stream !== q.stream)!.sammId) as number;
    interview.getCell(row, 1).value = toolboxId(q);
    interview.getCell(row, 2).value = `Stream ${q.stream}`;
    interview.getCell(row, 3).value = q.level;
    interview.getCell(row, 4).value = `Question ${q.practice}-${q.level}-${q.stream}?`;
    interview.getCell(row, 5).value = setLetter(q.set);
    const answer = interview.getCell(row, 6);
    answer.dataValidation = { type: 'list', formulae: [toolboxId(q).replace(/-/g, '_')], allowBlank: true, showInputMessage: true, showErrorMessage: true };
    const position = fill.answers.get(q.sammId);
    const typed = fill.typed?.get(q.sammId);
    if (typed !== undefined) answer.value = typed;
    else if (position !== undefined) answer.value = toolboxAnswerTexts(q.set)[position] as string;
    interview.getCell(row, 7).value = { formula: `IFERROR(INDEX(INDIRECT("Ans" & E${row} & "TBL"), MATCH(F${row}, INDEX(INDIRECT("Ans" & E${row} & "TBL"), 0, 1), 0), 2), 0)` } as ExcelJS.CellFormulaValue;
    if (q.stream === 'A') interview.getCell(row, 8).value = { formula: `IFERROR(AVERAGE(G${row},G${other}),0)` } as ExcelJS.CellFormulaValue;
    interview.getCell(row + 1, 4).value = 'A placeholder.';
    interview.mergeCells(row, 9, row + 1, 9);
    const note = fill.notes?.get(q.sammId);
    if (note) interview.getCell(row, 9).value = note;
    if (q.stream === 'A' && q.level === 1) {
      const h = [1, 2, 3].map((level) => `H${rows.get(questions.find((x) => x.practice === q.practice && x.stream === 'A' && x.level === level)!.sammId)}`);
      interview.getCell(row, 10).value = { formula: `SUM(${h.join(',')})` } as ExcelJS.CellFormulaValue;
    }
  }

  // Scorecard: each practice's rating from the Interview, each function the mean of its practices, and the overall mean.
  scorecard.getCell('A13').value = 'Business Functions';
  scorecard.getCell('B13').value = 'Security Practices';
  scorecard.getCell('C13').value = 'Score';
  let r = 14;
  for (const f of SAMM_FUNCTIONS) {
    for (let p = 1; p <= 3; p++) {
      const first = rows.get(`${f}-P${p}-A-1`) as number;
      scorecard.getCell(r, 1).value = `${f} function`;
      scorecard.getCell(r, 2).value = `Practice ${f}-P${p}`;
      scorecard.getCell(r, 3).value = { formula: `Interview!$J$${first}` } as ExcelJS.CellFormulaValue;
      r++;
    }
  }
  SAMM_FUNCTIONS.forEach((f, i) => {
    scorecard.getCell(14 + i, 9).value = `${f} function`;
    scorecard.getCell(14 + i, 10).value = { formula: `AVERAGE(C${14 + i * 3}:C${16 + i * 3})` } as ExcelJS.CellFormulaValue;
  });
  scorecard.getCell('I19').value = 'Overall';
  scorecard.getCell('J19').value = { formula: 'AVERAGE(J14:J18)' } as ExcelJS.CellFormulaValue;
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * The toolbox's scorecard, computed as its formulas do: an answer's value is the second column of
 * its set's AnsXTBL where the first column matches its text (0 when blank or not found, IFERROR);
 * a level's H is the mean of the two streams' values; a practice's rating J is the sum of its
 * three levels' H; a business function is the mean of its practices' ratings, the overall score
 * the mean of the functions.
 */
export function toolboxScores(questions: readonly SammShapedQuestion[], fill: ToolboxFill): { practices: Map<string, number>; functions: Map<string, number>; overall: number } {
  const value = (q: SammShapedQuestion): number => {
    const text = fill.typed?.get(q.sammId) ?? (fill.answers.get(q.sammId) === undefined ? undefined : toolboxAnswerTexts(q.set)[fill.answers.get(q.sammId) as number]);
    const i = text === undefined ? -1 : toolboxAnswerTexts(q.set).indexOf(text);
    return i < 0 ? 0 : (SAMM_CREDITS[i] as number);
  };
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const practices = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const f of SAMM_FUNCTIONS) {
    for (let p = 1; p <= 3; p++) {
      const practice = `${f}-P${p}`;
      const h = [1, 2, 3].map((level) => mean(['A', 'B'].map((s) => value(questions.find((q) => q.practice === practice && q.stream === s && q.level === level)!))));
      practices.set(practice, h.reduce((a, b) => a + b, 0));
    }
    functions.set(f, mean([1, 2, 3].map((p) => practices.get(`${f}-P${p}`) as number)));
  }
  return { practices, functions, overall: mean([...functions.values()]) };
}
