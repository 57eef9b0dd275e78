import { RubricIndex } from '../domain/rubricIndex';
import type { Rubric } from '../format/types';
import type { AnalysedDocument, DocumentRun } from './analyser';
import { valuesOf } from './staging';
import type { RubricDocumentAnalysis } from './types';

/**
 * A rubric: its index (lookup tables over it) when it passed its schema, its rules, and whether
 * assessments and plans can be scored against it. A rubric references nothing.
 */
export function analyseRubric(run: DocumentRun): AnalysedDocument {
  const { staged: s, work } = run;
  const rubricIndex = s.verdict.valid ? work.run('facts and scores', valuesOf(s.doc), () => new RubricIndex(s.doc.value as Rubric)) : undefined;
  run.rules({ kind: 'Rubric', document: s.doc, verdict: s.verdict, ...(rubricIndex ? { rubric: rubricIndex } : {}) });
  return run.finish<RubricDocumentAnalysis>({
    kind: 'Rubric',
    ...(s.verdict.valid ? { data: s.doc.value as Rubric } : {}),
    ...(rubricIndex ? { rubricIndex } : {}),
    usable: rubricIndex !== undefined && !run.out.hasErrors && !work.stopped,
  });
}
