import { dimensionChange, dimensionSnapshot, overallChange } from '../report/diff';
import { percentToTarget, progressSince } from '../scoring/targetProgress';
import type { AssessmentEntry, PlanEntry, PortfolioEntry, PortfolioSubject } from './sources';
import {
  PORTFOLIO_SCHEMA_VERSION,
  type ColumnStats,
  type PortfolioAssessmentRef,
  type PortfolioCell,
  type PortfolioHighlights,
  type PortfolioModel,
  type PortfolioRollup,
  type PortfolioTable,
  type PortfolioTrajectory,
  type PortfolioUnit,
  type YearEndOutlook,
} from './model';

export interface PortfolioOptions {
  /** Only assessments dated on or before this day (YYYY-MM-DD) count. */
  readonly asOf?: string;
  /** The git revision the files were read at, to say so. */
  readonly ref?: string;
  /** Notices from reading the files (files that could not be read or fully checked). */
  readonly notices?: readonly string[];
}

/** How many units "furthest from target" names. */
const FURTHEST = 5;

/**
 * The portfolio of the assessments and plans found: per rubric, the latest assessment of each
 * unit (by date, on or before `asOf`), its cells, its change since the one before, roll-ups per
 * group of units and the plans' trajectories. Pure over the records sources.ts takes from the
 * engine's analyses: every score is the engine's, every change is report/diff's rule.
 */
export function buildPortfolio(entries: readonly PortfolioEntry[], options: PortfolioOptions = {}): PortfolioModel {
  const notices: string[] = [...(options.notices ?? [])];
  const assessments: AssessmentEntry[] = [];
  const plans: PlanEntry[] = [];
  for (const entry of entries) {
    if (entry.kind === 'Skipped') notices.push(entry.reason);
    else if (entry.kind === 'Plan') plans.push(entry);
    else if (options.asOf === undefined || entry.date <= options.asOf) assessments.push(entry);
  }
  const byRubric = new Map<string, AssessmentEntry[]>();
  for (const a of assessments) {
    const list = byRubric.get(a.rubric.key);
    if (list) list.push(a);
    else byRubric.set(a.rubric.key, [a]);
  }
  const tables = [...byRubric.values()].map((list) => buildTable(list, plans.filter((p) => p.rubric.key === list[0]?.rubric.key), notices));
  // The framework most units use first; ties by title, so the order does not depend on the files' order.
  tables.sort((a, b) => b.units.length - a.units.length || compare(a.rubric.title, b.rubric.title) || compare(a.rubricUri, b.rubricUri));
  const tabled = new Set(byRubric.keys());
  for (const plan of plans) if (!tabled.has(plan.rubric.key)) notices.push(`The plan in ${plan.source.path} has no table: no unit has an assessment against ${plan.rubric.info.title}${options.asOf ? ` on or before ${options.asOf}` : ''}.`);
  const organizations = [...new Set(tables.flatMap((t) => t.units.map((u) => u.organization)))].sort(compare);
  return {
    schemaVersion: PORTFOLIO_SCHEMA_VERSION,
    organizations,
    title: organizations.length === 1 ? `${organizations[0]}: portfolio` : organizations.length ? `Portfolio of ${organizations.join(', ')}` : 'Portfolio',
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.ref !== undefined ? { ref: options.ref } : {}),
    tables,
    notices,
  };
}

/** A unit's key: its organization and its name (the subject's history key, without the rubric). */
export function unitKey(subject: Pick<PortfolioSubject, 'organization' | 'unit'>): string {
  return JSON.stringify([subject.organization, subject.unit ?? '']);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Oldest first; on one date, by path (which notices then name). */
function byDate(a: AssessmentEntry, b: AssessmentEntry): number {
  return compare(a.date, b.date) || compare(a.source.path, b.source.path) || a.source.documentIndex - b.source.documentIndex;
}

function assessmentRef(a: AssessmentEntry): PortfolioAssessmentRef {
  return { ...a.source, date: a.date };
}

function buildTable(list: readonly AssessmentEntry[], plans: readonly PlanEntry[], notices: string[]): PortfolioTable {
  const rubric = (list[0] as AssessmentEntry).rubric;
  const byUnit = new Map<string, AssessmentEntry[]>();
  for (const a of list) {
    const key = unitKey(a.subject);
    const found = byUnit.get(key);
    if (found) found.push(a);
    else byUnit.set(key, [a]);
  }
  const units: PortfolioUnit[] = [];
  for (const [key, history] of byUnit) {
    history.sort(byDate);
    const latest = history[history.length - 1] as AssessmentEntry;
    const sameDay = history.filter((a) => a.date === latest.date);
    if (sameDay.length > 1) {
      notices.push(`${sameDay.length} assessments of ${labelOf(latest.subject)} against ${rubric.info.title} are dated ${latest.date} (${sameDay.map((a) => a.source.path).join(', ')}); the portfolio shows the last, ${latest.source.path}. Give each a date of its own.`);
    }
    units.push(unitRow(key, history, rubric.info.minLevel));
  }
  units.sort((a, b) => compare(a.organization, b.organization) || compareGroups(a.groups, b.groups) || compare(a.label, b.label));
  const columns = rubric.columns;
  const organization = rollup([], units.length && new Set(units.map((u) => u.organization)).size === 1 ? (units[0] as PortfolioUnit).organization : 'All units', units, rubric.info.minLevel);
  const groupRollups = groupPaths(units).map((path) => rollup(path, path.join(' / '), units.filter((u) => startsWith(u.groups, path)), rubric.info.minLevel));
  const trajectories = plans.map((plan) => trajectory(plan)).sort((a, b) => compare(a.unit, b.unit) || compare(a.plan.path, b.plan.path));
  const known = new Set(units.map((u) => u.key));
  for (const t of trajectories) if (!known.has(t.unit)) notices.push(`The plan in ${t.plan.path} is for ${labelOf(plans.find((p) => p.source === t.plan)?.subject)}, which has no assessment against ${rubric.info.title} in the portfolio; its trajectory is listed without a row.`);
  return {
    rubric: rubric.info,
    rubricUri: rubric.uri,
    columns: { dimensions: columns.dimensions, groups: columns.groups, streams: columns.streams },
    units,
    groups: groupRollups,
    organization,
    highlights: highlights(units, organization, columns.dimensions),
    trajectories,
    yearEnds: yearEnds(trajectories),
  };
}

function labelOf(subject: Pick<PortfolioSubject, 'organization' | 'unit'> | undefined): string {
  return subject ? (subject.unit ?? subject.organization) : 'a unit';
}

function unitRow(key: string, history: readonly AssessmentEntry[], minLevel: number): PortfolioUnit {
  const latest = history[history.length - 1] as AssessmentEntry;
  const previous = history.length > 1 ? history[history.length - 2] : undefined;
  const first = history.length > 2 ? history[0] : undefined;
  const start = first ?? previous;
  const toTarget = percentToTarget(latest.dimensions, minLevel);
  const progress = start ? progressSince(new Map(start.dimensions.flatMap((c) => (c.score !== undefined ? [[c.id, c.score] as const] : []))), latest.dimensions) : undefined;
  return {
    key,
    organization: latest.subject.organization,
    ...(latest.subject.unit !== undefined ? { unit: latest.subject.unit } : {}),
    label: labelOf(latest.subject),
    groups: latest.subject.groups,
    assessment: assessmentRef(latest),
    ...(previous ? { previous: assessmentRef(previous) } : {}),
    ...(first ? { first: assessmentRef(first) } : {}),
    assessments: history.length,
    overall: latest.overall,
    dimensions: latest.dimensions,
    groupCells: latest.groupCells,
    streams: latest.streams,
    ...(previous ? { change: change(previous, latest) } : {}),
    ...(toTarget !== undefined ? { percentToTarget: toTarget } : {}),
    ...(progress !== undefined ? { progressToDate: progress } : {}),
    errors: latest.errors,
    ...(latest.inherits ? { inherits: latest.inherits } : {}),
  };
}

/** The change from the previous assessment, by report/diff's rules for a dimension and an overall score. */
function change(previous: AssessmentEntry, latest: AssessmentEntry) {
  const before = new Map(previous.dimensions.map((c) => [c.id, c]));
  const titles = new Map(latest.rubric.columns.dimensions.map((c) => [c.id, c.title]));
  const dimensions = latest.dimensions
    .map((c) => dimensionChange(c.id, titles.get(c.id) ?? c.id, snapshotOf(before.get(c.id)), snapshotOf(c)))
    .filter((d) => d.change !== 'unchanged');
  const overall = overallChange(previous.overall, latest.overall);
  return { since: previous.date, ...(overall ? { overall } : {}), dimensions };
}

function snapshotOf(cell: PortfolioCell | undefined) {
  return cell ? dimensionSnapshot(cell) : undefined;
}

function compareGroups(a: readonly string[], b: readonly string[]): number {
  // Units in a group come before units in none; groups in name order, level by level.
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compare(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function startsWith(groups: readonly string[], path: readonly string[]): boolean {
  return path.every((g, i) => groups[i] === g);
}

/** Every group and every group it is nested in, in the order of the rows. */
function groupPaths(units: readonly PortfolioUnit[]): string[][] {
  const seen = new Set<string>();
  const paths: string[][] = [];
  for (const u of units) {
    for (let depth = 1; depth <= u.groups.length; depth++) {
      const path = u.groups.slice(0, depth);
      const key = JSON.stringify(path);
      if (seen.has(key)) continue;
      seen.add(key);
      paths.push(path);
    }
  }
  return paths;
}

function stats(id: string, cells: readonly (Pick<PortfolioCell, 'score' | 'thresholdReached'> | undefined)[]): ColumnStats {
  let scored = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let atThreshold = 0;
  for (const c of cells) {
    if (c?.score === undefined) continue;
    scored++;
    sum += c.score;
    if (c.score < min) min = c.score;
    if (c.score > max) max = c.score;
    if (c.thresholdReached) atThreshold++;
  }
  return scored === 0 ? { id, scored, atThreshold } : { id, scored, mean: sum / scored, min, max, spread: max - min, atThreshold };
}

function columnStats(units: readonly PortfolioUnit[], cellsOf: (u: PortfolioUnit) => readonly PortfolioCell[]): ColumnStats[] {
  const first = units[0];
  if (!first) return [];
  const columns = cellsOf(first).map(() => [] as PortfolioCell[]);
  for (const u of units) cellsOf(u).forEach((cell, i) => columns[i]?.push(cell));
  return cellsOf(first).map((cell, i) => stats(cell.id, columns[i] as PortfolioCell[]));
}

function rollup(path: readonly string[], label: string, units: readonly PortfolioUnit[], minLevel: number): PortfolioRollup {
  const withPrevious = units.filter((u) => u.previous !== undefined);
  const overall = stats('overall', units.map((u) => u.overall));
  const toTarget = percentToTarget(units.flatMap((u) => u.dimensions), minLevel);
  return {
    path,
    label,
    units: units.map((u) => u.key),
    scored: overall.scored,
    atThreshold: overall.atThreshold,
    ...(withPrevious.length > 0 ? { atThresholdBefore: withPrevious.filter((u) => u.change?.overall?.thresholdBefore === true).length } : {}),
    withPrevious: withPrevious.length,
    overall,
    dimensions: columnStats(units, (u) => u.dimensions),
    groupCells: columnStats(units, (u) => u.groupCells),
    streams: columnStats(units, (u) => u.streams),
    ...(toTarget !== undefined ? { percentToTarget: toTarget } : {}),
  };
}

function highlights(units: readonly PortfolioUnit[], organization: PortfolioRollup, columns: PortfolioTable['columns']['dimensions']): PortfolioHighlights {
  let weakest: PortfolioHighlights['weakestDimension'];
  let widest: PortfolioHighlights['widestSpread'];
  organization.dimensions.forEach((s, i) => {
    if (s.mean === undefined || s.min === undefined || s.spread === undefined) return;
    const title = columns[i]?.title ?? s.id;
    if (!weakest || s.mean < weakest.mean || (s.mean === weakest.mean && s.min < weakest.min)) weakest = { id: s.id, title, mean: s.mean, min: s.min, spread: s.spread };
    if (!widest || s.spread > widest.spread) widest = { id: s.id, title, spread: s.spread };
  });
  const crossed = (direction: 'reached' | 'lost') => units.filter((u) => u.change?.overall?.crossing === direction).map((u) => u.key);
  const furthest = units
    .filter((u) => u.percentToTarget !== undefined && u.percentToTarget < 1)
    .sort((a, b) => (a.percentToTarget as number) - (b.percentToTarget as number) || compare(a.label, b.label))
    .slice(0, FURTHEST)
    .map((u) => u.key);
  return {
    ...(weakest ? { weakestDimension: weakest } : {}),
    ...(widest && widest.spread > 0 ? { widestSpread: widest } : {}),
    reachedThreshold: crossed('reached'),
    belowThresholdAgain: crossed('lost'),
    furthestFromTarget: furthest,
  };
}

function trajectory(plan: PlanEntry): PortfolioTrajectory {
  const reached = plan.points.find((p) => p.thresholdReached === true);
  return {
    unit: unitKey(plan.subject),
    plan: plan.source,
    horizon: plan.horizon,
    points: plan.points,
    ...(reached ? { thresholdBy: reached.date } : {}),
  };
}

/**
 * Where the plans leave each unit at the end of each year they reach into: the last point of
 * each trajectory dated by then (a unit with several plans: the plan whose point is the latest).
 */
function yearEnds(trajectories: readonly PortfolioTrajectory[]): YearEndOutlook[] {
  if (trajectories.length === 0) return [];
  const years = trajectories.flatMap((t) => [Number(t.points[0]?.date.slice(0, 4)), Number(t.horizon.end.slice(0, 4))]).filter(Number.isFinite);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const outlooks: YearEndOutlook[] = [];
  for (let year = first; year <= last; year++) {
    const date = `${year}-12-31`;
    const byUnit = new Map<string, { date: string; point: PortfolioTrajectory['points'][number] }>();
    for (const t of trajectories) {
      const point = [...t.points].reverse().find((p) => p.date <= date);
      if (!point) continue;
      const known = byUnit.get(t.unit);
      if (!known || point.date > known.date) byUnit.set(t.unit, { date: point.date, point });
    }
    const units = [...byUnit].map(([unit, { point }]) => ({
      unit,
      ...(point.score !== undefined ? { score: point.score } : {}),
      ...(point.level !== undefined ? { level: point.level } : {}),
      ...(point.thresholdReached !== undefined ? { thresholdReached: point.thresholdReached } : {}),
    }));
    outlooks.push({ year, date, units, atThreshold: units.filter((u) => u.thresholdReached).length });
  }
  return outlooks;
}
