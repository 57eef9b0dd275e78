import { YES_NO_SCALE, type RubricIndex } from '../domain/rubricIndex';
import type { LocatedDocument } from '../document/located';
import { DEFAULT_ANSWER_SCALE } from '../format/enums';
import { groupDimensions } from './groups';
import { reportLink } from './links';
import type { RubricOverview, RubricOverviewDimension } from './model';
import { optionalBenchmark } from './benchmark';
import { withOffset } from './offsets';

/** What a framework contains: its scale, groups, dimensions with descriptors, criteria counts and metrics. */
export function buildRubricOverview(index: RubricIndex, parsed: LocatedDocument): RubricOverview {
  const rubric = index.rubric;
  const levels = rubric.levels.map((l) => l.level);
  const dimensions: RubricOverviewDimension[] = rubric.dimensions.map((d, i) => {
    const criteria = d.criteria ?? [];
    const descriptors = Object.entries(d.levels ?? {})
      .map(([level, text]) => ({ level: Number(level), text }))
      .filter((x) => Number.isFinite(x.level))
      .sort((a, b) => a.level - b.level)
      .map((x) => {
        const levelName = index.levelName(x.level);
        return { level: x.level, ...(levelName ? { levelName } : {}), text: x.text };
      });
    // Every level of the scale, plus any level a criterion names that is off the scale (an error
    // the problems list reports, but the count should still add up).
    const criterionLevels = [...new Set([...levels, ...criteria.map((c) => c.level)])].sort((a, b) => a - b);
    return {
      id: d.id,
      title: d.title,
      ...(d.group ? { group: d.group } : {}),
      weight: d.weight ?? 1,
      ...(d.description ? { description: d.description } : {}),
      descriptors,
      criteriaByLevel: criterionLevels.map((level) => ({ level, count: criteria.filter((c) => c.level === level).length })),
      criteriaCount: criteria.length,
      evidenceRequiredCount: criteria.filter((c) => c.evidenceRequired).length,
      ...(d.subgroups?.length
        ? {
            subgroups: d.subgroups.map((s) => ({
              id: s.id,
              title: s.title,
              ...(s.description ? { description: s.description } : {}),
              criteriaCount: criteria.filter((c) => c.subgroup === s.id).length,
            })),
          }
        : {}),
      metrics: (d.metrics ?? []).map((m, j) => ({
        id: m.id,
        name: m.name,
        ...(m.unit ? { unit: m.unit } : {}),
        higherIsBetter: m.higherIsBetter ?? true,
        ...(m.description ? { description: m.description } : {}),
        ...optionalBenchmark(m),
        ...withOffset(parsed, ['dimensions', i, 'metrics', j]),
      })),
      ...withOffset(parsed, ['dimensions', i]),
    };
  });

  const scales = { ...(rubric.answerScales ?? {}) };
  const defaultScale = rubric.defaultAnswerScale ?? DEFAULT_ANSWER_SCALE;
  const usesYesNo = defaultScale === DEFAULT_ANSWER_SCALE || rubric.dimensions.some((d) => (d.criteria ?? []).some((c) => c.answerScale === DEFAULT_ANSWER_SCALE));
  if (usesYesNo && !scales[DEFAULT_ANSWER_SCALE]) scales[DEFAULT_ANSWER_SCALE] = YES_NO_SCALE;

  const references = (rubric.references ?? []).map((r) => ({ title: r.title, ...(r.url ? { link: reportLink({ title: r.title, url: r.url }) } : {}) }));
  return {
    ...(rubric.description ? { description: rubric.description } : {}),
    references,
    passCredit: index.passCredit,
    rollup: index.rollup,
    defaultAnswerScale: defaultScale,
    answerScales: Object.entries(scales).map(([id, scale]) => ({
      id,
      ...(scale.description ? { description: scale.description } : {}),
      answers: scale.answers.map((a) => ({ value: a.value, credit: a.credit, ...(a.description ? { description: a.description } : {}) })),
    })),
    groups: groupDimensions(index),
    dimensions,
    counts: {
      dimensions: dimensions.length,
      criteria: dimensions.reduce((n, d) => n + d.criteriaCount, 0),
      metrics: dimensions.reduce((n, d) => n + d.metrics.length, 0),
    },
  };
}
