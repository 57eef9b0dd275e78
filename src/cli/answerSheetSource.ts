import path from 'node:path';
import {
  addAssessorEdits,
  answerAssessorOf,
  type AnswerModel,
  answerModelOf,
  answersRootPath,
  answerTarget,
  type AssessmentDocumentAnalysis,
  type NewAssessorField,
  type Path,
  type TextEditData,
} from './core';
import { createEngine, FileChecker, incompleteLines } from '../node/analyze';
import { cliConfinement } from '../node/confinement';
import { todayIn } from './importSupport';
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
  /** Where the sheet's answers are written: the agreed answers, or the assessor's response. */
  readonly dimensionsPath: Path;
  /** The assessor asked for has no response yet (only when `create` allowed one): their id, and why it names none (with the closest id). */
  readonly newAssessor?: { readonly id: string; readonly unknown: string };
}

/** Whose answers a command reads or writes: an assessor's (by id); `create` lets an id the assessment does not have yet through. */
export interface SheetAssessor {
  readonly id: string;
  /** A new assessor's name, for the sheet. */
  readonly name?: string;
  readonly create?: boolean;
}

/** Which option a refusal of a new assessor is about. */
const NEW_ASSESSOR_OPTIONS: Readonly<Partial<Record<NewAssessorField, string>>> = { name: '--assessor-name', role: '--assessor-name', date: '--assessor-date', id: '--assessor' };

/**
 * The edits that add the new assessor the command names (by --assessor) to the assessment, with
 * the name and date (by default today) the format gives a response: the core's addAssessorEdits,
 * the one way any face adds an assessor. The assessment must choose a consensus rule first: the
 * format asks for one as soon as it has responses, and which rule is the team's call.
 */
export function newAssessorEdits(source: AssessmentSheetSource, name: string | undefined, date: string | undefined): { readonly id: string; readonly edits: readonly TextEditData[] } {
  const where = printable(source.shownPath);
  if (name === undefined || name.trim() === '') throw new CliError(`${where}: ${printable(source.newAssessor?.unknown ?? '')} To add a new assessor's answers, give their name with --assessor-name "Full Name".`);
  const result = addAssessorEdits(source.text, source.document.parsed, { id: source.newAssessor?.id ?? '', name, date: date ?? todayIn() }, { documentIndex: source.documentIndex });
  if ('refused' in result) {
    const option = NEW_ASSESSOR_OPTIONS[result.field];
    throw new CliError(`${where}: ${printable(result.refused)}${option ? ` (${option})` : ''}`);
  }
  return result;
}

/**
 * Reads the assessment a spreadsheet command works on (the first assessment of the file, or the
 * `documentNumber`th document), as `rubrics report` reads a file: confined to the repository,
 * its rubric resolved. A file that could not be fully checked, or whose rubric cannot be found,
 * stops the command (exit 2), since its rows would be wrong; so does an assessor the assessment
 * does not have (with the closest id), unless the command may add them.
 */
export async function loadAssessmentSheet(argument: string, documentNumber: number | undefined, allowOutside: readonly string[] | undefined, context: CliContext, assessor?: SheetAssessor): Promise<AssessmentSheetSource> {
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
  const target = assessor === undefined ? { dimensionsPath: answersRootPath() } : answerTarget(document, assessor.id);
  if ('refused' in target && !assessor?.create) throw new CliError(`${printable(source.shownPath)}: ${printable(target.refused)} To add a new assessor, give their name with --assessor-name "Full Name".`);
  const known = 'refused' in target ? undefined : target;
  const sheet = answerModelOf(document, known?.assessor ? answerAssessorOf(known.assessor) : assessor && { id: assessor.id, ...(assessor.name ? { name: assessor.name } : {}) });
  if (!sheet) throw new CliError(`The rubric of ${printable(source.shownPath)} cannot be used: run "rubrics validate ${printable(source.shownPath)}" to see why, and fix that first.`);
  if (sheet.rows.length === 0) throw new CliError(`The rubric ${printable(sheet.rubric.id)} has no criteria: its dimensions are rated as a whole (a level each), so there are no answers to put in a sheet.`);
  return { absolute: path.resolve(context.cwd, argument), shownPath: source.shownPath, text: source.text, documentIndex, document, sheet, dimensionsPath: answersRootPath(assessor?.id), ...('refused' in target && assessor ? { newAssessor: { id: assessor.id, unknown: target.refused } } : {}) };
}
