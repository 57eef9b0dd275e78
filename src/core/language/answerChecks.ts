import type { Path } from '../document/located';
import { answersRootPath, type WrittenResponse } from '../domain/assessmentFacts';
import type { AssessmentDocumentAnalysis } from '../engine';
import { closestMatch } from '../text/suggest';
import type { AnswerChange, AnswerChangeProblem } from './answerEdits';

/**
 * Whose answers a set of changes writes: the assessment's own, agreed answers (`dimensions`,
 * which settle criteria), or one assessor's under `responses`; `dimensionsPath` is where
 * answerEdits writes them.
 */
export interface AnswerTarget {
  readonly dimensionsPath: Path;
  /** The assessor's response, when the answers are an assessor's. */
  readonly assessor?: WrittenResponse;
}

/**
 * The answers an assessor id names in an assessment (undefined: its own, agreed answers), or why
 * there are none: an id that is not one of its assessors, with the closest one when it looks like
 * a typo, and the ones it has.
 */
export function answerTarget(assessment: AssessmentDocumentAnalysis, assessor: string | undefined): AnswerTarget | { readonly refused: string } {
  if (assessor === undefined) return { dimensionsPath: answersRootPath() };
  const responses = assessment.facts?.responses ?? [];
  const response = responses.find((r) => r.id === assessor);
  if (response) return { dimensionsPath: answersRootPath(assessor), assessor: response };
  return { refused: unknownAssessorMessage(assessor, responses.map((r) => r.id)) };
}

/** Why `assessor` names no response: the closest id when it looks like a typo, and the ids there are. */
export function unknownAssessorMessage(assessor: string, known: readonly string[]): string {
  if (known.length === 0) return `The assessment has no assessor "${assessor}": it has no responses (answers per assessor) yet.`;
  const suggestion = closestMatch(assessor, known);
  return `The assessment has no assessor "${assessor}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Its assessors: ${known.join(', ')}.`;
}

/** The fields an assessor's answer has (the format's responseAnswer): a not-applicable mark or an exemption belongs to the agreed answers. */
const ASSESSMENT_ONLY_FIELDS = ['notApplicable', 'exemption'] as const;

/**
 * Answer changes checked against the assessment's rubric before they are written: each names a
 * criterion of the dimension it names, and its answer is one of that criterion's scale, written
 * as the scale spells it (`Most` for `most`, `yes` for true). What comes from outside the editor
 * (the questionnaire's page, a spreadsheet) is checked here as well as by the format
 * (answerChangeProblems); a problem names the criterion and the field, and nothing is written.
 * An assessor's answers (`target`) take no not-applicable mark or exemption: those are the
 * assessment's own.
 */
export function checkAgainstRubric(assessment: AssessmentDocumentAnalysis, changes: readonly AnswerChange[], target: AnswerTarget = { dimensionsPath: answersRootPath() }): { readonly changes: readonly AnswerChange[]; readonly problems: readonly AnswerChangeProblem[] } | { readonly refused: string } {
  const index = assessment.rubric?.index;
  if (!index) return { refused: 'The assessment\'s rubric could not be used, so answers cannot be checked; fix the problems it reports first.' };
  const problems: AnswerChangeProblem[] = [];
  const checked: AnswerChange[] = [];
  for (const change of changes) {
    const problem = (field: string, message: string) => problems.push({ dimension: change.dimension, criterion: change.criterion, field, message });
    const dimension = index.dimensions.get(change.dimension);
    const found = dimension ? index.criteria.get(change.criterion) : undefined;
    if (!dimension) {
      problem('dimension', `The rubric has no ${index.term('dimension').toLowerCase()} "${change.dimension}".`);
      continue;
    }
    if (!found || found.dimension !== dimension) {
      problem('criterion', `"${dimension.title}" has no ${index.term('criterion').toLowerCase()} "${change.criterion}".`);
      continue;
    }
    const kept = target.assessor ? ASSESSMENT_ONLY_FIELDS.filter((field) => change[field] !== undefined && change[field] !== null) : [];
    if (kept.length > 0) {
      for (const field of kept) problem(field, `An assessor's answer holds an answer, a note and evidence; ${field === 'exemption' ? 'an exemption' : 'a not-applicable mark'} belongs to the agreed answers of the assessment, not to ${target.assessor?.name ?? target.assessor?.id}'s.`);
      continue;
    }
    const answer = change.answer;
    if (answer === undefined || answer === null || answer === '') {
      checked.push(change);
      continue;
    }
    const option = index.answerOption(found.criterion, answer);
    if (!option) {
      problem('answer', `"${String(answer)}" is not an answer of the scale "${index.scaleName(found.criterion)}" (${index.answerValues(found.criterion).join(', ')}).`);
      continue;
    }
    checked.push({ ...change, answer: option.value });
  }
  return { changes: checked, problems };
}
