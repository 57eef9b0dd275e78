import { describe, expect, it } from 'vitest';
import type { AssessmentDocumentAnalysis, RubricDocumentAnalysis } from '../../../src/core/engine';
import { buildReport } from '../../../src/core/report';
import { groupDimensions } from '../../../src/core/report/groups';
import { analyzeInput } from '../../support/report';

describe('report groups', () => {
  it('take each group’s weight from the score scoring computed (GroupScore.weight), not from the rubric again', async () => {
    const analysis = await analyzeInput('northwind-2026.assessment.yaml');
    const doc = analysis.documents[0] as AssessmentDocumentAnalysis;
    const scores = doc.score!.groups;
    // The rubric gives the change group weight 2 and leaves the run group's out (1).
    expect(scores.map((g) => [g.id, g.weight])).toEqual([['run', 1], ['change', 2]]);
    expect(buildReport(analysis).assessment!.groups.map((g) => [g.id, g.weight])).toEqual([['run', 1], ['change', 2], [undefined, undefined]]);
    // Whatever weight scoring used is the one reported: one home for the fact.
    const reweighted = scores.map((g) => ({ ...g, weight: g.weight * 10 }));
    expect(groupDimensions(doc.rubric!.index, reweighted).map((g) => g.weight)).toEqual([10, 20, undefined]);
  });

  it('give a rubric’s overview the weights the rubric sets, 1 where it sets none', async () => {
    const rubric = (await analyzeInput('service.rubric.yaml')).documents[0] as RubricDocumentAnalysis;
    expect(groupDimensions(rubric.rubricIndex!).map((g) => [g.id, g.weight])).toEqual([['run', 1], ['change', 2], [undefined, undefined]]);
  });
});
