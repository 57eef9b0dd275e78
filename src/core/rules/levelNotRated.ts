import type { Rule } from './context';

/** A rated rubric needs a level for each assessed dimension that counts. */
export const levelNotRated: Rule = {
  code: 'level-not-rated',
  kinds: ['Assessment'],
  check(ctx) {
    const index = ctx.rubric;
    if (!index || index.method !== 'rated') return;
    const scale = `${index.minLevel} to ${index.maxLevel}`;
    const dimensions = ctx.assessedDimensions();
    for (let i = 0; i < dimensions.length; i++) {
      const d = dimensions[i]!;
      // Stryker disable next-line OptionalChaining: the assessed dimensions come from the facts, so they are there
      if (d.excluded || ctx.written([...d.path, 'level']) || ctx.inputs.facts?.inherited?.levels.has(d.id)) continue;
      ctx.report('level-not-rated', `"${d.dimension.title}" has no level. This rubric is scored by rating: give a level from ${scale}, or mark the dimension notApplicable.`, ctx.keyAt(d.path), {
        data: { missingKey: 'level', parentPath: d.path },
      });
    }
  },
};
