import type { RubricIndex } from '../domain/rubricIndex';
import type { LocatedDocument } from '../document/located';
import type { PlanBaseline } from '../engine';
import { INITIATIVE_STATUSES, VALUE_STREAM_TITLES } from '../format/enums';
import type { InitiativeStatus, Plan } from '../format/types';
import type { PlanProjection } from '../scoring/projectPlan';
import type { PlanSection, ReportInitiative, ReportKpi, ReportLegacySystem, ReportPlannedDimension, ReportRisk } from './model';
import { withOffset } from './offsets';

export function buildPlanSection(
  data: Plan,
  parsed: LocatedDocument,
  projection: PlanProjection,
  index: RubricIndex | undefined,
  baseline: PlanBaseline | undefined,
): PlanSection {
  const titleOf = (dimension: string) => index?.dimensions.get(dimension)?.title ?? dimension;
  const levelName = (level: number | undefined) => (level !== undefined ? index?.levelName(level) : undefined);

  const initiatives: ReportInitiative[] = projection.initiatives.map((p, i) => {
    const it = p.initiative;
    return {
      id: it.id,
      title: it.title,
      ...(it.description ? { description: it.description } : {}),
      ...(it.owner ? { owner: it.owner } : {}),
      status: p.status,
      start: it.start,
      end: it.end,
      startFraction: p.startFraction,
      endFraction: Math.min(1, p.endFraction),
      ...(it.valueStream ? { valueStream: it.valueStream, valueStreamTitle: VALUE_STREAM_TITLES[it.valueStream] } : {}),
      moves: (it.moves ?? []).map((m) => ({ dimension: m.dimension, dimensionTitle: titleOf(m.dimension), ...(m.from !== undefined ? { from: m.from } : {}), to: m.to })),
      dependsOn: [...(it.dependsOn ?? [])],
      ...withOffset(parsed, ['initiatives', i]),
    };
  });

  const statusCounts = Object.fromEntries(INITIATIVE_STATUSES.map((s) => [s, 0])) as Record<InitiativeStatus, number>;
  for (const i of initiatives) statusCounts[i.status]++;

  const threshold = projection.threshold;
  const dimensions: ReportPlannedDimension[] = projection.dimensions.map((d) => {
    const baselineName = levelName(d.baseline);
    const projectedName = levelName(d.projected);
    return {
      id: d.id,
      title: d.title,
      ...(d.baseline !== undefined ? { baseline: d.baseline } : {}),
      ...(baselineName ? { baselineLevelName: baselineName } : {}),
      ...(d.projected !== undefined ? { projected: d.projected } : {}),
      ...(projectedName ? { projectedLevelName: projectedName } : {}),
      ...(d.target !== undefined ? { target: d.target } : {}),
      ...(threshold !== undefined && d.baseline !== undefined ? { baselineThresholdReached: d.baseline >= threshold } : {}),
      ...(d.thresholdReached !== undefined ? { thresholdReached: d.thresholdReached } : {}),
      shortOfTarget: d.shortOfTarget,
      initiatives: [...d.initiatives],
    };
  });

  const legacySystems: ReportLegacySystem[] = [];
  const risks: ReportRisk[] = [];
  const kpis: ReportKpi[] = [];
  data.initiatives.forEach((it, i) => {
    const owner = { initiative: it.id, initiativeTitle: it.title };
    (it.legacySystems ?? []).forEach((s, j) =>
      legacySystems.push({ ...owner, name: s.name, disposition: s.disposition, ...(s.note ? { note: s.note } : {}), ...withOffset(parsed, ['initiatives', i, 'legacySystems', j]) }),
    );
    (it.risks ?? []).forEach((r, j) =>
      risks.push({
        ...owner,
        description: r.description,
        ...(r.likelihood ? { likelihood: r.likelihood } : {}),
        ...(r.impact ? { impact: r.impact } : {}),
        ...(r.mitigation ? { mitigation: r.mitigation } : {}),
        ...withOffset(parsed, ['initiatives', i, 'risks', j]),
      }),
    );
    (it.kpis ?? []).forEach((k, j) =>
      kpis.push({
        ...owner,
        name: k.name,
        ...(k.unit ? { unit: k.unit } : {}),
        ...(k.baseline !== undefined ? { baseline: k.baseline } : {}),
        target: k.target,
        higherIsBetter: k.higherIsBetter ?? true,
        ...withOffset(parsed, ['initiatives', i, 'kpis', j]),
      }),
    );
  });

  const withThreshold = dimensions.filter((d) => d.thresholdReached !== undefined || d.baselineThresholdReached !== undefined);
  const baselineScore = baseline?.score?.overall;
  return {
    ...(data.description ? { description: data.description } : {}),
    ...(data.owner ? { owner: data.owner } : {}),
    ...(data.baseline !== undefined
      ? {
          baseline: {
            reference: data.baseline,
            ...(baseline ? { assessmentId: baseline.assessment.id, date: baseline.assessment.date, organization: baseline.assessment.subject.organization } : {}),
            ...(baselineScore?.score !== undefined ? { overallScore: baselineScore.score } : {}),
            ...(baselineScore?.level !== undefined ? { overallLevel: baselineScore.level } : {}),
            ...(levelName(baselineScore?.level) ? { levelName: levelName(baselineScore?.level) as string } : {}),
          },
        }
      : {}),
    horizon: { ...projection.horizon },
    ...(threshold !== undefined ? { threshold } : {}),
    initiatives,
    statusCounts,
    dimensions,
    ...(threshold !== undefined && withThreshold.length > 0
      ? {
          atThreshold: {
            baseline: dimensions.filter((d) => d.baselineThresholdReached).length,
            projected: dimensions.filter((d) => d.thresholdReached).length,
            total: dimensions.length,
          },
        }
      : {}),
    valueStreams: projection.valueStreams.map((v) => ({ id: v.id, title: v.title, initiatives: [...v.initiatives] })),
    legacySystems,
    risks,
    kpis,
  };
}
