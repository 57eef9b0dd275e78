import { describe, expect, it } from 'vitest';
import { analyzeMemory, codesAt, yaml } from '../../support/memory';

// A rubric that fails its schema (a criterion without a level) must still be found by its id:
// the reference should say "has errors, fix it", not "no rubric has this id".
const brokenRubric = yaml`
  apiVersion: rubrics-as-code/v1
  kind: Rubric
  id: desk
  title: Service desk
  version: 1.0.0
  levels: [{ level: 1, name: A }, { level: 2, name: B }]
  dimensions:
    - id: intake
      title: Intake
      criteria: [{ id: portal, text: A portal exists. }]
`;

const assessment = (ref: string) => yaml`
  apiVersion: rubrics-as-code/v1
  kind: Assessment
  id: a1
  rubric: ${ref}
  subject: { organization: Acme }
  date: 2026-03-31
  dimensions:
    intake: { answers: { portal: yes } }
`;

describe('references to a rubric that has errors', () => {
  it('by same-file id: rubric-invalid on the reference, not rubric-not-found', async () => {
    const analysis = await analyzeMemory({ 'both.yaml': `${brokenRubric}---\n${assessment('desk')}` }, 'both.yaml');
    expect(codesAt(analysis)).toEqual(['schema-required@10:18', 'rubric-invalid@15:9']);
    expect(analysis.diagnostics[1]!.message).toContain('has 1 error');
  });

  it('by path#id: rubric-invalid, not "has no rubric with the id"', async () => {
    const analysis = await analyzeMemory({ 'desk.rubric.yaml': brokenRubric, 'a.yaml': assessment('./desk.rubric.yaml#desk') }, 'a.yaml');
    expect(codesAt(analysis)).toEqual(['rubric-invalid@4:9']);
  });
});
