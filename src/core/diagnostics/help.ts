import type { DiagnosticCode } from './codes';

/**
 * What to do about each diagnostic, one or two sentences: SARIF's full description of a rule, and
 * the README table's last column (scripts/sync-readme.mjs). A Record, so a new code cannot go
 * without its help.
 */
export const DIAGNOSTIC_HELP: Readonly<Record<DiagnosticCode, string>> = {
  'yaml-syntax': 'Fix the YAML at the position shown: an indentation step, a missing colon or an unclosed quote is the usual cause.',
  'yaml-duplicate-key': 'Keep one of the two keys; YAML readers disagree on which one wins, so neither is read.',
  'yaml-alias-limit': 'Write the values out instead of reusing them through anchors and aliases.',
  'yaml-too-deep': 'Flatten the nesting; rubric files never need more than a few levels.',
  'yaml-too-large': 'Split the file into several files, for example one assessment per file.',
  'yaml-unsupported': 'Write the value as plain YAML: no custom tags, and keys that are plain strings.',
  'document-not-mapping': 'Start the document with apiVersion: rubrics-as-code/v1 and a kind, as keys of a map.',
  'unknown-api-version': 'Set apiVersion: rubrics-as-code/v1.',
  'unknown-kind': 'Set kind to Rubric, Assessment or Plan.',
  'schema-required': 'Add the key named in the message, at the place shown.',
  'schema-type': 'Write the value with the type the message names (a number, a list, a map, text).',
  'schema-enum': 'Use one of the values the message lists.',
  'schema-pattern': 'Write the value in the form the message names: ids in kebab-case, dates as YYYY-MM-DD, versions as 1.2.3.',
  'schema-unknown-key': 'Remove the key, or fix its spelling to one the format defines (the message suggests the closest).',
  'schema-range': 'Bring the number, the length or the number of items within the range the message gives (the README lists the limits).',
  'schema-invalid': 'Change the value so that it meets the rule the message describes.',
  'invalid-date': 'Use a date that exists on the calendar.',
  'duplicate-id': 'Give each item its own id; references by id would otherwise be ambiguous.',
  'level-scale-invalid': 'List the levels lowest first, counting up by one (1, 2, 3 or 0, 1, 2, 3).',
  'level-out-of-scale': 'Use a level from the rubric\u2019s scale, which the message lists.',
  'unknown-group': 'Name a group the rubric defines under groups, or add the group.',
  'unknown-answer-scale': 'Name an answer scale the rubric defines under answerScales, or yes-no.',
  'unknown-subgroup': 'Name a sub-group the dimension defines under subgroups, or add the sub-group.',
  'criteria-required': 'Add criteria to the dimension, or score the rubric with the rated method.',
  'lowest-level-unearned': 'Add a level below the lowest (on a scale from 1: - { level: 0 }; a name is optional) so that the criteria\u2019s level must be earned; on a scale from 0, move them up a level.',
  'rubric-not-found': 'Fix the rubric reference: a path relative to this file, path#rubric-id, a rubric id in this file, or a built-in id.',
  'rubric-invalid': 'Fix the rubric\u2019s own errors first; until then nothing can be checked or scored against it.',
  'baseline-not-found': 'Fix the baseline reference: a path to an assessment file relative to this plan, or an assessment id in this file.',
  'baseline-rubric-mismatch': 'Use a baseline scored against the plan\u2019s rubric, or change the plan\u2019s rubric to the baseline\u2019s.',
  'unknown-dimension': 'Use a dimension id of the rubric (the message suggests the closest), or add the dimension to the rubric.',
  'unknown-criterion': 'Use a criterion id the rubric defines: of this dimension for an answer, of any dimension for a dependency (the message suggests the closest).',
  'unknown-metric': 'Use a metric id this dimension defines in the rubric.',
  'answer-not-in-scale': 'Answer with a value of the criterion\u2019s answer scale, which the message lists.',
  'level-not-rated': 'Give the dimension a level, or mark it not applicable.',
  'level-ignored': 'Remove the level: this rubric computes levels from the answers.',
  'target-below-current': 'Raise the target to the current level or above, or remove it.',
  'evidence-missing': 'Add evidence (a link or a titled link) to the answer, or change the answer.',
  'evidence-stale': 'Renew the evidence and its asOf date, or replace it with current evidence; where the rubric sets staleEvidence: noCredit, the answer earns credit again once its evidence is current.',
  'exemption-expired': 'Renew the exemption with a new expiry date and approver, or answer the item.',
  'exemption-conflict': 'Keep either the answer or the not-applicable mark or exemption, not both.',
  'unsafe-link': 'Use a web or mail address, a link within the page, or a path relative to the file.',
  'dimension-not-assessed': 'Assess the dimension, or mark it not applicable with a reason.',
  'criterion-not-answered': 'Answer the criterion, or mark it not applicable; unanswered it counts as no credit.',
  'dependency-not-met': 'Meet the criteria this one depends on first, or correct the answer if it claims too much.',
  'unknown-initiative': 'Depend on the id of an initiative of this plan.',
  'dependency-cycle': 'Remove one of the dependencies so that the initiatives, or the criteria, can be ordered.',
  'dependency-order': 'End the initiative after the ones it depends on, or drop the dependency.',
  'initiative-dates': 'Make the end date the same as or later than the start date.',
  'outside-horizon': 'Move the initiative within the plan\u2019s horizon, or widen the horizon.',
  'horizon-dates': 'Make the horizon\u2019s end later than its start.',
  'horizon-length': 'Check the horizon; programmes of this kind usually run 24 to 36 months.',
  'move-not-upward': 'Make the move raise the level (to above from), or remove it.',
  'move-from-mismatch': 'Start the move from the baseline\u2019s level, or update the baseline.',
  'too-many-problems': 'Fix the problems shown to see the rest.',
  'budget-exceeded': 'Write out what the document repeats through aliases, or split it into several documents.',
  'internal-error': 'Report it with the file; the language server\u2019s log has the details. Edit or reopen the file to check it again.',
  'reference-outside-workspace': 'Keep the referenced file in the repository or workspace, or allow its folder: --allow-outside in the CLI, rubrics.references.allowOutside in the editor.',
  'file-outside-workspace': 'Keep the files to check in the repository or workspace, not behind a link that leaves it, or allow the folder the link leads to: --allow-outside in the CLI, rubrics.references.allowOutside in the editor.',
  'empty-file': 'Write the file\u2019s document, or delete the file.',
};

/** Where the README explains a code: the row of its table, by the code's own anchor. */
export function diagnosticHelpUri(code: DiagnosticCode): string {
  return `https://github.com/rubrics-as-code/rubrics-as-code/blob/main/README.md#${code}`;
}
