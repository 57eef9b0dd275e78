import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, type AssessmentDocumentAnalysis } from '../../../src/core/engine';
import { analyzeFile, DiskFileHost } from '../../support/diskHost';

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
