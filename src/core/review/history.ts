import type { AssessmentDocumentAnalysis, FileAnalysis } from '../engine';
import type { EvidenceAges } from '../domain/evidence';
import type { Terms } from '../domain/terms';
import { defaultAssessmentTitle } from '../report/buildReport';
import { formatAge } from '../text/age';

/**
 * How a unit's scores moved over time: one assessment across the commits that touched it, or every
 * assessment of one subject against one rubric, by its date. Each point holds the scores the
 * engine gave that version (full precision), per dimension and overall; renderers draw them.
 */
export const HISTORY_SCHEMA_VERSION = 1 as const;

export interface HistoryPoint {
  /** The commit (commits mode), or absent for a file read as it is. */
  readonly commit?: string;
  /** The commit's date (commits mode) or the assessment's date (dates mode), YYYY-MM-DD. */
  readonly date: string;
  readonly author?: string;
  /** The commit's subject line. */
  readonly message?: string;
  /** The file, from the repository root (commits mode) or as given. */
  readonly path: string;
  /** The assessment's own date. */
  readonly assessmentDate?: string;
  readonly overall?: number;
  readonly level?: number;
  /** How many of the rubric's dimensions the overall score covered then, of how many. */
  readonly coverage?: { readonly scored: number; readonly total: number };
  /** Score per dimension id; a dimension that is not scored at this point is absent. */
  readonly dimensions: Readonly<Record<string, number>>;
  /** The ages of the evidence behind the score then, when any was dated or a validity was set. */
  readonly evidence?: EvidenceAges;
  /** Errors of that version: its scores may be incomplete. */
  readonly errors: number;
}

export interface ScoreHistory {
  readonly schemaVersion: typeof HISTORY_SCHEMA_VERSION;
  readonly by: 'commit' | 'date';
  readonly title: string;
  readonly rubric?: { readonly id: string; readonly title: string; readonly minLevel: number; readonly maxLevel: number; readonly threshold?: number; readonly terms: Terms };
  /**
   * Every dimension scored at some point, in the newest rubric's order, then the ones it no longer
   * has. A dimension never assessed has nothing to show: it is left out of the table and the chart.
   */
  readonly dimensions: readonly { readonly id: string; readonly title: string }[];
  /** Oldest first. */
  readonly points: readonly HistoryPoint[];
}

/** The assessment a history follows in a file: the first one. */
export function historyAssessment(analysis: FileAnalysis): AssessmentDocumentAnalysis | undefined {
  return analysis.documents.find((d): d is AssessmentDocumentAnalysis => d.kind === 'Assessment');
}

/** A point of the history from one version of the file; undefined when it holds no assessment then. */
export function historyPoint(analysis: FileAnalysis, meta: Omit<HistoryPoint, 'dimensions' | 'overall' | 'level' | 'errors' | 'assessmentDate' | 'coverage' | 'evidence'>): HistoryPoint | undefined {
  const doc = historyAssessment(analysis);
  if (!doc) return undefined;
  const dimensions: Record<string, number> = {};
  // Stryker disable next-line ArrayDeclaration: an item in place of the missing scores has no score, so the loop skips it (an equivalent mutant)
  for (const d of doc.score?.dimensions ?? []) if (d.score !== undefined) dimensions[d.id] = d.score;
  const overall = doc.score?.overall;
  return {
    ...meta,
    ...(doc.data ? { assessmentDate: doc.data.date } : {}),
    ...(overall?.score !== undefined ? { overall: overall.score } : {}),
    ...(overall?.level !== undefined ? { level: overall.level } : {}),
    ...(overall ? { coverage: { scored: overall.dimensionsScored, total: overall.dimensionsTotal } } : {}),
    dimensions,
    ...(doc.score?.evidenceAges ? { evidence: doc.score.evidenceAges } : {}),
    errors: doc.diagnostics.filter((d) => d.severity === 'error').length,
  };
}

/**
 * The subject and rubric that make assessments comparable over time: the organization and unit
 * (a scope is prose that is rewritten every year), and the very rubric.
 */
export function subjectKey(doc: AssessmentDocumentAnalysis): string | undefined {
  if (!doc.data || !doc.rubric) return undefined;
  const s = doc.data.subject;
  return JSON.stringify([s.organization, s.unit ?? '', doc.rubric.uri, doc.rubric.index.rubric.id]);
}

/** The history of the points (oldest first), titled and with its dimensions from the newest analysis. */
export function buildHistory(by: ScoreHistory['by'], points: readonly HistoryPoint[], newest: FileAnalysis | undefined): ScoreHistory {
  const doc = newest ? historyAssessment(newest) : undefined;
  const index = doc?.rubric?.index;
  const scored = new Set(points.flatMap((p) => Object.keys(p.dimensions)));
  // Stryker disable next-line ArrayDeclaration: an item in place of the missing rubric has no id a point scored, so the filter drops it (an equivalent mutant)
  const dimensions = (index?.rubric.dimensions ?? []).filter((d) => scored.has(d.id)).map((d) => ({ id: d.id, title: d.title }));
  const known = new Set(dimensions.map((d) => d.id));
  for (const id of scored) if (!known.has(id)) {
    known.add(id);
    dimensions.push({ id, title: id });
  }
  const title = doc?.data ? doc.data.title ?? defaultAssessmentTitle(doc.data.subject, doc.data.date) : 'Assessment';
  const subject = doc?.data ? `${doc.data.subject.organization}${doc.data.subject.unit ? ` (${doc.data.subject.unit})` : ''}` : undefined;
  return {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    by,
    title: by === 'date' && subject ? subject : title,
    ...(index ? { rubric: { id: index.rubric.id, title: index.rubric.title, minLevel: index.minLevel, maxLevel: index.maxLevel, ...(index.threshold !== undefined ? { threshold: index.threshold } : {}), terms: index.terms } } : {}),
    dimensions,
    points,
  };
}

/** Where a history across commits followed its file through a rename: the path before, the path after, and the commit that renamed it. */
export function historyRenames(history: ScoreHistory): { readonly from: string; readonly to: string; readonly commit?: string }[] {
  if (history.by !== 'commit') return [];
  return history.points.flatMap((p, i) => {
    const before = history.points[i - 1];
    return before && before.path !== p.path ? [{ from: before.path, to: p.path, ...(p.commit !== undefined ? { commit: p.commit } : {}) }] : [];
  });
}

/** The file a history across commits follows, where it is now; a history by date spans several files and has none. */
export function historyPath(history: ScoreHistory): string | undefined {
  return history.by === 'commit' ? history.points[history.points.length - 1]?.path : undefined;
}

/** "2 of 7 assessed" for a point whose overall score covered part of the rubric; undefined when it covered all of it. */
export function pointCoverage(p: HistoryPoint): string | undefined {
  return p.coverage && p.coverage.scored < p.coverage.total ? `${p.coverage.scored} of ${p.coverage.total} assessed` : undefined;
}

/** "median 5 months, 1 stale" for a point whose evidence had dates (or a validity); undefined otherwise. */
export function pointEvidenceAge(p: HistoryPoint): string | undefined {
  const e = p.evidence;
  if (!e) return undefined;
  const median = e.medianDays !== undefined ? `median ${formatAge(Math.round(e.medianDays))}` : 'undated';
  return `${median}${e.stale ? `, ${e.stale} stale` : ''}`;
}

/** For each point, the overall score of the last point before it that had one: what its move is counted from. */
export function previousOverall(points: readonly HistoryPoint[]): (number | undefined)[] {
  let previous: number | undefined;
  return points.map((p) => {
    const was = previous;
    if (p.overall !== undefined) previous = p.overall;
    return was;
  });
}
