import { countOf } from '../text/plural';
import type { Rule } from './context';
import { ownMethod, ownScale } from './support/rubricScale';

/**
 * With gated scoring every dimension starts at the bottom of the scale, so criteria placed there
 * cannot earn it: an empty assessment already shows that level. The cure is a level below.
 */
export const lowestLevelUnearned: Rule = {
  code: 'lowest-level-unearned',
  kinds: ['Rubric'],
  check(ctx) {
    if (ownMethod(ctx) !== 'gated') return;
    const scale = ownScale(ctx);
    if (!scale) return;
    let count = 0;
    for (const d of ctx.maps(['dimensions'])) for (const c of ctx.items<{ level: number }>([...d.path, 'criteria'])) if (c.value.level === scale.min) count++;
    if (count === 0) return;
    const term = (ctx.read<string>(['terms', 'criterion']) ?? 'criterion').toLowerCase();
    const below = scale.min - 1;
    ctx.report(
      'lowest-level-unearned',
      `${countOf(count, term)} ${count === 1 ? 'is' : 'are'} at level ${scale.min}, the bottom of the scale. With gated scoring every dimension starts there, so an assessment with nothing met already shows level ${scale.min}, and these cannot earn it. ${below >= 0 ? `Add a level ${below} below it ("- { level: ${below} }"; a name is optional), so that level ${scale.min} must be earned.` : 'Move them up a level.'}`,
      ctx.at(['levels', 0, 'level']),
    );
  },
};
