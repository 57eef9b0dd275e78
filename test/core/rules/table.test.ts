/**
 * Every rule tested both ways, as Spectral tests its rules: for each code, documents where it must
 * fire (with the line and column of each diagnostic) and documents where it must not. The bugs of
 * issue 7 come first where they belong (expired exemptions, the link policy).
 */
import { describe, expect, it } from 'vitest';
import type { DiagnosticCode } from '../../../src/core/diagnostics/codes';
import { RULES } from '../../../src/core/rules/registry';
import { analyzeMemory, codesAt, yaml } from '../../support/memory';
import { assessmentYaml, planYaml, rubricYaml } from '../../support/fixtures';
import { expectGolden } from '../../support/golden';

/** A gated rubric: two dimensions, one criterion requiring evidence, a coverage scale, a metric. */
const RUBRIC = rubricYaml(yaml`
  levels: [{ level: 1, name: Initial }, { level: 2, name: Managed }, { level: 3, name: Defined }]
  threshold: { level: 2 }
  answerScales:
    coverage: { answers: [{ value: none, credit: 0 }, { value: all, credit: 1 }] }
  dimensions:
    - id: intake
      title: Intake
      criteria:
        - { id: portal, text: A portal takes requests., level: 2, evidenceRequired: true }
        - { id: catalogue, text: A catalogue lists services., level: 3, answerScale: coverage }
      metrics:
        - { id: share, name: Self-service share }
    - id: knowledge
      title: Knowledge
      criteria:
        - { id: kb, text: A knowledge base exists., level: 2 }
`);

const RATED = RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nscoring: { method: rated }');
const LEVEL_SUM = RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nscoring: { method: levelSum }');

/** The desk rubric where the catalogue can only count once the portal is live (format 1.1's dependsOn). */
const DEPENDENT = RUBRIC.replace('level: 3, answerScale: coverage }', 'level: 3, answerScale: coverage, dependsOn: [portal] }');

/** An assessment of the desk rubric; `dimensions` are its lines under `dimensions:` (line 8 on). */
function assessment(dimensions: string, rubric = './desk.rubric.yaml', date = '2026-03-31'): string {
  return assessmentYaml(`dimensions:\n${dimensions}`, { rubric, date });
}

const COMPLETE = '  intake:\n    answers: { portal: { answer: yes, evidence: [https://wiki.example.com/portal] }, catalogue: all }\n  knowledge:\n    answers: { kb: yes }\n';

/** The complete assessment with its portal evidence dated `asOf`, and `header` (such as an evidenceValidFor line) before its dimensions. */
const DATED = (asOf: string, header: string) =>
  assessment(COMPLETE.replace('evidence: [https://wiki.example.com/portal]', `evidence: [{ url: https://wiki.example.com/portal, asOf: ${asOf} }]`)).replace('dimensions:\n', `${header}dimensions:\n`);

/** A plan of the desk rubric; `initiatives` are its lines under `initiatives:` (line 10 on). */
function plan(initiatives: string, horizon = { start: '2026-01-01', end: '2028-06-30' }, baseline = './base.assessment.yaml'): string {
  return planYaml(`initiatives:\n${initiatives}`, { baseline, horizon });
}

/**
 * The complete assessment with `responses` before its dimensions: two assessors who answer the
 * knowledge base `kb` (and who, with `other`, answer the intake's catalogue too), under `rule`.
 */
const RESPONDED = (kb: [string, string], rule = 'consensus: median', other = '') =>
  assessment(COMPLETE.replace('    answers: { kb: yes }\n', '')).replace(
    'dimensions:\n',
    `${rule}\nresponses:\n  ann:\n    name: Ann\n    date: 2026-03-01\n    dimensions:\n      knowledge:\n        answers: { kb: ${kb[0]} }\n${other}  bob:\n    name: Bob\n    date: 2026-03-02\n    dimensions:\n      knowledge:\n        answers: { kb: ${kb[1]} }\ndimensions:\n`,
  );

/** Three assessors under an adjudicator (cy) who answered the catalogue only: ann and cy differ on it, ann and bob on the knowledge base. */
const THREE = assessment(COMPLETE.replace(', catalogue: all', '').replace('    answers: { kb: yes }\n', '')).replace(
  'dimensions:\n',
  `consensus: adjudicator\nadjudicator: cy\nresponses:\n  ann:\n    name: Ann\n    date: 2026-03-01\n    dimensions:\n      intake:\n        answers: { catalogue: none }\n      knowledge:\n        answers: { kb: yes }\n  bob:\n    name: Bob\n    date: 2026-03-02\n    dimensions:\n      knowledge:\n        answers: { kb: no }\n  cy:\n    name: Cy\n    date: 2026-03-03\n    dimensions:\n      intake:\n        answers: { catalogue: all }\ndimensions:\n`,
);

/** An assessment of the desk rubric that inherits from the baseline assessment (base.assessment.yaml, or `files` of a case). */
const INHERITING = (dimensions: string) => assessment(dimensions).replace('subject:', 'inherits: ./base.assessment.yaml\nsubject:');

/** Assessors' answers under a 12-month validity, where the portal is answered only by cy, on evidence dated 2024-01-15. */
const STALE_BY_ASSESSOR = RESPONDED(['yes', 'yes'], 'consensus: median\nevidenceValidFor: P12M')
  .replace('\n  knowledge:\n', '\n  knowledge:\n    answers: { kb: yes }\n')
  .replace('portal: { answer: yes, evidence: [https://wiki.example.com/portal] }, ', '')
  .replace('  bob:\n', '  cy:\n    name: Cy\n    date: 2026-03-03\n    dimensions:\n      intake:\n        answers: { portal: { answer: yes, evidence: [{ url: ./old.md, asOf: 2024-01-15 }] } }\n  bob:\n');

/** Two assessors who answer yes to the portal (which requires evidence) and give none; `own` is the start of the assessment's own intake answers. */
const PORTAL_BY_ASSESSORS = (own: string) =>
  assessment(`  intake:\n    answers: { ${own}catalogue: all }\n  knowledge:\n    answers: { kb: yes }\n`).replace(
    'dimensions:\n',
    'consensus: median\nresponses:\n  ann:\n    name: Ann\n    date: 2026-03-01\n    dimensions:\n      intake:\n        answers: { portal: yes }\n  bob:\n    name: Bob\n    date: 2026-03-02\n    dimensions:\n      intake:\n        answers: { portal: yes }\ndimensions:\n',
  );

const BASELINE = assessment('  intake:\n    answers: { portal: { answer: yes, evidence: [./e.md] }, catalogue: none }\n  knowledge:\n    answers: { kb: no }\n');

const one = (id: string, extra = '') => `  - { id: ${id}, title: ${id}, start: 2026-02-01, end: 2026-12-31${extra} }\n`;

interface Case {
  readonly name: string;
  /** The file checked (as entry.yaml), next to the desk rubric and a baseline assessment. */
  readonly text: string;
  readonly files?: Record<string, string>;
  /**
   * Where the code must be reported: for each diagnostic, text of the document at which it starts
   * (the first occurrence; a `|` in it marks the exact place). Empty for a case where it must not fire.
   */
  readonly at: readonly string[];
  /** What each diagnostic hands the editor's quick fixes and the reports (its `data`), where the rule gives any. */
  readonly data?: readonly Record<string, unknown>[];
  /** Each diagnostic's quick fixes (without their ranges), where the rule offers any. */
  readonly fixes?: readonly { title: string; replacement: string }[][];
}

/** line:column of a needle (see Case.at) in a text. */
function place(text: string, needle: string): string {
  const bar = needle.indexOf('|');
  const plain = needle.replace('|', '');
  const found = text.indexOf(plain);
  if (found < 0) throw new Error(`"${plain}" is not in the document`);
  const offset = found + Math.max(0, bar);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before[before.length - 1] as string).length + 1}`;
}

const fires = (name: string, text: string, at: string[], extra: Partial<Case> = {}): Case => ({ name, text, at, ...extra });
const silent = (name: string, text: string, extra: Partial<Case> = {}): Case => ({ name, text, at: [], ...extra });

const TABLE: Partial<Record<DiagnosticCode, readonly Case[]>> = {
  'level-scale-invalid': [
    fires('a gap in the scale', RUBRIC.replace('{ level: 3, name: Defined }', '{ level: 4, name: Defined }'), ['level: |4, name: Defined']),
    fires('a level listed twice', RUBRIC.replace('{ level: 3, name: Defined }', '{ level: 2, name: Defined }'), ['level: |2, name: Defined']),
    silent('levels counting up by one', RUBRIC),
  ],
  'level-out-of-scale': [
    fires('a criterion and a threshold off the scale', RUBRIC.replace('level: 3, answerScale', 'level: 7, answerScale').replace('threshold: { level: 2 }', 'threshold: { level: 9 }'), ['threshold: { level: |9', 'level: |7, answerScale']),
    fires('an assessed level and a target off a rated scale', assessment('  intake: { level: 5, target: 8 }\n  knowledge: { level: 1 }\n'), ['level: |5', 'target: |8'], { files: { 'desk.rubric.yaml': RATED } }),
    fires('a move to a level off the scale', plan(one('step', ', moves: [{ dimension: intake, to: 9 }]')), ['to: |9']),
    fires('a target between levels of a gated rubric', assessment(COMPLETE.replace('  knowledge:\n', '    target: 2.5\n  knowledge:\n')), ['target: |2.5']),
    silent('levels on the scale everywhere', assessment(COMPLETE)),
    silent('a target between levels where levelSum scores fractions', assessment(COMPLETE.replace('  knowledge:\n', '    target: 2.5\n  knowledge:\n')), { files: { 'desk.rubric.yaml': LEVEL_SUM } }),
    silent('a level on an unknown dimension (unknown-dimension says it)', assessment(`${COMPLETE}  other: { level: 9 }\n`)),
    fires('a dimension describing a level off the scale', RUBRIC.replace('    title: Knowledge\n', '    title: Knowledge\n    levels: { 2: Shared., 5: Never. }\n'), ['|5: Never']),
    silent('a dimension describing levels on the scale', RUBRIC.replace('    title: Knowledge\n', '    title: Knowledge\n    levels: { 2: Shared., 3: Curated. }\n')),
    fires('a criterion at the bottom of a levelSum scale, where it adds nothing', LEVEL_SUM.replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 1 }'), ['exists., level: |1 }']),
    fires('a criterion at the bottom of a levelSum scale that starts at 0', LEVEL_SUM.replace('levels: [', 'levels: [{ level: 0, name: None }, ').replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 0 }'), ['exists., level: |0 }']),
    silent('a criterion at the bottom of a gated scale (lowest-level-unearned says it)', RUBRIC.replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 1 }')),
    fires('a target below a rated scale', assessment('  intake: { level: 2, target: 0 }\n  knowledge: { level: 1 }\n'), ['target: |0'], { files: { 'desk.rubric.yaml': RATED } }),
    silent('a move of a dimension the rubric lacks, to a level off the scale (unknown-dimension says it)', plan(one('step', ', moves: [{ dimension: other, from: 0, to: 9 }]'))),
    fires('a move from a level off the scale', plan(one('step', ', moves: [{ dimension: intake, from: 0, to: 2 }]')), ['from: |0']),
    silent('a dimension’s level descriptors that fail the schema (the schema says it)', RUBRIC.replace('    title: Knowledge\n', '    title: Knowledge\n    levels: [Shared.]\n')),
    silent('a level descriptor off the scale whose text fails the schema (the schema says it)', RUBRIC.replace('    title: Knowledge\n', '    title: Knowledge\n    levels: { 5: [Never.] }\n')),
    silent('a threshold, where the scale fails the schema (the schema says it)', RUBRIC.replace('{ level: 3, name: Defined }', '{ level: three, name: Defined }')),
    silent('a target at the bottom of a rated scale', assessment('  intake: { level: 2 }\n  knowledge: { level: 1, target: 1 }\n'), { files: { 'desk.rubric.yaml': RATED } }),
  ],
  'unknown-group': [
    fires('a group that is not defined', RUBRIC.replace('    title: Knowledge\n', '    title: Knowledge\n    group: people\n'), ['group: |people']),
    silent('a defined group', RUBRIC.replace('dimensions:\n', 'groups: [{ id: people, title: People }]\ndimensions:\n').replace('    title: Knowledge\n', '    title: Knowledge\n    group: people\n')),
    fires('a group that is not defined, where the only group has no id', RUBRIC.replace('dimensions:\n', 'groups: [{ title: People }]\ndimensions:\n').replace('    title: Knowledge\n', '    title: Knowledge\n    group: people\n'), ['group: |people']),
    fires('a group that is not defined, among defined ones', RUBRIC.replace('dimensions:\n', 'groups: [{ id: ops, title: Ops }, { id: ops, title: Again }]\ndimensions:\n').replace('    title: Knowledge\n', '    title: Knowledge\n    group: people\n'), ['group: |people']),
  ],
  'unknown-answer-scale': [
    fires('a criterion on a scale that does not exist', RUBRIC.replace('answerScale: coverage', 'answerScale: coverag'), ['answerScale: |coverag }']),
    silent('the built-in yes-no scale and a defined one', RUBRIC.replace('answerScale: coverage', 'answerScale: yes-no')),
    fires('a default answer scale that does not exist', RUBRIC.replace('answerScales:', 'defaultAnswerScale: coverag\nanswerScales:'), ['defaultAnswerScale: |coverag']),
    silent('a default answer scale the rubric defines', RUBRIC.replace('answerScales:', 'defaultAnswerScale: coverage\nanswerScales:')),
  ],
  'unknown-subgroup': [
    fires('a criterion in a sub-group its dimension lacks', RUBRIC.replace('    criteria:\n      - { id: portal,', '    subgroups: [{ id: online, title: Online }]\n    criteria:\n      - { id: portal,').replace('level: 2, evidenceRequired: true }', 'level: 2, evidenceRequired: true, subgroup: onlin }'), ['subgroup: |onlin }']),
    fires('a sub-group in a dimension that defines none', RUBRIC.replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, subgroup: a }'), ['subgroup: |a }']),
    silent('criteria in their dimension’s sub-groups', RUBRIC.replace('    criteria:\n      - { id: portal,', '    subgroups: [{ id: online, title: Online }]\n    criteria:\n      - { id: portal,').replace('level: 2, evidenceRequired: true }', 'level: 2, evidenceRequired: true, subgroup: online }')),
    fires('a sub-group its dimension lacks, in the rubric’s own word for them', RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nterms: { subgroup: Stream }').replace('    criteria:\n      - { id: portal,', '    subgroups: [{ id: online, title: Online }, { id: online, title: Again }, { id: phone, title: Phone }]\n    criteria:\n      - { id: portal,').replace('level: 2, evidenceRequired: true }', 'level: 2, evidenceRequired: true, subgroup: xyz }'), ['subgroup: |xyz }']),
    fires('a sub-group in a dimension that defines none, in the rubric’s own word for them', RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nterms: { subgroup: Stream }').replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, subgroup: a }'), ['subgroup: |a }']),
    fires('a sub-group in a dimension with neither a valid title nor a valid id, called by its place', RUBRIC.replace('  - id: knowledge\n    title: Knowledge\n', '  - id: Know ledge\n    title: [Knowledge]\n').replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, subgroup: a }'), ['subgroup: |a }']),
    fires('a sub-group in a dimension whose only sub-group has no id', RUBRIC.replace('    title: Knowledge\n', '    title: Knowledge\n    subgroups: [{ title: Shared }]\n').replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, subgroup: a }'), ['subgroup: |a }']),
    fires('a sub-group in a dimension without a valid title, called by its id', RUBRIC.replace('    title: Knowledge\n', '    title: [Knowledge]\n').replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, subgroup: a }'), ['subgroup: |a }']),
  ],
  'lowest-level-unearned': [
    fires('a gated criterion at the bottom of the scale', RUBRIC.replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 1 }'), ['levels: [{ level: |1']),
    silent('gated criteria above the bottom', RUBRIC),
    silent('an average rubric, where every criterion counts', RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nscoring: { method: average }').replace('level: 2 }', 'level: 1 }')),
    silent('an average rubric with a criterion at the bottom, where it counts', RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nscoring: { method: average }').replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 1 }')),
    fires('two criteria at the bottom, in the rubric’s own word for them', RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nterms: { criterion: Practice }').replace('level: 2, evidenceRequired', 'level: 1, evidenceRequired').replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 1 }'), ['levels: [{ level: |1']),
    fires('a criterion at the bottom of a scale that starts at 0', RUBRIC.replace('levels: [', 'levels: [{ level: 0, name: None }, ').replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 0 }'), ['levels: [{ level: |0']),
    silent('a gated rubric whose scale fails the schema (the schema says it)', RUBRIC.replace('{ level: 3, name: Defined }', '{ level: three, name: Defined }')),
  ],
  'criteria-required': [
    fires('a gated dimension without criteria', RUBRIC.replace('    criteria:\n      - { id: kb, text: A knowledge base exists., level: 2 }\n', ''), ['|id: knowledge']),
    silent('a rated rubric without criteria', RATED.replace('    criteria:\n      - { id: kb, text: A knowledge base exists., level: 2 }\n', '')),
    fires('an average dimension without criteria, said with the method', RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nscoring: { method: average }').replace('    criteria:\n      - { id: kb, text: A knowledge base exists., level: 2 }\n', ''), ['|id: knowledge']),
    fires('a dimension whose criteria are an empty list', RUBRIC.replace('    criteria:\n      - { id: kb, text: A knowledge base exists., level: 2 }\n', '    criteria: []\n'), ['|id: knowledge']),
    fires('a dimension with neither a valid title nor a valid id, called by its place', RUBRIC.replace('  - id: knowledge\n    title: Knowledge\n    criteria:\n      - { id: kb, text: A knowledge base exists., level: 2 }\n', '  - { id: Know ledge, title: [Knowledge] }\n'), ['{ |id: Know ledge']),
    silent('a dimension without criteria, where the scoring method fails the schema (the schema says it)', RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nscoring: { method: bogus }').replace('    criteria:\n      - { id: kb, text: A knowledge base exists., level: 2 }\n', '')),
    silent('a dimension whose criteria fail the schema (the schema says it)', RUBRIC.replace('    criteria:\n      - { id: kb, text: A knowledge base exists., level: 2 }\n', '    criteria: none\n')),
    fires('a dimension without a valid title, called by its id', RUBRIC.replace('    title: Knowledge\n    criteria:\n      - { id: kb, text: A knowledge base exists., level: 2 }\n', '    title: [Knowledge]\n'), ['|id: knowledge']),
  ],
  'duplicate-id': [
    fires('a criterion id used twice across dimensions', RUBRIC.replace('{ id: kb,', '{ id: portal,'), ['id: |portal, text: A knowledge']),
    fires('an initiative id used twice', plan(one('step') + one('step', ', status: planned')), ['id: |step, title: step, start: 2026-02-01, end: 2026-12-31, status']),
    fires('a criterion id used twice in one dimension', RUBRIC.replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2 }\n      - { id: kb, text: Again., level: 3 }'), ['id: |kb, text: Again']),
    fires('an answer listed twice in a scale', RUBRIC.replace('{ value: all, credit: 1 }', '{ value: all, credit: 1 }, { value: none, credit: 0.5 }'), ['{ value: |none, credit: 0.5 }']),
    fires('a group id used twice', RUBRIC.replace('dimensions:\n', 'groups:\n  - { id: ops, title: Ops }\n  - { id: ops, title: Again }\ndimensions:\n'), ['id: |ops, title: Again']),
    fires('a sub-group id used twice in a dimension', RUBRIC.replace('    title: Knowledge\n', '    title: Knowledge\n    subgroups: [{ id: s, title: S }, { id: s, title: Again }]\n'), ['id: |s, title: Again']),
    fires('a metric id used twice in a dimension', RUBRIC.replace('      - { id: share, name: Self-service share }', '      - { id: share, name: Self-service share }\n      - { id: share, name: Again }'), ['id: |share, name: Again']),
    silent('unique ids', RUBRIC),
    silent('the same sub-group and metric ids in two dimensions', RUBRIC.replace('    title: Knowledge\n', '    title: Knowledge\n    subgroups: [{ id: s, title: S }]\n    metrics: [{ id: share, name: Share }]\n').replace('    title: Intake\n', '    title: Intake\n    subgroups: [{ id: s, title: S }]\n')),
    silent('groups, dimensions, criteria, sub-groups and metrics without ids, twice each (the schema says it)', RUBRIC.replace('dimensions:\n', 'groups: [{ title: A }, { title: B }]\ndimensions:\n  - { title: X, criteria: [{ text: T., level: 2 }, { text: U., level: 2 }], subgroups: [{ title: S }, { title: T }], metrics: [{ name: M }, { name: N }] }\n  - { title: Y, criteria: [{ id: y, text: Y., level: 2 }] }\n')),
    silent('initiatives without ids (the schema says it)', plan('  - { title: A, start: 2026-02-01, end: 2026-12-31 }\n  - { title: B, start: 2026-02-01, end: 2026-12-31 }\n')),
    fires('a criterion id used twice, first in a dimension without an id', RUBRIC.replace('dimensions:\n', 'dimensions:\n  - { title: X, criteria: [{ id: kb, text: T., level: 2 }] }\n'), ['id: |kb, text: A knowledge']),
    fires('a criterion id used twice in one dimension without an id', RUBRIC.replace('dimensions:\n', 'dimensions:\n  - { title: X, criteria: [{ id: zz, text: T., level: 2 }, { id: zz, text: U., level: 2 }] }\n'), ['{ id: |zz, text: U.']),
    fires('a dimension id used twice', RUBRIC.replace('  - id: knowledge\n', '  - id: intake\n'), ['- id: |intake\n    title: Knowledge']),
  ],
  'unsafe-link': [
    fires('a javascript: link and a network path as evidence', assessment(COMPLETE.replace('https://wiki.example.com/portal', '"javascript:alert(1)", \'\\\\server\\share\\x.pdf\'')), ['|"javascript:alert(1)"', "|'\\\\server"]),
    fires('a javascript: link as an assessor\u2019s evidence', RESPONDED(['{ answer: yes, evidence: ["javascript:alert(1)"] }', 'yes']), ['evidence: [|"javascript']),
    silent('web, mail, in-page and relative links', assessment(COMPLETE.replace('https://wiki.example.com/portal', 'https://a.example, "mailto:a@b.example", "#top", ./e.md, ../x/y.pdf'))),
    fires('a rubric reference with a javascript: link', RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nreferences: [{ title: Book }, { title: Site, url: https://a.example }, { title: Bad, url: "javascript:alert(1)" }]'), ['url: |"javascript']),
    silent('rubric references to the web or to nothing', RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nreferences: [{ title: Book }, { title: Site, url: https://a.example }]')),
    fires('a javascript: link as evidence for a whole dimension', assessment(COMPLETE.replace('    answers: { kb: yes }\n', '    answers: { kb: yes }\n    evidence: ["javascript:alert(1)"]\n')), ['evidence: [|"javascript']),
  ],
  'invalid-date': [
    fires('a date that does not exist, also without a rubric', assessment(COMPLETE, './missing.rubric.yaml', '2026-02-30'), ['date: |2026-02-30']),
    fires('evidence dated on a day that does not exist', DATED('2025-02-30', ''), ['asOf: |2025-02-30']),
    fires('an assessor\u2019s answer dated on a day that does not exist', RESPONDED(['yes', 'yes']).replace('date: 2026-03-02', 'date: 2026-02-31'), ['date: |2026-02-31']),
    fires('an exemption expiring on a day that does not exist', assessment(`${COMPLETE}  extra: { exemption: { reason: r, approver: CIO, expires: 2026-13-01 } }\n`), ['expires: |2026-13-01']),
    fires('an answer’s exemption expiring on a day that does not exist', assessment(COMPLETE.replace('{ kb: yes }', '{ kb: { answer: no, exemption: { reason: r, approver: CIO, expires: 2026-02-31 } } }')), ['expires: |2026-02-31']),
    fires('a plan’s horizon and an initiative on days that do not exist', plan('  - { id: step, title: Step, start: 2026-04-31, end: 2026-06-31 }\n', { start: '2026-02-29', end: '2028-06-31' }), ['start: |2026-02-29', 'end: |2028-06-31', 'start: |2026-04-31', 'end: |2026-06-31']),
    silent('real dates', assessment(COMPLETE)),
    silent('a plan on real days', plan(one('step'))),
  ],
  'unknown-dimension': [
    fires('an assessed dimension the rubric lacks, with a suggestion', assessment(`${COMPLETE}  knowlege: {}\n`), ['|knowlege: {}']),
    fires('a dimension an assessor answered that the rubric lacks', RESPONDED(['yes', 'no']).replace('    dimensions:\n      knowledge:\n        answers: { kb: no }', '    dimensions:\n      knowlege:\n        answers: { kb: no }'), ['|knowlege:']),
    fires('a move of a dimension the rubric lacks', plan(one('step', ', moves: [{ dimension: intak, to: 3 }]')), ['dimension: |intak,']),
    fires('an assessed dimension the rubric lacks, in the rubric’s own word for them', assessment(`${COMPLETE}  zzz: {}\n`), ['|zzz: {}'], { files: { 'desk.rubric.yaml': RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nterms: { dimension: Practice }') } }),
    silent('a move of each of the rubric’s dimensions', plan(one('step', ', moves: [{ dimension: intake, to: 3 }, { dimension: knowledge, to: 3 }]'))),
    silent('the rubric’s dimensions', assessment(COMPLETE)),
  ],
  'unknown-criterion': [
    fires('an answer to a criterion of another dimension, and to none', assessment(COMPLETE.replace('{ kb: yes }', '{ kb: yes, portal: yes, kbb: no }')), ['kb: yes, |portal: yes', '|kbb: no']),
    fires('an answer to a criterion the dimension lacks, in the rubric’s own word for them', assessment(COMPLETE.replace('{ kb: yes }', '{ kb: yes, kbb: no }')), ['|kbb: no'], { files: { 'desk.rubric.yaml': RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nterms: { criterion: Practice }') } }),
    fires('a dependency and a related link to nothing, in the rubric’s own word for criteria', RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nterms: { criterion: Practice }').replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, dependsOn: [portl], related: [catalog] }'), ['dependsOn: [|portl]', 'related: [|catalog]']),
    fires('an assessor\u2019s answer to a criterion the dimension lacks', RESPONDED(['yes', 'no']).replace('answers: { kb: no }', 'answers: { kbb: no }'), ['|kbb: no']),
    fires('a rubric criterion depending on a criterion that does not exist', RUBRIC.replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, dependsOn: [portl] }'), ['dependsOn: [|portl]']),
    silent('answers to the dimension’s own criteria', assessment(COMPLETE)),
    silent('a dependency on a criterion of another dimension', DEPENDENT.replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, dependsOn: [catalogue] }')),
    fires('a rubric criterion related to a criterion that does not exist', RUBRIC.replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, related: [portl] }'), ['related: [|portl]']),
    silent('a related criterion of another dimension', RUBRIC.replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, related: [portal] }')),
  ],
  'unknown-metric': [
    fires('a metric the dimension lacks', assessment(COMPLETE.replace('  knowledge:\n', '    metrics: { shares: 3 }\n  knowledge:\n')), ['|shares: 3']),
    silent('the dimension’s metric', assessment(COMPLETE.replace('  knowledge:\n', '    metrics: { share: 3 }\n  knowledge:\n'))),
    fires('a metric of a dimension that defines none', assessment(COMPLETE.replace('    answers: { kb: yes }\n', '    answers: { kb: yes }\n    metrics: { share: 3 }\n')), ['|share: 3']),
    silent('metrics of a dimension the rubric lacks (unknown-dimension says it)', assessment(`${COMPLETE}  other: { metrics: { share: 3 } }\n`)),
  ],
  'answer-not-in-scale': [
    fires('an answer the scale does not have', assessment(COMPLETE.replace('catalogue: all', 'catalogue: most')), ['catalogue: |most']),
    fires('an assessor\u2019s answer the scale does not have', RESPONDED(['yes', 'maybe']), ['kb: |maybe']),
    silent('answers of the scale, in any case', assessment(COMPLETE.replace('catalogue: all', 'catalogue: ALL'))),
  ],
  'unknown-assessor': [
    fires('an adjudicator who is not among the assessors, with a suggestion', RESPONDED(['yes', 'no'], 'consensus: adjudicator\nadjudicator: bbo'), ['adjudicator: |bbo']),
    silent('an adjudicator who is one of them', RESPONDED(['yes', 'no'], 'consensus: adjudicator\nadjudicator: bob')),
    silent('another rule, where no adjudicator is needed', RESPONDED(['yes', 'no'], 'consensus: median')),
    fires('an adjudicator where nobody has responded', assessment(COMPLETE).replace('dimensions:\n', 'consensus: adjudicator\nadjudicator: cy\ndimensions:\n'), ['adjudicator: |cy']),
  ],
  'assessors-disagree': [
    fires('yes against no, on the answer the median did not pick', RESPONDED(['yes', 'no']), ['answers: { |kb: yes }'], { data: [{ dimensionId: 'knowledge', criterionId: 'kb', spread: 1, answers: { ann: 'yes', bob: 'no' } }] }),
    fires('none against all on the catalogue, and yes against no under an adjudicator who has not answered', THREE, ['answers: { |catalogue: none }', 'answers: { |kb: yes }']),
    silent('assessors who agree', RESPONDED(['yes', 'yes'])),
    silent('answers of equal credit', RESPONDED(['yes', 'YES'])),
    silent('a disagreement the assessment settles with its own answer', RESPONDED(['yes', 'no']).replace('\n  knowledge:\n', '\n  knowledge:\n    answers: { kb: no }\n')),
    silent('a disagreement on a criterion marked not applicable', RESPONDED(['yes', 'no']).replace('\n  knowledge:\n', '\n  knowledge:\n    answers: { kb: { notApplicable: { reason: Outsourced. } } }\n')),
    silent('one assessor\u2019s answer off the scale against another\u2019s (answer-not-in-scale says it)', RESPONDED(['yes', 'maybe'])),
    fires('yes against no, leaving out an answer off the scale written before them (answer-not-in-scale says it)', RESPONDED(['yes', 'no']).replace('responses:\n', 'responses:\n  cy:\n    name: Cy\n    date: 2026-03-03\n    dimensions:\n      knowledge:\n        answers: { kb: maybe }\n'), ['answers: { |kb: yes }'], { data: [{ dimensionId: 'knowledge', criterionId: 'kb', spread: 1, answers: { ann: 'yes', bob: 'no' } }] }),
    fires('yes against no under a misspelt consensus rule (the schema says it), compared by the median', RESPONDED(['yes', 'no'], 'consensus: average'), ['answers: { |kb: yes }']),
    silent('a disagreement in a dimension marked not applicable', RESPONDED(['yes', 'no']).replace('\n  knowledge:\n', '\n  knowledge: { notApplicable: { reason: Outsourced. } }\n')),
    fires('yes against no under the minimum rule', RESPONDED(['yes', 'no'], 'consensus: minimum'), ['answers: { |kb: yes }']),
    fires('yes against no under an adjudicator who is not named (the schema says it)', RESPONDED(['yes', 'no'], 'consensus: adjudicator'), ['answers: { |kb: yes }']),
    fires('yes against no under an adjudicator who is none of the assessors (unknown-assessor says it)', RESPONDED(['yes', 'no'], 'consensus: adjudicator\nadjudicator: zed'), ['answers: { |kb: yes }']),
    silent('a disagreement in a dimension the rubric lacks (unknown-dimension says it)', RESPONDED(['yes', 'no']).replace(/ {6}knowledge:\n/g, '      ghost:\n')),
  ],
  'level-not-rated': [
    fires('a rated dimension without a level', assessment('  intake: { level: 2 }\n  knowledge: { notes: later }\n'), ['|knowledge: { notes'], { files: { 'desk.rubric.yaml': RATED }, data: [{ missingKey: 'level', parentPath: ['dimensions', 'knowledge'] }] }),
    silent('a rated dimension marked not applicable', assessment('  intake: { level: 2 }\n  knowledge: { notApplicable: { reason: Outsourced. } }\n'), { files: { 'desk.rubric.yaml': RATED } }),
  ],
  'level-ignored': [
    fires('a level on a gated rubric', assessment(COMPLETE.replace('  knowledge:\n', '  knowledge:\n    level: 2\n')), ['|level: 2']),
    silent('answers only', assessment(COMPLETE)),
    silent('a level off the scale on a gated rubric (level-out-of-scale says it)', assessment(COMPLETE.replace('  knowledge:\n', '  knowledge:\n    level: 7\n'))),
    silent('a level on a rated rubric', assessment('  intake: { level: 2 }\n  knowledge: { level: 1 }\n'), { files: { 'desk.rubric.yaml': RATED } }),
  ],
  'evidence-missing': [
    fires('a positive answer without evidence', assessment(COMPLETE.replace('{ answer: yes, evidence: [https://wiki.example.com/portal] }', 'yes')), ['portal: |yes'], { data: [{ criterionId: 'portal' }] }),
    fires('a positive consensus without evidence, where the answer that won is written', RESPONDED(['yes', 'yes']).replace('answers: { portal: { answer: yes, evidence: [https://wiki.example.com/portal] }, catalogue: all }', 'answers: { catalogue: all }').replace('    dimensions:\n      knowledge:\n        answers: { kb: yes }', '    dimensions:\n      intake:\n        answers: { portal: yes }\n      knowledge:\n        answers: { kb: yes }'), ['answers: { |portal: yes }']),
    silent('a positive consensus with an assessor\u2019s evidence', RESPONDED(['yes', 'yes']).replace('answers: { portal: { answer: yes, evidence: [https://wiki.example.com/portal] }, catalogue: all }', 'answers: { catalogue: all }').replace('    dimensions:\n      knowledge:\n        answers: { kb: yes }', '    dimensions:\n      intake:\n        answers: { portal: { answer: yes, evidence: [./e.md] } }\n      knowledge:\n        answers: { kb: yes }')),
    // Issue 7: the score counted this as evidence missing, the rule skipped every exemption.
    fires('a positive answer under an exemption that expired', assessment(COMPLETE.replace('{ answer: yes, evidence: [https://wiki.example.com/portal] }', '{ answer: yes, exemption: { reason: r, approver: CIO, expires: 2025-12-31 } }')), ['{ answer: |yes, exemption']),
    silent('a positive answer under an exemption that still applies', assessment(COMPLETE.replace('{ answer: yes, evidence: [https://wiki.example.com/portal] }', '{ answer: yes, exemption: { reason: r, approver: CIO, expires: 2026-12-31 } }'))),
    silent('a negative answer', assessment(COMPLETE.replace('{ answer: yes, evidence: [https://wiki.example.com/portal] }', 'no'))),
    fires('the assessment’s own yes without evidence, settling the assessors’ yes', PORTAL_BY_ASSESSORS('portal: yes, '), ['portal: |yes, catalogue'], { data: [{ criterionId: 'portal' }] }),
    fires('the assessors’ yes without evidence, where the assessment writes only a note (at its own entry)', PORTAL_BY_ASSESSORS('portal: { note: Checked. }, '), ['{ |portal: { note'], { data: [{ criterionId: 'portal' }] }),
  ],
  // Issue 22: evidence with an asOf date, under a validity the assessment or its rubric sets.
  'evidence-stale': [
    fires('an answer’s evidence older than the assessment’s validity', DATED('2024-06-30', 'evidenceValidFor: P12M\n'), ['asOf: |2024-06-30']),
    fires('a dimension’s evidence older than the rubric’s validity', assessment(COMPLETE.replace('  knowledge:\n    answers: { kb: yes }\n', '  knowledge:\n    answers: { kb: yes }\n    evidence: [{ url: ./minutes.md, asOf: 2025-01-15 }]\n')), ['asOf: |2025-01-15'], { files: { 'desk.rubric.yaml': RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nevidenceValidFor: P1Y') } }),
    silent('fresh evidence', DATED('2025-12-01', 'evidenceValidFor: P12M\n')),
    silent('evidence exactly as old as the validity', DATED('2025-03-31', 'evidenceValidFor: P12M\n')),
    silent('evidence without a date', assessment(COMPLETE).replace('dimensions:\n', 'evidenceValidFor: P12M\ndimensions:\n')),
    silent('old evidence where no validity is set', DATED('2020-01-01', '')),
    fires('an assessor’s stale evidence for the answer that is scored, which keeps its credit', STALE_BY_ASSESSOR, ['asOf: |2024-01-15']),
    fires('an assessor’s stale evidence for the answer that is scored, which loses its credit where the rubric says so', STALE_BY_ASSESSOR, ['asOf: |2024-01-15'], { files: { 'desk.rubric.yaml': RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nscoring: { method: gated, staleEvidence: noCredit }') } }),
    fires('an answer’s stale evidence, by its title, which loses its credit where the rubric says so', DATED('2024-06-30', 'evidenceValidFor: P12M\n').replace('{ url: https://wiki.example.com/portal, asOf', '{ url: https://wiki.example.com/portal, title: Portal launch, asOf'), ['asOf: |2024-06-30'], { files: { 'desk.rubric.yaml': RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nscoring: { method: gated, staleEvidence: noCredit }') } }),
    fires('stale evidence of an answer to a criterion the dimension lacks (unknown-criterion says the criterion)', assessment(COMPLETE.replace('{ kb: yes }', '{ kb: yes, kbx: { answer: yes, evidence: [{ url: ./old.md, asOf: 2024-01-15 }] } }')).replace('dimensions:\n', 'evidenceValidFor: P12M\ndimensions:\n'), ['asOf: |2024-01-15']),
    fires('an assessor’s stale evidence for a criterion the dimension lacks', STALE_BY_ASSESSOR.replace('answers: { portal: { answer: yes, evidence', 'answers: { portalx: { answer: yes, evidence'), ['asOf: |2024-01-15']),
    fires('an assessor’s stale evidence in a dimension the rubric lacks', STALE_BY_ASSESSOR.replace('      intake:\n        answers: { portal: { answer', '      ghost:\n        answers: { portal: { answer'), ['asOf: |2024-01-15']),
    silent('evidence dated a day that does not exist, under a validity (invalid-date says it)', DATED('2024-02-30', 'evidenceValidFor: P12M\n')),
  ],
  'exemption-expired': [
    fires('an exemption past its expiry', assessment(`${COMPLETE}  extra: { exemption: { reason: r, approver: CIO, expires: 2026-01-31 } }\n`), ['expires: |2026-01-31']),
    silent('an exemption still running', assessment(`${COMPLETE}  extra: { exemption: { reason: r, approver: CIO, expires: 2026-12-31 } }\n`)),
    // Expiry is the fact domain/answers.ts decides (it ends after its day): the same for an answer as for a dimension.
    fires('an answer\'s exemption past its expiry', assessment(COMPLETE.replace('{ kb: yes }', '{ kb: { answer: no, exemption: { reason: r, approver: CIO, expires: 2026-03-30 } } }')), ['expires: |2026-03-30']),
    silent('an answer\'s exemption that ends on the assessment\'s date', assessment(COMPLETE.replace('{ kb: yes }', '{ kb: { answer: no, exemption: { reason: r, approver: CIO, expires: 2026-03-31 } } }'))),
    silent('a dimension\'s exemption that ends on the assessment\'s date', assessment(`${COMPLETE}  extra: { exemption: { reason: r, approver: CIO, expires: 2026-03-31 } }\n`)),
    fires('an exemption of a rubric dimension past its expiry', assessment(COMPLETE.replace('  knowledge:\n    answers: { kb: yes }\n', '  knowledge: { exemption: { reason: r, approver: CIO, expires: 2026-01-31 } }\n')), ['expires: |2026-01-31']),
    silent('exemptions in an assessment whose date is no real day (invalid-date says it)', assessment(`${COMPLETE.replace('{ kb: yes }', '{ kb: { answer: no, exemption: { reason: r, approver: CIO, expires: 2026-01-30 } } }')}  extra: { exemption: { reason: r, approver: CIO, expires: 2026-01-31 } }\n`, './desk.rubric.yaml', '2026-02-30')),
  ],
  'exemption-conflict': [
    fires('an answer under an exemption that applies', assessment(COMPLETE.replace('{ kb: yes }', '{ kb: { answer: yes, exemption: { reason: r, approver: CIO, expires: 2026-12-31 } } }')), ['kb: { answer: |yes']),
    // Issue 7: the answer counts again once the exemption expired; exemption-expired says so.
    silent('an answer under an exemption that expired', assessment(COMPLETE.replace('{ kb: yes }', '{ kb: { answer: yes, exemption: { reason: r, approver: CIO, expires: 2025-12-31 } } }'))),
    fires('an answer to a criterion marked not applicable', assessment(COMPLETE.replace('{ kb: yes }', '{ kb: { answer: yes, notApplicable: { reason: Outsourced. } } }')), ['kb: { answer: |yes']),
    fires('a dimension marked both not applicable and exempt', assessment(COMPLETE.replace('  knowledge:\n    answers: { kb: yes }\n', '  knowledge: { notApplicable: { reason: Outsourced. }, exemption: { reason: r, approver: CIO, expires: 2026-12-31 } }\n')), ['|exemption: { reason: r']),
    silent('a dimension marked not applicable only', assessment(COMPLETE.replace('  knowledge:\n    answers: { kb: yes }\n', '  knowledge: { notApplicable: { reason: Outsourced. } }\n'))),
    silent('a criterion marked not applicable without an answer', assessment(COMPLETE.replace('{ kb: yes }', '{ kb: { notApplicable: { reason: Outsourced. } } }'))),
  ],
  'criterion-not-answered': [
    fires('a criterion without an answer', assessment(COMPLETE.replace(', catalogue: all', '')), ['|intake:'], { data: [{ unanswered: ['catalogue'], dimensionId: 'intake' }] }),
    silent('criteria only the assessors answered', RESPONDED(['yes', 'yes'])),
    silent('a dimension marked not applicable', assessment(COMPLETE.replace('  knowledge:\n    answers: { kb: yes }\n', '  knowledge: { notApplicable: { reason: Outsourced. } }\n'))),
    silent('a rated rubric, where a level is given rather than answers', assessment('  intake: { level: 2 }\n  knowledge: { level: 1 }\n'), { files: { 'desk.rubric.yaml': RATED } }),
    fires('two criteria without an answer', assessment(COMPLETE.replace('answers: { portal: { answer: yes, evidence: [https://wiki.example.com/portal] }, catalogue: all }', 'notes: later')), ['|intake:'], { data: [{ unanswered: ['portal', 'catalogue'], dimensionId: 'intake' }] }),
    fires('a criterion of a dimension only the assessors answered, which none of them answers', assessment('  knowledge:\n    answers: { kb: yes }\n').replace('dimensions:\n', 'consensus: median\nresponses:\n  ann:\n    name: Ann\n    date: 2026-03-01\n    dimensions:\n      intake:\n        answers: { portal: yes }\ndimensions:\n'), ['|intake:\n        answers: { portal'], { data: [{ unanswered: ['catalogue'], dimensionId: 'intake' }] }),
    silent('a criterion of a dimension only the assessors answered, answered in the assessment it inherits from', INHERITING('  knowledge:\n    answers: { kb: yes }\n').replace('dimensions:\n', 'consensus: median\nresponses:\n  ann:\n    name: Ann\n    date: 2026-03-01\n    dimensions:\n      intake:\n        answers: { portal: yes }\ndimensions:\n')),
    silent('a criterion of a written dimension that only the assessors answered', PORTAL_BY_ASSESSORS('')),
    fires('the criteria of a dimension an assessor wrote without answering any', assessment('  knowledge:\n    answers: { kb: yes }\n').replace('dimensions:\n', 'consensus: median\nresponses:\n  ann:\n    name: Ann\n    date: 2026-03-01\n    dimensions:\n      intake:\n        answers: {}\ndimensions:\n'), ['|intake:\n        answers: {}'], { data: [{ unanswered: ['portal', 'catalogue'], dimensionId: 'intake' }] }),
  ],
  'dimension-not-assessed': [
    fires('a rubric dimension the assessment leaves out', assessment(COMPLETE.replace('  knowledge:\n    answers: { kb: yes }\n', '')), ['|dimensions:'], { data: [{ missing: ['knowledge'] }] }),
    silent('a dimension only the assessors answered', RESPONDED(['yes', 'yes']).replace('\n  knowledge:\n', '\n')),
    silent('every dimension assessed', assessment(COMPLETE)),
    silent('dimensions written as a list (the schema says it)', assessment('  - intake\n')),
    silent('dimensions left empty (the schema says it)', assessment('')),
    fires('two rubric dimensions the assessment leaves out', assessment('  other: {}\n'), ['|dimensions:'], { data: [{ missing: ['intake', 'knowledge'] }] }),
    silent('dimensions written as text rather than a map (the schema says it)', assessment('').replace('dimensions:\n', 'dimensions: none\n')),
  ],
  'target-below-current': [
    fires('a target below the level reached', assessment(COMPLETE.replace('  knowledge:\n', '    target: 1\n  knowledge:\n')), ['target: |1']),
    silent('a target above it', assessment(COMPLETE.replace('  knowledge:\n', '    target: 3\n  knowledge:\n'))),
    silent('a target on a dimension marked not applicable', assessment(COMPLETE.replace('  knowledge:\n    answers: { kb: yes }\n', '  knowledge: { notApplicable: { reason: Outsourced. }, target: 1 }\n'))),
    fires('a target below a rated level', assessment('  intake: { level: 3, target: 2 }\n  knowledge: { level: 1, target: 1 }\n'), ['target: |2'], { files: { 'desk.rubric.yaml': RATED } }),
  ],
  'horizon-dates': [
    fires('a horizon that ends before it starts', plan(one('step'), { start: '2028-06-30', end: '2026-01-01' }), ['end: |2026-01-01 }']),
    silent('a horizon that runs forwards', plan(one('step'))),
    silent('a horizon whose start is no real day (invalid-date says it)', plan(one('step'), { start: '2028-02-30', end: '2026-01-01' })),
    silent('a horizon whose end is no real day (invalid-date says it)', plan(one('step'), { start: '2028-06-30', end: '2026-02-30' })),
  ],
  'horizon-length': [
    fires('a one-year horizon', plan(one('step'), { start: '2026-01-01', end: '2026-12-31' }), ['|horizon:']),
    fires('a four-year horizon', plan(one('step'), { start: '2026-01-01', end: '2029-12-31' }), ['|horizon:']),
    silent('a horizon of two years', plan(one('step'), { start: '2026-01-01', end: '2027-12-31' })),
    silent('a horizon of three years', plan(one('step'), { start: '2026-01-01', end: '2028-12-31' })),
    silent('a thirty-month horizon', plan(one('step'))),
  ],
  'initiative-dates': [
    fires('an initiative that ends before it starts', plan('  - { id: step, title: Step, start: 2026-06-01, end: 2026-02-01 }\n'), ['end: |2026-02-01']),
    silent('an initiative in order', plan(one('step'))),
    silent('an initiative of one day', plan('  - { id: step, title: Step, start: 2026-06-01, end: 2026-06-01 }\n')),
    silent('an initiative whose start is no real day (invalid-date says it)', plan('  - { id: step, title: Step, start: 2026-06-31, end: 2026-02-01 }\n')),
    silent('an initiative whose end is no real day (invalid-date says it)', plan('  - { id: step, title: Step, start: 2026-06-01, end: 2026-02-30 }\n')),
  ],
  'outside-horizon': [
    fires('an initiative starting before the horizon', plan('  - { id: step, title: Step, start: 2025-06-01, end: 2026-02-01 }\n'), ['start: |2025-06-01']),
    silent('an initiative inside it', plan(one('step'))),
    fires('an initiative ending after the horizon', plan('  - { id: step, title: Step, start: 2026-06-01, end: 2029-02-01 }\n'), ['end: |2029-02-01']),
    silent('an initiative from the first to the last day of the horizon', plan('  - { id: step, title: Step, start: 2026-01-01, end: 2028-06-30 }\n')),
    silent('an initiative outside a horizon that runs backwards (horizon-dates says it)', plan('  - { id: step, title: Step, start: 2025-06-01, end: 2029-02-01 }\n', { start: '2028-06-30', end: '2026-01-01' })),
    silent('an initiative outside the horizon on days that do not exist (invalid-date says it)', plan('  - { id: step, title: Step, start: 2025-02-30, end: 2029-02-30 }\n')),
  ],
  'unknown-initiative': [
    fires('a dependency on an initiative that does not exist', plan(one('step', ', dependsOn: [stpe]') + one('next')), ['dependsOn: [|stpe]']),
    silent('a dependency on another initiative', plan(one('step') + one('next', ', dependsOn: [step]'))),
  ],
  'dependency-cycle': [
    fires('two initiatives that depend on each other', plan(one('step', ', dependsOn: [next]') + one('next', ', dependsOn: [step]')), ['title: next, start: 2026-02-01, end: 2026-12-31, dependsOn: [|step]'], { data: [{ cycle: ['step', 'next', 'step'] }] }),
    fires('an initiative that depends on itself', plan(one('step', ', dependsOn: [step]')), ['dependsOn: [|step]']),
    fires('criteria of two dimensions that depend on each other', DEPENDENT.replace('level: 2, evidenceRequired: true }', 'level: 2, evidenceRequired: true, dependsOn: [kb] }').replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, dependsOn: [catalogue] }'), ['coverage, dependsOn: [|portal]'], { data: [{ cycle: ['portal', 'kb', 'catalogue', 'portal'] }] }),
    fires('a criterion that depends on itself', RUBRIC.replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, dependsOn: [kb] }'), ['dependsOn: [|kb]']),
    silent('a chain of dependencies', plan(one('step') + one('next', ', dependsOn: [step]'))),
    silent('criteria depending on criteria in a chain', DEPENDENT.replace('{ id: kb, text: A knowledge base exists., level: 2 }', '{ id: kb, text: A knowledge base exists., level: 2, dependsOn: [catalogue] }')),
  ],
  'dependency-not-met': [
    fires('a credited criterion whose dependency is not met', assessment(COMPLETE.replace('portal: { answer: yes, evidence: [https://wiki.example.com/portal] }', 'portal: no')), ['|catalogue: all'], { files: { 'desk.rubric.yaml': DEPENDENT } }),
    silent('a credited criterion whose dependency is met', assessment(COMPLETE), { files: { 'desk.rubric.yaml': DEPENDENT } }),
    silent('a credited criterion whose related criterion (advice only) is not met', assessment(COMPLETE.replace('portal: { answer: yes, evidence: [https://wiki.example.com/portal] }', 'portal: no')), { files: { 'desk.rubric.yaml': DEPENDENT.replace('dependsOn: [portal]', 'related: [portal]') } }),
    silent('an uncredited criterion whose dependency is not met', assessment(COMPLETE.replace('portal: { answer: yes, evidence: [https://wiki.example.com/portal] }', 'portal: no').replace('catalogue: all', 'catalogue: none')), { files: { 'desk.rubric.yaml': DEPENDENT } }),
    fires('a credited criterion whose two dependencies, one in another dimension, are not met', assessment(COMPLETE.replace('portal: { answer: yes, evidence: [https://wiki.example.com/portal] }', 'portal: no').replace('{ kb: yes }', '{ kb: no }')), ['|catalogue: all'], { files: { 'desk.rubric.yaml': DEPENDENT.replace('dependsOn: [portal]', 'dependsOn: [portal, kb]') }, data: [{ blockedBy: ['portal', 'kb'] }] }),
    fires('an inherited credited criterion whose inherited dependency is not met, on the inherits line', INHERITING('  knowledge:\n    answers: { kb: yes }\n'), ['|inherits:'], { files: { 'desk.rubric.yaml': DEPENDENT, 'base.assessment.yaml': assessment('  intake:\n    answers: { portal: no, catalogue: all }\n  knowledge:\n    answers: { kb: yes }\n') }, data: [{ blockedBy: ['portal'] }] }),
    silent('an inherited credited criterion whose dependency the assessment meets itself', INHERITING('  intake:\n    answers: { portal: { answer: yes, evidence: [./e.md] } }\n  knowledge:\n    answers: { kb: yes }\n'), { files: { 'desk.rubric.yaml': DEPENDENT, 'base.assessment.yaml': assessment('  intake:\n    answers: { portal: no, catalogue: all }\n  knowledge:\n    answers: { kb: yes }\n') } }),
  ],
  'dependency-order': [
    fires('an initiative ending before one it depends on', plan('  - { id: step, title: Step, start: 2026-02-01, end: 2027-12-31 }\n' + one('next', ', dependsOn: [step]')), ['title: next, start: 2026-02-01, end: 2026-12-31, dependsOn: [|step]']),
    silent('dependencies in order', plan(one('step') + '  - { id: next, title: Next, start: 2026-02-01, end: 2027-12-31, dependsOn: [step] }\n')),
    fires('an initiative ending before one listed after it that it depends on', plan(one('next', ', dependsOn: [step]') + '  - { id: step, title: Step, start: 2026-02-01, end: 2027-12-31 }\n'), ['dependsOn: [|step]']),
    silent('an initiative ending on the day one it depends on ends', plan(one('step') + one('next', ', dependsOn: [step]'))),
    silent('an initiative whose end is no real day (invalid-date says it)', plan('  - { id: step, title: Step, start: 2026-02-01, end: 2027-12-31 }\n  - { id: next, title: Next, start: 2026-02-01, end: 2026-06-31, dependsOn: [step] }\n')),
    silent('a dependency whose end is no real day (invalid-date says it)', plan('  - { id: step, title: Step, start: 2026-02-01, end: 2027-02-30 }\n  - { id: next, title: Next, start: 2026-02-01, end: 2026-06-30, dependsOn: [step] }\n')),
    silent('a dependency on an unknown initiative (unknown-initiative says it)', plan(one('step', ', dependsOn: [ghost]') + '  - { id: late, title: Late, start: 2026-02-01, end: 2027-12-31 }\n')),
    silent('an initiative that depends on itself (dependency-cycle says it)', plan(one('step', ', dependsOn: [step]'))),
    silent('an initiative that depends on its own id, which an earlier one also has (duplicate-id says it)', plan('  - { id: step, title: Step, start: 2026-02-01, end: 2027-12-31 }\n' + one('step', ', dependsOn: [step]'))),
  ],
  'move-not-upward': [
    fires('a move that keeps the level', plan(one('step', ', moves: [{ dimension: intake, from: 2, to: 2 }]')), ['to: |2 }']),
    silent('a move up', plan(one('step', ', moves: [{ dimension: intake, from: 2, to: 3 }]'))),
    fires('a move down from where the baseline puts it', plan(one('step', ', moves: [{ dimension: intake, to: 1 }]')), ['to: |1 }']),
    silent('a move without a from, where there is no baseline to start from', plan(one('step', ', moves: [{ dimension: intake, to: 1 }]'), undefined, './missing.assessment.yaml')),
  ],
  'move-from-mismatch': [
    fires('a move from another level than the baseline’s', plan(one('step', ', moves: [{ dimension: intake, from: 1, to: 3 }]')), ['from: |1, to: 3'], { fixes: [[{ title: 'Change to 2', replacement: '2' }]] }),
    silent('a staged move from where a dependency leaves it', plan(one('step', ', moves: [{ dimension: knowledge, from: 1, to: 2 }]') + one('next', ', dependsOn: [step], moves: [{ dimension: knowledge, from: 2, to: 3 }]'))),
    silent('a move without a from', plan(one('step', ', moves: [{ dimension: intake, to: 3 }]'))),
    silent('a move from the baseline’s level', plan(one('step', ', moves: [{ dimension: intake, from: 2, to: 3 }]'))),
    silent('a move from any level, where there is no baseline', plan(one('step', ', moves: [{ dimension: intake, from: 1, to: 3 }]'), undefined, './missing.assessment.yaml')),
    fires('a move from where a cancelled dependency would leave it', plan(one('step', ', status: cancelled, moves: [{ dimension: knowledge, from: 1, to: 2 }]') + one('next', ', dependsOn: [step], moves: [{ dimension: knowledge, from: 2, to: 3 }]')), ['from: |2, to: 3']),
    fires('a move from a level no dependency reaches, where one dependency is unknown (unknown-initiative says it)', plan(one('step', ', dependsOn: [ghost], moves: [{ dimension: intake, from: 1, to: 3 }]')), ['from: |1, to: 3'], { fixes: [[{ title: 'Change to 2', replacement: '2' }]] }),
  ],
};

describe('rules, each where it must fire and where it must not', () => {
  it('has a table for every rule of the registry', () => {
    expect(RULES.map((r) => r.code).filter((code) => !(TABLE[code]?.some((c) => c.at.length > 0) && TABLE[code]?.some((c) => c.at.length === 0)))).toEqual([]);
  });

  for (const [code, cases] of Object.entries(TABLE) as [DiagnosticCode, readonly Case[]][]) {
    describe(code, () => {
      for (const c of cases) {
        it(`${c.at.length ? 'fires' : 'is silent'}: ${c.name}`, async () => {
          const analysis = await analyzeMemory({ 'desk.rubric.yaml': RUBRIC, 'base.assessment.yaml': BASELINE, ...c.files, 'entry.yaml': c.text }, 'entry.yaml');
          const found = codesAt(analysis).filter((d) => d.startsWith(`${code}@`)).map((d) => d.slice(code.length + 1));
          expect(found).toEqual(c.at.map((needle) => place(c.text, needle)));
          const mine = analysis.diagnostics.filter((d) => d.code === code);
          if (c.data) expect(mine.map((d) => d.data)).toEqual(c.data);
          if (c.fixes) expect(mine.map((d) => (d.fixes ?? []).map(({ title, replacement }) => ({ title, replacement })))).toEqual(c.fixes);
        });
      }
    });
  }

  it('says, word for word, what test/golden/rules/messages.txt says for every case where a rule fires (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const lines: string[] = [];
    for (const [code, cases] of Object.entries(TABLE) as [DiagnosticCode, readonly Case[]][]) {
      for (const c of cases.filter((c) => c.at.length > 0)) {
        const analysis = await analyzeMemory({ 'desk.rubric.yaml': RUBRIC, 'base.assessment.yaml': BASELINE, ...c.files, 'entry.yaml': c.text }, 'entry.yaml');
        for (const d of analysis.diagnostics.filter((d) => d.code === code)) lines.push(`${code} (${c.name}): ${d.message}`);
      }
    }
    expectGolden('rules/messages.txt', `${lines.join('\n')}\n`);
  });
});
