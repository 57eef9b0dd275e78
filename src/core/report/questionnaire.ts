import type { AssessmentDocumentAnalysis, FileAnalysis } from '../engine';
import { answersRootPath, dimensionCriteria, type AssessmentFacts, type WrittenResponse } from '../domain/assessmentFacts';
import { criterionFact, type CriterionFact } from '../domain/answers';
import type { ConsensusRule } from '../domain/consensus';
import type { RubricIndex } from '../domain/rubricIndex';
import type { Terms } from '../domain/terms';
import type { Path } from '../document/located';
import type { Criterion, Evidence, InterviewQuestion } from '../format/types';
import { defaultAssessmentTitle } from './buildReport';
import { reportLink } from './links';
import type { ReportLink } from './model';
import { withOffset } from './offsets';

/**
 * The questionnaire of an assessment: every criterion of its rubric, dimension by dimension in
 * rubric order, with what an interviewer needs to ask it (text, guidance, questions) and what
 * the assessment answers now (the answer, where it comes from, its note and evidence). The
 * preview renders it as a form whose choices become answer edits (language/answerEdits.ts),
 * so it names each criterion by the ids those edits take. Counts are over the criteria that
 * count: not-applicable and exempt ones (or their dimension) are shown but not asked.
 *
 * With several assessors (`responses`), the form edits one set of answers: the assessment's own,
 * agreed ones (which settle a criterion whatever the assessors say), or one assessor's; each
 * criterion then also shows, read only, the other answers to it and the answer that is scored.
 */

export interface QuestionnaireModel {
  readonly uri: string;
  /** Zero-based index of the assessment in its file. */
  readonly documentIndex: number;
  readonly title: string;
  readonly rubricTitle: string;
  readonly terms: Terms;
  readonly progress: QuestionnaireProgress;
  /** The overall score as scoring computed it (full precision), when the assessment can be scored. */
  readonly score?: number;
  readonly maxLevel: number;
  readonly dimensions: readonly QuestionnaireDimension[];
  /**
   * With several assessors (`responses`): who they are, in the order written, and whose answers
   * the form edits. Empty without responses, and then the form edits the assessment's answers
   * as it always has.
   */
  readonly assessors: readonly QuestionnaireAssessor[];
  /** The assessor whose answers the form edits (an id of `assessors`); absent: the assessment's own, agreed answers. */
  readonly answering?: string;
  /** The consensus rule that turns the assessors' answers into the scored one, when the assessment sets one. */
  readonly consensus?: ConsensusRule;
  /**
   * The people the assessment's `assessors:` list names who have no response of that name yet:
   * the form that adds an assessor offers their names (a list of who took part keeps no answers).
   */
  readonly listed: readonly { readonly name: string; readonly role?: string }[];
}

/** One assessor of the assessment: their response's id, who they are, and how many criteria they answered. */
export interface QuestionnaireAssessor {
  readonly id: string;
  /** Their name (the id when the response gives none). */
  readonly name: string;
  readonly role?: string;
  readonly date?: string;
  readonly answered: number;
}

/** Someone else's answer to a criterion, shown beside the one being edited (read only). */
export interface OtherAnswer {
  /** The assessor's name, or absent for the assessment's own, agreed answer. */
  readonly assessor?: string;
  readonly answer: string;
}

export interface QuestionnaireProgress {
  /** Criteria that count and have an answer. */
  readonly answered: number;
  /** Criteria that count (not excluded by a not-applicable or exempt mark, theirs or their dimension's). */
  readonly total: number;
  /** Criteria left out: not applicable or exempt. */
  readonly excluded: number;
}

/** Where a criterion's answer stands: answered in this document, not yet, or left out (and why). */
export type AnswerSource = 'own' | 'unanswered' | 'not-applicable' | 'exempt';

export interface QuestionnaireOption {
  readonly value: string;
  readonly credit: number;
  readonly description?: string;
}

export interface QuestionnaireQuestion {
  readonly ask: string;
  readonly lookFor: readonly string[];
}

/** An evidence entry: as a link to show, and as written (a removal sends the others back as they are). */
export interface QuestionnaireEvidence {
  readonly link: ReportLink;
  readonly written: Evidence;
}

export interface QuestionnaireCriterion {
  readonly id: string;
  readonly title?: string;
  readonly text: string;
  /** Markdown. */
  readonly guidance?: string;
  readonly questions: readonly QuestionnaireQuestion[];
  /** What must be true for it to count as met (OWASP SAMM's quality criteria). */
  readonly qualityCriteria: readonly string[];
  readonly level: number;
  readonly levelName?: string;
  readonly scaleName: string;
  /** The answer scale, in the rubric's order (empty when the criterion names a scale the rubric lacks). */
  readonly options: readonly QuestionnaireOption[];
  /** The answer as written (booleans as yes and no). */
  readonly answer?: string;
  /** The option the answer picks (the scale's spelling), absent when there is no answer or it is off the scale. */
  readonly selected?: string;
  readonly source: AnswerSource;
  /** Why it, or its dimension, does not apply. */
  readonly notApplicable?: string;
  readonly exemption?: { readonly reason: string; readonly approver: string; readonly expires: string };
  /** Markdown, as written. */
  readonly note?: string;
  readonly evidence: readonly QuestionnaireEvidence[];
  readonly evidenceRequired: boolean;
  readonly evidenceMissing: boolean;
  /** Where its answer is written (the start of its key), when it is. */
  readonly sourceOffset?: number;
  /**
   * With several assessors: the other answers to it (each other assessor's, and the agreed one
   * when an assessor's answers are edited), in the order written. Empty without responses.
   */
  readonly others: readonly OtherAnswer[];
  /** With several assessors: the answer that is scored and where it comes from (the agreed answer settles it; else the consensus). */
  readonly scored?: { readonly answer: string; readonly from: 'agreed' | 'consensus' };
}

export interface QuestionnaireDimension {
  readonly id: string;
  readonly title: string;
  /** The title of its group, when it has one. */
  readonly group?: string;
  /** Markdown. */
  readonly description?: string;
  /** Whether the whole dimension is left out, and why. */
  readonly excluded?: { readonly source: 'not-applicable' | 'exempt'; readonly reason: string };
  readonly progress: QuestionnaireProgress;
  readonly criteria: readonly QuestionnaireCriterion[];
  readonly sourceOffset?: number;
}

export interface QuestionnaireOptions {
  /**
   * Whose answers the form edits: an assessor's id (a key of `responses`); absent, or an id the
   * assessment does not have, the assessment's own, agreed answers.
   */
  readonly assessor?: string;
}

/**
 * The questionnaire of the assessment at `documentIndex` (by default the file's first
 * assessment), or why there is none, in a sentence a reader can act on.
 */
export function buildQuestionnaire(analysis: FileAnalysis, documentIndex?: number, options: QuestionnaireOptions = {}): QuestionnaireModel | { readonly unavailable: string } {
  const index = documentIndex ?? analysis.documents.findIndex((d) => d.kind === 'Assessment');
  const doc = analysis.documents[index];
  if (!doc || doc.kind !== 'Assessment') return { unavailable: 'The questionnaire answers an assessment; this document is not one.' };
  return questionnaireOf(analysis.uri, doc, options);
}

function questionnaireOf(uri: string, doc: AssessmentDocumentAnalysis, options: QuestionnaireOptions): QuestionnaireModel | { readonly unavailable: string } {
  const rubric = doc.rubric;
  const facts = doc.facts;
  if (!doc.data || !facts) return { unavailable: 'The assessment cannot be read until its errors are fixed (see the Problems panel).' };
  if (!rubric) return { unavailable: `The questionnaire needs the assessment's rubric, and "${doc.data.rubric}" could not be used (see the Problems panel).` };
  const index = rubric.index;
  const answering = options.assessor !== undefined ? facts.responses.find((r) => r.id === options.assessor) : undefined;
  const dimensionsPath: Path = answersRootPath(answering?.id);
  const editedFact = editedFactOf(facts, index, answering);
  const written = new Map(facts.dimensions.map((d) => [d.id, d]));
  const dimensions = index.rubric.dimensions.map((dimension): QuestionnaireDimension => {
    const entry = written.get(dimension.id);
    const excluded = entry?.notApplicable
      ? { source: 'not-applicable' as const, reason: entry.notApplicable.reason }
      : entry?.exemption && !entry.exemption.expired
        ? { source: 'exempt' as const, reason: `${entry.exemption.reason} (approved by ${entry.exemption.approver}, until ${entry.exemption.expires})` }
        : undefined;
    const criterionFacts = dimensionCriteria(facts, index, dimension, facts.date ?? '');
    const criteria = (dimension.criteria ?? []).map((criterion, i) => {
      const scored = criterionFacts[i] as CriterionFact;
      return questionnaireCriterion(index, criterion, scored, editedFact(dimension.id, criterion, scored), answering?.id, doc, [...dimensionsPath, dimension.id, 'answers', criterion.id]);
    });
    const group = dimension.group ? index.groups.get(dimension.group)?.title : undefined;
    return {
      id: dimension.id,
      title: dimension.title,
      ...(group ? { group } : {}),
      ...(dimension.description ? { description: dimension.description } : {}),
      ...(excluded ? { excluded } : {}),
      progress: progressOf(excluded ? [] : criteria, excluded ? criteria.length : 0),
      criteria,
      ...withOffset(doc.parsed, [...dimensionsPath, dimension.id]),
    };
  });
  const progress = dimensions.reduce<QuestionnaireProgress>(
    (sum, d) => ({ answered: sum.answered + d.progress.answered, total: sum.total + d.progress.total, excluded: sum.excluded + d.progress.excluded }),
    { answered: 0, total: 0, excluded: 0 },
  );
  const score = doc.score?.overall.score;
  return {
    uri,
    documentIndex: doc.index,
    title: doc.data.title ?? defaultAssessmentTitle(doc.data.subject, doc.data.date),
    rubricTitle: index.rubric.title,
    terms: index.terms,
    progress,
    ...(score !== undefined ? { score } : {}),
    maxLevel: index.maxLevel,
    dimensions,
    assessors: facts.responses.map((r) => ({
      id: r.id,
      name: r.name ?? r.id,
      ...(r.role !== undefined ? { role: r.role } : {}),
      ...(r.date !== undefined ? { date: r.date } : {}),
      answered: r.dimensions.reduce((n, d) => n + d.answers.filter((a) => a.fact?.answered).length, 0),
    })),
    ...(answering ? { answering: answering.id } : {}),
    ...(facts.consensus ? { consensus: facts.consensus.rule } : {}),
    listed: (doc.data.assessors ?? [])
      .filter((person) => !facts.responses.some((r) => (r.name ?? r.id) === person.name))
      .map((person) => ({ name: person.name, ...(person.role !== undefined ? { role: person.role } : {}) })),
  };
}

/**
 * The facts of the answer the form edits for a criterion, given its scored facts: without
 * responses, the scored answer (the assessment's own); with them, the assessment's own entry
 * alone (the scored fact mixes in the consensus and the assessors' evidence), or the assessor's.
 */
function editedFactOf(facts: AssessmentFacts, index: RubricIndex, answering: WrittenResponse | undefined): (dimensionId: string, criterion: Criterion, scored: CriterionFact) => CriterionFact {
  if (facts.responses.length === 0) return (_d, _c, scored) => scored;
  const date = facts.date ?? '';
  // By dimension and criterion, once: a large assessment has thousands of answers to look up.
  const written = new Map((answering ? answering.dimensions : facts.dimensions).map((d) => [d.id, new Map(d.answers.map((a) => [a.criterionId, a]))]));
  return (dimensionId, criterion) => {
    const entry = written.get(dimensionId)?.get(criterion.id);
    if (answering) return entry?.fact ?? criterionFact(index, criterion, undefined, date, facts.evidencePolicy);
    return criterionFact(index, criterion, entry?.detail, date, facts.evidencePolicy);
  };
}

function progressOf(criteria: readonly QuestionnaireCriterion[], excludedByDimension: number): QuestionnaireProgress {
  let answered = 0;
  let total = 0;
  let excluded = excludedByDimension;
  for (const c of criteria) {
    if (c.source === 'not-applicable' || c.source === 'exempt') excluded++;
    else {
      total++;
      if (c.source === 'own') answered++;
    }
  }
  return { answered, total, excluded };
}

/**
 * One criterion of the form: `fact` is the answer it edits (the assessment's, or an assessor's),
 * `scored` what the assessment scores (whether it counts, the other answers, the consensus).
 */
function questionnaireCriterion(index: RubricIndex, criterion: Criterion, scored: CriterionFact, fact: CriterionFact, answering: string | undefined, doc: AssessmentDocumentAnalysis, path: Path): QuestionnaireCriterion {
  const options = (index.scaleOf(criterion)?.answers ?? []).map((a) => ({ value: a.value, credit: a.credit, ...(a.description ? { description: a.description } : {}) }));
  const selected = fact.answer !== undefined ? index.answerOption(criterion, fact.answer)?.value : undefined;
  const levelName = index.levelName(criterion.level);
  // Whether it counts is the assessment's to say (its own not-applicable mark or exemption), whoever's answer is edited.
  const source: AnswerSource = scored.status !== 'counted' ? scored.status : fact.answered ? 'own' : 'unanswered';
  const agreement = scored.agreement;
  const others: OtherAnswer[] = (agreement?.answers ?? []).filter((a) => a.assessor !== answering).map((a) => ({ assessor: a.name ?? a.assessor, answer: a.answer }));
  if (answering !== undefined && scored.settled && scored.answer !== undefined) others.push({ answer: scored.answer });
  const scoredFrom = scored.settled ? ('agreed' as const) : ('consensus' as const);
  return {
    id: criterion.id,
    ...(criterion.title ? { title: criterion.title } : {}),
    text: criterion.text,
    ...(criterion.guidance ? { guidance: criterion.guidance } : {}),
    questions: (criterion.questions ?? []).map(questionOf),
    qualityCriteria: criterion.qualityCriteria ?? [],
    level: criterion.level,
    ...(levelName ? { levelName } : {}),
    scaleName: index.scaleName(criterion),
    options,
    ...(fact.answer !== undefined ? { answer: fact.answer } : {}),
    ...(selected !== undefined ? { selected } : {}),
    source,
    ...(fact.notApplicable !== undefined ? { notApplicable: fact.notApplicable } : {}),
    ...(fact.exemption && !fact.exemption.expired ? { exemption: { reason: fact.exemption.reason, approver: fact.exemption.approver, expires: fact.exemption.expires } } : {}),
    ...(fact.note ? { note: fact.note } : {}),
    evidence: fact.evidence.map((written) => ({ link: reportLink(written), written })),
    evidenceRequired: fact.evidenceRequired,
    evidenceMissing: fact.evidenceMissing,
    ...withOffset(doc.parsed, path),
    others,
    ...(agreement && scored.answer !== undefined && scored.status === 'counted' ? { scored: { answer: scored.answer, from: scoredFrom } } : {}),
  };
}

/** A question as the rubric writes it: a bare question, or one with the evidence to look for. */
export function questionOf(question: InterviewQuestion): QuestionnaireQuestion {
  return typeof question === 'string' ? { ask: question, lookFor: [] } : { ask: question.ask, lookFor: question.lookFor ?? [] };
}
