/**
 * Helpers of the spreadsheet tests: the answer sheet of an assessment on disk, written to bytes
 * and read back through the codec, and the text an import gives.
 */
import path from 'node:path';
import { Engine, type AssessmentDocumentAnalysis } from '../../src/core/engine';
import { answerChangeProblems, answerEdits, applyTextEdits } from '../../src/core/language/answerEdits';
import { withFormatProblems } from '../../src/core/interchange/sheets/formatProblems';
import { readAnswers, type AnswerImport } from '../../src/core/interchange/sheets/answerImport';
import { answerWorkbook } from '../../src/core/interchange/sheets/answerSheet';
import { answerAssessorOf, answerModelOf, type AnswerModel } from '../../src/core/language/answerRows';
import { answerTarget } from '../../src/core/language/answerChecks';
import { answersRootPath } from '../../src/core/domain/assessmentFacts';
import { readSpreadsheet, writeSpreadsheet, type CsvWriteOptions } from '../../src/core/interchange/sheets/codec';
import type { Workbook } from '../../src/core/interchange/sheets/workbook';
import { analyzeFile, DiskFileHost } from './diskHost';

export interface LoadedAssessment {
  readonly file: string;
  readonly text: string;
  readonly documentIndex: number;
  readonly analysis: AssessmentDocumentAnalysis;
  readonly sheet: AnswerModel;
}

const engine = new Engine(new DiskFileHost());

/** The first assessment of a file on disk, analysed, with its answer sheet: its agreed answers, or those of one of its assessors. */
export async function loadAssessment(file: string, assessor?: string): Promise<LoadedAssessment> {
  const analysis = await analyzeFile(file, engine);
  const documentIndex = analysis.documents.findIndex((d) => d.kind === 'Assessment');
  const doc = analysis.documents[documentIndex] as AssessmentDocumentAnalysis;
  const target = answerTarget(doc, assessor);
  if ('refused' in target) throw new Error(`${file}: ${target.refused}`);
  const sheet = answerModelOf(doc, target.assessor && answerAssessorOf(target.assessor));
  if (!sheet) throw new Error(`${file}: no rubric found`);
  return { file, text: analysis.text, documentIndex, analysis: doc, sheet };
}

export async function exported(sheet: AnswerModel, format: 'xlsx' | 'csv', csv: CsvWriteOptions = {}): Promise<Uint8Array> {
  return writeSpreadsheet(answerWorkbook(sheet, format, `rubrics import answers FILE --into ASSESSMENT${sheet.assessor ? ` --assessor ${sheet.assessor.id}` : ''}`), format, csv);
}

export async function readBack(bytes: Uint8Array, format: 'xlsx' | 'csv'): Promise<Workbook> {
  const result = await readSpreadsheet(bytes, format, { sheetName: 'answers' });
  if ('refused' in result) throw new Error(result.refused);
  return result.workbook;
}

/** The assessment's text after importing `workbook` (every valid row), with what the import said. */
export function imported(loaded: LoadedAssessment, workbook: Workbook): { text: string; result: AnswerImport } {
  const read = readAnswers(workbook, loaded.sheet);
  const result = withFormatProblems(read, answerChangeProblems(read.changes));
  const edits = answerEdits(loaded.text, loaded.analysis.parsed, result.changes, { documentIndex: loaded.documentIndex, dimensionsPath: answersRootPath(loaded.sheet.assessor?.id) });
  if ('refused' in edits) throw new Error(edits.refused);
  return { text: applyTextEdits(loaded.text, edits.edits), result };
}

export const SAMPLES = path.join(__dirname, '../../samples/kestrel');
