/**
 * What parsing a file cost, in units that do not depend on the machine or its load. The engine
 * can hold each document to a budget in these units, and tests check that they grow linearly with
 * the text (a timed test would flake; a count does not).
 */
export interface ParseWork {
  /**
   * Characters stepped over by the scanning loops: the structure guard's pass,
   * the fast parser's (also when it gives up and the complete parser takes over), one pass for
   * the `yaml` library's lexer, and the conversion's own look-arounds. A character read twice
   * counts twice, so a loop that rescans the text shows up here.
   */
  readonly charactersScanned: number;
  /** Values built: each scalar, map and sequence written in the text, once. */
  readonly nodesBuilt: number;
  /**
   * Values that aliases and merge keys stand for, counted at each use: an alias of a map with
   * four scalar values adds five. The alias guard (YAML_LIMITS.maxExpandedNodes) bounds these.
   */
  readonly aliasExpansions: number;
}

/** One number for a budget: the sum of the three counts. */
export function workUnits(work: ParseWork): number {
  return work.charactersScanned + work.nodesBuilt + work.aliasExpansions;
}

/** The mutable tally the parsers add to while they run; `snapshot` freezes it for the result. */
export class WorkCounter implements ParseWork {
  charactersScanned = 0;
  nodesBuilt = 0;
  aliasExpansions = 0;

  snapshot(): ParseWork {
    return { charactersScanned: this.charactersScanned, nodesBuilt: this.nodesBuilt, aliasExpansions: this.aliasExpansions };
  }

  /** What was counted since `before` (an earlier snapshot): one document's share of a file's work. */
  since(before: ParseWork): ParseWork {
    return {
      charactersScanned: this.charactersScanned - before.charactersScanned,
      nodesBuilt: this.nodesBuilt - before.nodesBuilt,
      aliasExpansions: this.aliasExpansions - before.aliasExpansions,
    };
  }
}

/** No work: an empty document that nothing was read for. */
export const NO_WORK: ParseWork = { charactersScanned: 0, nodesBuilt: 0, aliasExpansions: 0 };
