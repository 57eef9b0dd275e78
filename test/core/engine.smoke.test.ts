import { describe, expect, it } from 'vitest';
import { analyzeMemory, codesAt, yaml } from '../support/memory';
import { rubricYaml } from '../support/fixtures';

const rubric = rubricYaml(yaml`
  scoring: { method: gated }
  levels:
    - { level: 1, name: Initial }
    - { level: 2, name: Managed }
    - { level: 3, name: Defined }
  threshold: { level: 3 }
  dimensions:
    - id: self-service
      title: Self-service
      criteria:
        - { id: portal, text: A portal exists., level: 2 }
        - { id: catalogue, text: A catalogue exists., level: 3, evidenceRequired: true }
    - id: knowledge
      title: Knowledge
      criteria:
        - { id: kb, text: A knowledge base exists., level: 2 }
`);

describe('engine smoke', () => {
  it('scores a gated assessment and reports semantic problems', async () => {
    const assessment = yaml`
      apiVersion: rubrics-as-code/v1
      kind: Assessment
      id: a1
      rubric: ./desk.rubric.yaml
      subject: { organization: Acme }
      date: 2026-01-15
      dimensions:
        self-service:
          target: 3
          answers:
            portal: yes
            catalogue: yes
        knowlege:
          answers: { kb: yes }
    `;
    const result = await analyzeMemory({ 'desk.rubric.yaml': rubric, 'a.assessment.yaml': assessment }, 'a.assessment.yaml');
    expect(codesAt(result)).toEqual(['dimension-not-assessed@7:1', 'evidence-missing@12:18', 'unknown-dimension@13:3']);
    const doc = result.documents[0]!;
    expect(doc.kind).toBe('Assessment');
    if (doc.kind !== 'Assessment') return;
    expect(doc.score?.dimensions[0]?.level).toBe(3);
    expect(result.diagnostics.find((d) => d.code === 'unknown-dimension')?.message).toContain('Did you mean "knowledge"?');
  });
});
