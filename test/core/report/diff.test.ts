import { describe, expect, it } from 'vitest';
import { changeSection, renderDiffMarkdown } from '../../../src/core/render';
import { moveArrow } from '../../../src/core/render/text';
import { buildReport, diffReports, type ReportModel } from '../../../src/core/report';
import { Engine } from '../../../src/core/engine';
import { MemoryFileHost } from '../../../src/core/resolve/host';
import { analyzeMemory } from '../../support/memory';
import { analyzeInput, inputFiles } from '../../support/report';
import { expectGolden } from '../../support/golden';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';

async function model(entry: string, overrides: Record<string, string> = {}): Promise<ReportModel> {
  return buildReport(await analyzeInput(entry, overrides));
}

/** The 2027 assessment presented as a new version of the 2026 file (same uri), as a pull request would. */
async function beforeAfter(): Promise<[ReportModel, ReportModel]> {
  const files = inputFiles();
  const before = await model('northwind-2026.assessment.yaml');
  const after = await model('northwind-2026.assessment.yaml', { 'northwind-2026.assessment.yaml': files['northwind-2027.assessment.yaml'] as string });
  return [before, after];
}

describe('score diff of an assessment', () => {
  it('reports the overall change, threshold crossings and changed dimensions first', async () => {
    const [before, after] = await beforeAfter();
    const diff = diffReports(before, after);
    expect(diff.kind).toBe('Assessment');
    expect(diff.rubric).toMatchObject({ changed: false, versionChanged: false });
    // After: run (4 + 3 + 3) / 3 = 3.3333, change (3 + 2) / 2 = 2.5 with weight 2, knowledge 2 on its own:
    // (3.3333 + 5 + 2) / 4 = 2.5833.
    expect(diff.overall).toMatchObject({ before: expect.closeTo(20 / 9, 12), after: expect.closeTo(31 / 12, 12), delta: expect.closeTo(31 / 12 - 20 / 9, 12), levelBefore: 2, levelAfter: 2, thresholdBefore: false, thresholdAfter: false, atThresholdBefore: 2, atThresholdAfter: 4 });
    // The JSON's delta is the engine's after − before, unrounded, so a reader computing it gets the same number.
    expect(diff.overall?.delta).toBe((diff.overall?.after as number) - (diff.overall?.before as number));
    expect(diff.overall?.crossing).toBeUndefined();
    expect(diff.dimensions.map((d) => [d.id, d.change, d.scoreDelta, d.crossing])).toEqual([
      ['service-desk', 'changed', 1, undefined],
      ['self-service', 'changed', 1, 'reached'],
      ['change-enablement', 'changed', 1, 'reached'],
      ['release-automation', 'changed', undefined, undefined],
      ['knowledge', 'changed', undefined, undefined],
      ['incident-management', 'unchanged', 0, undefined],
    ]);
    expect(diff.dimensions.find((d) => d.id === 'release-automation')).toMatchObject({ before: { state: 'exempt' }, after: { state: 'below-threshold', score: 2 } });
  });

  it('lists resolved and new blockers, evidence coverage and exemptions', async () => {
    const diff = diffReports(...(await beforeAfter()));
    expect(diff.blockers.resolved.map((b) => `${b.dimensionId}/${b.criterionId}`)).toEqual(['service-desk/sd-csat', 'change-enablement/ce-standard']);
    expect(diff.blockers.added.map((b) => `${b.dimensionId}/${b.criterionId}`)).toEqual([
      'service-desk/sd-forecast',
      'change-enablement/ce-lead-time',
      'release-automation/ra-pipeline',
    ]);
    expect(diff.evidenceCoverage).toEqual({ before: { required: 2, provided: 1, ratio: 0.5 }, after: { required: 3, provided: 2, ratio: 2 / 3 } });
    expect(diff.exemptions.removed.map((x) => `${x.dimensionId}/${x.criterionId ?? ''}`)).toEqual(['change-enablement/ce-standard', 'release-automation/']);
    expect(diff.exemptions.added).toEqual([]);
  });

  it('writes a review comment with only the changed rows up front', async () => {
    const md = renderDiffMarkdown(diffReports(...(await beforeAfter())));
    expectGolden('report/diff.assessment.md', md);
    expect(md).toContain('**Overall score: 2.22 → 2.58 (▲ +0.36)**');
    expect(md).toContain('| Self-service 🎉 | 2 → 3 (▲ +1) | 2 · Repeatable → 3 · Defined | 3 | 🔴 Below threshold → ✅ On target |');
    expect(md).toContain('<details><summary>Unchanged capability (1)</summary>');
    expect(md).toContain('50% (1 of 2) → 67% (2 of 3) ▲ +17 points');
  });

  it('celebrates a threshold crossing only when the newer version has no errors', async () => {
    const diff = diffReports(...(await beforeAfter()));
    const crossed = { ...diff, overall: { ...diff.overall, crossing: 'reached' as const } };
    expect(renderDiffMarkdown(crossed)).toContain('🎉 The threshold is now reached.');
    const withError = renderDiffMarkdown({ ...crossed, problems: { before: diff.problems.before, after: { ...diff.problems.after, error: 1 } } });
    expect(withError).not.toContain('🎉');
    expect(withError).toContain('As scored, the threshold is now reached, but that cannot be relied on until the error is fixed.');
  });

  it('moves evidence coverage by the percentages shown, and counts one point as one', async () => {
    const diff = diffReports(...(await beforeAfter()));
    const withCoverage = (before: [number, number], after: [number, number]) =>
      renderDiffMarkdown({ ...diff, evidenceCoverage: { before: { provided: before[0], required: before[1], ratio: before[0] / before[1] }, after: { provided: after[0], required: after[1], ratio: after[0] / after[1] } } });
    // 50.5% and 51.4% both show as 51%: no move is shown, although the ratios differ by 0.9 points.
    expect(withCoverage([101, 200], [257, 500])).toContain('51% (101 of 200) → 51% (257 of 500)\n');
    expect(withCoverage([1, 2], [51, 100])).toContain('50% (1 of 2) → 51% (51 of 100) ▲ +1 point\n');
    expect(withCoverage([51, 100], [1, 2])).toContain('51% (51 of 100) → 50% (1 of 2) ▼ \u22121 point\n');
  });

  it('warns when the rubric changed version between the two reports', async () => {
    const files = inputFiles();
    const bumped = (files['service.rubric.yaml'] as string).replace('version: 1.2.0', 'version: 1.3.0');
    const before = await model('northwind-2026.assessment.yaml');
    const after = await model('northwind-2026.assessment.yaml', { 'service.rubric.yaml': bumped });
    const diff = diffReports(before, after);
    expect(diff.rubric).toEqual({
      before: { id: 'service-maturity', version: '1.2.0', title: 'Service management maturity', minLevel: 1, maxLevel: 5 },
      after: { id: 'service-maturity', version: '1.3.0', title: 'Service management maturity', minLevel: 1, maxLevel: 5 },
      changed: false,
      versionChanged: true,
    });
    const md = renderDiffMarkdown(diff);
    expect(md).toContain('> The rubric `service-maturity` changed version (1.2.0 → 1.3.0)');
    expect(md).toContain('No capabilities changed score, level, target or status.');
  });

  it('treats every dimension as new when the file did not exist before', async () => {
    const empty = buildReport(await new Engine(new MemoryFileHost()).analyzeAbsent('file:///ws/a.yaml'));
    const after = await model('northwind-2026.assessment.yaml');
    const diff = diffReports(empty, after);
    expect(diff.kind).toBe('Assessment');
    expect(diff.dimensions.every((d) => d.change === 'added')).toBe(true);
    expect(diff.overall).toMatchObject({ after: expect.closeTo(20 / 9, 12) });
    expect(diff.overall?.before).toBeUndefined();
    expect(renderDiffMarkdown(diff)).toContain('**Overall score: – → 2.22**');
  });

  it('keeps a long list of unchanged dimensions short enough for a pull-request comment', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `d${i + 1}`);
    const rubric = rubricYaml(`scoring: { method: rated }\nlevels: [{ level: 1, name: A }, { level: 2, name: B }]\ndimensions:\n${ids.map((id) => `  - { id: ${id}, title: T${id} }`).join('\n')}\n`, { id: 'wide' });
    const assessment = (first: number) => assessmentYaml(`dimensions:\n${ids.map((id, i) => `  ${id}: { level: ${i === 0 ? first : 2} }`).join('\n')}\n`, { rubric: 'wide' });
    const report = async (first: number) => buildReport(await analyzeMemory({ 'w.yaml': `${rubric}---\n${assessment(first)}` }, 'w.yaml'));
    const md = renderDiffMarkdown(diffReports(await report(1), await report(2)));
    expect(md).toContain('### Dimensions that changed (1)');
    expect(md).toContain('<details><summary>Unchanged dimensions (59)</summary>');
    expect(md.match(/^\| Td/gm)?.length).toBe(51);
    expect(md).toContain('…and 9 more: Td52, Td53, Td54, Td55, Td56, Td57, Td58, Td59, Td60');
  });

  it('compares no dimensions with a version that errors keep from being scored, and says so, while a deleted file still lists what left', async () => {
    const files = inputFiles();
    const before = await model('northwind-2026.assessment.yaml');
    const broken = await model('northwind-2026.assessment.yaml', { 'northwind-2026.assessment.yaml': (files['northwind-2026.assessment.yaml'] as string).replace('date: 2026-03-31', 'date: 31 March 2026') });
    const diff = diffReports(before, broken);
    expect(diff).toMatchObject({ unscored: 'after', dimensions: [], blockers: { added: [], resolved: [] }, exemptions: { added: [], removed: [], expired: [] } });
    expect(diff.overall).toMatchObject({ before: expect.closeTo(20 / 9, 12) });
    expect(diff.overall?.after).toBeUndefined();
    const md = renderDiffMarkdown(diff);
    expect(md).toContain('> The newer version has 1 error, and cannot be scored until it is fixed.');
    expect(md).toContain('**Overall score: 2.22 → not scored.** The capabilities are compared once the newer version can be scored.');
    expect(md).not.toContain('*(removed)*');
    expect(diffReports(broken, before).unscored).toBe('before');
    // A new file that cannot be scored: nothing was scored at either side.
    const absent = async () => buildReport(await new Engine(new MemoryFileHost()).analyzeAbsent('file:///ws/northwind-2026.assessment.yaml'));
    const added = diffReports(await absent(), broken);
    expect(added.unscored).toBe('after');
    expect(renderDiffMarkdown(added)).toContain('**Overall score: not scored.** The capabilities are compared once the newer version can be scored.');
    // No file (it was deleted) has no errors: what it scored is listed as removed.
    const deleted = diffReports(before, await absent());
    expect(deleted.unscored).toBeUndefined();
    expect(deleted.dimensions.every((d) => d.change === 'removed')).toBe(true);
    // A file emptied by the change is there, with an error: not a deletion, and its score is lost.
    const emptied = diffReports(before, await model('northwind-2026.assessment.yaml', { 'northwind-2026.assessment.yaml': '' }));
    expect(emptied.unscored).toBe('after');
    expect(emptied.overall).toMatchObject({ before: expect.closeTo(20 / 9, 12) });
    expect(emptied.overall?.after).toBeUndefined();
  });

  it('refuses to compare documents of different kinds, and says so', async () => {
    const diff = diffReports(await model('northwind-2026.assessment.yaml'), await model('roadmap.plan.yaml'));
    expect(diff.kindChanged).toEqual({ before: 'Assessment', after: 'Plan' });
    expect(renderDiffMarkdown(diff)).toContain('The document changed from an Assessment to a Plan, so its reports cannot be compared.');
  });
});

describe('score diff of a plan', () => {
  it('lists initiatives added, removed, rescheduled and with a new status, and projected levels that moved', async () => {
    const text = inputFiles()['roadmap.plan.yaml'] as string;
    const changed = text
      .replace('    status: in-progress\n    start: 2026-04-01\n    end: 2026-12-31', '    status: done\n    start: 2026-04-01\n    end: 2026-12-31')
      .replace('    start: 2027-07-01\n    end: 2028-06-30', '    start: 2027-10-01\n    end: 2028-09-30')
      .replace(/ {2}- id: knowledge-base[\s\S]*?(?= {2}- id: cmdb)/, '')
      .concat('  - { id: service-analytics, title: Service analytics, start: 2027-01-01, end: 2027-06-30, moves: [{ dimension: incident-management, from: 3, to: 4 }] }\n');
    const before = await model('roadmap.plan.yaml');
    const after = await model('roadmap.plan.yaml', { 'roadmap.plan.yaml': changed });
    expect(after.problems.counts.error).toBe(0);
    const diff = diffReports(before, after);
    expect(diff.plan).toEqual({
      added: [{ id: 'service-analytics', title: 'Service analytics' }],
      removed: [{ id: 'knowledge-base', title: 'Knowledge base relaunch' }],
      rescheduled: [{ id: 'desk-analytics', title: 'Desk analytics', before: { start: '2027-07-01', end: '2028-06-30' }, after: { start: '2027-10-01', end: '2028-09-30' } }],
      statusChanged: [{ id: 'standard-changes', title: 'Standard change catalogue', before: 'in-progress', after: 'done' }],
      projections: [
        { id: 'incident-management', title: 'Incident management', before: 3, after: 4 },
        { id: 'knowledge', title: 'Knowledge management', before: 2 },
      ],
      atThreshold: { before: 5, after: 5, total: 6 },
    });
    expectGolden('report/diff.plan.md', renderDiffMarkdown(diff));
  });

  it('compares no initiatives with a version that errors keep from being read, instead of listing them all as removed', async () => {
    const text = inputFiles()['roadmap.plan.yaml'] as string;
    const before = await model('roadmap.plan.yaml');
    const broken = await model('roadmap.plan.yaml', { 'roadmap.plan.yaml': text.replace('start: 2027-07-01', 'start: July 2027') });
    expect(broken.problems.counts.error).toBeGreaterThan(0);
    const diff = diffReports(before, broken);
    expect(diff.unscored).toBe('after');
    expect(diff.plan).toBeUndefined();
    const md = renderDiffMarkdown(diff);
    expect(md).toContain('The initiatives and projected levels are compared once the newer version can be scored.');
    expect(md).not.toContain('**Removed');
    expect(diffReports(before, before).unscored).toBeUndefined();
  });
});

describe('how a move reads (moveArrow), and the preview\'s "Since HEAD" that uses it', () => {
  it('shows the delta of the numbers shown, a move too small for two decimals, or nothing', () => {
    expect(moveArrow(2.97, 3.02)).toBe('▲ +0.05');
    expect(moveArrow(3.02, 2.97)).toBe('▼ \u22120.05');
    expect(moveArrow(2.171, 2.172)).toBe('▲ by less than 0.01');
    expect(moveArrow(2.172, 2.171)).toBe('▼ by less than 0.01');
    expect(moveArrow(2.17, 2.17)).toBe('');
    // Float noise of a roll-up is no move.
    expect(moveArrow(0.1 + 0.2, 0.3)).toBe('');
  });

  it('lists a dimension whose score moved by less than a hundredth, and says so, rather than "No score moved"', async () => {
    const diff = diffReports(...(await beforeAfter()));
    const dimension = diff.dimensions.find((d) => d.before?.score !== undefined && d.after?.score !== undefined);
    expect(dimension).toBeDefined();
    const only = (before: number, after: number) => ({
      ...diff,
      overall: { ...(diff.overall as NonNullable<typeof diff.overall>), before: 2, after: 2 },
      dimensions: [{ ...(dimension as NonNullable<typeof dimension>), change: 'changed' as const, before: { ...(dimension?.before as NonNullable<NonNullable<typeof dimension>['before']>), score: before }, after: { ...(dimension?.after as NonNullable<NonNullable<typeof dimension>['after']>), score: after } }],
    });
    const tiny = changeSection(only(2.171, 2.172), 'HEAD');
    expect(tiny).toContain('▲ by less than 0.01');
    expect(tiny).not.toContain('No score moved');
    const none = changeSection(only(2.17, 2.17), 'HEAD');
    expect(none).toContain('No score moved since HEAD.');
    expect(none).not.toContain('by less than');
  });
});
