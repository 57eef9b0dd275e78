import path from 'node:path';
import type { AssessmentDocumentAnalysis } from '../core/engine';
import { answerModelOf, type AnswerModel } from '../core/language/answerRows';
import { createEngine, FileChecker, incompleteLines } from '../node/analyze';
import { cliConfinement } from '../node/confinement';
import type { CliContext } from './context';
import { CliError } from '../node/errors';
import { printable } from '../node/printable';
import { SourceReader } from '../node/sources';

/** An assessment file on disk, analysed, with the answer sheet of its assessment document. */
export interface AssessmentSheetSource {
  readonly absolute: string;
  readonly shownPath: string;
  readonly text: string;
  readonly documentIndex: number;
  readonly document: AssessmentDocumentAnalysis;
  readonly sheet: AnswerModel;
}

/**
 * Reads the assessment a spreadsheet command works on (the first assessment of the file, or the
 * `documentNumber`th document), as `rubrics report` reads a file: confined to the repository,
 * its rubric resolved. A file that could not be fully checked, or whose rubric cannot be found,
 * stops the command (exit 2), since its rows would be wrong.
 */
export async function loadAssessmentSheet(argument: string, documentNumber: number | undefined, allowOutside: readonly string[] | undefined, context: CliContext): Promise<AssessmentSheetSource> {
  const reader = new SourceReader(context.cwd);
  const engine = createEngine(reader, await cliConfinement(context.cwd, allowOutside, context.root));
  const source = await reader.load(argument, engine);
  if (!source.uri.startsWith('file:') || source.text === undefined) throw new CliError(`"${printable(argument)}" is not a file in the working tree; spreadsheets are exported from and imported into files on disk.`);
  const { analysis, incomplete } = await new FileChecker(engine).check(source.uri, source.text);
  if (!analysis || incomplete.length > 0) throw new CliError(incompleteLines(source.shownPath, incomplete).trimEnd() || `${printable(source.shownPath)} could not be checked.`);
  const documentIndex = documentNumber !== undefined ? documentNumber - 1 : analysis.documents.findIndex((d) => d.kind === 'Assessment');
  const document = analysis.documents[documentIndex];
  if (!document || document.kind !== 'Assessment') {
    const kinds = analysis.documents.map((d, i) => `${i + 1}: ${d.kind ?? 'unknown'}`).join(', ');
    throw new CliError(`${printable(source.shownPath)} has no assessment${documentNumber !== undefined ? ` as document ${documentNumber}` : ''} (its documents: ${kinds || 'none'}).`);
  }
  const sheet = answerModelOf(document);
  if (!sheet) throw new CliError(`The rubric of ${printable(source.shownPath)} cannot be used: run "rubrics validate ${printable(source.shownPath)}" to see why, and fix that first.`);
  if (sheet.rows.length === 0) throw new CliError(`The rubric ${printable(sheet.rubric.id)} has no criteria: its dimensions are rated as a whole (a level each), so there are no answers to put in a sheet.`);
  return { absolute: path.resolve(context.cwd, argument), shownPath: source.shownPath, text: source.text, documentIndex, document, sheet };
}
