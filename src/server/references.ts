import { rubricUsers, type FileAnalysis, type Range, type ResolvedRubric } from './core';

/** A rubric itself, or a dimension or criterion of it, by its id, as the target of "find all references". */
export interface RubricItem {
  readonly rubricUri: string;
  readonly rubricId: string;
  readonly kind: 'rubric' | 'dimension' | 'criterion';
  readonly id: string;
  /** For a criterion: the dimension it belongs to. */
  readonly dimensionId?: string;
  /** Where the rubric defines it (the id's value). */
  readonly definition: Range;
}

/** The dimension or criterion whose definition is at `range` in a rubric (what go to definition landed on). */
export function itemDefinedAt(rubric: ResolvedRubric, range: Range): RubricItem | undefined {
  return itemsOf(rubric).find((item) => item.definition.start <= range.start && range.end <= item.definition.end);
}

/** The dimension or criterion whose id the offset is on, in a rubric document of the analysis. */
export function itemAtRubricOffset(analysis: FileAnalysis, offset: number): RubricItem | undefined {
  for (const doc of analysis.documents) {
    if (doc.kind !== 'Rubric' || !doc.rubricIndex) continue;
    const rubric: ResolvedRubric = { uri: analysis.uri, documentIndex: doc.index, text: analysis.text, parsed: doc.parsed, index: doc.rubricIndex, builtin: false };
    const found = itemsOf(rubric).find((item) => item.definition.start <= offset && offset <= item.definition.end);
    if (found) return found;
  }
  return undefined;
}

function itemsOf(rubric: ResolvedRubric): RubricItem[] {
  const items: RubricItem[] = [];
  const base = { rubricUri: rubric.uri, rubricId: rubric.index.rubric.id };
  const idAt = rubric.parsed.locate(['id']).value;
  if (idAt) items.push({ ...base, kind: 'rubric', id: rubric.index.rubric.id, definition: idAt });
  rubric.index.rubric.dimensions.forEach((dimension, i) => {
    const at = rubric.parsed.locate(['dimensions', i, 'id']).value;
    if (at) items.push({ ...base, kind: 'dimension', id: dimension.id, definition: at });
    (dimension.criteria ?? []).forEach((criterion, j) => {
      const criterionAt = rubric.parsed.locate(['dimensions', i, 'criteria', j, 'id']).value;
      if (criterionAt) items.push({ ...base, kind: 'criterion', id: criterion.id, dimensionId: dimension.id, definition: criterionAt });
    });
  });
  return items;
}

/**
 * Where a file uses the item: the document's `rubric:` reference (for the rubric itself), the
 * assessed dimension's key, the answer's key, a plan move's dimension. Only documents scored
 * against that very rubric count: the core's one answer to "what depends on this rubric", which
 * `rubrics uses` gives too.
 */
export function usesIn(analysis: FileAnalysis, item: RubricItem): Range[] {
  const ranges: Range[] = [];
  for (const doc of rubricUsers(analysis, { uri: item.rubricUri, id: item.rubricId })) {
    if (item.kind === 'rubric') {
      push(ranges, doc.parsed.locate(['rubric']).value);
      continue;
    }
    if (!doc.data) continue;
    if (doc.kind === 'Assessment') {
      const dimensions = doc.data.dimensions;
      if (item.kind === 'dimension' && item.id in dimensions) push(ranges, doc.parsed.locate(['dimensions', item.id]).key);
      const answers = item.dimensionId !== undefined ? dimensions[item.dimensionId]?.answers : undefined;
      if (item.kind === 'criterion' && item.dimensionId !== undefined && answers && item.id in answers) push(ranges, doc.parsed.locate(['dimensions', item.dimensionId, 'answers', item.id]).key);
    } else if (item.kind === 'dimension') {
      doc.data.initiatives.forEach((initiative, i) => {
        (initiative.moves ?? []).forEach((move, j) => {
          if (move.dimension === item.id) push(ranges, doc.parsed.locate(['initiatives', i, 'moves', j, 'dimension']).value);
        });
      });
    }
  }
  return ranges;
}

function push(ranges: Range[], range: Range | undefined): void {
  if (range) ranges.push(range);
}
