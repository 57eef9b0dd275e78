/**
 * Whose answers an edit writes: the assessment's agreed answers or one assessor's response. The
 * target names a known assessor or says why not (with a did-you-mean); the rubric check keeps an
 * assessor's answer to what the format lets it hold; answerEdits writes under the response,
 * creating the maps it lacks (a new assessor's response is added by assessorEdits.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../../../src/core/document/located';
import { answerTarget, checkAgainstRubric, unknownAssessorMessage } from '../../../src/core/language/answerChecks';
import { answerEdits, applyTextEdits, type AnswerChange, type AnswerEditOptions } from '../../../src/core/language/answerEdits';
import { ANSWERED_PORTAL, deskAssessmentAnalysis, TWO_ASSESSORS } from '../../support/questionnaireFixtures';

function edited(text: string, changes: readonly AnswerChange[], options: AnswerEditOptions): string {
  const result = answerEdits(text, parseDocuments(text).documents[0]!, changes, options);
  if ('refused' in result) throw new Error(result.refused);
  return applyTextEdits(text, result.edits);
}

describe('whose answers: the target of a set of changes', () => {
  it('is the agreed answers without an assessor, and an assessor\'s response with one', async () => {
    const doc = await deskAssessmentAnalysis(TWO_ASSESSORS);
    expect(answerTarget(doc, undefined)).toEqual({ dimensionsPath: ['dimensions'] });
    const priya = answerTarget(doc, 'priya');
    expect('refused' in priya ? priya.refused : { path: priya.dimensionsPath, name: priya.assessor?.name, role: priya.assessor?.role }).toEqual({ path: ['responses', 'priya', 'dimensions'], name: 'Priya Raman', role: 'Lead Architect' });
  });

  it('refuses an assessor the assessment does not have, with the closest id and the ones it has', async () => {
    expect(answerTarget(await deskAssessmentAnalysis(TWO_ASSESSORS), 'pirya')).toEqual({ refused: 'The assessment has no assessor "pirya". Did you mean "priya"? Its assessors: priya, tomas.' });
    expect(answerTarget(await deskAssessmentAnalysis(TWO_ASSESSORS), 'zed')).toEqual({ refused: 'The assessment has no assessor "zed". Its assessors: priya, tomas.' });
    expect(answerTarget(await deskAssessmentAnalysis(ANSWERED_PORTAL), 'priya')).toEqual({ refused: 'The assessment has no assessor "priya": it has no responses (answers per assessor) yet.' });
    expect(unknownAssessorMessage('tomás', ['tomas'])).toContain('Did you mean "tomas"?');
  });
});

describe('an assessor\'s changes checked against the rubric', () => {
  it('passes an answer, a note and evidence, with the answer as the scale spells it', async () => {
    const doc = await deskAssessmentAnalysis(TWO_ASSESSORS);
    const target = answerTarget(doc, 'tomas');
    if ('refused' in target) throw new Error(target.refused);
    expect(checkAgainstRubric(doc, [{ dimension: 'self-service', criterion: 'catalogue', answer: 'SOME', note: 'Half of it.', evidence: ['https://wiki.example/c'] }], target)).toEqual({
      changes: [{ dimension: 'self-service', criterion: 'catalogue', answer: 'Some', note: 'Half of it.', evidence: ['https://wiki.example/c'] }],
      problems: [],
    });
  });

  it('refuses a not-applicable mark or an exemption for an assessor, which the agreed answers take', async () => {
    const doc = await deskAssessmentAnalysis(TWO_ASSESSORS);
    const target = answerTarget(doc, 'tomas');
    if ('refused' in target) throw new Error(target.refused);
    const changes: AnswerChange[] = [
      { dimension: 'knowledge', criterion: 'kb', notApplicable: { reason: 'No knowledge base.' } },
      { dimension: 'knowledge', criterion: 'kb-reviewed', answer: 'no', exemption: { reason: 'x', approver: 'CIO', expires: '2027-01-01' } },
      // Clearing them is no change to an assessor's answer, so it passes.
      { dimension: 'knowledge', criterion: 'kb', answer: 'yes', notApplicable: null, exemption: null },
    ];
    const result = checkAgainstRubric(doc, changes, target);
    expect(result).toEqual({
      changes: [{ dimension: 'knowledge', criterion: 'kb', answer: 'yes', notApplicable: null, exemption: null }],
      problems: [
        { dimension: 'knowledge', criterion: 'kb', field: 'notApplicable', message: "An assessor's answer holds an answer, a note and evidence; a not-applicable mark belongs to the agreed answers of the assessment, not to Tomás Ortiz's." },
        { dimension: 'knowledge', criterion: 'kb-reviewed', field: 'exemption', message: "An assessor's answer holds an answer, a note and evidence; an exemption belongs to the agreed answers of the assessment, not to Tomás Ortiz's." },
      ],
    });
    // The agreed answers take both.
    const agreed = checkAgainstRubric(doc, changes.slice(0, 2), answerTarget(doc, undefined) as { dimensionsPath: ['dimensions'] });
    expect('problems' in agreed && agreed.problems).toEqual([]);
  });
});

describe('answer edits under an assessor\'s response', () => {
  const PRIYA = { dimensionsPath: ['responses', 'priya', 'dimensions'] } as const;
  const TOMAS = { dimensionsPath: ['responses', 'tomas', 'dimensions'] } as const;

  it('changes the assessor\'s own answer and nothing else, comments kept', () => {
    expect(edited(TWO_ASSESSORS, [{ dimension: 'self-service', criterion: 'portal', answer: 'no' }], PRIYA)).toBe(TWO_ASSESSORS.replace('portal: yes   # seen in the demo', 'portal: no   # seen in the demo'));
    // The same change to the agreed answers goes under `dimensions`, and the response stays as it is.
    const agreed = edited(TWO_ASSESSORS, [{ dimension: 'self-service', criterion: 'portal', answer: 'no' }], {});
    expect(agreed).toBe(TWO_ASSESSORS.replace('      catalogue: Some   # settled at the close-out\n', '      catalogue: Some   # settled at the close-out\n      portal: no\n'));
  });

  it('creates `dimensions`, the dimension and `answers` in a response that has none yet', () => {
    expect(edited(TWO_ASSESSORS, [{ dimension: 'knowledge', criterion: 'kb', answer: 'yes', note: 'Checked.' }], TOMAS)).toBe(
      TWO_ASSESSORS.replace('    date: 2026-03-12\n', '    date: 2026-03-12\n    dimensions:\n      knowledge:\n        answers:\n          kb:\n            answer: yes\n            note: Checked.\n'),
    );
    // And a dimension the response lacks, beside the one it has.
    expect(edited(TWO_ASSESSORS, [{ dimension: 'knowledge', criterion: 'kb', answer: 'no' }], PRIYA)).toBe(
      TWO_ASSESSORS.replace('          note: Most requests are in it.\n', '          note: Most requests are in it.\n      knowledge:\n        answers:\n          kb: no\n'),
    );
  });
});
