import { describe, expect, it } from 'vitest';
import { analyzeMemory, codesAt, yaml } from '../../support/memory';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';

// A plan that raises one dimension in stages: 2 → 3 → 4. The second stage starts where the first
// leaves the dimension, which is not the baseline level; that is only right when it depends on it.
const rubric = rubricYaml(yaml`
  scoring: { method: rated }
  levels: [{ level: 1, name: A }, { level: 2, name: B }, { level: 3, name: C }, { level: 4, name: D }]
  dimensions:
    - { id: intake, title: Intake }
`);

const baseline = assessmentYaml(yaml`
  dimensions:
    intake: { level: 2 }
`);

const plan = (second: string) => yaml`
  apiVersion: rubrics-as-code/v1
  kind: Plan
  id: staged
  title: Staged
  rubric: ./desk.rubric.yaml
  baseline: ./base.assessment.yaml
  horizon: { start: 2026-04-01, end: 2028-09-30 }
  initiatives:
    - id: first
      title: First stage
      start: 2026-04-01
      end: 2026-12-31
      moves: [{ dimension: intake, from: 2, to: 3 }]
    - id: cancelled-stage
      title: Cancelled stage
      status: cancelled
      start: 2026-04-01
      end: 2026-12-31
      dependsOn: [first]
      moves: [{ dimension: intake, from: 3, to: 4 }]
    - id: bridge
      title: Bridge
      start: 2027-01-01
      end: 2027-03-31
      dependsOn: [first]
    - id: second
      title: Second stage
      start: 2027-04-01
      end: 2028-06-30
  ${second}
`;

async function check(second: string): Promise<{ codes: string[]; messages: string[] }> {
  const analysis = await analyzeMemory({ 'desk.rubric.yaml': rubric, 'base.assessment.yaml': baseline, 'plan.yaml': plan(second) }, 'plan.yaml');
  return { codes: codesAt(analysis), messages: analysis.diagnostics.map((d) => d.message) };
}

describe('move-from-mismatch with staged moves', () => {
  it('accepts a move that starts where an initiative it depends on leaves the dimension', async () => {
    expect((await check('    dependsOn: [first]\n      moves: [{ dimension: intake, from: 3, to: 4 }]')).codes).toEqual([]);
  });

  it('follows dependencies transitively', async () => {
    expect((await check('    dependsOn: [bridge]\n      moves: [{ dimension: intake, from: 3, to: 4 }]')).codes).toEqual([]);
  });

  it('still warns when nothing it depends on reaches that level, and says how to fix it', async () => {
    const { codes, messages } = await check('    moves: [{ dimension: intake, from: 3, to: 4 }]');
    expect(codes).toEqual(['move-from-mismatch@30:40']);
    expect(messages[0]).toContain('at level 2, not 3, and no initiative this one depends on moves it to 3');
  });

  it('does not count a cancelled initiative as reaching a level', async () => {
    const { codes } = await check('    dependsOn: [cancelled-stage]\n      moves: [{ dimension: intake, from: 4, to: 4 }]');
    expect(codes).toEqual(['move-from-mismatch@31:40', 'move-not-upward@31:47']);
  });
});
