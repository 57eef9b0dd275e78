import type { Rule } from './context';

/** A criterion's sub-group is one its own dimension defines. */
export const unknownSubgroup: Rule = {
  code: 'unknown-subgroup',
  kinds: ['Rubric'],
  check(ctx) {
    const term = (ctx.read<string>(['terms', 'subgroup']) ?? 'sub-group').toLowerCase();
    for (const dimension of ctx.maps(['dimensions'])) {
      const ids: string[] = [];
      for (const subgroup of ctx.maps([...dimension.path, 'subgroups'])) {
        const id = ctx.read<string>([...subgroup.path, 'id']);
        if (id !== undefined && !ids.includes(id)) ids.push(id);
      }
      const title = ctx.read<string>([...dimension.path, 'title']) ?? ctx.read<string>([...dimension.path, 'id']) ?? `dimension ${dimension.index + 1}`;
      for (const criterion of ctx.maps([...dimension.path, 'criteria'])) {
        const subgroup = ctx.read<string>([...criterion.path, 'subgroup']);
        if (subgroup === undefined || ids.includes(subgroup)) continue;
        ctx.reportUnknownId(
          'unknown-subgroup',
          ids.length ? `"${title}" has no ${term} "${subgroup}".` : `"${title}" defines no ${term}s, so "${subgroup}" cannot be one. Add it under the dimension's "subgroups".`,
          ctx.at([...criterion.path, 'subgroup']),
          subgroup,
          ids,
        );
      }
    }
  },
};
