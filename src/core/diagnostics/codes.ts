import type { Severity } from './types';

interface CodeInfo {
  readonly severity: Severity;
  /** One line: what the rule checks. Used in SARIF rule metadata and the README. */
  readonly summary: string;
}

/**
 * Every diagnostic the engine emits. Codes are stable: CI configurations, suppressions and the
 * expected-problem comments in samples/invalid/ refer to them. Add new codes; never rename.
 */
export const DIAGNOSTIC_CODES = {
  'yaml-syntax': { severity: 'error', summary: 'The text is not valid YAML.' },
  'yaml-duplicate-key': { severity: 'error', summary: 'A key appears twice in the same map.' },
  'yaml-alias-limit': { severity: 'error', summary: 'Aliases expand to too many values (a "billion laughs" document).' },
  'yaml-too-deep': { severity: 'error', summary: 'The YAML nests deeper than the engine accepts.' },
  'yaml-too-large': { severity: 'error', summary: 'The file is larger than the engine reads.' },
  'yaml-unsupported': { severity: 'error', summary: 'A YAML feature that rubric files cannot use here.' },
  'document-not-mapping': { severity: 'error', summary: 'A document must be a map with apiVersion and kind.' },
  'unknown-api-version': { severity: 'error', summary: 'The apiVersion is missing or not one this tool reads.' },
  'unknown-kind': { severity: 'error', summary: 'The kind is missing or not Rubric, Assessment or Plan.' },
  'schema-required': { severity: 'error', summary: 'A required key is missing.' },
  'schema-type': { severity: 'error', summary: 'A value has the wrong type.' },
  'schema-enum': { severity: 'error', summary: 'A value is not one of the allowed values.' },
  'schema-pattern': { severity: 'error', summary: 'A value does not have the required form (ids, dates, versions).' },
  'schema-unknown-key': { severity: 'error', summary: 'A key the format does not define.' },
  'schema-range': { severity: 'error', summary: 'A number, a length or a count of items is outside its allowed range.' },
  'schema-invalid': { severity: 'error', summary: 'A value breaks another rule of the schema.' },
  'invalid-date': { severity: 'error', summary: 'A date has the right form but does not exist.' },
  'duplicate-id': { severity: 'error', summary: 'Two items share an id that must be unique.' },
  'level-scale-invalid': { severity: 'error', summary: 'Levels must be listed lowest first and count up by one.' },
  'level-out-of-scale': { severity: 'error', summary: 'A level is not on the rubric\u2019s scale.' },
  'unknown-group': { severity: 'error', summary: 'A dimension names a group the rubric does not define.' },
  'unknown-answer-scale': { severity: 'error', summary: 'A criterion names an answer scale the rubric does not define.' },
  'unknown-subgroup': { severity: 'error', summary: 'A criterion names a sub-group its dimension does not define.' },
  'criteria-required': { severity: 'error', summary: 'The scoring method needs criteria, and a dimension has none.' },
  'lowest-level-unearned': { severity: 'warning', summary: 'Gated criteria at the bottom of the scale, which every dimension has without meeting them.' },
  'rubric-not-found': { severity: 'error', summary: 'The referenced rubric cannot be found.' },
  'rubric-invalid': { severity: 'error', summary: 'The referenced rubric has errors, so this document cannot be checked against it.' },
  'baseline-not-found': { severity: 'error', summary: 'The referenced baseline assessment cannot be found.' },
  'baseline-rubric-mismatch': { severity: 'warning', summary: 'The baseline assessment uses a different rubric than the plan.' },
  'base-not-found': { severity: 'error', summary: 'The assessment this one inherits from cannot be found, read or scored.' },
  'base-rubric-mismatch': { severity: 'error', summary: 'The assessment this one inherits from is scored against another rubric.' },
  'inheritance-cycle': { severity: 'error', summary: 'Assessments inherit from each other in a circle.' },
  'inheritance-too-deep': { severity: 'error', summary: 'A chain of inherited assessments is longer than the tool follows.' },
  'unknown-dimension': { severity: 'error', summary: 'A dimension id that the rubric does not define.' },
  'unknown-criterion': { severity: 'error', summary: 'A criterion id that the dimension (for an answer) or the rubric (for a dependency) does not define.' },
  'unknown-metric': { severity: 'error', summary: 'A metric id that the dimension does not define.' },
  'answer-not-in-scale': { severity: 'error', summary: 'An answer that the criterion\u2019s answer scale does not allow.' },
  'unknown-assessor': { severity: 'error', summary: 'The adjudicator is not one of the assessors under responses.' },
  'assessors-disagree': { severity: 'warning', summary: 'Assessors answer a criterion a step or more apart on its scale, and the assessment has not settled it.' },
  'level-not-rated': { severity: 'warning', summary: 'A rated rubric needs a level for each assessed dimension.' },
  'level-ignored': { severity: 'warning', summary: 'A level given for a rubric that computes levels from answers.' },
  'target-below-current': { severity: 'warning', summary: 'A target below the current level.' },
  'evidence-missing': { severity: 'warning', summary: 'A positive answer to a criterion that requires evidence has none.' },
  'evidence-stale': { severity: 'warning', summary: 'Evidence is older than the validity the rubric or assessment sets (evidenceValidFor) on the assessment\u2019s date.' },
  'exemption-expired': { severity: 'warning', summary: 'An exemption has expired; the item counts again.' },
  'exemption-conflict': { severity: 'warning', summary: 'An item is both answered and marked not applicable or exempt.' },
  'unsafe-link': { severity: 'error', summary: 'A link uses a scheme that reports refuse (javascript:, data:, ...).' },
  'dimension-not-assessed': { severity: 'information', summary: 'A dimension of the rubric that the assessment does not cover.' },
  'criterion-not-answered': { severity: 'information', summary: 'A criterion of an assessed dimension has no answer; it counts as no credit.' },
  'dependency-not-met': { severity: 'warning', summary: 'A criterion earns credit while a criterion it depends on is not met.' },
  'unknown-initiative': { severity: 'error', summary: 'An initiative depends on an id that does not exist.' },
  'dependency-cycle': { severity: 'error', summary: 'Initiatives, or criteria, depend on each other in a cycle.' },
  'dependency-order': { severity: 'warning', summary: 'An initiative ends before an initiative it depends on.' },
  'initiative-dates': { severity: 'error', summary: 'An initiative ends before it starts.' },
  'outside-horizon': { severity: 'warning', summary: 'An initiative starts or ends outside the plan\u2019s horizon.' },
  'horizon-dates': { severity: 'error', summary: 'The plan\u2019s horizon ends before it starts.' },
  'horizon-length': { severity: 'information', summary: 'The horizon is far from the 24 to 36 months such programmes usually take.' },
  'move-not-upward': { severity: 'warning', summary: 'A move that does not raise the level.' },
  'move-from-mismatch': { severity: 'warning', summary: 'A move starts from a level other than the baseline\u2019s.' },
  'too-many-problems': { severity: 'information', summary: 'More problems than the per-file cap; the rest are not shown.' },
  'budget-exceeded': { severity: 'error', summary: 'Checking a document needed more work than its budget; it was not fully checked.' },
  'internal-error': { severity: 'error', summary: 'Checking the file failed because of a bug in rubrics; the problems shown may be out of date.' },
  'reference-outside-workspace': { severity: 'error', summary: 'A reference points outside the repository or workspace (or links out of it), so it was not read.' },
  'file-outside-workspace': { severity: 'error', summary: 'A file or folder to check lies outside the repository or workspace (or links out of it, or into .git), so it was not read.' },
  'empty-file': { severity: 'error', summary: 'The file holds no document: it is empty, or holds only document markers (---).' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function defaultSeverity(code: DiagnosticCode): Severity {
  return DIAGNOSTIC_CODES[code].severity;
}
