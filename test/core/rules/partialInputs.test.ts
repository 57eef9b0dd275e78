/**
 * Rules given only part of their inputs (RuleInputs: a rubric's index without an assessment's
 * facts, as for a document whose schema could not be run): each rule checks what it has and
 * reports nothing it cannot know, instead of throwing or reporting made-up values.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../../src/core/diagnostics/collector';
import { RubricIndex } from '../../../src/core/domain/rubricIndex';
import { parseDocuments } from '../../../src/core/document/located';
import type { DocumentKind, Rubric } from '../../../src/core/format/types';
import { RuleContext } from '../../../src/core/rules/context';
import { SCHEMA_VALID } from '../../../src/core/schema/validateSchema';
import { yaml } from '../../support/memory';

// Imported inside the tests: a rule module that throws while it loads then fails a test (see registry.test.ts).
const registry = () => import('../../../src/core/rules/registry');

const RUBRIC = {
  apiVersion: 'rubrics-as-code/v1',
  kind: 'Rubric',
  id: 'desk',
  title: 'Desk',
  version: '1.0.0',
  levels: [{ level: 1 }, { level: 2 }, { level: 3 }],
  dimensions: [
    {
      id: 'intake',
      title: 'Intake',
      criteria: [
        { id: 'portal', text: 'A portal.', level: 2 },
        { id: 'catalogue', text: 'A catalogue.', level: 3, dependsOn: ['portal'] },
      ],
    },
  ],
} as Rubric;

/** An assessment that names a dimension the rubric lacks and answers nothing: read without facts, nothing of it is known. */
const ASSESSMENT = yaml`
  kind: Assessment
  date: 2026-03-31
  dimensions:
    ghost: { level: 2 }
`;

async function codesOf(kind: DocumentKind, text: string): Promise<string[]> {
  const { runRules } = await registry();
  const out = new DiagnosticCollector();
  runRules(new RuleContext({ kind, document: parseDocuments(text).documents[0]!, verdict: SCHEMA_VALID, rubric: new RubricIndex(RUBRIC) }, out));
  return out.items.map((d) => d.code);
}

describe('rules given a rubric but no facts', () => {
  it('report nothing of an assessment, whose dimensions and answers they cannot know', async () => {
    expect(await codesOf('Assessment', ASSESSMENT)).toEqual([]);
  });

  it('still report what the rubric alone tells, in a plan', async () => {
    expect(await codesOf('Plan', yaml`
      kind: Plan
      horizon: { start: 2026-01-01, end: 2027-12-31 }
      initiatives:
        - { id: step, title: Step, start: 2026-02-01, end: 2026-06-30, moves: [{ dimension: ghost, to: 2 }] }
    `)).toEqual(['unknown-dimension']);
  });
});
