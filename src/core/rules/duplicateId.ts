import type { Rule, RuleContext } from './context';
import { initiatives } from './support/plan';

/** Ids that others refer to are unique: groups, dimensions, criteria (across the rubric), sub-groups and metrics (per dimension), answers (per scale), initiatives. */
export const duplicateId: Rule = {
  code: 'duplicate-id',
  kinds: ['Rubric', 'Plan'],
  check(ctx) {
    if (ctx.inputs.kind === 'Plan') checkPlan(ctx);
    else checkRubric(ctx);
  },
};

/** Where a criterion id was first used, seen from the dimension (at `here` in the list) that uses it again. */
function firstUse(owner: { dimension: number; dimensionId: string | undefined }, here: number): string {
  if (owner.dimension === here) return 'in this dimension';
  return owner.dimensionId !== undefined ? `in "${owner.dimensionId}"` : `in dimension ${owner.dimension + 1}, which has no id`;
}

function checkRubric(ctx: RuleContext): void {
  for (const name of ctx.keys(['answerScales'])) {
    const seen = new Map<string, number>();
    for (const answer of ctx.items<{ value: string }>(['answerScales', name, 'answers'])) {
      const previous = seen.get(answer.value.value);
      if (previous !== undefined) {
        ctx.report('duplicate-id', `The answer "${answer.value.value}" appears twice in the "${name}" scale (entries ${previous + 1} and ${answer.index + 1}).`, ctx.at([...answer.path, 'value']));
      } else seen.set(answer.value.value, answer.index);
    }
  }
  const groups = new Set<string>();
  for (const group of ctx.maps(['groups'])) {
    const id = ctx.read<string>([...group.path, 'id']);
    if (id === undefined) continue;
    if (groups.has(id)) ctx.report('duplicate-id', `Another group already has the id "${id}"; group ids must be unique.`, ctx.at([...group.path, 'id']));
    else groups.add(id);
  }
  const dimensions = new Set<string>();
  // Where each criterion id was first seen: its dimension's place in the list, and its id if it has one.
  const criteria = new Map<string, { dimension: number; dimensionId: string | undefined }>();
  for (const dimension of ctx.maps(['dimensions'])) {
    const id = ctx.read<string>([...dimension.path, 'id']);
    if (id !== undefined) {
      if (dimensions.has(id)) ctx.report('duplicate-id', `Another dimension already has the id "${id}"; dimension ids must be unique.`, ctx.at([...dimension.path, 'id']));
      else dimensions.add(id);
    }
    for (const criterion of ctx.maps([...dimension.path, 'criteria'])) {
      const criterionId = ctx.read<string>([...criterion.path, 'id']);
      if (criterionId === undefined) continue;
      const owner = criteria.get(criterionId);
      if (owner !== undefined) {
        ctx.report('duplicate-id', `The criterion id "${criterionId}" is already used ${firstUse(owner, dimension.index)}; criterion ids must be unique in the rubric.`, ctx.at([...criterion.path, 'id']));
      } else criteria.set(criterionId, { dimension: dimension.index, dimensionId: id });
    }
    const subgroups = new Set<string>();
    for (const subgroup of ctx.maps([...dimension.path, 'subgroups'])) {
      const subgroupId = ctx.read<string>([...subgroup.path, 'id']);
      if (subgroupId === undefined) continue;
      if (subgroups.has(subgroupId)) ctx.report('duplicate-id', `Another sub-group of this dimension has the id "${subgroupId}".`, ctx.at([...subgroup.path, 'id']));
      subgroups.add(subgroupId);
    }
    const metrics = new Set<string>();
    for (const metric of ctx.maps([...dimension.path, 'metrics'])) {
      const metricId = ctx.read<string>([...metric.path, 'id']);
      if (metricId === undefined) continue;
      if (metrics.has(metricId)) ctx.report('duplicate-id', `Another metric of this dimension has the id "${metricId}".`, ctx.at([...metric.path, 'id']));
      metrics.add(metricId);
    }
  }
}

function checkPlan(ctx: RuleContext): void {
  const seen = new Set<string>();
  for (const initiative of initiatives(ctx)) {
    if (initiative.id === undefined) continue;
    if (seen.has(initiative.id)) ctx.report('duplicate-id', `Another initiative already has the id "${initiative.id}"; initiative ids must be unique.`, ctx.at([...initiative.path, 'id']));
    else seen.add(initiative.id);
  }
}
