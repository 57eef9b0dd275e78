/**
 * Property-based fuzzing of the engine (see test/support/yamlFuzz.ts for the generators and
 * the property). `npm test` runs a few hundred cases from a fixed seed, so it never flakes;
 * `npm run fuzz` runs 100,000 from a fresh seed (FUZZ_RUNS and FUZZ_SEED override both) and
 * prints the seed, which replays a failure exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine';
import { DOCUMENT_BUDGET, DocumentBudget } from '../../../src/core/document/budget';
import { workUnits } from '../../../src/core/yaml/work';
import { aliasAmplification, anyCase, checkText, corpusEngine, loadCorpus, longLine, mutatedFile, randomDocument, yamlWorkBudget } from '../../support/yamlFuzz';

const SUITE_SEED = 20_261_201;
const runs = Number(process.env.FUZZ_RUNS ?? 400);
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS !== undefined ? Date.now() % 2 ** 31 : SUITE_SEED;

/**
 * Lets the event loop run between cases: the checks themselves never wait for anything, and a
 * run of many minutes without a turn starves vitest's messages to its worker until they time out.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const corpus = loadCorpus();
const engine = corpusEngine(corpus);

describe('fuzzing the engine', () => {
  it(`keeps the property for ${runs.toLocaleString('en-US')} cases of every kind (seed ${seed})`, async () => {
    const started = performance.now();
    const kinds = new Map<string, number>();
    let mostPerCharacter = 0;
    let mostOfBudget = 0;
    await fc.assert(
      fc.asyncProperty(anyCase(corpus), async ({ kind, uri, text }) => {
        await nextTurn();
        const result = await checkText(engine, uri, text);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        mostPerCharacter = Math.max(mostPerCharacter, (workUnits(result.work) - result.work.aliasExpansions) / (text.length + 1));
        mostOfBudget = Math.max(mostOfBudget, result.budgetShare);
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzz: ${runs.toLocaleString('en-US')} cases (${[...kinds].map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`).join(', ')}), seed ${seed}, ${seconds.toFixed(1)} s; ` +
        `at most ${mostPerCharacter.toFixed(1)} units of YAML work per character besides alias expansions; ` +
        `at most ${(100 * mostOfBudget).toFixed(1)}% of a document's work budget.`,
    );
    // Every generator took part (the counts include cases fast-check shrank while searching).
    expect(kinds.size).toBe(4);
  });

  // Each generator on its own as well, so none is starved by the mix.
  for (const [name, arbitrary] of [
    ['random documents', randomDocument.map((text) => ({ uri: 'file:///ws/fuzz/random.yaml', text }))],
    ['mutated real files', mutatedFile(corpus)],
    ['alias amplification', aliasAmplification.map((text) => ({ uri: 'file:///ws/fuzz/alias.yaml', text }))],
    ['long lines', longLine.map((text) => ({ uri: 'file:///ws/fuzz/long.yaml', text }))],
  ] as const) {
    it(`keeps the property for ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary as fc.Arbitrary<{ uri: string; text: string }>, async ({ uri, text }) => {
          await nextTurn();
          await checkText(engine, uri, text);
        }),
        { numRuns: Math.max(20, Math.round(runs / 10)), seed: seed + 1, endOnFailure: true },
      );
    });
  }
});

describe('the fuzz property', () => {
  /** An engine stand-in that returns one diagnostic at `range`. */
  const reporting = (range: { start: number; end: number }) =>
    ({ analyze: async () => ({ diagnostics: [{ code: 'yaml-syntax', range }], documents: [] }) }) as unknown as Engine;

  it('fails on a diagnostic outside the text, and passes one inside it', async () => {
    await expect(checkText(reporting({ start: 0, end: 5 }), 'file:///x.yaml', 'a: 1\n')).resolves.toBeDefined();
    await expect(checkText(reporting({ start: 2, end: 6 }), 'file:///x.yaml', 'a: 1\n')).rejects.toThrow(/outside the text/);
    await expect(checkText(reporting({ start: 3, end: 2 }), 'file:///x.yaml', 'a: 1\n')).rejects.toThrow(/outside the text/);
  });

  it('has a work budget that grows linearly: a step that rescanned the text for each line would exceed it', () => {
    const length = 100_000;
    const lines = length / 10;
    expect(yamlWorkBudget(length)).toBeLessThan(lines * length);
    expect(yamlWorkBudget(2 * length) - yamlWorkBudget(length)).toBe(yamlWorkBudget(3 * length) - yamlWorkBudget(2 * length));
  });

  it("keeps the YAML budget inside the engine's budget per document, with room for every later stage", () => {
    // Both are linear: compare slopes and intercepts.
    const slope = yamlWorkBudget(1_001) - yamlWorkBudget(1_000);
    const intercept = yamlWorkBudget(0) - slope;
    expect(DOCUMENT_BUDGET.perCharacter).toBeGreaterThanOrEqual(4 * slope);
    expect(DOCUMENT_BUDGET.base).toBeGreaterThanOrEqual(2 * intercept);
    for (const length of [0, 1, 1_000, 1_000_000, 16 * 2 ** 20]) expect(yamlWorkBudget(length)).toBeLessThan(new DocumentBudget(length).limit / 2);
  });
});
