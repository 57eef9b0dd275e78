import type { Plan } from '../format/types';
import { projectPlan } from '../scoring/projectPlan';
import type { AnalysedDocument, DocumentRun } from './analyser';
import { valuesOf } from './staging';
import type { PlanDocumentAnalysis } from './types';

/** A plan: its rubric and its baseline assessment (scored), its projection from the baseline's levels, and its rules. */
export function analysePlan(run: DocumentRun): AnalysedDocument {
  const { staged: s, work } = run;
  const references = run.references();
  const rubric = references.rubric();
  const baseline = references.baseline(rubric);
  const data = s.verdict.valid ? (s.doc.value as Plan) : undefined;
  const projection = data ? work.run('facts and scores', valuesOf(s.doc) + (rubric?.index.dimensions.size ?? 0), () => projectPlan(data, rubric?.index, baseline?.score)) : undefined;
  run.rules({ kind: 'Plan', document: s.doc, verdict: s.verdict, ...(rubric ? { rubric: rubric.index } : {}), ...(baseline?.score ? { baseline: baseline.score } : {}) });
  return run.finish<PlanDocumentAnalysis>({ kind: 'Plan', ...(data ? { data } : {}), ...(rubric ? { rubric } : {}), ...(baseline ? { baseline } : {}), ...(projection ? { projection } : {}) });
}
