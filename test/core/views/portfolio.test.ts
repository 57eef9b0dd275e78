import { describe, expect, it } from 'vitest';
import { unitKey } from '../../../src/core/views';
import { yaml } from '../../support/memory';
import { planYaml } from '../../support/fixtures';
import { OPS_RUBRIC, opsAssessment, portfolioOf } from '../../support/portfolio';

const acme = (unit: string) => unitKey({ organization: 'Acme', unit });

describe('the portfolio model', () => {
  it('shows each unit once, from its latest assessment by date, with the one before it as previous', async () => {
    const model = await portfolioOf({
      'ops.rubric.yaml': OPS_RUBRIC,
      'a-2026.assessment.yaml': opsAssessment('Payments', '2026-03-31', [3, 3, 3]),
      'a-2025.assessment.yaml': opsAssessment('Payments', '2025-03-31', [2, 2, 3]),
      'a-2024.assessment.yaml': opsAssessment('Payments', '2024-03-31', [1, 2, 2]),
      'b.assessment.yaml': opsAssessment('Lending', '2026-01-15', [2, 2, 2]),
    });
    expect(model.tables).toHaveLength(1);
    const [table] = model.tables;
    expect(table!.units.map((u) => u.label)).toEqual(['Lending', 'Payments']);
    const payments = table!.units[1]!;
    expect(payments.assessment.path).toBe('a-2026.assessment.yaml');
    expect(payments.previous?.date).toBe('2025-03-31');
    expect(payments.first?.date).toBe('2024-03-31');
    expect(payments.assessments).toBe(3);
    expect(payments.dimensions.map((c) => c.score)).toEqual([3, 3, 3]);
    const lending = table!.units[0]!;
    expect(lending.previous).toBeUndefined();
    expect(lending.change).toBeUndefined();
  });

  it('counts only assessments on or before --as-of', async () => {
    const files = {
      'ops.rubric.yaml': OPS_RUBRIC,
      'a-2026.assessment.yaml': opsAssessment('Payments', '2026-03-31', [3, 3, 3]),
      'a-2025.assessment.yaml': opsAssessment('Payments', '2025-03-31', [2, 2, 3]),
      'b.assessment.yaml': opsAssessment('Lending', '2026-01-15', [2, 2, 2]),
    };
    const model = await portfolioOf(files, { asOf: '2025-12-31' });
    expect(model.asOf).toBe('2025-12-31');
    expect(model.tables[0]!.units.map((u) => [u.label, u.assessment.date])).toEqual([['Payments', '2025-03-31']]);
    // The day itself counts.
    expect((await portfolioOf(files, { asOf: '2026-01-15' })).tables[0]!.units.map((u) => u.label)).toEqual(['Lending', 'Payments']);
  });

  it('says so when two assessments of a unit share a date, and shows the last by path', async () => {
    const model = await portfolioOf({
      'ops.rubric.yaml': OPS_RUBRIC,
      'x.assessment.yaml': opsAssessment('Payments', '2026-03-31', [3, 3, 3], { id: 'x' }),
      'y.assessment.yaml': opsAssessment('Payments', '2026-03-31', [2, 2, 2], { id: 'y' }),
    });
    expect(model.tables[0]!.units[0]!.assessment.path).toBe('y.assessment.yaml');
    expect(model.notices).toEqual([expect.stringMatching(/2 assessments of Payments against Operations are dated 2026-03-31 \(x\.assessment\.yaml, y\.assessment\.yaml\); the portfolio shows the last, y\.assessment\.yaml/)]);
  });

  it('makes one table per rubric, the one with more units first, and a unit with both is in each', async () => {
    const other = OPS_RUBRIC.replace('id: ops', 'id: sec').replace('title: Operations', 'title: Security');
    const model = await portfolioOf({
      'ops.rubric.yaml': OPS_RUBRIC,
      'sec.rubric.yaml': other,
      'a.assessment.yaml': opsAssessment('Payments', '2026-03-31', [3, 3, 3]),
      'b.assessment.yaml': opsAssessment('Lending', '2026-03-31', [2, 2, 2]),
      'c.assessment.yaml': opsAssessment('Payments', '2026-03-31', [1, 2, 1], { rubric: './sec.rubric.yaml', id: 'c' }),
    });
    expect(model.tables.map((t) => [t.rubric.title, t.units.map((u) => u.label)])).toEqual([
      ['Operations', ['Lending', 'Payments']],
      ['Security', ['Payments']],
    ]);
    expect(model.notices).toEqual([]);
  });

  it('rolls units up by group, each level of nested groups, and over the whole', async () => {
    const model = await portfolioOf({
      'ops.rubric.yaml': OPS_RUBRIC,
      'a.assessment.yaml': opsAssessment('Payments', '2026-03-31', [4, 3, 3], { group: 'Digital' }),
      'b.assessment.yaml': opsAssessment('Lending', '2026-03-31', [2, 2, 2], { group: 'Digital' }),
      'c.assessment.yaml': opsAssessment('SCADA', '2026-03-31', [1, 2, 1], { group: '[Operations, Control]' }),
      'd.assessment.yaml': opsAssessment('Fleet', '2026-03-31', [3, 3, 3], { group: 'Operations' }),
      'e.assessment.yaml': opsAssessment('Legal', '2026-03-31', [2, 3, 2]),
    });
    const table = model.tables[0]!;
    // Grouped units by group, then units in no group.
    expect(table.units.map((u) => [u.label, u.groups])).toEqual([
      ['Lending', ['Digital']],
      ['Payments', ['Digital']],
      ['Fleet', ['Operations']],
      ['SCADA', ['Operations', 'Control']],
      ['Legal', []],
    ]);
    expect(table.groups.map((g) => [g.label, g.units.length, g.atThreshold])).toEqual([
      ['Digital', 2, 1],
      ['Operations', 2, 1],
      ['Operations / Control', 1, 0],
    ]);
    const digital = table.groups[0]!;
    expect(digital.dimensions.map((s) => [s.id, s.mean, s.min, s.max, s.spread, s.atThreshold])).toEqual([
      ['release', 3, 2, 4, 2, 1],
      ['testing', 2.5, 2, 3, 1, 1],
      ['incidents', 2.5, 2, 3, 1, 1],
    ]);
    expect(table.organization).toMatchObject({ label: 'Acme', path: [], scored: 5, atThreshold: 2, withPrevious: 0 });
    expect(table.organization.groupCells.map((s) => s.id)).toEqual(['build', 'run']);
  });

  it('gives every cell its dimension\u2019s place in the unit\u2019s file, and the row the file itself', async () => {
    const text = opsAssessment('Payments', '2026-03-31', [3, 2, 3]).replace(/ {2}incidents: .*\n/, '');
    const model = await portfolioOf({ 'ops.rubric.yaml': OPS_RUBRIC, 'a.assessment.yaml': text });
    const unit = model.tables[0]!.units[0]!;
    expect(unit.assessment.uri).toBe('file:///ws/a.assessment.yaml');
    expect(unit.assessment.sourceOffset).toBe(text.indexOf('dimensions:'));
    expect(unit.dimensions.map((c) => c.sourceOffset)).toEqual([text.indexOf('release:'), text.indexOf('testing:'), undefined]);
    expect(unit.dimensions[2]).toEqual({ id: 'incidents', state: 'not-assessed' });
  });

  it('tells who reached the threshold since the previous assessment and who is below it again, by the diff\u2019s rule', async () => {
    const model = await portfolioOf({
      'ops.rubric.yaml': OPS_RUBRIC,
      'up-1.assessment.yaml': opsAssessment('Up', '2025-03-31', [2, 2, 3]),
      'up-2.assessment.yaml': opsAssessment('Up', '2026-03-31', [3, 3, 3]),
      'down-1.assessment.yaml': opsAssessment('Down', '2025-03-31', [3, 3, 3]),
      'down-2.assessment.yaml': opsAssessment('Down', '2026-03-31', [3, 2, 2]),
      'same-1.assessment.yaml': opsAssessment('Same', '2025-03-31', [1, 1, 1]),
      'same-2.assessment.yaml': opsAssessment('Same', '2026-03-31', [1, 1, 1]),
    });
    const table = model.tables[0]!;
    expect(table.highlights.reachedThreshold).toEqual([acme('Up')]);
    expect(table.highlights.belowThresholdAgain).toEqual([acme('Down')]);
    const up = table.units.find((u) => u.label === 'Up')!;
    expect(up.change?.since).toBe('2025-03-31');
    expect(up.change?.overall).toMatchObject({ levelBefore: 2, levelAfter: 3, crossing: 'reached', thresholdBefore: false, thresholdAfter: true });
    expect(up.change?.dimensions.map((d) => [d.id, d.crossing])).toEqual([
      ['release', 'reached'],
      ['testing', 'reached'],
    ]);
    expect(table.units.find((u) => u.label === 'Same')!.change?.dimensions).toEqual([]);
    expect(table.organization).toMatchObject({ atThreshold: 1, atThresholdBefore: 1, withPrevious: 3 });
  });

  it('names the weakest dimension by its mean, the lower minimum breaking a tie', async () => {
    const model = await portfolioOf({
      'ops.rubric.yaml': OPS_RUBRIC,
      'a.assessment.yaml': opsAssessment('A', '2026-03-31', [2, 1, 3]),
      'b.assessment.yaml': opsAssessment('B', '2026-03-31', [2, 3, 1]),
    });
    // release 2/2, testing 1/3 and incidents 3/1 all average 2: testing and incidents reach down to 1; testing comes first in the rubric.
    expect(model.tables[0]!.highlights.weakestDimension).toEqual({ id: 'testing', title: 'Testing', mean: 2, min: 1, spread: 2 });
    expect(model.tables[0]!.highlights.widestSpread).toEqual({ id: 'testing', title: 'Testing', spread: 2 });
  });

  it('measures the percentage to target and the progress since the first assessment', async () => {
    const model = await portfolioOf({
      'ops.rubric.yaml': OPS_RUBRIC,
      'a-1.assessment.yaml': opsAssessment('A', '2024-03-31', [1, 1, 1]),
      'a-2.assessment.yaml': opsAssessment('A', '2025-03-31', [1, 2, 1]),
      'a-3.assessment.yaml': opsAssessment('A', '2026-03-31', [2, 3, 1]),
    });
    const unit = model.tables[0]!.units[0]!;
    // Targets of 3 on a scale from 1: (1 + 2 + 0) of (2 + 2 + 2).
    expect(unit.percentToTarget).toBeCloseTo(3 / 6, 12);
    // From the first: the gaps were 2 + 2 + 2, they are 1 + 0 + 2.
    expect(unit.progressToDate).toBeCloseTo(3 / 6, 12);
    expect(model.tables[0]!.highlights.furthestFromTarget).toEqual([acme('A')]);
  });

  it('leaves out an assessment it cannot score, and says why', async () => {
    const model = await portfolioOf({
      'ops.rubric.yaml': OPS_RUBRIC,
      'a.assessment.yaml': opsAssessment('A', '2026-03-31', [2, 3, 1]),
      'b.assessment.yaml': opsAssessment('B', '2026-03-31', [2, 3, 1], { rubric: './missing.rubric.yaml' }),
    });
    expect(model.tables[0]!.units.map((u) => u.label)).toEqual(['A']);
    expect(model.notices).toEqual(['b.assessment.yaml is left out: its rubric could not be used (see "rubrics validate b.assessment.yaml").']);
  });

  it('projects each plan\u2019s levels at its phase ends, counting a move from its initiative\u2019s end, and tells when it reaches the threshold', async () => {
    const plan = yaml`
      apiVersion: rubrics-as-code/v1
      kind: Plan
      id: a-plan
      title: A's plan
      rubric: ./ops.rubric.yaml
      baseline: ./a.assessment.yaml
      horizon: { start: 2026-04-01, end: 2028-03-31 }
      initiatives:
        - id: one
          title: One
          start: 2026-04-01
          end: 2026-12-31
          moves: [{ dimension: release, from: 2, to: 3 }]
        - id: two
          title: Two
          start: 2026-06-01
          end: 2027-09-30
          moves: [{ dimension: incidents, from: 1, to: 3 }]
        - id: dropped
          title: Dropped
          status: cancelled
          start: 2026-06-01
          end: 2026-09-30
          moves: [{ dimension: testing, from: 3, to: 4 }]
    `;
    const model = await portfolioOf({ 'ops.rubric.yaml': OPS_RUBRIC, 'a.assessment.yaml': opsAssessment('A', '2026-03-31', [2, 3, 1]), 'a.plan.yaml': plan });
    const table = model.tables[0]!;
    expect(table.trajectories).toHaveLength(1);
    const t = table.trajectories[0]!;
    expect(t.unit).toBe(acme('A'));
    expect(t.points.map((p) => [p.date, p.score, p.level, p.thresholdReached, p.atThreshold, p.initiatives])).toEqual([
      // The rubric rolls up by group: build (release, testing) and run (incidents) weigh the same.
      ['2026-03-31', 1.75, 1, false, 1, []],
      ['2026-12-31', 2, 2, false, 2, ['one']],
      ['2027-09-30', 3, 3, true, 3, ['two']],
    ]);
    expect(t.thresholdBy).toBe('2027-09-30');
    expect(table.yearEnds.map((y) => [y.year, y.atThreshold, y.units.map((u) => u.level)])).toEqual([
      [2026, 0, [2]],
      [2027, 1, [3]],
      [2028, 1, [3]],
    ]);
  });

  it('leaves out a plan without a baseline, and says why', async () => {
    const plan = planYaml(yaml`
      initiatives:
        - { id: one, title: One, start: 2026-04-01, end: 2026-12-31, moves: [{ dimension: release, from: 2, to: 3 }] }
    `, { rubric: './ops.rubric.yaml', baseline: null, horizon: { start: '2026-04-01', end: '2028-03-31' } });
    const model = await portfolioOf({ 'ops.rubric.yaml': OPS_RUBRIC, 'a.assessment.yaml': opsAssessment('A', '2026-03-31', [2, 3, 1]), 'p.plan.yaml': plan });
    expect(model.tables[0]!.trajectories).toEqual([]);
    expect(model.notices).toEqual(['The plan in p.plan.yaml has no trajectory: it names no baseline assessment, so it is for no unit.']);
  });
});
