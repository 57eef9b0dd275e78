/**
 * A dimension's outcome (dimensionOutcomes in src/core/scoring/scoreAssessment.ts): what the rules
 * read of each dimension while a file is checked, before any full score is built. Its score and
 * level are there only where the dimension is scored; a rule such as target-below-current reads
 * the level as it is.
 */
import { describe, expect, it } from 'vitest';
import { assessmentFacts } from '../../../src/core/domain/assessmentFacts';
import { RubricIndex } from '../../../src/core/domain/rubricIndex';
import { parseDocuments } from '../../../src/core/document/located';
import type { Assessment, Rubric } from '../../../src/core/format/types';
import { SCHEMA_VALID } from '../../../src/core/schema/validateSchema';
import { dimensionOutcomes } from '../../../src/core/scoring/scoreAssessment';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';
import { yaml } from '../../support/memory';

const RUBRIC = rubricYaml(yaml`
  levels: [{ level: 1, name: One }, { level: 2, name: Two }, { level: 3, name: Three }]
  scoring: { method: gated }
  dimensions:
    - { id: done, title: Done, criteria: [{ id: d1, text: One., level: 1 }, { id: d2, text: Two., level: 2 }] }
    - { id: skipped, title: Skipped, criteria: [{ id: s1, text: One., level: 1 }] }
    - { id: excused, title: Excused, criteria: [{ id: e1, text: One., level: 1 }] }
    - { id: waived, title: Waived, criteria: [{ id: w1, text: One., level: 1 }] }
    - { id: blank, title: Blank, criteria: [{ id: b1, text: One., level: 1 }] }
`);

const ASSESSMENT = assessmentYaml(yaml`
  dimensions:
    done: { answers: { d1: yes, d2: yes } }
    excused: { notApplicable: { reason: None here. } }
    waived:
      exemption: { reason: Outsourced., approver: CIO, expires: 2026-12-31 }
      answers: { w1: yes }
    blank: { answers: { b1: { notApplicable: { reason: Done elsewhere. } } } }
`);

describe('a dimension’s outcome', () => {
  it('has a score and a level where the dimension is scored, and neither where it is not assessed, not applicable, exempt or not rated', () => {
    const index = new RubricIndex(parseDocuments(RUBRIC).documents[0]!.value as Rubric);
    const assessment = parseDocuments(ASSESSMENT).documents[0]!.value as Assessment;
    const outcomes = dimensionOutcomes(assessment, assessmentFacts(assessment, index, SCHEMA_VALID), index);
    expect(outcomes.map((o) => [o.id, o.status, o.score, o.level])).toEqual([
      ['done', 'scored', 2, 2],
      ['skipped', 'not-assessed', undefined, undefined],
      ['excused', 'not-applicable', undefined, undefined],
      ['waived', 'exempt', undefined, undefined],
      ['blank', 'not-rated', undefined, undefined],
    ]);
  });
});
