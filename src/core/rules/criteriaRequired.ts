import type { Rule } from './context';
import { ownMethod } from './support/rubricScale';

/** Every scoring method but `rated` computes levels from criteria, so each dimension needs some. */
export const criteriaRequired: Rule = {
  code: 'criteria-required',
  kinds: ['Rubric'],
  check(ctx) {
    const method = ownMethod(ctx);
    if (method === undefined || method === 'rated') return;
    for (const dimension of ctx.maps(['dimensions'])) {
      if (!ctx.valid([...dimension.path, 'criteria']) || ctx.maps([...dimension.path, 'criteria']).length > 0) continue;
      const title = ctx.read<string>([...dimension.path, 'title']) ?? ctx.read<string>([...dimension.path, 'id']) ?? `dimension ${dimension.index + 1}`;
      ctx.report('criteria-required', `"${title}" has no criteria, but ${method} scoring computes levels from criteria. Add criteria, or score this rubric with method "rated".`, ctx.keyAt([...dimension.path, 'id']));
    }
  },
};
