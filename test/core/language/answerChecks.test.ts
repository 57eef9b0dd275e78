import { describe, expect, it } from 'vitest';
import { checkAgainstRubric } from '../../../src/core/language/answerChecks';
import { applyTextEdits, answerEdits, type AnswerChange } from '../../../src/core/language/answerEdits';
import { ANSWERED_PORTAL, deskAssessmentAnalysis } from '../../support/questionnaireFixtures';

const ASSESSMENT = ANSWERED_PORTAL;
const assessment = (text = ASSESSMENT) => deskAssessmentAnalysis(text);

describe('answer changes checked against the rubric', () => {
  it('passes the changes that name a criterion of their dimension, with the answer as the scale spells it', async () => {
    const changes: AnswerChange[] = [
      { dimension: 'self-service', criterion: 'catalogue', answer: 'some' },
      { dimension: 'self-service', criterion: 'portal', answer: true },
      { dimension: 'knowledge', criterion: 'kb', note: 'Not looked at yet.' },
      { dimension: 'self-service', criterion: 'portal', answer: null },
    ];
    expect(checkAgainstRubric(await assessment(), changes)).toEqual({
      changes: [
        { dimension: 'self-service', criterion: 'catalogue', answer: 'Some' },
        { dimension: 'self-service', criterion: 'portal', answer: 'yes' },
        { dimension: 'knowledge', criterion: 'kb', note: 'Not looked at yet.' },
        { dimension: 'self-service', criterion: 'portal', answer: null },
      ],
      problems: [],
    });
  });

  it('names the criterion and the field of each change that cannot be written, and leaves that change out', async () => {
    const result = checkAgainstRubric(await assessment(), [
      { dimension: 'portal', criterion: 'portal', answer: 'yes' },
      { dimension: 'self-service', criterion: 'desk', answer: 'yes' },
      { dimension: 'knowledge', criterion: 'portal', answer: 'yes' },
      { dimension: 'self-service', criterion: 'catalogue', answer: 'yes' },
      { dimension: 'knowledge', criterion: 'kb', answer: 'no' },
    ]);
    expect(result).toEqual({
      changes: [{ dimension: 'knowledge', criterion: 'kb', answer: 'no' }],
      problems: [
        { dimension: 'portal', criterion: 'portal', field: 'dimension', message: 'The rubric has no capability "portal".' },
        { dimension: 'self-service', criterion: 'desk', field: 'criterion', message: '"Self-service" has no practice "desk".' },
        { dimension: 'knowledge', criterion: 'portal', field: 'criterion', message: '"Knowledge" has no practice "portal".' },
        { dimension: 'self-service', criterion: 'catalogue', field: 'answer', message: '"yes" is not an answer of the scale "coverage" (none, Some, most, all).' },
      ],
    });
  });

  it('refuses when the rubric cannot be used', async () => {
    expect(checkAgainstRubric(await assessment(ASSESSMENT.replace('./desk.rubric.yaml', './gone.rubric.yaml')), [{ dimension: 'self-service', criterion: 'portal', answer: 'no' }])).toEqual({
      refused: 'The assessment\'s rubric could not be used, so answers cannot be checked; fix the problems it reports first.',
    });
  });

  it('hands answerEdits changes it writes as typed: the scale\'s spelling, every other byte kept', async () => {
    const doc = await assessment();
    const checked = checkAgainstRubric(doc, [{ dimension: 'self-service', criterion: 'catalogue', answer: 'SOME' }]);
    if ('refused' in checked) throw new Error(checked.refused);
    const result = answerEdits(ASSESSMENT, doc.parsed, checked.changes);
    if ('refused' in result) throw new Error(result.refused);
    expect(applyTextEdits(ASSESSMENT, result.edits)).toBe(ASSESSMENT.replace('        evidence: [https://wiki.example/portal]\n', '        evidence: [https://wiki.example/portal]\n      catalogue: Some\n'));
  });
});
