import type { AnswerEntry, Assessment, DimensionResult } from '../format/types';

/**
 * Inherited answers. An assessment may name another it builds on (`inherits:`, a platform or a
 * shared-service unit): its base's answers count where it does not answer itself. Per criterion,
 * an own answer wins; a dimension it does not write at all is taken from its base whole (its
 * answers, its rated level, its evidence, and whether it is not applicable or exempt; not the
 * base's target, notes or metrics, which are the base's own); a dimension it marks not
 * applicable or exempt takes nothing. A base may inherit in turn: what it inherited passes on,
 * still named after the assessment that wrote it.
 *
 * The engine resolves the reference and checks the chain (no cycle, not too long, one rubric);
 * this module says what the inheriting assessment then counts, and where each part came from.
 */

/** How many assessments deep a chain of bases may go. */
export const MAX_INHERITANCE_DEPTH = 8;

/** An assessment as it counts: its data with its bases' parts filled in, and where they came from. */
export interface EffectiveAssessment {
  readonly data: Assessment;
  readonly inherited: InheritedParts;
}

/** What an assessment takes from its bases, each part named after the file that wrote it (its URI). */
export interface InheritedParts {
  /** Dimensions it does not write, taken whole. */
  readonly dimensions: ReadonlyMap<string, string>;
  /** Answers it does not give (in dimensions it writes, or takes whole), by dimension id, then criterion id. */
  readonly answers: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Rated levels it does not give (of dimensions it writes, or takes whole). */
  readonly levels: ReadonlyMap<string, string>;
}

export const NOTHING_INHERITED: InheritedParts = { dimensions: new Map(), answers: new Map(), levels: new Map() };

/** An assessment that inherits nothing, as it counts. */
export function ownAssessment(data: Assessment): EffectiveAssessment {
  return { data, inherited: NOTHING_INHERITED };
}

/**
 * The assessment `own` with what it takes from `base` (which, as it counts, may itself hold parts
 * of its own bases); `baseUri` names the base's file, for the parts the base wrote itself.
 */
export function inheritFrom(own: Assessment, base: EffectiveAssessment, baseUri: string): EffectiveAssessment {
  const dimensions: Record<string, DimensionResult> = Object.create(null);
  const inheritedDimensions = new Map<string, string>();
  const inheritedAnswers = new Map<string, Map<string, string>>();
  const inheritedLevels = new Map<string, string>();
  const writer = (part: string | undefined) => part ?? baseUri;
  for (const [id, result] of Object.entries(own.dimensions)) dimensions[id] = result;
  for (const [id, baseResult] of Object.entries(base.data.dimensions)) {
    const result = dimensions[id];
    const baseFrom = base.inherited.dimensions.get(id);
    if (result === undefined) {
      dimensions[id] = wholeDimension(baseResult);
      inheritedDimensions.set(id, writer(baseFrom));
      // Each answer of it is named after the assessment that wrote it, which need not be the one that wrote the dimension.
      const from = new Map(Object.keys(baseResult.answers ?? {}).map((criterion) => [criterion, writer(base.inherited.answers.get(id)?.get(criterion) ?? baseFrom)] as const));
      if (from.size > 0) inheritedAnswers.set(id, from);
      if (baseResult.level !== undefined) inheritedLevels.set(id, writer(base.inherited.levels.get(id) ?? baseFrom));
      continue;
    }
    // A dimension the assessment marks not applicable or exempt is its own decision: nothing comes in.
    if (result.notApplicable || result.exemption) continue;
    let merged: DimensionResult | undefined;
    if (result.level === undefined && baseResult.level !== undefined) {
      merged = { ...result, level: baseResult.level };
      inheritedLevels.set(id, writer(base.inherited.levels.get(id) ?? baseFrom));
    }
    const baseAnswers = baseResult.answers;
    if (baseAnswers) {
      const answers: Record<string, AnswerEntry> = Object.create(null);
      const from = new Map<string, string>();
      for (const [criterion, entry] of Object.entries(baseAnswers)) {
        if (result.answers?.[criterion] !== undefined) continue;
        answers[criterion] = entry;
        from.set(criterion, writer(base.inherited.answers.get(id)?.get(criterion) ?? baseFrom));
      }
      if (from.size > 0) {
        for (const [criterion, entry] of Object.entries(result.answers ?? {})) answers[criterion] = entry;
        merged = { ...(merged ?? result), answers };
        inheritedAnswers.set(id, from);
      }
    }
    if (merged) dimensions[id] = merged;
  }
  return { data: { ...own, dimensions }, inherited: { dimensions: inheritedDimensions, answers: inheritedAnswers, levels: inheritedLevels } };
}

/** A base's dimension as an inheriting assessment takes it whole: what was found, not what the base aims at. */
function wholeDimension(result: DimensionResult): DimensionResult {
  return {
    ...(result.level !== undefined ? { level: result.level } : {}),
    ...(result.answers ? { answers: result.answers } : {}),
    ...(result.evidence ? { evidence: result.evidence } : {}),
    ...(result.notApplicable ? { notApplicable: result.notApplicable } : {}),
    ...(result.exemption ? { exemption: result.exemption } : {}),
  };
}

/** Where a criterion's answer came from, when the assessment inherited it (the URI of the assessment that wrote it). */
export function inheritedAnswerFrom(parts: InheritedParts, dimension: string, criterion: string): string | undefined {
  return parts.answers.get(dimension)?.get(criterion);
}
