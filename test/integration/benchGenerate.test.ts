import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_RUBRIC_FILE, generateBenchDocuments, writeBenchFiles } from '../../bench/generate';
import { analyzeMemory } from '../support/memory';

describe('benchmark document generator', () => {
  it('is deterministic for a seed and varies with it', () => {
    expect(generateBenchDocuments(500, 7)).toEqual(generateBenchDocuments(500, 7));
    expect(generateBenchDocuments(500, 7).assessment).not.toBe(generateBenchDocuments(500, 8).assessment);
  });

  it('produces about the requested number of lines', () => {
    for (const size of [500, 5000]) {
      const docs = generateBenchDocuments(size);
      expect(docs.assessment.split('\n').length - 1).toBe(docs.assessmentLines);
      expect(Math.abs(docs.assessmentLines - size) / size).toBeLessThan(0.1);
    }
  });

  it('produces a valid, scored assessment of its rubric, read by the fast parser', async () => {
    const docs = generateBenchDocuments(500);
    const analysis = await analyzeMemory({ [BENCH_RUBRIC_FILE]: docs.rubric, 'bench.assessment.yaml': docs.assessment }, 'bench.assessment.yaml');
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.parser).toBe('fast');
    const doc = analysis.documents[0];
    expect(doc?.kind).toBe('Assessment');
    if (doc?.kind !== 'Assessment') return;
    expect(doc.score?.dimensions.length).toBe(docs.dimensions);
    expect(doc.score?.overall.dimensionsScored).toBeGreaterThan(0);
    // Realistic content: detailed answers with evidence, block-scalar notes, metrics, comments.
    for (const feature of [/^ {8}evidence:$/m, /^ {4}notes: \|$/m, /^ {4}metrics:$/m, /^ {2}# /m, /^ {4}target: \d$/m]) expect(docs.assessment).toMatch(feature);
  });

  it('writes the rubric and assessments of each size to a folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-files-'));
    try {
      const written = writeBenchFiles(dir, [500]);
      expect(written.map((f) => path.relative(dir, f))).toEqual([path.join('500', BENCH_RUBRIC_FILE), path.join('500', 'bench-500.assessment.yaml')]);
      expect(fs.readFileSync(written[1] as string, 'utf8')).toBe(generateBenchDocuments(500).assessment);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
