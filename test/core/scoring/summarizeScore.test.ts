import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, type AssessmentDocumentAnalysis } from '../../../src/core/engine';
import { analyzeFile, DiskFileHost } from '../../support/diskHost';
import { analyzeMemory, codesAt, yaml } from '../../support/memory';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';

const samples = path.join(__dirname, '../../../samples');
const assessments = fs
  .readdirSync(samples, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name) && !e.parentPath.includes(`${path.sep}invalid`))
  .map((e) => path.join(e.parentPath, e.name));

describe('the scores at a glance', () => {
  const engine = new Engine(new DiskFileHost());
  it.each(assessments.map((f) => path.relative(samples, f)))('of %s are the full score\u2019s, less its details', async (file) => {
    const analysis = await analyzeFile(path.join(samples, file), engine);
    for (const doc of analysis.documents.filter((d): d is AssessmentDocumentAnalysis => d.kind === 'Assessment')) {
      // Read before the full score, so it is computed on its own.
      const summary = doc.summary!;
      const score = doc.score!;
      expect(summary.overall).toEqual(score.overall);
      expect(summary.groups).toEqual(score.groups);
      expect(summary.dimensions).toEqual(
        score.dimensions.map((d) => ({
          id: d.id,
          title: d.title,
          ...(d.group ? { group: d.group } : {}),
          weight: d.weight,
          status: d.status,
          ...(d.score !== undefined ? { score: d.score, level: d.level } : {}),
          ...(d.target !== undefined ? { target: d.target } : {}),
          ...(d.gap !== undefined ? { gap: d.gap } : {}),
          ...(d.thresholdReached !== undefined ? { thresholdReached: d.thresholdReached } : {}),
          subgroups: d.subgroups,
        })),
      );
    }
  });
});

describe('a dimension at a glance, key by key', () => {
  const rubric = rubricYaml(yaml`
    levels: [{ level: 1, name: One }, { level: 2, name: Two }, { level: 3, name: Three }]
    scoring: { method: gated }
    groups: [{ id: g, title: G }]
    dimensions:
      - id: split
        title: Split
        group: g
        subgroups: [{ id: s, title: S }]
        criteria:
          - { id: s1, text: One., level: 1, subgroup: s }
          - { id: s2, text: Two., level: 2, subgroup: s }
      - id: aimed
        title: Aimed
        subgroups: [{ id: t, title: T }]
        criteria: [{ id: a1, text: One., level: 1, subgroup: t }, { id: a2, text: Two., level: 2 }]
      - id: plain
        title: Plain
        criteria: [{ id: p1, text: One., level: 1 }]
  `);
  const assessment = assessmentYaml(yaml`
    dimensions:
      split:
        target: 3
        exemption: { reason: Outsourced., approver: CIO, expires: 2026-12-31 }
        answers: { s1: yes, s2: yes }
      aimed: { target: 2, answers: { a1: yes, a2: yes } }
      plain: { answers: { p1: yes } }
  `, { rubric: './glance.rubric.yaml' });

  it('an exempt dimension keeps its target and sub-groups, with no score, level or gap; no group or target key where none is set; a scored sub-group counts its own criteria', async () => {
    const analysis = await analyzeMemory({ 'glance.rubric.yaml': rubric, 'glance.assessment.yaml': assessment }, 'glance.assessment.yaml');
    expect(codesAt(analysis).filter((c) => !c.startsWith('dimension-exempt'))).toEqual([]);
    const doc = analysis.documents[0] as AssessmentDocumentAnalysis;
    const unscoredSplit = { id: 's', title: 'S', criteria: ['s1', 's2'] };
    expect(doc.summary!.dimensions).toStrictEqual([
      { id: 'split', title: 'Split', group: 'g', weight: 1, status: 'exempt', target: 3, subgroups: [unscoredSplit] },
      // The sub-group scores its own criteria only: level 1, where the dimension reaches 2.
      { id: 'aimed', title: 'Aimed', weight: 1, status: 'scored', target: 2, score: 2, level: 2, gap: 0, subgroups: [{ id: 't', title: 'T', score: 1, level: 1, criteria: ['a1'] }] },
      { id: 'plain', title: 'Plain', weight: 1, status: 'scored', score: 1, level: 1, subgroups: [] },
    ]);
    const split = doc.score!.dimensions[0]!;
    expect([split.status, 'score' in split, 'level' in split, 'gap' in split, split.blockers]).toEqual(['exempt', false, false, false, []]);
    expect(split.subgroups).toStrictEqual([unscoredSplit]);
  });
});
