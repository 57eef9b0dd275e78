import type { ResolvedRubric } from '../engine';
import type { Criterion, Dimension, LevelDefinition, Metric } from '../format/types';
import { asArray, asString, dig } from './snapshot';

/**
 * What the language features read from a rubric: from the referenced (valid) rubric through
 * its index, or from the rubric document being edited, which may be incomplete, so every field
 * is read defensively.
 */

export interface LevelFact {
  readonly level: number;
  readonly name?: string;
  readonly description?: string;
}

export function levelsOf(rubric: ResolvedRubric | undefined): LevelFact[] {
  return (rubric?.index.rubric.levels ?? []).map((l: LevelDefinition) => ({ level: l.level, name: l.name, ...(l.description ? { description: l.description } : {}) }));
}

/** Levels a rubric document under edit defines so far. */
export function ownLevels(rubricValue: unknown): LevelFact[] {
  const levels: LevelFact[] = [];
  for (const item of asArray(dig(rubricValue, 'levels'))) {
    const level = dig(item, 'level');
    if (typeof level !== 'number') continue;
    const name = asString(dig(item, 'name'));
    const description = asString(dig(item, 'description'));
    levels.push({ level, ...(name ? { name } : {}), ...(description ? { description } : {}) });
  }
  return levels;
}

export function dimensionOf(rubric: ResolvedRubric | undefined, id: unknown): Dimension | undefined {
  return typeof id === 'string' ? rubric?.index.dimensions.get(id) : undefined;
}

export function criterionOf(rubric: ResolvedRubric | undefined, dimensionId: unknown, criterionId: unknown): Criterion | undefined {
  const dimension = dimensionOf(rubric, dimensionId);
  return dimension?.criteria?.find((c) => c.id === criterionId);
}

export function metricOf(rubric: ResolvedRubric | undefined, dimensionId: unknown, metricId: unknown): Metric | undefined {
  return dimensionOf(rubric, dimensionId)?.metrics?.find((m) => m.id === metricId);
}

/** Index of a dimension in the rubric's list, to locate it in the rubric's text. */
export function dimensionPosition(rubric: ResolvedRubric, id: string): number {
  return rubric.index.rubric.dimensions.findIndex((d) => d.id === id);
}

/** A dimension's own words for a level (`levels: {3: ...}`), if it has them. */
export function descriptor(dimension: Dimension | undefined, level: number): string | undefined {
  const levels = dimension?.levels;
  if (!levels) return undefined;
  return levels[String(level)];
}

/** Ids of items in a list of maps under edit (`groups`, `initiatives`...). */
export function idsIn(list: unknown): { id: string; title?: string; index: number }[] {
  const out: { id: string; title?: string; index: number }[] = [];
  asArray(list).forEach((item, index) => {
    const id = asString(dig(item, 'id'));
    const title = asString(dig(item, 'title'));
    if (id) out.push({ id, ...(title ? { title } : {}), index });
  });
  return out;
}
