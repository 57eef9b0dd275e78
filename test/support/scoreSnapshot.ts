/**
 * Every score an analysis computes, at full precision, in a plain shape that can be stored as JSON
 * and compared number by number: what test/core/scoring/compat.test.ts holds format 1.0's files to.
 */
import type { FileAnalysis } from '../../src/core/engine';
import type { AssessmentScore } from '../../src/core/scoring/types';

export interface ScoreSnapshot {
  readonly dimensions: Record<string, { status: string; score?: number; level?: number; gap?: number; blockers: string[] }>;
  readonly groups: Record<string, { score?: number; target?: number }>;
  readonly overall: { score?: number; level?: number; target?: number; gap?: number };
  readonly evidence: { required: number; provided: number; ratio?: number };
}

export interface DocumentSnapshot {
  readonly index: number;
  readonly assessment?: ScoreSnapshot;
  readonly plan?: Record<string, { baseline?: number; projected?: number; target?: number }>;
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function snapshotScore(score: AssessmentScore): ScoreSnapshot {
  return {
    dimensions: Object.fromEntries(
      score.dimensions.map((d) => [d.id, defined({ status: d.status, score: d.score, level: d.level, gap: d.gap, blockers: d.blockers.map((b) => b.id) })]),
    ),
    groups: Object.fromEntries(score.groups.map((g) => [g.id, defined({ score: g.score, target: g.target })])),
    overall: defined({ score: score.overall.score, level: score.overall.level, target: score.overall.target, gap: score.overall.gap }),
    evidence: defined({ required: score.evidenceCoverage.required, provided: score.evidenceCoverage.provided, ratio: score.evidenceCoverage.ratio }),
  };
}

/** The scores of every scored document of a file (assessments, and plans' projections). */
export function snapshotFile(analysis: FileAnalysis): DocumentSnapshot[] {
  const out: DocumentSnapshot[] = [];
  for (const doc of analysis.documents) {
    if (doc.kind === 'Assessment' && doc.score) out.push({ index: doc.index, assessment: snapshotScore(doc.score) });
    if (doc.kind === 'Plan' && doc.projection) {
      out.push({
        index: doc.index,
        plan: Object.fromEntries(doc.projection.dimensions.map((d) => [d.id, defined({ baseline: d.baseline, projected: d.projected, target: d.target })])),
      });
    }
  }
  return out;
}
