/**
 * Format 1.1 is backwards compatible: every file of format 1.0 (the samples, the test fixtures,
 * the golden reports' inputs, and seeded random assessments of each built-in framework and of the
 * scoring fixtures) scores as it did under 1.0, to 1e-12. The expected scores were written once by
 * the 1.0 engine (main at bb4bf9b) into test/fixtures/compat/scores-1.0.json; this test never
 * rewrites them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../../../src/core/builtins';
import { Engine } from '../../../src/core/engine';
import { MemoryFileHost } from '../../../src/core/resolve/host';
import { DiskFileHost } from '../../support/diskHost';
import { snapshotFile, type DocumentSnapshot } from '../../support/scoreSnapshot';

const root = path.resolve(__dirname, '../../..');
const expected = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/compat/scores-1.0.json'), 'utf8')) as {
  files: Record<string, DocumentSnapshot[]>;
  random: { rubric: string; seed: number; dimensions: Record<string, unknown>; scores: DocumentSnapshot[] }[];
};

/** Paths of the numbers that differ by more than 1e-12, or of anything else that differs. */
function differences(actual: unknown, wanted: unknown, at = ''): string[] {
  if (typeof wanted === 'number' && typeof actual === 'number') return Math.abs(actual - wanted) <= 1e-12 ? [] : [`${at}: ${actual} instead of ${wanted}`];
  if (wanted !== null && typeof wanted === 'object' && actual !== null && typeof actual === 'object') {
    const keys = new Set([...Object.keys(wanted), ...Object.keys(actual)]);
    return [...keys].flatMap((k) => differences((actual as Record<string, unknown>)[k], (wanted as Record<string, unknown>)[k], `${at}/${k}`));
  }
  return Object.is(actual, wanted) ? [] : [`${at}: ${JSON.stringify(actual)} instead of ${JSON.stringify(wanted)}`];
}

/**
 * The one deliberate change since 1.0 (issue 22): a group whose dimensions set no target has no
 * target, where the 1.0 engine showed its own score as one ("score 1.29, target 1.29"). Such an
 * expected target is dropped when the group now has none and the target was the group's score;
 * test/core/scoring/scoreAssessment.test.ts checks that a group has a target exactly when a dimension of it sets one.
 */
function withoutUnsetGroupTargets(wanted: DocumentSnapshot[], actual: DocumentSnapshot[]): DocumentSnapshot[] {
  return wanted.map((doc, i) => {
    const groups = doc.assessment?.groups;
    const now = actual[i]?.assessment?.groups;
    if (!groups || !now) return doc;
    const kept = Object.fromEntries(
      Object.entries(groups).map(([id, g]) => {
        const unset = now[id]?.target === undefined && g.target !== undefined && g.score !== undefined && Math.abs(g.target - g.score) <= 1e-12;
        return [id, unset ? { ...(g.score !== undefined ? { score: g.score } : {}) } : g];
      }),
    );
    return { ...doc, assessment: { ...doc.assessment!, groups: kept } };
  });
}

describe('format 1.0 files score as they did', () => {
  const engine = new Engine(new DiskFileHost());
  it.each(Object.keys(expected.files))('%s', async (file) => {
    const full = path.join(root, file);
    const analysis = await engine.analyze(pathToFileURL(full).toString(), fs.readFileSync(full, 'utf8'));
    const actual = snapshotFile(analysis);
    expect(differences(actual, withoutUnsetGroupTargets(expected.files[file]!, actual))).toEqual([]);
  });

  it('covers every built-in framework, with seeded random assessments', () => {
    const covered = new Set(expected.random.map((r) => r.rubric));
    for (const id of builtinFrameworks().keys()) expect(covered).toContain(`builtin:${id}`);
  });

  it.each(expected.random.map((r) => [`${r.rubric} seed ${r.seed}`, r] as const))('%s', async (_name, set) => {
    const rubricText = set.rubric.startsWith('builtin:') ? '' : fs.readFileSync(path.join(root, set.rubric), 'utf8');
    const assessment = { apiVersion: 'rubrics-as-code/v1', kind: 'Assessment', id: 'random', rubric: set.rubric.startsWith('builtin:') ? set.rubric.slice(8) : './r.rubric.yaml', subject: { organization: 'Seeded' }, date: '2026-03-31', dimensions: set.dimensions };
    const text = JSON.stringify(assessment, null, 1);
    const host = new MemoryFileHost(new Map([['file:///ws/r.rubric.yaml', rubricText], ['file:///ws/a.yaml', text]]));
    const analysis = await new Engine(host).analyze('file:///ws/a.yaml', text);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const actual = snapshotFile(analysis);
    expect(differences(actual, withoutUnsetGroupTargets(set.scores, actual))).toEqual([]);
  });
});
