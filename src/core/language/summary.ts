import type { FileAnalysis } from '../engine';
import type { DocumentKind } from '../format/types';
import { asString, dig } from './snapshot';
import { coverageLine } from '../render/text';

/** What the status bar and the preview's header show about a file: its first document of our format. */
export interface AnalysisSummary {
  readonly kind?: DocumentKind;
  readonly title?: string;
  readonly overallScore?: number;
  readonly overallLevel?: number;
  readonly overallLevelName?: string;
  readonly overallTarget?: number;
  readonly threshold?: number;
  readonly thresholdReached?: boolean;
  /** How many of the rubric's dimensions the overall score covers, of how many. */
  readonly dimensionsScored?: number;
  readonly dimensionsTotal?: number;
  /** "2 of 7 attributes assessed (5 not assessed)", when the score covers part of the rubric. */
  readonly coverage?: string;
  readonly errors: number;
  readonly warnings: number;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value !== undefined ? ({ [key]: value } as Record<K, string>) : {};
}

export function summarize(analysis: FileAnalysis): AnalysisSummary {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning').length;
  const doc = analysis.documents.find((d) => d.kind !== undefined);
  if (!doc || doc.kind === undefined) return { errors, warnings };
  const value = doc.parsed.value;
  const title = asString(dig(value, 'title')) ?? asString(dig(value, 'id'));
  const base = { kind: doc.kind, ...(title ? { title } : {}), errors, warnings };
  if (doc.kind === 'Assessment' && doc.score && doc.rubric) {
    const overall = doc.score.overall;
    const name = overall.level !== undefined ? doc.rubric.index.levelName(overall.level) : undefined;
    return {
      ...base,
      ...(overall.score !== undefined ? { overallScore: overall.score } : {}),
      ...(overall.level !== undefined ? { overallLevel: overall.level } : {}),
      ...(name ? { overallLevelName: name } : {}),
      ...(overall.target !== undefined ? { overallTarget: overall.target } : {}),
      ...(doc.score.threshold !== undefined ? { threshold: doc.score.threshold } : {}),
      ...(overall.thresholdReached !== undefined ? { thresholdReached: overall.thresholdReached } : {}),
      dimensionsScored: overall.dimensionsScored,
      dimensionsTotal: overall.dimensionsTotal,
      ...optional('coverage', coverageLine(overall, doc.rubric.index.term('dimension'))),
    };
  }
  if (doc.kind === 'Rubric' && doc.data?.threshold) return { ...base, threshold: doc.data.threshold.level };
  return base;
}
