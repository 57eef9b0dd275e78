import type { AssessmentDocumentAnalysis, DocumentAnalysis, FileAnalysis, PlanDocumentAnalysis } from '../engine';

/**
 * What depends on a rubric: the assessments and plans scored against it. The one answer behind
 * `rubrics uses`, the review's list of what a rubric change moves, and the language server's
 * "find references". A document depends on the rubric its reference resolved to (a file's rubric
 * document, or a built-in framework), so a copy with the same id elsewhere is another rubric.
 */
export interface RubricRef {
  /** The file that holds the rubric (`rubrics-builtin:/…` for a built-in framework). */
  readonly uri: string;
  readonly id: string;
}

export type RubricUser = AssessmentDocumentAnalysis | PlanDocumentAnalysis;

/** Whether the document is an assessment or a plan scored against this rubric. */
export function usesRubric(doc: DocumentAnalysis, rubric: RubricRef): doc is RubricUser {
  if (doc.kind !== 'Assessment' && doc.kind !== 'Plan') return false;
  return doc.rubric !== undefined && doc.rubric.uri === rubric.uri && doc.rubric.index.rubric.id === rubric.id;
}

/** The documents of a file that depend on the rubric. */
export function rubricUsers(analysis: FileAnalysis, rubric: RubricRef): RubricUser[] {
  return analysis.documents.filter((doc): doc is RubricUser => usesRubric(doc, rubric));
}

/** The rubrics a file's documents define, as references others resolve to. */
export function rubricsDefinedIn(analysis: FileAnalysis): RubricRef[] {
  return analysis.documents.flatMap((doc) => (doc.kind === 'Rubric' && doc.data ? [{ uri: analysis.uri, id: doc.data.id }] : []));
}
