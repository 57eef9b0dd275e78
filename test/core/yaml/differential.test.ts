/**
 * Differential tests: the fast parser either declines a text or produces exactly what the full
 * `yaml`-based parser produces (values with their types and prototypes, every span and range,
 * and no problems). Real files must also take the fast path, or the speed claim means nothing.
 * Random inputs are seeded, so a failure names the seed that replays it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { BENCH_SIZES, generateBenchDocuments } from '../../../bench/generate';
import { Engine } from '../../../src/core/engine';
import { parseFastOrBail } from '../../../src/core/yaml/parseFast';
import { parseFull } from '../../../src/core/yaml/parseFull';
import { DiskFileHost } from '../../support/diskHost';
import { diffParses, lineSoup, mutateYaml, Random, randomYaml } from '../../support/yaml';

const root = path.resolve(__dirname, '../../..');

function yamlFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? yamlFilesUnder(path.join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [path.join(dir, entry.name)] : []))
    .sort();
}

const realFiles = [...yamlFilesUnder(path.join(root, 'samples')), ...yamlFilesUnder(path.join(root, 'src/core/builtins/frameworks'))].map((file) => ({
  name: path.relative(root, file),
  text: fs.readFileSync(file, 'utf8'),
}));

/**
 * Real files that are valid YAML but deliberately outside the fast parser's subset, with the
 * reason. Keep this empty if you can: every file here is parsed at the full parser's speed.
 */
const OUTSIDE_SUBSET: Readonly<Record<string, string>> = {};

/** 'fast' when the fast parser accepted the text (and agreed), 'bail' when it declined. */
function compare(text: string, label: string): 'fast' | 'bail' {
  const fast = parseFastOrBail(text); // a fault in the fast parser throws here and fails the test
  if (!fast) return 'bail';
  const diff = diffParses(fast, parseFull(text));
  if (diff) throw new Error(`${label}: the parsers disagree: ${diff}\ntext: ${JSON.stringify(text)}`);
  return 'fast';
}

describe('fast and full parsers agree on real files', () => {
  it('finds the sample and built-in files to check', () => {
    expect(realFiles.length).toBeGreaterThan(10);
  });

  for (const file of realFiles) {
    it(`${file.name}: same result, on the fast path unless yaml reports a problem`, () => {
      const yamlProblems = parseFull(file.text).flatMap((d) => d.issues);
      const taken = compare(file.text, file.name);
      // Files with YAML problems go to the full parser, which explains them; all others must be fast.
      const expected = yamlProblems.length > 0 || file.name in OUTSIDE_SUBSET ? 'bail' : 'fast';
      expect(
        taken,
        expected === 'fast'
          ? `${file.name} is valid YAML, but the fast parser declines it: support the construct in src/core/yaml/parseFast.ts, or list the file in OUTSIDE_SUBSET with the reason`
          : `${file.name} should not take the fast path`,
      ).toBe(expected);
    });
  }

  it('the engine gives the same diagnostics, ranges and scores with either parser on every real file', async () => {
    const fast = new Engine(new DiskFileHost());
    const full = new Engine(new DiskFileHost(), { parser: 'full' });
    for (const file of realFiles) {
      const uri = pathToFileURL(path.join(root, file.name)).toString();
      const [a, b] = await Promise.all([fast.analyze(uri, file.text), full.analyze(uri, file.text)]);
      expect(a.diagnostics, file.name).toEqual(b.diagnostics);
      const scores = (analysis: typeof a) => analysis.documents.map((d) => ('score' in d ? d.score : 'projection' in d ? d.projection : undefined));
      expect(JSON.stringify(scores(a)), file.name).toBe(JSON.stringify(scores(b)));
    }
  });

  for (const size of BENCH_SIZES) {
    it(`the benchmark's ${size}-line assessment and its rubric take the fast path and agree`, () => {
      const docs = generateBenchDocuments(size);
      expect(compare(docs.assessment, `bench assessment ${size}`)).toBe('fast');
      // The largest rubric (65,000 lines) is built like the smaller ones: only its speed differs.
      if (size < 50_000) expect(compare(docs.rubric, `bench rubric ${size}`)).toBe('fast');
    });
  }
});

describe('fast and full parsers agree on seeded random YAML', () => {
  /** Runs `count` seeds of a generator; returns how many texts the fast parser accepted. */
  function run(count: number, firstSeed: number, make: (random: Random) => string): number {
    let accepted = 0;
    for (let seed = firstSeed; seed < firstSeed + count; seed++) {
      if (compare(make(new Random(seed)), `seed ${seed}`) === 'fast') accepted++;
    }
    return accepted;
  }

  it('documents generated within the subset (comments, blank lines, CRLF, several documents)', () => {
    const accepted = run(3000, 1, (random) => randomYaml(random, { maxDepth: 4, wildness: 0 }));
    // Most of these must take the fast path, or this test would only be testing bail-outs.
    expect(accepted).toBeGreaterThan(1500);
  });

  it('documents that stray from the subset (odd scalars, indentation, headers, blank lines)', () => {
    const accepted = run(2500, 100_000, (random) => randomYaml(random, { maxDepth: 4, wildness: 0.3 }));
    expect(accepted).toBeGreaterThan(250);
  });

  it('documents with anchors on values of every kind and aliases of them', () => {
    const accepted = run(2500, 400_000, (random) => randomYaml(random, { maxDepth: 4, wildness: 0.02, anchors: 0.15 }));
    expect(accepted).toBeGreaterThan(800);
  });

  it('random lines at random indentation', () => {
    const accepted = run(6000, 200_000, lineSoup);
    expect(accepted).toBeGreaterThan(300);
  });

  it('random edits of real files and of a generated assessment', () => {
    const bases = [...realFiles.map((f) => f.text), generateBenchDocuments(500).assessment];
    let accepted = 0;
    let total = 0;
    bases.forEach((base, b) => {
      for (let m = 0; m < 40; m++) {
        const seed = 300_000 + b * 1000 + m;
        const random = new Random(seed);
        total++;
        if (compare(mutateYaml(random, base), `mutation seed ${seed} of base ${b}`) === 'fast') accepted++;
      }
    });
    expect(total).toBeGreaterThan(400);
    expect(accepted).toBeGreaterThan(total / 10);
  });
});
