/**
 * The rules' view of a document (src/core/rules/context.ts): it hands a rule only what passed the
 * schema, and charges each read, place and problem to the document's work budget in units of what
 * it walks, so a rule whose work grows faster than the document is stopped.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../../src/core/diagnostics/collector';
import { assessmentFacts } from '../../../src/core/domain/assessmentFacts';
import { RubricIndex } from '../../../src/core/domain/rubricIndex';
import type { Rubric } from '../../../src/core/format/types';
import { BudgetExceeded, DocumentBudget } from '../../../src/core/document/budget';
import { parseDocuments } from '../../../src/core/document/located';
import { reportUnknownId, RuleContext, type RuleInputs } from '../../../src/core/rules/context';
import { SCHEMA_VALID, type SchemaVerdict } from '../../../src/core/schema/validateSchema';
import { yaml } from '../../support/memory';
import { assessmentYaml } from '../../support/fixtures';
import { verdictWithout } from '../../support/verdict';

const ASSESSMENT = assessmentYaml(yaml`
  dimensions:
    intake:
      answers: { portal: yes }
    knowledge:
      answers: { kb: no }
  mixed: [{ a: 1 }, plain, { b: 2 }]
`, { id: 'acme' });

function context(verdict: SchemaVerdict = SCHEMA_VALID, withFacts = false) {
  const document = parseDocuments(ASSESSMENT).documents[0]!;
  const inputs: RuleInputs = { kind: 'Assessment', document, verdict, ...(withFacts ? { facts: assessmentFacts(document.value, undefined, verdict) } : {}) };
  const budget = new DocumentBudget(0, { perCharacter: 0, base: 1_000_000 });
  const out = new DiagnosticCollector();
  return { ctx: new RuleContext(inputs, out, budget), budget, out };
}

/** The units `work` charges to the budget. */
function cost(budget: DocumentBudget, work: () => void): number {
  const before = budget.spent;
  work();
  return budget.spent - before;
}

describe('what a rule reads', () => {
  it('reads a value that passed the schema, and nothing where the schema failed', () => {
    const { ctx } = context(verdictWithout(['date']));
    expect(ctx.read(['id'])).toBe('acme');
    expect(ctx.read(['date'])).toBeUndefined();
    expect(ctx.written(['date'])).toBe(true);
    expect(ctx.valid(['date'])).toBe(false);
    expect(ctx.read(['nowhere'])).toBeUndefined();
  });

  it('lists only the items of a list that are maps, with their index and place', () => {
    const { ctx } = context();
    expect(ctx.maps(['mixed'])).toEqual([
      { value: { a: 1 }, path: ['mixed', 0], index: 0 },
      { value: { b: 2 }, path: ['mixed', 2], index: 2 },
    ]);
    expect(ctx.maps(['id'])).toEqual([]);
  });

  it('lists only the items that passed the schema', () => {
    const { ctx } = context(verdictWithout(['mixed', 1]));
    expect(ctx.items(['mixed']).map((i) => i.index)).toEqual([0, 2]);
  });

  it('works without a budget (a rule run on its own)', () => {
    const document = parseDocuments(ASSESSMENT).documents[0]!;
    const ctx = new RuleContext({ kind: 'Assessment', document, verdict: SCHEMA_VALID }, new DiagnosticCollector());
    expect(ctx.read(['id'])).toBe('acme');
    expect(ctx.writtenDimensions()).toEqual([]);
  });
});

describe('what a rule is charged', () => {
  it('charges a read for the path it walks, twice when the value is there (to find it, then to ask the schema)', () => {
    const { ctx, budget } = context();
    expect(cost(budget, () => ctx.read(['dimensions', 'intake', 'answers']))).toBe(2 * 4);
    expect(cost(budget, () => ctx.read(['nowhere']))).toBe(2);
    expect(cost(budget, () => ctx.valid(['a', 'b']))).toBe(3);
  });

  it('charges a place for its path', () => {
    const { ctx, budget } = context();
    expect(cost(budget, () => ctx.at(['dimensions', 'intake']))).toBe(3);
    expect(cost(budget, () => ctx.keyAt(['dimensions', 'intake', 'answers']))).toBe(4);
  });

  it('charges the written dimensions for each one', () => {
    const { ctx, budget } = context(SCHEMA_VALID, true);
    expect(cost(budget, () => ctx.writtenDimensions())).toBe(1 + 2);
  });

  it('charges a problem for its message, and an unknown id for the id too', () => {
    const { ctx, budget } = context();
    const range = ctx.at(['id']);
    expect(cost(budget, () => ctx.report('unknown-dimension', 'Twelve chars', range))).toBe(1 + 12);
    expect(cost(budget, () => ctx.reportUnknownId('unknown-dimension', 'Twelve chars', range, 'abcd', ['zzzzzzzz']))).toBe(1 + 12 + 4);
  });

  it('stops the rule when the budget runs out, naming the rules stage', () => {
    const document = parseDocuments(ASSESSMENT).documents[0]!;
    const ctx = new RuleContext({ kind: 'Assessment', document, verdict: SCHEMA_VALID }, new DiagnosticCollector(), new DocumentBudget(0, { perCharacter: 0, base: 5 }));
    expect(() => ctx.read(['dimensions', 'intake', 'answers'])).toThrow(new BudgetExceeded('rules', 5));
    expect(() => ctx.read(['id'])).toThrow(/during rules\./);
  });
});

describe('an unknown id', () => {
  it('with a close match: "did you mean", a quick fix to it and the suggestion as data', () => {
    const out = new DiagnosticCollector();
    const range = { start: 3, end: 9 };
    reportUnknownId(out, 'unknown-dimension', 'No "intaek".', range, 'intaek', ['intake', 'knowledge']);
    expect(out.items).toEqual([
      {
        code: 'unknown-dimension',
        severity: 'error',
        message: 'No "intaek". Did you mean "intake"?',
        range,
        fixes: [{ title: 'Change to "intake"', replacement: 'intake', range }],
        data: { suggestion: 'intake' },
      },
    ]);
  });

  it('with nothing close: the message alone, no fix and no data', () => {
    const out = new DiagnosticCollector();
    const range = { start: 3, end: 9 };
    reportUnknownId(out, 'unknown-dimension', 'No "zzz".', range, 'zzz', ['intake', 'knowledge']);
    expect(out.items).toEqual([{ code: 'unknown-dimension', severity: 'error', message: 'No "zzz".', range }]);
  });
});

describe('the answers of the assessment and of its assessors', () => {
  const RESPONDED = assessmentYaml(yaml`
    responses:
      ann:
        name: Ann
        date: 2026-03-01
        dimensions:
          intake:
            answers: { portal: yes }
          other:
            answers: { x: yes }
      bob:
        name: Bob
        date: 2026-03-02
        dimensions:
          intake:
            answers: { portal: no }
    dimensions:
      intake:
        answers: { catalogue: yes }
      elsewhere: {}
  `);
  const rubric = new RubricIndex({ id: 'desk', title: 'Desk', levels: [{ level: 1 }, { level: 2 }], dimensions: [{ id: 'intake', title: 'Intake', criteria: [{ id: 'portal', text: 'P.', level: 2 }] }] } as unknown as Rubric);

  function responded(text = RESPONDED) {
    const document = parseDocuments(text).documents[0]!;
    const budget = new DocumentBudget(0, { perCharacter: 0, base: 1_000_000 });
    const ctx = new RuleContext({ kind: 'Assessment', document, verdict: SCHEMA_VALID, rubric, facts: assessmentFacts(document.value, rubric, SCHEMA_VALID) }, new DiagnosticCollector(), budget);
    return { ctx, budget };
  }

  it('every assessor’s dimensions, response after response, charged once', () => {
    const { ctx, budget } = responded();
    expect(cost(budget, () => expect(ctx.responseDimensions().map((d) => d.id)).toEqual(['intake', 'other', 'intake']))).toBe(1 + 3);
    expect(cost(budget, () => ctx.responseDimensions())).toBe(0);
    expect(ctx.assessedResponseDimensions().map((d) => d.id)).toEqual(['intake', 'intake']);
  });

  it('the written and the assessed answer sets: the assessment’s own, then the assessors’', () => {
    const { ctx } = responded();
    expect(ctx.writtenAnswerSets().map((set) => set.map((d) => d.id))).toEqual([
      ['intake', 'elsewhere'],
      ['intake', 'other', 'intake'],
    ]);
    expect(ctx.assessedAnswerSets().map((set) => set.map((d) => d.id))).toEqual([['intake'], ['intake', 'intake']]);
    expect(ctx.assessedDimensions()).toBe(ctx.assessedDimensions());
  });

  it('only the assessment’s own, without responses', () => {
    const { ctx } = responded(RESPONDED.replace(/responses:[\s\S]*?(?=dimensions:\n {2}intake)/, ''));
    expect(ctx.responseDimensions()).toEqual([]);
    expect(ctx.assessedResponseDimensions()).toEqual([]);
    expect(ctx.writtenAnswerSets().map((set) => set.map((d) => d.id))).toEqual([['intake', 'elsewhere']]);
    expect(ctx.assessedAnswerSets().map((set) => set.map((d) => d.id))).toEqual([['intake']]);
  });

  it('charges nothing for the responses of an assessment without any, however often asked', () => {
    const { ctx, budget } = responded(RESPONDED.replace(/responses:[\s\S]*?(?=dimensions:\n {2}intake)/, ''));
    expect(cost(budget, () => ctx.responseDimensions())).toBe(0);
    expect(cost(budget, () => ctx.responseDimensions())).toBe(0);
  });
});
