import { assessmentFacts, withInheritedFacts } from '../domain/assessmentFacts';
import { inheritFrom } from '../domain/inheritance';
import type { Assessment } from '../format/types';
import { SCHEMA_NOT_RUN } from '../schema/validateSchema';
import { dimensionOutcomes, scoreAssessment, summarizeScore, type ScoreSummary } from '../scoring/scoreAssessment';
import type { AssessmentScore } from '../scoring/types';
import type { AnalysedDocument, DocumentRun } from './analyser';
import { valuesOf } from './staging';
import type { AssessmentDocumentAnalysis } from './types';

/**
 * An assessment: its rubric, the assessment it inherits from (what counts is then its own answers
 * and its bases' where it gives none), the facts of its answers, the dimensions' outcomes, its
 * rules, and its scores, built when first read.
 */
export function analyseAssessment(run: DocumentRun): AnalysedDocument {
  const { staged: s, work } = run;
  const references = run.references();
  const rubric = references.rubric();
  const data = s.verdict.valid ? (s.doc.value as Assessment) : undefined;
  const inherited = data && rubric ? references.base(rubric) : undefined;
  const own = s.verdict === SCHEMA_NOT_RUN ? undefined : work.run('facts and scores', valuesOf(s.doc), () => assessmentFacts(s.doc.value, rubric?.index, s.verdict));
  // What counts: its own answers, and its bases' where it gives none.
  const effective = data && inherited ? inheritFrom(data, inherited.effective, inherited.base.uri) : undefined;
  const facts = own && effective && rubric ? work.run('facts and scores', rubric.index.criteria.size, () => withInheritedFacts(own, effective, rubric.index)) : own;
  const counted = effective?.data ?? data;
  const outcomes = counted && facts && rubric ? work.run('facts and scores', rubric.index.criteria.size + rubric.index.dimensions.size, () => dimensionOutcomes(counted, facts, rubric.index)) : undefined;
  run.rules({ kind: 'Assessment', document: s.doc, verdict: s.verdict, ...(rubric ? { rubric: rubric.index } : {}), ...(facts ? { facts } : {}), ...(outcomes ? { outcomes } : {}) });
  const scored = counted && facts && rubric && outcomes ? new ScoredWhenRead(() => scoreAssessment(counted, facts, rubric.index, outcomes), () => summarizeScore(rubric.index, outcomes)) : {};
  return run.finish<AssessmentDocumentAnalysis>(
    { kind: 'Assessment', ...(data ? { data } : {}), ...(rubric ? { rubric } : {}), ...(inherited ? { base: inherited.base } : {}), ...(effective ? { effective } : {}), ...(facts ? { facts } : {}) },
    scored,
  );
}

/**
 * What an assessment's analysis is made on: its `score` is built the first time it is read (a
 * report, the review, the preview, a plan's baseline) and kept. The rules need only the
 * dimensions' outcomes, so checking files (validate, the editor's diagnostics) builds no scores
 * that nothing reads: a sixth of validate's time over a repository went to them. The budget was
 * charged for them with the outcomes. The getter is the class's: defined on each object instead,
 * it gave every analysis a shape of its own, which cost V8 more than the scores saved.
 */
class ScoredWhenRead {
  #score: AssessmentScore | undefined;
  #summary: ScoreSummary | undefined;
  readonly #build: () => AssessmentScore;
  readonly #summarize: () => ScoreSummary;

  constructor(build: () => AssessmentScore, summarize: () => ScoreSummary) {
    this.#build = build;
    this.#summarize = summarize;
  }

  get score(): AssessmentScore {
    this.#score ??= this.#build();
    return this.#score;
  }

  get summary(): ScoreSummary {
    this.#summary ??= this.#score ?? this.#summarize();
    return this.#summary;
  }
}
