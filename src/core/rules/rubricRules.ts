import { DEFAULT_ANSWER_SCALE } from '../format/enums';
import type { Rubric } from '../format/types';
import { RuleContext, checkLink } from './context';

/**
 * Checks a rubric beyond its schema: a consistent level scale, unique ids, references between
 * its own parts (groups, answer scales), and criteria where the scoring method needs them.
 * Returns false when the level scale itself is broken, since nothing can be scored then.
 */
export function checkRubric(ctx: RuleContext, rubric: Rubric): boolean {
  const scaleOk = checkLevelScale(ctx, rubric);
  const levels = new Set(rubric.levels.map((l) => l.level));
  const levelList = [...levels].sort((a, b) => a - b);
  const minLevel = levelList[0] ?? 0;
  const describeScale = `${levelList[0]} to ${levelList[levelList.length - 1]}`;

  if (rubric.threshold && !levels.has(rubric.threshold.level)) {
    ctx.report('level-out-of-scale', `The threshold level ${rubric.threshold.level} is not on the scale (${describeScale}).`, ctx.at(['threshold', 'level']));
  }

  rubric.references?.forEach((ref, i) => ref.url && checkLink(ctx, ref.url, ['references', i, 'url']));

  const scaleNames = new Set([DEFAULT_ANSWER_SCALE, ...Object.keys(rubric.answerScales ?? {})]);
  for (const [name, scale] of Object.entries(rubric.answerScales ?? {})) {
    const seen = new Map<string, number>();
    scale.answers.forEach((answer, i) => {
      const previous = seen.get(answer.value);
      if (previous !== undefined) {
        ctx.report('duplicate-id', `The answer "${answer.value}" appears twice in the "${name}" scale (entries ${previous + 1} and ${i + 1}).`, ctx.at(['answerScales', name, 'answers', i, 'value']));
      } else seen.set(answer.value, i);
    });
  }
  if (rubric.defaultAnswerScale && !scaleNames.has(rubric.defaultAnswerScale)) {
    ctx.reportUnknownId('unknown-answer-scale', `No answer scale is named "${rubric.defaultAnswerScale}".`, ctx.at(['defaultAnswerScale']), rubric.defaultAnswerScale, scaleNames);
  }

  const groupIds = new Map<string, number>();
  rubric.groups?.forEach((group, i) => {
    if (groupIds.has(group.id)) ctx.report('duplicate-id', `Another group already has the id "${group.id}"; group ids must be unique.`, ctx.at(['groups', i, 'id']));
    else groupIds.set(group.id, i);
  });

  const method = rubric.scoring?.method ?? 'gated';
  const dimensionIds = new Map<string, number>();
  const criterionIds = new Map<string, string>();
  rubric.dimensions.forEach((dimension, d) => {
    const at = (...rest: (string | number)[]) => ['dimensions', d, ...rest];
    if (dimensionIds.has(dimension.id)) {
      ctx.report('duplicate-id', `Another dimension already has the id "${dimension.id}"; dimension ids must be unique.`, ctx.at(at('id')));
    } else dimensionIds.set(dimension.id, d);

    if (dimension.group !== undefined && !groupIds.has(dimension.group)) {
      ctx.reportUnknownId(
        'unknown-group',
        groupIds.size ? `No group has the id "${dimension.group}".` : `This rubric defines no groups, so "${dimension.group}" cannot be one. Add it under "groups".`,
        ctx.at(at('group')),
        dimension.group,
        groupIds.keys(),
      );
    }
    for (const key of Object.keys(dimension.levels ?? {})) {
      if (!levels.has(Number(key))) {
        ctx.report('level-out-of-scale', `Level ${key} is not on the scale (${describeScale}); this descriptor can never apply.`, ctx.keyAt(at('levels', key)));
      }
    }
    const criteria = dimension.criteria ?? [];
    if (method !== 'rated' && criteria.length === 0) {
      ctx.report('criteria-required', `"${dimension.title}" has no criteria, but ${method} scoring computes levels from criteria. Add criteria, or score this rubric with method "rated".`, ctx.keyAt(at('id')));
    }
    criteria.forEach((criterion, c) => {
      const cat = (...rest: (string | number)[]) => at('criteria', c, ...rest);
      const owner = criterionIds.get(criterion.id);
      if (owner !== undefined) {
        ctx.report('duplicate-id', `The criterion id "${criterion.id}" is already used${owner === dimension.id ? ' in this dimension' : ` in "${owner}"`}; criterion ids must be unique in the rubric.`, ctx.at(cat('id')));
      } else criterionIds.set(criterion.id, dimension.id);
      if (!levels.has(criterion.level)) {
        ctx.report('level-out-of-scale', `Level ${criterion.level} is not on the scale (${describeScale}).`, ctx.at(cat('level')));
      } else if (method === 'levelSum' && criterion.level === minLevel) {
        ctx.report('level-out-of-scale', `With levelSum scoring, criteria at the lowest level (${minLevel}) add nothing to the score; put this criterion at level ${minLevel + 1} or above.`, ctx.at(cat('level')));
      }
      if (criterion.answerScale !== undefined && !scaleNames.has(criterion.answerScale)) {
        ctx.reportUnknownId('unknown-answer-scale', `No answer scale is named "${criterion.answerScale}".`, ctx.at(cat('answerScale')), criterion.answerScale, scaleNames);
      }
    });
    const metricIds = new Set<string>();
    dimension.metrics?.forEach((metric, m) => {
      if (metricIds.has(metric.id)) ctx.report('duplicate-id', `Another metric of this dimension has the id "${metric.id}".`, ctx.at(at('metrics', m, 'id')));
      metricIds.add(metric.id);
    });
  });
  return scaleOk;
}

function checkLevelScale(ctx: RuleContext, rubric: Rubric): boolean {
  let ok = true;
  rubric.levels.forEach((level, i) => {
    if (i === 0) return;
    const previous = rubric.levels[i - 1]!.level;
    if (level.level !== previous + 1) {
      ok = false;
      ctx.report(
        'level-scale-invalid',
        level.level === previous
          ? `Level ${level.level} is listed twice. Each level appears once, lowest first.`
          : `Levels count up by one, lowest first: after ${previous} comes ${previous + 1}, not ${level.level}.`,
        ctx.at(['levels', i, 'level']),
      );
    }
  });
  return ok;
}
