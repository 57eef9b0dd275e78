import { describe, expect, it } from 'vitest';
import { compareUnits, unitKey } from '../../../src/core/views';
import { OPS_RUBRIC, opsAssessment, portfolioOf } from '../../support/portfolio';

const acme = (unit: string) => unitKey({ organization: 'Acme', unit });

describe('units compared', () => {
  it('puts the units side by side on overall, groups and dimensions, and names who scores highest in each', async () => {
    const portfolio = await portfolioOf({
      'ops.rubric.yaml': OPS_RUBRIC,
      'a.assessment.yaml': opsAssessment('A', '2026-03-31', [3, 2, 2]),
      'b.assessment.yaml': opsAssessment('B', '2026-03-31', [2, 2, 3]),
      'c.assessment.yaml': opsAssessment('C', '2026-03-31', [3, 2, 1]),
    });
    const model = compareUnits(portfolio, [acme('A'), acme('B'), acme('C')]);
    expect(model.title).toBe('A, B, C compared');
    expect(model.comparisons).toHaveLength(1);
    const c = model.comparisons[0]!;
    expect(c.units.map((u) => u.label)).toEqual(['A', 'B', 'C']);
    expect(c.rows.map((r) => [r.kind, r.id, r.cells.map((x) => x.score), r.leaders, r.spread])).toEqual([
      ['overall', 'overall', [2.25, 2.5, 1.75], [1], 0.75],
      ['group', 'build', [2.5, 2, 2.5], [0, 2], 0.5],
      ['group', 'run', [2, 3, 1], [1], 2],
      ['dimension', 'release', [3, 2, 3], [0, 2], 1],
      ['dimension', 'testing', [2, 2, 2], [], 0],
      ['dimension', 'incidents', [2, 3, 1], [1], 2],
    ]);
    // Dimensions each unit scores highest in, alone or with another.
    expect(c.leads).toEqual([1, 1, 1]);
  });

  it('compares only on rubrics two of the units share, and says which unit shares none', async () => {
    const other = OPS_RUBRIC.replace('id: ops', 'id: sec').replace('title: Operations', 'title: Security');
    const portfolio = await portfolioOf({
      'ops.rubric.yaml': OPS_RUBRIC,
      'sec.rubric.yaml': other,
      'a.assessment.yaml': opsAssessment('A', '2026-03-31', [3, 2, 2]),
      'b.assessment.yaml': opsAssessment('B', '2026-03-31', [2, 2, 3]),
      'c.assessment.yaml': opsAssessment('C', '2026-03-31', [3, 2, 1], { rubric: './sec.rubric.yaml' }),
    });
    const model = compareUnits(portfolio, [acme('A'), acme('B'), acme('C'), acme('D')]);
    expect(model.comparisons.map((c) => [c.rubric.id, c.units.map((u) => u.label)])).toEqual([['ops', ['A', 'B']]]);
    expect(model.notices).toEqual(['C shares no rubric with the other units, so it is not compared.', 'No assessment of D was found.']);
  });
});
