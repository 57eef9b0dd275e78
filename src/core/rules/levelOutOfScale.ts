import type { Rule, RuleContext } from './context';
import { initiatives } from './support/plan';
import { ownMethod, ownScale } from './support/rubricScale';

/** Every level named anywhere is on the rubric's scale. */
export const levelOutOfScale: Rule = {
  code: 'level-out-of-scale',
  kinds: ['Rubric', 'Assessment', 'Plan'],
  check(ctx) {
    if (ctx.inputs.kind === 'Rubric') checkRubric(ctx);
    else if (ctx.inputs.kind === 'Assessment') checkAssessment(ctx);
    else checkPlan(ctx);
  },
};

function checkRubric(ctx: RuleContext): void {
  const scale = ownScale(ctx);
  if (!scale) return;
  const threshold = ctx.read<number>(['threshold', 'level']);
  if (threshold !== undefined && !scale.levels.has(threshold)) {
    ctx.report('level-out-of-scale', `The threshold level ${threshold} is not on the scale (${scale.text}).`, ctx.at(['threshold', 'level']));
  }
  const method = ownMethod(ctx);
  for (const d of ctx.maps(['dimensions'])) {
    for (const key of ctx.valid([...d.path, 'levels']) ? ctx.keys([...d.path, 'levels']) : []) {
      if (!scale.levels.has(Number(key))) {
        ctx.report('level-out-of-scale', `Level ${key} is not on the scale (${scale.text}); this descriptor can never apply.`, ctx.keyAt([...d.path, 'levels', key]));
      }
    }
    for (const c of ctx.items<{ level: number }>([...d.path, 'criteria'])) {
      if (!scale.levels.has(c.value.level)) {
        ctx.report('level-out-of-scale', `Level ${c.value.level} is not on the scale (${scale.text}).`, ctx.at([...c.path, 'level']));
      } else if (method === 'levelSum' && c.value.level === scale.min) {
        ctx.report(
          'level-out-of-scale',
          `With levelSum scoring the sum starts at the lowest level (${scale.min}), so a criterion there adds nothing to the score. ${scale.min > 0 ? `If meeting it is part of reaching level ${scale.min}, add a level ${scale.min - 1} below it ("- { level: ${scale.min - 1} }"; a name is optional), as OWASP SAMM scores 0 to 3.` : `Put it at level ${scale.min + 1} or above.`}`,
          ctx.at([...c.path, 'level']),
        );
      }
    }
  }
}

function checkAssessment(ctx: RuleContext): void {
  const index = ctx.rubric;
  if (!index) return;
  const scale = `${index.minLevel} to ${index.maxLevel}`;
  const dimensions = ctx.assessedDimensions();
  for (let i = 0; i < dimensions.length; i++) {
    const d = dimensions[i]!;
    if (d.level !== undefined && !index.hasLevel(d.level)) ctx.report('level-out-of-scale', `Level ${d.level} is not on the rubric's scale (${scale}).`, ctx.at([...d.path, 'level']));
    if (d.target === undefined) continue;
    if (d.target < index.minLevel || d.target > index.maxLevel) ctx.report('level-out-of-scale', `Target ${d.target} is not on the rubric's scale (${scale}).`, ctx.at([...d.path, 'target']));
    else if (!index.scoresFractions && !index.hasLevel(d.target)) {
      ctx.report('level-out-of-scale', `Target ${d.target} falls between levels, but ${index.method} scoring reaches whole levels only. Aim for a whole level of the scale (${scale}).`, ctx.at([...d.path, 'target']));
    }
  }
}

function checkPlan(ctx: RuleContext): void {
  const index = ctx.rubric;
  if (!index) return;
  const scale = `${index.minLevel} to ${index.maxLevel}`;
  for (const initiative of initiatives(ctx)) {
    for (const { move, path } of initiative.moves) {
      if (!index.dimensions.has(move.dimension)) continue;
      for (const key of ['from', 'to'] as const) {
        const level = move[key];
        if (level !== undefined && !index.hasLevel(level)) ctx.report('level-out-of-scale', `Level ${level} is not on the rubric's scale (${scale}).`, ctx.at([...path, key]));
      }
    }
  }
}
