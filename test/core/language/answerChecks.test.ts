import { describe, expect, it } from 'vitest';
import type { AssessmentDocumentAnalysis } from '../../../src/core/engine';
import { checkAgainstRubric } from '../../../src/core/language/answerChecks';
import { applyTextEdits, answerEdits, type AnswerChange } from '../../../src/core/language/answerEdits';
import { analyzeMemory, yaml } from '../../helpers';

const RUBRIC = yaml`
  apiVersion: rubrics-as-code/v1
  kind: Rubric
  id: desk
  title: Service desk
  version: 1.0.0
  scoring: { method: average }
  levels: [{ level: 1 }, { level: 2 }]
  answerScales:
    coverage:
      answers:
        - { value: none, credit: 0 }
        - { value: Most, credit: 0.75 }
        - { value: all, credit: 1 }
  dimensions:
    - id: self-service
      title: Self-service
      criteria:
        - { id: portal, text: A portal exists., level: 1 }
        - { id: catalogue, text: A catalogue covers requests., level: 2, answerScale: coverage }
    - id: knowledge
      title: Knowledge
      criteria:
        - { id: kb, text: A knowledge base exists., level: 1 }
`;

const ASSESSMENT = yaml`
  apiVersion: rubrics-as-code/v1
  kind: Assessment
  id: desk-2026
  rubric: ./desk.rubric.yaml
  subject: { organization: Kestrel }
  date: 2026-03-31
  dimensions:
    self-service:
      target: 2   # agreed with the CIO
      answers:
        portal: yes   # seen on site
`;

async function assessment(text = ASSESSMENT, rubric = RUBRIC): Promise<AssessmentDocumentAnalysis> {
  const analysis = await analyzeMemory({ 'desk.rubric.yaml': rubric, 'a.assessment.yaml': text }, 'a.assessment.yaml');
  return analysis.documents[0] as AssessmentDocumentAnalysis;
}

describe('answer changes checked against the rubric', () => {
  it('passes the changes that name a criterion of their dimension, with the answer as the scale spells it', async () => {
    const changes: AnswerChange[] = [
      { dimension: 'self-service', criterion: 'catalogue', answer: 'most' },
      { dimension: 'self-service', criterion: 'portal', answer: true },
      { dimension: 'knowledge', criterion: 'kb', note: 'Not looked at yet.' },
      { dimension: 'self-service', criterion: 'portal', answer: null },
    ];
    expect(checkAgainstRubric(await assessment(), changes)).toEqual({
      changes: [
        { dimension: 'self-service', criterion: 'catalogue', answer: 'Most' },
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
        { dimension: 'portal', criterion: 'portal', field: 'dimension', message: 'The rubric has no dimension "portal".' },
        { dimension: 'self-service', criterion: 'desk', field: 'criterion', message: '"Self-service" has no criterion "desk".' },
        { dimension: 'knowledge', criterion: 'portal', field: 'criterion', message: '"Knowledge" has no criterion "portal".' },
        { dimension: 'self-service', criterion: 'catalogue', field: 'answer', message: '"yes" is not an answer of the scale "coverage" (none, Most, all).' },
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
    const checked = checkAgainstRubric(doc, [{ dimension: 'self-service', criterion: 'catalogue', answer: 'MOST' }]);
    if ('refused' in checked) throw new Error(checked.refused);
    const result = answerEdits(ASSESSMENT, doc.parsed, checked.changes);
    if ('refused' in result) throw new Error(result.refused);
    expect(applyTextEdits(ASSESSMENT, result.edits)).toBe(`${ASSESSMENT}      catalogue: Most\n`);
  });
});
