import { parseDocuments } from '../document/located';
import { isMap } from '../format/values';
import { referencedUri } from '../resolve/references';
import type { PortfolioReviewSection, StatusChangeCause, ThresholdCount, UnitStatusChange } from '../review/change';
import type { PortfolioModel, PortfolioTable, PortfolioUnit } from './model';

/**
 * The portfolio's part of a review of a change: which units' overall level or threshold status
 * the change moves (through their own assessment, their rubric or what they inherit), and each
 * organization's count of units at the threshold before and after. Built from the portfolio at
 * each revision (buildPortfolio over the reviewed files and, unchanged at both, the latest
 * assessments of the other units of the organizations concerned).
 */

/** A file of the repository, as read at the head. */
export interface RepositoryFile {
  /** From the repository root. */
  readonly path: string;
  readonly uri: string;
  readonly text: string;
}

/**
 * Of the files, those that hold the latest assessment of some unit of one of the organizations
 * (by date, then path, as buildPortfolio picks it), read from what each file writes, without
 * analysing it: only these need analysing to know where every unit of the organizations stands.
 */
export function latestAssessmentFiles(files: readonly RepositoryFile[], organizations: ReadonlySet<string>): RepositoryFile[] {
  const latest = new Map<string, { file: RepositoryFile; date: string }>();
  for (const file of files) {
    if (![...organizations].some((o) => file.text.includes(o))) continue;
    for (const doc of parseDocuments(file.text).documents) {
      const value = doc.value;
      if (!isMap(value) || value.kind !== 'Assessment' || !isMap(value.subject)) continue;
      const { organization, unit } = value.subject;
      if (typeof organization !== 'string' || !organizations.has(organization) || typeof value.date !== 'string' || typeof value.rubric !== 'string') continue;
      const rubric = referencedUri(value.rubric, file.uri, 'rubric') ?? `${file.uri}#${value.rubric}`;
      const key = JSON.stringify([organization, typeof unit === 'string' ? unit : '', rubric]);
      const known = latest.get(key);
      if (!known || value.date > known.date || (value.date === known.date && file.path > known.file.path)) latest.set(key, { file, date: value.date });
    }
  }
  return [...new Set([...latest.values()].map((l) => l.file))];
}

/**
 * What the change does to the portfolio: `rubricKey` names a table's rubric the same way at both
 * revisions (their files' URIs differ), and `causeOf` says why the file at a path (from the
 * repository root) is in the review. Undefined when no unit's level or threshold status moved.
 */
export function portfolioReview(
  before: PortfolioModel,
  after: PortfolioModel,
  rubricKey: (table: PortfolioTable) => string,
  causeOf: (path: string) => StatusChangeCause | undefined,
): PortfolioReviewSection | undefined {
  const beforeTables = new Map(before.tables.map((t) => [rubricKey(t), t]));
  const afterTables = new Map(after.tables.map((t) => [rubricKey(t), t]));
  const units: UnitStatusChange[] = [];
  const counts: ThresholdCount[] = [];
  for (const key of [...new Set([...afterTables.keys(), ...beforeTables.keys()])]) {
    const b = beforeTables.get(key);
    const a = afterTables.get(key);
    const table = (a ?? b) as PortfolioTable;
    const beforeUnits = new Map((b?.units ?? []).map((u) => [u.key, u]));
    const afterUnits = new Map((a?.units ?? []).map((u) => [u.key, u]));
    const moved = new Set<string>();
    for (const unitKey of [...new Set([...afterUnits.keys(), ...beforeUnits.keys()])]) {
      const x = beforeUnits.get(unitKey);
      const y = afterUnits.get(unitKey);
      if (x?.overall.level === y?.overall.level && x?.overall.thresholdReached === y?.overall.thresholdReached) continue;
      const unit = (y ?? x) as PortfolioUnit;
      // A unit whose latest file is not in the review did not move; its latest may have changed to another file only by the change.
      const cause = causeOf(unit.assessment.path) ?? (y && x && y.assessment.path !== x.assessment.path ? 'assessment' : undefined);
      if (!cause) continue;
      moved.add(unit.organization);
      units.push({
        organization: unit.organization,
        unit: unit.label,
        groups: unit.groups,
        rubric: { id: table.rubric.id, title: table.rubric.title },
        path: unit.assessment.path,
        ...(x?.overall.level !== undefined ? { levelBefore: x.overall.level } : {}),
        ...(y?.overall.level !== undefined ? { levelAfter: y.overall.level } : {}),
        ...(x?.overall.score !== undefined ? { scoreBefore: x.overall.score } : {}),
        ...(y?.overall.score !== undefined ? { scoreAfter: y.overall.score } : {}),
        ...(x?.overall.thresholdReached !== undefined ? { thresholdBefore: x.overall.thresholdReached } : {}),
        ...(y?.overall.thresholdReached !== undefined ? { thresholdAfter: y.overall.thresholdReached } : {}),
        cause,
      });
    }
    const threshold = table.rubric.threshold?.level;
    if (threshold === undefined) continue;
    for (const organization of [...moved].sort()) {
      const of = (t: PortfolioTable | undefined) => (t?.units ?? []).filter((u) => u.organization === organization);
      counts.push({
        organization,
        rubric: { id: table.rubric.id, title: table.rubric.title, threshold },
        before: of(b).filter((u) => u.overall.thresholdReached).length,
        after: of(a).filter((u) => u.overall.thresholdReached).length,
        unitsBefore: of(b).length,
        unitsAfter: of(a).length,
      });
    }
  }
  return units.length > 0 ? { units, counts } : undefined;
}
