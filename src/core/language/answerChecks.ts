import type { AssessmentDocumentAnalysis } from '../engine';
import type { AnswerChange, AnswerChangeProblem } from './answerEdits';

/**
 * Answer changes checked against the assessment's rubric before they are written: each names a
 * criterion of the dimension it names, and its answer is one of that criterion's scale, written
 * as the scale spells it (`Most` for `most`, `yes` for true). What comes from outside the editor
 * (the questionnaire's page, a spreadsheet) is checked here as well as by the format
 * (answerChangeProblems); a problem names the criterion and the field, and nothing is written.
 */
export function checkAgainstRubric(assessment: AssessmentDocumentAnalysis, changes: readonly AnswerChange[]): { readonly changes: readonly AnswerChange[]; readonly problems: readonly AnswerChangeProblem[] } | { readonly refused: string } {
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
