import type { AssessmentDocumentAnalysis, FileAnalysis, PlanDocumentAnalysis, ResolvedRubric } from '../engine';
import type { InheritedParts } from '../domain/inheritance';
import type { RubricIndex } from '../domain/rubricIndex';
import { dimensionState, reportOverall } from '../report/buildAssessment';
import { defaultAssessmentTitle, rubricInfo } from '../report/buildReport';
import type { ReportOverall, ReportRubric } from '../report/model';
import { withOffset } from '../report/offsets';
import { levelOf } from '../scoring/methods';
import { planTrajectory, type TrajectoryPoint } from '../scoring/projectPlan';
import type { DimensionSummary, ScoreSummary } from '../scoring/scoreAssessment';
import type { PortfolioCell, PortfolioColumn, PortfolioSourceRef } from './model';

/**
 * What the portfolio reads of one analysed file: each assessment that could be scored (its
 * subject, date, overall score and one cell per column), and each plan with a scored baseline
 * (its trajectory). Taken from the engine's analysis as soon as a file is checked, so that a run
 * over hundreds of files keeps these small records rather than every analysis.
 */
export interface PortfolioRubricInfo {
  /** The rubric's file and id: the one rubric assessments are compared on. */
  readonly key: string;
  readonly uri: string;
  readonly info: ReportRubric;
  readonly columns: { readonly dimensions: readonly PortfolioColumn[]; readonly groups: readonly PortfolioColumn[]; readonly streams: readonly PortfolioColumn[] };
}

export interface PortfolioSubject {
  readonly organization: string;
  readonly unit?: string;
  readonly groups: readonly string[];
}

export interface AssessmentEntry {
  readonly kind: 'Assessment';
  readonly source: PortfolioSourceRef;
  readonly subject: PortfolioSubject;
  readonly date: string;
  readonly rubric: PortfolioRubricInfo;
  readonly overall: ReportOverall;
  readonly dimensions: readonly PortfolioCell[];
  readonly groupCells: readonly PortfolioCell[];
  readonly streams: readonly PortfolioCell[];
  readonly errors: number;
  readonly inherits?: { readonly uri: string; readonly title: string };
}

export interface PlanEntry {
  readonly kind: 'Plan';
  readonly source: PortfolioSourceRef;
  /** The subject of its baseline assessment: the unit the plan is for. */
  readonly subject: PortfolioSubject;
  readonly rubric: PortfolioRubricInfo;
  readonly horizon: { readonly start: string; readonly end: string };
  readonly points: readonly TrajectoryPoint[];
}

/** A document the portfolio leaves out, and why (a sentence). */
export interface SkippedEntry {
  readonly kind: 'Skipped';
  readonly path: string;
  readonly reason: string;
}

export type PortfolioEntry = AssessmentEntry | PlanEntry | SkippedEntry;

/** Each rubric's info once per rubric index (an engine parses a rubric once for all its users). */
const RUBRICS = new WeakMap<RubricIndex, PortfolioRubricInfo>();

function rubricOf(rubric: ResolvedRubric): PortfolioRubricInfo {
  const known = RUBRICS.get(rubric.index);
  if (known) return known;
  const index = rubric.index;
  const dimensions = index.rubric.dimensions;
  const info: PortfolioRubricInfo = {
    key: JSON.stringify([rubric.uri, index.rubric.id]),
    uri: rubric.uri,
    info: rubricInfo(index, rubric.builtin, undefined),
    columns: {
      dimensions: dimensions.map((d) => ({ id: d.id, title: d.title, ...(d.group ? { group: d.group } : {}) })),
      groups: [...index.groups.values()].map((g) => ({ id: g.id, title: g.title })),
      streams: dimensions.flatMap((d) => (d.subgroups ?? []).map((s) => ({ id: streamId(d.id, s.id), title: `${d.title}: ${s.title}`, dimension: d.id }))),
    },
  };
  RUBRICS.set(index, info);
  return info;
}

/** A stream's column id: its dimension's id and its own. */
export function streamId(dimension: string, subgroup: string): string {
  return `${dimension}/${subgroup}`;
}

/** The groups a subject names, outermost first. */
export function groupPath(group: string | readonly string[] | undefined): string[] {
  if (group === undefined) return [];
  return (typeof group === 'string' ? [group] : [...group]).map((g) => g.trim()).filter((g) => g !== '');
}

/** The portfolio's records of a file's documents; `path` is the file as shown to people. */
export function portfolioEntries(analysis: FileAnalysis, path: string): PortfolioEntry[] {
  const entries: PortfolioEntry[] = [];
  for (const doc of analysis.documents) {
    if (doc.kind === 'Assessment') entries.push(assessmentEntry(analysis, doc, path));
    else if (doc.kind === 'Plan' && doc.data) {
      const entry = planEntry(analysis, doc, path);
      if (entry) entries.push(entry);
    }
  }
  return entries;
}

function sourceRef(analysis: FileAnalysis, index: number, path: string, id: string | undefined, title: string, offset: { sourceOffset?: number }): PortfolioSourceRef {
  return { uri: analysis.uri, path, documentIndex: index, ...(id !== undefined ? { id } : {}), title, ...offset };
}

function assessmentEntry(analysis: FileAnalysis, doc: AssessmentDocumentAnalysis, path: string): AssessmentEntry | SkippedEntry {
  const where = analysis.documents.length > 1 ? `${path} (document ${doc.index + 1})` : path;
  const score = doc.summary;
  if (!doc.data || !doc.rubric || !score) {
    const why = !doc.data ? 'it has errors that keep it from being read' : 'its rubric could not be used';
    return { kind: 'Skipped', path: where, reason: `${where} is left out: ${why} (see "rubrics validate ${path}").` };
  }
  const data = doc.data;
  const rubric = rubricOf(doc.rubric);
  const index = doc.rubric.index;
  // Where each dimension is written, read off the `dimensions` map at once rather than looked up one by one.
  const offsets = new Map((doc.parsed.entries(['dimensions']) ?? []).map((e) => [e.key, e.keyRange.start]));
  const offsetOf = (id: string): { sourceOffset?: number } => {
    const offset = offsets.get(id);
    return offset === undefined ? {} : { sourceOffset: offset };
  };
  const subject: PortfolioSubject = { organization: data.subject.organization, ...(data.subject.unit ? { unit: data.subject.unit } : {}), groups: groupPath(data.subject.group) };
  return {
    kind: 'Assessment',
    source: sourceRef(analysis, doc.index, path, data.id, data.title ?? defaultAssessmentTitle(data.subject, data.date), withOffset(doc.parsed, ['dimensions'])),
    subject,
    date: data.date,
    rubric,
    overall: reportOverall(index, score.overall),
    dimensions: score.dimensions.map((d) => withInheritance(dimensionCell(d, offsetOf(d.id)), doc.effective?.inherited)),
    groupCells: groupCells(index, score),
    streams: score.dimensions.flatMap((d) =>
      d.subgroups.map((s) => levelCell(streamId(d.id, s.id), s.score, index.threshold, d.status === 'scored' ? 'scored' : d.status, undefined, offsetOf(d.id))),
    ),
    errors: doc.diagnostics.filter((x) => x.severity === 'error').length,
    ...(doc.base ? { inherits: { uri: doc.base.uri, title: doc.base.title } } : {}),
  };
}

/** A cell with what its unit inherits in it, when it inherits anything there. */
function withInheritance(cell: PortfolioCell, inherited: InheritedParts | undefined): PortfolioCell {
  if (!inherited) return cell;
  const whole = inherited.dimensions.get(cell.id);
  const answers = inherited.answers.get(cell.id)?.size ?? 0;
  if (whole === undefined && answers === 0) return cell;
  return { ...cell, ...(whole !== undefined ? { inheritedFrom: whole } : {}), ...(answers > 0 ? { inheritedAnswers: answers } : {}) };
}

/** A dimension's cell, from the engine's score of it. */
function dimensionCell(d: DimensionSummary, offset: { sourceOffset?: number }): PortfolioCell {
  const cell: { -readonly [K in keyof PortfolioCell]: PortfolioCell[K] } = { id: d.id, state: dimensionState(d) };
  if (d.score !== undefined) cell.score = d.score;
  if (d.level !== undefined) cell.level = d.level;
  if (d.target !== undefined) cell.target = d.target;
  if (d.gap !== undefined) cell.gap = d.gap;
  if (d.thresholdReached !== undefined) cell.thresholdReached = d.thresholdReached;
  if (offset.sourceOffset !== undefined) cell.sourceOffset = offset.sourceOffset;
  return cell;
}

/**
 * A cell of a group or a stream, which the engine scores (rollUp, scoreSubgroups) without a
 * level of its own: its level is its score rounded down, as for a dimension.
 */
function levelCell(id: string, score: number | undefined, threshold: number | undefined, status: DimensionSummary['status'], target: number | undefined, offset: { sourceOffset?: number }): PortfolioCell {
  const cell: { -readonly [K in keyof PortfolioCell]: PortfolioCell[K] } = { id, state: 'scored' };
  if (score === undefined) {
    cell.state = dimensionState({ status: status === 'scored' ? 'not-rated' : status });
    if (target !== undefined) cell.target = target;
  } else {
    const level = levelOf(score);
    cell.score = score;
    cell.level = level;
    if (target !== undefined) {
      cell.target = target;
      cell.gap = Math.max(0, target - score);
    }
    if (threshold !== undefined) cell.thresholdReached = level >= threshold;
    cell.state = dimensionState({ status: 'scored', ...(cell.target !== undefined ? { target: cell.target, gap: cell.gap as number } : {}), ...(cell.thresholdReached !== undefined ? { thresholdReached: cell.thresholdReached } : {}) });
  }
  if (offset.sourceOffset !== undefined) cell.sourceOffset = offset.sourceOffset;
  return cell;
}

function groupCells(index: RubricIndex, score: ScoreSummary): PortfolioCell[] {
  return score.groups.map((g) => levelCell(g.id, g.score, index.threshold, g.score !== undefined ? 'scored' : 'not-assessed', g.target, {}));
}

function planEntry(analysis: FileAnalysis, doc: PlanDocumentAnalysis, path: string): PlanEntry | SkippedEntry | undefined {
  const data = doc.data;
  if (!data) return undefined;
  const baseline = doc.baseline;
  if (!doc.rubric || !baseline?.score) {
    return { kind: 'Skipped', path, reason: `The plan in ${path} has no trajectory: ${data.baseline === undefined ? 'it names no baseline assessment, so it is for no unit' : 'its baseline could not be scored against its rubric'}.` };
  }
  const subject = baseline.assessment.subject;
  return {
    kind: 'Plan',
    source: sourceRef(analysis, doc.index, path, data.id, data.title ?? data.id, withOffset(doc.parsed, ['initiatives'])),
    subject: { organization: subject.organization, ...(subject.unit ? { unit: subject.unit } : {}), groups: groupPath(subject.group) },
    rubric: rubricOf(doc.rubric),
    horizon: { start: data.horizon.start, end: data.horizon.end },
    points: planTrajectory(data, doc.rubric.index, baseline.score, baseline.assessment.date),
  };
}
