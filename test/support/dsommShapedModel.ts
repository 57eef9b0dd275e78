/**
 * A full-size model in the shape of OWASP DSOMM's generated model: 5 dimensions, 19
 * sub-dimensions and 194 activities at levels 1 to 5 with the gaps the real model has, 123
 * dependencies (by uuid), placeholder texts. The documents `rubrics import dsomm` reads, and what
 * each activity is.
 */
import { pick, seededRandom } from './seededAnswers';

/** Sub-dimensions per dimension: how many activities, at which levels (the real model's gaps: no level 1 in five, no level 4 in two). */
export const DSOMM_SHAPE: readonly (readonly [number, readonly number[]])[][] = [
  [[6, [1, 2, 3, 5]], [14, [1, 2, 3, 4, 5]], [8, [1, 2, 3, 4]]],
  [[7, [1, 2, 3, 4, 5]], [17, [1, 2, 3, 4, 5]], [4, [1, 2, 3]]],
  [[9, [1, 2, 3, 4, 5]], [7, [1, 2, 3, 4, 5]], [25, [1, 2, 3, 4, 5]]],
  [[7, [1, 2, 3, 5]], [16, [1, 2, 3, 4, 5]], [7, [2, 3, 4]]],
  [[4, [2, 3, 4, 5]], [14, [1, 2, 3, 4, 5]], [9, [2, 3, 4, 5]], [7, [2, 3, 4, 5]], [16, [2, 3, 4, 5]], [12, [1, 2, 3, 4]], [5, [1, 2, 3, 4]]],
];

export interface DsommShapedActivity {
  readonly name: string;
  readonly uuid: string;
  readonly dimension: number;
  readonly sub: string;
  readonly level: number;
}

export function dsommShapedModel(): { documents: unknown[]; activities: DsommShapedActivity[]; links: number } {
  const shapeRandom = seededRandom(2026);
  const model: Record<string, Record<string, Record<string, Record<string, unknown>>>> = {};
  const activities: DsommShapedActivity[] = [];
  let links = 0;
  DSOMM_SHAPE.forEach((subs, di) => {
    const dimension: Record<string, Record<string, Record<string, unknown>>> = {};
    model[`Dimension ${di + 1}`] = dimension;
    subs.forEach(([count, levels], si) => {
      const sub = `Sub-dimension ${di + 1}.${si + 1}`;
      dimension[sub] = {};
      for (let i = 0; i < count; i++) {
        const level = i < levels.length ? (levels[i] as number) : pick(shapeRandom, levels);
        const name = `Activity ${di + 1}.${si + 1}.${i + 1}`;
        const uuid = `00000000-0000-4000-8000-${String(activities.length).padStart(12, '0')}`;
        // Dependencies only on activities made before, so there is no cycle; about 123 in all.
        const dependsOn = activities.length > 0 && links < 123 && shapeRandom() < 0.7 ? [pick(shapeRandom, activities).uuid] : [];
        links += dependsOn.length;
        dimension[sub][name] = { uuid, risk: 'Placeholder.', measure: `Do ${name}.`, level, ...(dependsOn.length ? { dependsOn } : {}), tags: ['none'] };
        activities.push({ name, uuid, dimension: di, sub, level });
      }
    });
  });
  return { documents: [{ meta: { version: '4.3.1' } }, model], activities, links };
}

/** DSOMM's ladder: a sub-dimension stands at the highest level L (0 when none), up to its highest level with activities, such that every activity at L and below is implemented. */
export function dsommLadder(activities: readonly DsommShapedActivity[], sub: string, implemented: ReadonlySet<string>): number {
  const own = activities.filter((a) => a.sub === sub);
  const top = Math.max(...own.map((a) => a.level));
  let reached = 0;
  for (let level = 0; level <= top; level++) if (own.every((a) => a.level > level || implemented.has(a.uuid))) reached = level;
  return reached;
}
