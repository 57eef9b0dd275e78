import { onCheckedRequest } from '../checkedMessages';
import type { ServerContext } from '../context';
import { toTextEdit } from '../convert';
import { addAssessorEdits, answerAssessorOf, answerChangeProblems, answerEdits, answerModelOf, answerTarget, baseName, checkAgainstRubric } from '../core';
import { PARAMS } from '../params';
import { ANSWER_EDITS, ANSWER_MODEL, ASSESSOR_EDITS, type AnswerEditsParams, type AnswerEditsResult, type AnswerModelParams, type AnswerModelResult, type AssessorEditsParams, type AssessorEditsResult } from '../protocol';

/**
 * The answers of an open assessment, for the questionnaire and the spreadsheets: `rubrics/answerModel`
 * gives them as rows, `rubrics/answerEdits` turns answer changes into edits of the file for the
 * client to apply (the core's answerEdits, the one way any face changes an answer), and
 * `rubrics/assessorEdits` adds an assessor whose answers the client then edits (the core's
 * addAssessorEdits).
 */
export function registerAnswers(context: ServerContext): void {
  const { connection } = context;
  onCheckedRequest(connection, ANSWER_MODEL, { ...PARAMS.uri, 'assessor?': 'string' }, ({ uri, assessor }: AnswerModelParams) => answerModel(context, uri, assessor));
  // Each change is checked by the format and by the edit itself (answerEdits verifies its result): the shape here is the envelope.
  onCheckedRequest(connection, ANSWER_EDITS, { ...PARAMS.uri, version: 'integer', changes: ['list', { dimension: 'string', criterion: 'string', 'answer?': 'any', 'note?': 'any', 'evidence?': 'any', 'notApplicable?': 'any', 'exemption?': 'any' }], 'assessor?': 'string' }, (params: AnswerEditsParams) => answerEditsFor(context, params));
  // The name, role, date and rule come from a page: the core checks each (and names the one at fault).
  onCheckedRequest(connection, ASSESSOR_EDITS, { ...PARAMS.uri, version: 'integer', name: 'string', 'role?': 'string', date: 'string', 'consensus?': 'string' }, (params: AssessorEditsParams) => assessorEditsFor(context, params));
}

/** The answers of an open assessment as rows (its agreed answers, or an assessor's), for the spreadsheet export and import. */
async function answerModel({ store }: ServerContext, uri: string, assessor: string | undefined): Promise<AnswerModelResult> {
  const result = await store.atCurrent(uri, async (doc): Promise<AnswerModelResult> => {
    const analysis = await store.analyses.analysisOf(doc);
    const assessment = analysis.documents.find((d) => d.kind === 'Assessment');
    if (!assessment || assessment.kind !== 'Assessment') return { reason: `${baseName(uri)} holds no assessment.` };
    const target = answerTarget(assessment, assessor);
    if ('refused' in target) return { reason: target.refused };
    const model = answerModelOf(assessment, target.assessor && answerAssessorOf(target.assessor));
    if (!model) return { reason: `The rubric of ${baseName(uri)} cannot be used; fix the problems shown for it first.` };
    if (model.rows.length === 0) return { reason: `The rubric ${model.rubric.id} has no criteria: its dimensions are rated as a whole, so there are no answers to put in a sheet.` };
    return { version: doc.version, model, assessors: (assessment.facts?.responses ?? []).map(answerAssessorOf) };
  });
  return result ?? { reason: `${baseName(uri)} is not open as a rubric document.` };
}

/** The edits that set answers in an open assessment's first assessment document, checked by the format first. */
async function answerEditsFor({ store }: ServerContext, { uri, version, changes, assessor }: AnswerEditsParams): Promise<AnswerEditsResult> {
  const doc = store.get(uri);
  if (!doc || doc.version !== version) return { refused: `${baseName(uri)} changed since its answers were read; try again.` };
  const problems = answerChangeProblems(changes);
  if (problems.length) return { problems };
  const analysis = await store.analyses.analysisOf(doc);
  const index = analysis.documents.findIndex((d) => d.kind === 'Assessment');
  const assessment = analysis.documents[index];
  if (!assessment || assessment.kind !== 'Assessment') return { refused: `${baseName(uri)} holds no assessment.` };
  // Whose answers: the agreed ones, or an assessor's the assessment has (a page of a response since removed is refused).
  const target = answerTarget(assessment, assessor);
  if ('refused' in target) return target;
  // The questionnaire's page and a spreadsheet both name criteria and answers: the rubric has the last word.
  const checked = checkAgainstRubric(assessment, changes, target);
  if ('refused' in checked) return checked;
  if (checked.problems.length) return { problems: checked.problems };
  const result = answerEdits(doc.getText(), assessment.parsed, checked.changes, { documentIndex: index, dimensionsPath: target.dimensionsPath });
  if ('refused' in result) return result;
  if (store.get(uri)?.version !== version) return { refused: `${baseName(uri)} changed while the edits were computed; try again.` };
  return { edits: result.edits.map((e) => toTextEdit(doc, e)) };
}

/** The edits that add an assessor to an open file's first assessment document, and the id they get. */
async function assessorEditsFor({ store }: ServerContext, { uri, version, name, role, date, consensus }: AssessorEditsParams): Promise<AssessorEditsResult> {
  const changed = { refused: `${baseName(uri)} changed since the questionnaire was shown; try again.`, field: 'file' } as const;
  const doc = store.get(uri);
  if (!doc || doc.version !== version) return changed;
  const analysis = await store.analyses.analysisOf(doc);
  const index = analysis.documents.findIndex((d) => d.kind === 'Assessment');
  const assessment = analysis.documents[index];
  if (!assessment || assessment.kind !== 'Assessment') return { refused: `${baseName(uri)} holds no assessment.`, field: 'file' };
  const result = addAssessorEdits(doc.getText(), assessment.parsed, { name, date, ...(role !== undefined ? { role } : {}), ...(consensus !== undefined ? { consensus } : {}) }, { documentIndex: index });
  if ('refused' in result) return result;
  if (store.get(uri)?.version !== version) return changed;
  return { id: result.id, edits: result.edits.map((e) => toTextEdit(doc, e)) };
}
