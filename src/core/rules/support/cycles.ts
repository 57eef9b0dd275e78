/**
 * Cycles in a graph of dependencies (initiatives of a plan, criteria of a rubric): one depth-first
 * walk in the order given, each cycle found once, on the edge that closes it. Edges to unknown
 * nodes are left to the unknown-id rules, and an edge from a node to itself to the caller, which
 * words it on its own. The walk keeps its own stack, so a chain of any length cannot overflow
 * the call stack.
 */
export interface DependencyEdge {
  readonly target: string;
}

export interface FoundCycle<E extends DependencyEdge> {
  /** The edge that closes the cycle. */
  readonly edge: E;
  /** The ids along the cycle, its first id repeated at the end. */
  readonly cycle: readonly string[];
}

/** `edgesOf` gives a known node's edges, and undefined for an id that is no node. */
export function findCycles<E extends DependencyEdge>(nodes: Iterable<string>, edgesOf: (node: string) => readonly E[] | undefined): FoundCycle<E>[] {
  const found: FoundCycle<E>[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  // Stryker disable next-line ArrayDeclaration: a cycle is cut from the path at its first id, so nothing before it could show
  const path: string[] = [];
  const frames: { id: string; edges: readonly E[]; next: number }[] = [];
  const enter = (id: string, edges: readonly E[]) => {
    state.set(id, 'visiting');
    path.push(id);
    frames.push({ id, edges, next: 0 });
  };
  for (const root of nodes) {
    const rootEdges = edgesOf(root);
    if (state.has(root) || rootEdges === undefined) continue;
    enter(root, rootEdges);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as (typeof frames)[number];
      const edge = frame.edges[frame.next++];
      if (edge === undefined) {
        frames.pop();
        path.pop();
        // Stryker disable next-line StringLiteral: any state but 'visiting' marks a node as walked
        state.set(frame.id, 'done');
        continue;
      }
      if (edge.target === frame.id) continue;
      const seen = state.get(edge.target);
      if (seen === 'visiting') found.push({ edge, cycle: [...path.slice(path.indexOf(edge.target)), edge.target] });
      else if (seen === undefined) {
        const edges = edgesOf(edge.target);
        if (edges !== undefined) enter(edge.target, edges);
      }
    }
  }
  return found;
}
