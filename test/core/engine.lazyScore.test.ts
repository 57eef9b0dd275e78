import { describe, expect, it, vi } from 'vitest';
import type { AssessmentDocumentAnalysis } from '../../src/core/engine';
import { analyzeMemory, SMALL_RUBRIC, yaml } from '../support/memory';
import { assessmentYaml } from '../support/fixtures';

// Counts how often the engine builds an assessment's full scores, through the module it imports them from.
const built = vi.hoisted(() => ({ scores: 0 }));
vi.mock('../../src/core/scoring/scoreAssessment', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/scoring/scoreAssessment')>();
  return {
    ...original,
    scoreAssessment: (...args: Parameters<typeof original.scoreAssessment>) => {
      built.scores++;
      return original.scoreAssessment(...args);
    },
  };
});

const assessment = (target: number) => assessmentYaml(yaml`
  dimensions:
    portal:
      target: ${String(target)}
      answers:
        portal-live: yes
`);

async function analyzed(target: number): Promise<{ doc: AssessmentDocumentAnalysis; codes: string[] }> {
  const analysis = await analyzeMemory({ 'desk.rubric.yaml': SMALL_RUBRIC, 'desk.assessment.yaml': assessment(target) }, 'desk.assessment.yaml');
  return { doc: analysis.documents[0] as AssessmentDocumentAnalysis, codes: analysis.diagnostics.map((d) => d.code) };
}

describe("an assessment's scores are built when read, not to check it", () => {
  it('checks the file, target against the level reached included, without building scores', async () => {
    built.scores = 0;
    // Level 2 is reached: a target of 1 is below it, a target of 2 is not.
    expect((await analyzed(1)).codes).toContain('target-below-current');
    expect((await analyzed(2)).codes).not.toContain('target-below-current');
    expect(built.scores).toBe(0);
  });

  it('builds them once, the first time they are read', async () => {
    built.scores = 0;
    const { doc } = await analyzed(2);
    expect(built.scores).toBe(0);
    expect(doc.score?.overall.score).toBe(2);
    expect(doc.score?.dimensions[0]?.level).toBe(2);
    expect(built.scores).toBe(1);
  });
});
