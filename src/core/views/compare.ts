import type { ReportOverall, ReportRubric } from '../report/model';
import { PORTFOLIO_SCHEMA_VERSION, type PortfolioAssessmentRef, type PortfolioCell, type PortfolioModel, type PortfolioTable, type PortfolioUnit } from './model';

/**
 * Units side by side: for each rubric two or more of them are assessed against, every dimension,
 * group and stream with each unit's cell, and who leads where. A comparison of peers, not a change
 * over time: nothing here is "before" or "after" (for that, see report/diff.ts).
 */
export interface ComparisonModel {
  readonly schemaVersion: typeof PORTFOLIO_SCHEMA_VERSION;
  readonly title: string;
  /** One comparison per rubric that two or more of the units share. */
  readonly comparisons: readonly UnitComparison[];
  readonly notices: readonly string[];
}

export interface ComparedUnit {
  readonly key: string;
  readonly label: string;
  readonly organization: string;
  readonly groups: readonly string[];
  readonly assessment: PortfolioAssessmentRef;
}

export type ComparisonRowKind = 'overall' | 'group' | 'dimension' | 'stream';

export interface ComparisonRow {
  readonly kind: ComparisonRowKind;
  readonly id: string;
  readonly title: string;
  /** A stream's dimension. */
  readonly dimension?: string;
  /** One cell per unit, in the order of `units`. */
  readonly cells: readonly PortfolioCell[];
  /** Indexes (into `units`) of the units with the highest score; empty when fewer than two have a score or all score the same. */
  readonly leaders: readonly number[];
  /** Highest score − lowest score, over the units with a score (two or more). */
  readonly spread?: number;
}

export interface UnitComparison {
  readonly rubric: ReportRubric;
  readonly rubricUri: string;
  readonly units: readonly ComparedUnit[];
  /** Overall first, then the rubric's groups, its dimensions and its streams, in rubric order. */
  readonly rows: readonly ComparisonRow[];
  /** For each unit (same order), how many dimensions it leads alone or shares the lead in. */
  readonly leads: readonly number[];
}

/**
 * The units of a portfolio named by `keys` (unitKey), compared on every rubric two or more of
 * them share. A unit the portfolio does not have, or that shares no rubric with another, is said
 * in a notice.
 */
export function compareUnits(portfolio: PortfolioModel, keys: readonly string[]): ComparisonModel {
  const wanted = [...new Set(keys)];
  const comparisons = portfolio.tables.flatMap((table) => {
    const units = wanted.map((key) => table.units.find((u) => u.key === key)).filter((u): u is PortfolioUnit => u !== undefined);
    return units.length >= 2 ? [comparison(table, units)] : [];
  });
  const compared = new Set(comparisons.flatMap((c) => c.units.map((u) => u.key)));
  const notices = [...portfolio.notices];
  for (const key of wanted) {
    if (compared.has(key)) continue;
    const label = labelOf(portfolio, key);
    notices.push(label ? `${label} shares no rubric with the other units, so it is not compared.` : `No assessment of ${keyLabel(key)} was found.`);
  }
  const labels = comparisons.length ? [...new Set(comparisons.flatMap((c) => c.units.map((u) => u.label)))] : wanted.map((key) => labelOf(portfolio, key) ?? keyLabel(key));
  return { schemaVersion: PORTFOLIO_SCHEMA_VERSION, title: `${labels.join(', ')} compared`, comparisons, notices };
}

function labelOf(portfolio: PortfolioModel, key: string): string | undefined {
  for (const table of portfolio.tables) for (const u of table.units) if (u.key === key) return u.label;
  return undefined;
}

function keyLabel(key: string): string {
  const [organization, unit] = JSON.parse(key) as [string, string];
  return unit || organization;
}

function comparison(table: PortfolioTable, units: readonly PortfolioUnit[]): UnitComparison {
  const overallCell = (u: PortfolioUnit): PortfolioCell => ({
    id: 'overall',
    state: u.overall.score !== undefined ? 'scored' : 'not-assessed',
    ...overallFields(u.overall),
  });
  const rows: ComparisonRow[] = [
    row('overall', 'overall', 'Overall', units.map(overallCell)),
    ...table.columns.groups.map((c, i) => row('group', c.id, c.title, units.map((u) => u.groupCells[i] as PortfolioCell))),
    ...table.columns.dimensions.map((c, i) => row('dimension', c.id, c.title, units.map((u) => u.dimensions[i] as PortfolioCell))),
    ...table.columns.streams.map((c, i) => row('stream', c.id, c.title, units.map((u) => u.streams[i] as PortfolioCell), c.dimension)),
  ];
  const leads = units.map((_, i) => rows.filter((r) => r.kind === 'dimension' && r.leaders.includes(i)).length);
  return {
    rubric: table.rubric,
    rubricUri: table.rubricUri,
    units: units.map((u) => ({ key: u.key, label: u.label, organization: u.organization, groups: u.groups, assessment: u.assessment })),
    rows,
    leads,
  };
}

function overallFields(o: ReportOverall): Partial<PortfolioCell> {
  return {
    ...(o.score !== undefined ? { score: o.score } : {}),
    ...(o.level !== undefined ? { level: o.level } : {}),
    ...(o.target !== undefined ? { target: o.target } : {}),
    ...(o.gap !== undefined ? { gap: o.gap } : {}),
    ...(o.thresholdReached !== undefined ? { thresholdReached: o.thresholdReached } : {}),
  };
}

function row(kind: ComparisonRowKind, id: string, title: string, cells: readonly PortfolioCell[], dimension?: string): ComparisonRow {
  const scores = cells.map((c) => c.score).filter((s): s is number => s !== undefined);
  const top = scores.length ? Math.max(...scores) : undefined;
  const bottom = scores.length ? Math.min(...scores) : undefined;
  const leaders = scores.length >= 2 && top !== bottom ? cells.flatMap((c, i) => (c.score === top ? [i] : [])) : [];
  return {
    kind,
    id,
    title,
    ...(dimension !== undefined ? { dimension } : {}),
    cells,
    leaders,
    ...(scores.length >= 2 && top !== undefined && bottom !== undefined ? { spread: top - bottom } : {}),
  };
}
