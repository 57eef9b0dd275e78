/**
 * The engine's budget per document (src/core/document/budget.ts): work counted in units, so
 * these tests reach it exactly, on any machine, and never flake. Where it must fire (budgets
 * made small on purpose, at each stage), and where it must not (real and hostile documents
 * under the default budget, with room to spare).
 */
import { describe, expect, it } from 'vitest';
import { BENCH_RUBRIC_FILE, generateBenchDocuments } from '../../bench/generate';
import { aliasSharedRubric } from '../../bench/hostile';
import { FileChecker } from '../../src/node/analyze';
import { BudgetExceeded, DOCUMENT_BUDGET, DocumentBudget, type BudgetLimits } from '../../src/core/document/budget';
import { parseDocuments } from '../../src/core/document/located';
import { DiagnosticCollector } from '../../src/core/diagnostics/collector';
import { Engine, type FileAnalysis } from '../../src/core/engine';
import { MemoryFileHost } from '../../src/core/resolve/host';
import { RuleContext } from '../../src/core/rules/context';
import { SCHEMA_VALID } from '../../src/core/schema/validateSchema';
import { workUnits } from '../../src/core/yaml/work';
import { analyzeMemory, SMALL_RUBRIC, yaml } from '../support/memory';
import { assessmentYaml } from '../support/fixtures';

const RUBRIC = SMALL_RUBRIC;

const ASSESSMENT = assessmentYaml(yaml`
  dimensions:
    portal:
      answers:
        portal-live: maybe
      notes: >-
        The portal went live in January for the head office; the branches follow in spring, once
        the catalogue covers their requests. Until then their calls still go to the desk, which is
        why the answer is not yes yet. This note is long on purpose, so the assessment needs more
        work than its rubric, and the tests can set a budget between the two.
`);

const files = { 'desk.rubric.yaml': RUBRIC, 'acme.assessment.yaml': ASSESSMENT };
const check = (budget?: BudgetLimits) => analyzeMemory(files, 'acme.assessment.yaml', budget ? { budget } : {});

it('the assessment needs more work than its rubric (the tests below set budgets between the two)', async () => {
  const rubric = await analyzeMemory(files, 'desk.rubric.yaml');
  expect((await check()).documents[0]?.work).toBeGreaterThan((rubric.documents[0]?.work as number) + 100);
});
const only = (limit: number): BudgetLimits => ({ perCharacter: 0, base: limit });

describe('the work budget of a document', () => {
  it('counts the same work for the same document, every time', async () => {
    const first = await check();
    const second = await check();
    expect(first.documents[0]?.work).toBeGreaterThan(0);
    expect(second.documents[0]?.work).toBe(first.documents[0]?.work);
  });

  it('is not reached by a document that fits it exactly', async () => {
    const spent = (await check()).documents[0]?.work as number;
    const exact = await check(only(spent));
    expect(exact.incomplete).toBeUndefined();
    expect(exact.diagnostics.map((d) => d.code)).toEqual(['answer-not-in-scale']);
  });

  it('stops a document one unit short of what it needs, in its last stage, keeping what was found before', async () => {
    const spent = (await check()).documents[0]?.work as number;
    const short = await check(only(spent - 1));
    const budget = short.diagnostics.find((d) => d.code === 'budget-exceeded');
    expect(budget?.severity).toBe('error');
    expect(budget?.message).toContain(`budget of ${(spent - 1).toLocaleString('en-US')} work units`);
    expect(budget?.message).toContain('during rules');
    // On the document's first key, where the editor shows it.
    expect(ASSESSMENT.slice(budget?.range.start, budget?.range.end)).toBe('apiVersion');
    expect(short.incomplete).toEqual([`The document needed more than its work budget of ${(spent - 1).toLocaleString('en-US')} units; checking stopped during rules.`]);
    expect(short.documents[0]?.incomplete).toEqual(short.incomplete);
  });

  it('names the stage it stopped in, and runs none after it', async () => {
    const doc = parseDocuments(ASSESSMENT).documents[0]!;
    const parse = workUnits(doc.parseWork);
    const cases: [number, string, boolean][] = [
      [parse - 1, 'YAML parsing', false],
      [parse + 1, 'schema validation', false],
    ];
    for (const [limit, stage, scored] of cases) {
      const analysis = await check(only(limit));
      expect(analysis.diagnostics.find((d) => d.code === 'budget-exceeded')?.message).toContain(`during ${stage}`);
      // Neither the schema's problems nor the rules' ones: those stages did not run.
      expect(analysis.diagnostics.map((d) => d.code)).toEqual(['budget-exceeded']);
      const assessment = analysis.documents[0];
      expect(assessment?.kind === 'Assessment' && assessment.score !== undefined).toBe(scored);
    }
  });

  it('makes the CLI report the file as not fully checked (exit 2)', async () => {
    const spent = (await check()).documents[0]?.work as number;
    const host = new MemoryFileHost(new Map([['file:///ws/desk.rubric.yaml', RUBRIC]]));
    const checked = await new FileChecker(new Engine(host, { budget: only(spent - 1) })).check('file:///ws/acme.assessment.yaml', ASSESSMENT);
    expect(checked.incomplete).toHaveLength(1);
    expect(checked.incomplete[0]).toMatch(/work budget/);
  });

  it('is per document: in a file of several, only the one past it stops', async () => {
    const two = `${RUBRIC}---\n${RUBRIC.replace('id: desk', 'id: desk-two').replace(/dimensions:[\s\S]*$/, 'dimensions:\n' + Array.from({ length: 40 }, (_, i) => `  - { id: d${i}, title: D ${i}, criteria: [{ id: c${i}, text: T., level: 2 }] }`).join('\n') + '\n')}`;
    const normal = await analyzeMemory({ 'two.rubric.yaml': two }, 'two.rubric.yaml');
    const [small, large] = normal.documents.map((d) => d.work) as [number, number];
    expect(large).toBeGreaterThan(small);
    // Per character of each document, the large one needs more than the small one is allowed.
    const perCharacter = Math.ceil(small / (RUBRIC.length + 1));
    const stopped = await analyzeMemory({ 'two.rubric.yaml': two }, 'two.rubric.yaml', { budget: { perCharacter, base: 0 } });
    expect(stopped.documents[0]?.incomplete).toBeUndefined();
    expect(stopped.documents[1]?.incomplete?.[0]).toMatch(/^Document 2 \(Rubric\) needed more than its work budget/);
  });

  it('stops a rule that keeps reading, from inside it', () => {
    const doc = parseDocuments(ASSESSMENT).documents[0]!;
    const budget = new DocumentBudget(0, only(1_000));
    const ctx = new RuleContext({ kind: 'Assessment', document: doc, verdict: SCHEMA_VALID }, new DiagnosticCollector(), budget);
    let reads = 0;
    expect(() => {
      for (;;) {
        ctx.read(['dimensions', 'portal', 'answers', 'portal-live']);
        reads++;
      }
    }).toThrow(BudgetExceeded);
    // Each read of a four-segment path is charged for what it walks.
    expect(reads).toBeLessThan(1_000 / 4);
    expect(budget.spent).toBeGreaterThan(1_000);
  });
});

describe('the default budget', () => {
  const perCharacter = (analysis: FileAnalysis) => Math.max(...analysis.documents.map((d) => d.work / (analysis.text.length + 1)));

  it('leaves a 50,000-line assessment far from it', async () => {
    const docs = generateBenchDocuments(50_000);
    const analysis = await analyzeMemory({ [BENCH_RUBRIC_FILE]: docs.rubric, 'bench.assessment.yaml': docs.assessment }, 'bench.assessment.yaml');
    expect(analysis.incomplete).toBeUndefined();
    expect(perCharacter(analysis)).toBeLessThan(DOCUMENT_BUDGET.perCharacter / 4);
  });

  it('leaves the alias-shared rubric far from it: shared values are not charged again', async () => {
    const analysis = await analyzeMemory({ 'shared.rubric.yaml': aliasSharedRubric(5_000) }, 'shared.rubric.yaml');
    expect(analysis.incomplete).toBeUndefined();
    const work = analysis.documents[0]?.work as number;
    expect(work).toBeLessThan(new DocumentBudget(analysis.text.length).limit / 4);
  });

  it('keeps a document with thousands of schema errors linear: each place the rules ask about costs its length', async () => {
    const dimensions = (count: number) =>
      yaml`
        apiVersion: rubrics-as-code/v1
        kind: Rubric
        id: broken
        title: Broken
        version: 1.0.0
        levels:
          - { level: 1, name: One }
          - { level: 2, name: Two }
        dimensions:
      ` + Array.from({ length: count }, (_, i) => `  - { id: D${i}, title: '', criteria: [{ id: c${i}, text: T., level: 2, weight: -1 }] }\n`).join('');
    const small = await analyzeMemory({ 'b.rubric.yaml': dimensions(250) }, 'b.rubric.yaml');
    const large = await analyzeMemory({ 'b.rubric.yaml': dimensions(2_000) }, 'b.rubric.yaml');
    expect(large.diagnostics.length).toBeGreaterThan(500);
    // Eight times the errors, and about eight times the work, not sixty-four.
    const ratio = (large.documents[0]?.work as number) / (small.documents[0]?.work as number);
    expect(ratio).toBeGreaterThan(6);
    expect(ratio).toBeLessThan(10);
  });
});
