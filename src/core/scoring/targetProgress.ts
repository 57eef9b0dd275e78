/**
 * How far a unit has come towards its targets, in the two measures OWASP SAMM's toolbox reports:
 * the percentage to target (how much of the way from the bottom of the scale to the targets the
 * scores cover now) and the progress to date (how much of an earlier assessment's distance to
 * those targets has been closed since). Pure over dimension scores; the portfolio shows both.
 */

/** A dimension as these measures read it: its score when scored, and its target when set. */
export interface TargetedScore {
  readonly id: string;
  readonly score?: number;
  readonly target?: number;
}

/**
 * Over the scored dimensions that set a target above the bottom of the scale: the sum of each
 * one's score (capped at its target) above the bottom, over the sum of its targets above the
 * bottom. 1 when every target is met; undefined when no scored dimension sets such a target.
 */
export function percentToTarget(dimensions: readonly TargetedScore[], minLevel: number): number | undefined {
  let covered = 0;
  let distance = 0;
  for (const d of dimensions) {
    if (d.score === undefined || d.target === undefined) continue;
    // Stryker disable next-line EqualityOperator: a target at the bottom adds 0 to both sums, so skipping it (<=) or counting it (<) gives the same share
    if (d.target <= minLevel) continue;
    covered += Math.max(0, Math.min(d.score, d.target) - minLevel);
    distance += d.target - minLevel;
  }
  return distance > 0 ? covered / distance : undefined;
}

/**
 * The share of the gap to today's targets that an earlier assessment (`earlier`: score by
 * dimension id) left and that has been closed since: over the dimensions scored at both dates
 * with a target today, (gap then − gap now) / gap then. Negative when scores went down; undefined
 * when there was no gap then (nothing to close) or nothing to compare.
 */
export function progressSince(earlier: ReadonlyMap<string, number>, now: readonly TargetedScore[]): number | undefined {
  let before = 0;
  let after = 0;
  for (const d of now) {
    const then = earlier.get(d.id);
    if (d.score === undefined || d.target === undefined || then === undefined) continue;
    before += Math.max(0, d.target - then);
    after += Math.max(0, d.target - d.score);
  }
  return before > 0 ? (before - after) / before : undefined;
}
