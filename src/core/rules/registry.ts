import type { DocumentKind } from '../format/types';
import { answerNotInScale } from './answerNotInScale';
import { assessorsDisagree } from './assessorsDisagree';
import type { Rule, RuleContext } from './context';
import { criteriaRequired } from './criteriaRequired';
import { criterionNotAnswered } from './criterionNotAnswered';
import { dependencyCycle } from './dependencyCycle';
import { dependencyNotMet } from './dependencyNotMet';
import { dependencyOrder } from './dependencyOrder';
import { dimensionNotAssessed } from './dimensionNotAssessed';
import { duplicateId } from './duplicateId';
import { evidenceMissing } from './evidenceMissing';
import { evidenceStale } from './evidenceStale';
import { exemptionConflict } from './exemptionConflict';
import { exemptionExpired } from './exemptionExpired';
import { horizonDates } from './horizonDates';
import { horizonLength } from './horizonLength';
import { initiativeDates } from './initiativeDates';
import { invalidDate } from './invalidDate';
import { levelIgnored } from './levelIgnored';
import { levelNotRated } from './levelNotRated';
import { levelOutOfScale } from './levelOutOfScale';
import { levelScaleInvalid } from './levelScaleInvalid';
import { lowestLevelUnearned } from './lowestLevelUnearned';
import { moveFromMismatch } from './moveFromMismatch';
import { moveNotUpward } from './moveNotUpward';
import { outsideHorizon } from './outsideHorizon';
import { targetBelowCurrent } from './targetBelowCurrent';
import { unknownAnswerScale } from './unknownAnswerScale';
import { unknownAssessor } from './unknownAssessor';
import { unknownCriterion } from './unknownCriterion';
import { unknownDimension } from './unknownDimension';
import { unknownGroup } from './unknownGroup';
import { unknownInitiative } from './unknownInitiative';
import { unknownMetric } from './unknownMetric';
import { unknownSubgroup } from './unknownSubgroup';
import { unsafeLink } from './unsafeLink';

/**
 * Every rule, one per file and per code. The engine runs them after scoring, in this order, on
 * each document of a kind they check; each reads the facts and scores and recomputes nothing.
 */
export const RULES: readonly Rule[] = [
  levelScaleInvalid,
  levelOutOfScale,
  unknownGroup,
  unknownAnswerScale,
  unknownSubgroup,
  criteriaRequired,
  lowestLevelUnearned,
  duplicateId,
  unsafeLink,
  invalidDate,
  unknownDimension,
  unknownCriterion,
  unknownMetric,
  answerNotInScale,
  unknownAssessor,
  assessorsDisagree,
  levelNotRated,
  levelIgnored,
  evidenceMissing,
  evidenceStale,
  exemptionExpired,
  exemptionConflict,
  criterionNotAnswered,
  dependencyNotMet,
  dimensionNotAssessed,
  targetBelowCurrent,
  horizonDates,
  horizonLength,
  initiativeDates,
  outsideHorizon,
  unknownInitiative,
  dependencyCycle,
  dependencyOrder,
  moveNotUpward,
  moveFromMismatch,
];

const BY_KIND = new Map<DocumentKind, readonly Rule[]>((['Rubric', 'Assessment', 'Plan'] as const).map((kind) => [kind, RULES.filter((r) => r.kinds.includes(kind))]));

/**
 * Runs the rules of a document's kind. The rules that visit every dimension or answer of an
 * assessment loop by index rather than with for-of: until V8 optimizes a loop, each for-of step
 * allocates an iterator result, and in a CI run over a repository most of these loops never get
 * optimized (bench: 20 ms of a cold `validate` over 1,000 files).
 */
export function runRules(ctx: RuleContext): void {
  // Every kind of document has an entry (BY_KIND is built from all three).
  const rules = BY_KIND.get(ctx.inputs.kind)!;
  for (let i = 0; i < rules.length; i++) rules[i]!.check(ctx);
}
