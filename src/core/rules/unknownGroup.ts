import type { Rule } from './context';

/** A dimension's group is one the rubric defines. */
export const unknownGroup: Rule = {
  code: 'unknown-group',
  kinds: ['Rubric'],
  check(ctx) {
    const ids: string[] = [];
    for (const group of ctx.maps(['groups'])) {
      const id = ctx.read<string>([...group.path, 'id']);
      if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
    for (const dimension of ctx.maps(['dimensions'])) {
      const group = ctx.read<string>([...dimension.path, 'group']);
      if (group === undefined || ids.includes(group)) continue;
      ctx.reportUnknownId(
        'unknown-group',
        ids.length ? `No group has the id "${group}".` : `This rubric defines no groups, so "${group}" cannot be one. Add it under "groups".`,
        ctx.at([...dimension.path, 'group']),
        group,
        ids,
      );
    }
  },
};
