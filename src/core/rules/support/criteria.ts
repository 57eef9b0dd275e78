import type { Path } from '../../document/located';
import { DEFAULT_TERMS } from '../../domain/terms';
import type { RuleContext } from '../context';

/** A criterion of a rubric document as far as it passed the schema: its place, what it depends on and what it is related to. */
export interface RubricCriterionNode {
  readonly path: Path;
  readonly dimensionId?: string;
  readonly dependsOn: readonly { readonly target: string; readonly path: Path }[];
  /** Advisory links (`related`): checked to name criteria, never for order or credit. */
  readonly related: readonly { readonly target: string; readonly path: Path }[];
}

export interface RubricDependencies {
  /** Criteria by id (the first of each id), in rubric order. */
  readonly criteria: ReadonlyMap<string, RubricCriterionNode>;
  /** Whether any criterion names a dependency. */
  readonly any: boolean;
  /** Whether any criterion names a related criterion. */
  readonly anyRelated: boolean;
  /** What the rubric calls a criterion. */
  readonly term: string;
}

const read = new WeakMap<RuleContext, RubricDependencies>();

/** The criteria of a rubric document and their dependencies, read once for the rules that need them. */
export function rubricDependencies(ctx: RuleContext): RubricDependencies {
  let graph = read.get(ctx);
  if (!graph) {
    const criteria = new Map<string, RubricCriterionNode>();
    let any = false;
    let anyRelated = false;
    for (const dimension of ctx.maps(['dimensions'])) {
      const dimensionId = ctx.read<string>([...dimension.path, 'id']);
      for (const criterion of ctx.maps([...dimension.path, 'criteria'])) {
        const id = ctx.read<string>([...criterion.path, 'id']);
        if (id === undefined || criteria.has(id)) continue;
        const dependsOn = ctx.items<string>([...criterion.path, 'dependsOn']).map((d) => ({ target: d.value, path: d.path }));
        const related = ctx.items<string>([...criterion.path, 'related']).map((d) => ({ target: d.value, path: d.path }));
        if (dependsOn.length) any = true;
        if (related.length) anyRelated = true;
        criteria.set(id, { path: criterion.path, ...(dimensionId !== undefined ? { dimensionId } : {}), dependsOn, related });
      }
    }
    graph = { criteria, any, anyRelated, term: ctx.read<string>(['terms', 'criterion']) ?? DEFAULT_TERMS.criterion };
    read.set(ctx, graph);
  }
  return graph;
}
