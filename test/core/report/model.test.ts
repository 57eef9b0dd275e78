import { describe, expect, it } from 'vitest';
import { buildReport, type ReportDimension, type ReportModel } from '../../../src/core/report';
import { analyzeMemory, yaml } from '../../support/memory';
import { assessmentYaml, planYaml } from '../../support/fixtures';
import { analyzeInput } from '../../support/report';

function dimension(model: ReportModel, id: string): ReportDimension {
  const found = model.assessment?.dimensions.find((d) => d.id === id);
  if (!found) throw new Error(`no dimension ${id}`);
  return found;
}

describe('report model of an assessment', () => {
  it('carries the hand-computed scores, levels, targets and states', async () => {
    const analysis = await analyzeInput('northwind-2026.assessment.yaml');
    const model = buildReport(analysis);
    expect(model.kind).toBe('Assessment');
    expect(model.schemaVersion).toBe(2);
    expect(model.title).toBe('Northwind service maturity, March 2026');
    expect(model.rubric).toMatchObject({ id: 'service-maturity', version: '1.2.0', method: 'gated', minLevel: 1, maxLevel: 5, threshold: { level: 3, name: 'Tipping point' } });
    expect(model.rubric?.terms).toEqual({ group: 'Area', dimension: 'Capability', subgroup: 'Sub-group', criterion: 'Practice' });

    // Run group (weight 1): mean(3, 3, 2) = 8/3, targets mean(4, 3, 3) = 10/3.
    // Change group (weight 2): change-enablement 2 (release-automation is exempt), target 3.
    // Overall: (8/3 × 1 + 2 × 2) / 3 = 20/9; target (10/3 + 3 × 2) / 3 = 28/9. The model keeps full precision.
    const a = model.assessment!;
    expect(a.scored).toBe(true);
    expect(a.overall).toEqual({
      score: expect.closeTo(20 / 9, 12),
      level: 2,
      levelName: 'Repeatable',
      target: expect.closeTo(28 / 9, 12),
      gap: expect.closeTo(8 / 9, 12),
      thresholdReached: false,
      dimensionsScored: 4,
      dimensionsAtThreshold: 2,
      dimensionsTotal: 6,
      // The score covers 4 of the 6: knowledge is not assessed, release-automation exempt.
      dimensionStatusCounts: { scored: 4, 'not-applicable': 0, exempt: 1, 'not-assessed': 1, 'not-rated': 0 },
    });
    expect(a.groups.map((g) => [g.id, g.title, g.score, g.target, g.dimensions])).toEqual([
      ['run', 'Run the service', expect.closeTo(8 / 3, 12), expect.closeTo(10 / 3, 12), ['service-desk', 'incident-management', 'self-service']],
      ['change', 'Change the service', 2, 3, ['change-enablement', 'release-automation']],
      [undefined, 'Other capabilities', undefined, undefined, ['knowledge']],
    ]);
    // One of the two positive, evidence-required answers has evidence.
    expect(a.evidenceCoverage).toEqual({ required: 2, provided: 1, ratio: 0.5 });

    expect(a.dimensions.map((d) => [d.id, d.score, d.level, d.target, d.gap, d.state])).toEqual([
      ['service-desk', 3, 3, 4, 1, 'below-target'],
      ['incident-management', 3, 3, 3, 0, 'on-target'],
      ['self-service', 2, 2, 3, 1, 'below-threshold'],
      ['change-enablement', 2, 2, 3, 1, 'below-threshold'],
      ['release-automation', undefined, undefined, undefined, undefined, 'exempt'],
      ['knowledge', undefined, undefined, undefined, undefined, 'not-assessed'],
    ]);
  });

  it('names levels, quotes descriptors and lists what blocks the next level', async () => {
    const model = buildReport(await analyzeInput('northwind-2026.assessment.yaml'));
    const desk = dimension(model, 'service-desk');
    expect(desk).toMatchObject({
      levelName: 'Defined',
      descriptor: 'Requests are triaged against a published catalogue.',
      targetLevelName: 'Measured',
      nextLevel: 4,
      nextLevelName: 'Measured',
      nextDescriptor: 'Queues are steered by resolution and satisfaction data.',
      notes: 'Strong team; the catalogue was refreshed in January.',
    });
    expect(desk.blockers.map((c) => [c.id, c.answer, c.level])).toEqual([['sd-csat', 'no', 4]]);
    expect(desk.blockers[0]?.note).toBe('Surveys start in *Q3*.');
    expect(desk.evidence).toEqual([{ url: './evidence/desk-review.md', safe: true }]);
    expect(desk.criteria.find((c) => c.id === 'sd-catalogue')?.evidence).toEqual([{ url: 'https://wiki.example.com/catalogue', title: 'Service catalogue', safe: true }]);
    // The expired exemption counts again: its "no" answer blocks level 3.
    expect(dimension(model, 'change-enablement').blockers.map((c) => c.id)).toEqual(['ce-standard']);
    expect(dimension(model, 'incident-management').criteria.find((c) => c.id === 'im-major')?.evidenceMissing).toBe(true);
  });

  it('lists metrics against benchmarks in both directions', async () => {
    const desk = dimension(buildReport(await analyzeInput('northwind-2026.assessment.yaml')), 'service-desk');
    expect(desk.metrics.map((m) => [m.id, m.value, m.benchmark?.value, m.benchmark?.role, m.higherIsBetter, m.meetsBenchmark, m.note])).toEqual([
      ['first-contact-resolution', 64, 70, 'verdict', true, false, undefined],
      ['abandon-rate', 4.2, 5, 'verdict', false, true, 'Measured over Q1.'],
      // The survey counted desks that run a portal, not requests raised in one: context, no verdict.
      ['portal-requests', 35, 60, 'context', true, undefined, undefined],
    ]);
  });

  it('lists exemptions (active and expired) and not-applicable items with their reasons', async () => {
    const a = buildReport(await analyzeInput('northwind-2026.assessment.yaml')).assessment!;
    expect(a.exemptions.map((x) => [x.dimensionId, x.criterionId, x.approver, x.expires, x.expired])).toEqual([
      ['change-enablement', 'ce-standard', 'CIO', '2026-01-31', true],
      ['release-automation', undefined, 'CTO', '2026-12-31', false],
    ]);
    expect(a.notApplicable).toEqual([
      expect.objectContaining({ dimensionId: 'self-service', criterionId: 'ss-knowledge', reason: 'The portal is being replaced this year.' }),
    ]);
  });

  it('points each row at the start of its key in the file', async () => {
    const analysis = await analyzeInput('northwind-2026.assessment.yaml');
    const model = buildReport(analysis);
    const at = (offset: number | undefined) => (offset === undefined ? undefined : analysis.text.slice(offset, offset + 40));
    expect(at(dimension(model, 'service-desk').sourceOffset)).toMatch(/^service-desk:/);
    expect(at(dimension(model, 'service-desk').blockers[0]?.sourceOffset)).toMatch(/^sd-csat:/);
    expect(at(dimension(model, 'service-desk').metrics[1]?.sourceOffset)).toMatch(/^abandon-rate:/);
    expect(at(model.assessment?.exemptions[1]?.sourceOffset)).toMatch(/^exemption:/);
    expect(at(model.assessment?.notApplicable[0]?.sourceOffset)).toMatch(/^notApplicable:/);
    // Not written in the assessment: nothing to reveal.
    expect(dimension(model, 'knowledge').sourceOffset).toBeUndefined();
  });

  it('carries the problems with 1-based positions', async () => {
    const model = buildReport(await analyzeInput('northwind-2026.assessment.yaml'));
    // ce-standard is answered under an exemption that expired: the answer counts, so there is no
    // conflict to report, only the expiry (issue 7).
    expect(model.problems.counts).toEqual({ error: 0, warning: 2, information: 1 });
    expect(model.problems.shown.map((p) => `${p.code}@${p.line}:${p.column}`)).toEqual([
      'dimension-not-assessed@16:1',
      'evidence-missing@39:17',
      'exemption-expired@50:98',
    ]);
  });
});

describe('report model of a plan', () => {
  it('projects each dimension from the baseline and places initiatives on the horizon', async () => {
    const analysis = await analyzeInput('roadmap.plan.yaml');
    const model = buildReport(analysis);
    expect(model.kind).toBe('Plan');
    expect(model.problems.total).toBe(0);
    const p = model.plan!;
    expect(p.horizon).toEqual({ start: '2026-04-01', end: '2028-09-30', months: 30 });
    expect(p.baseline).toEqual({
      reference: './northwind-2026.assessment.yaml',
      assessmentId: 'northwind-2026',
      date: '2026-03-31',
      organization: 'Northwind Logistics',
      overallScore: expect.closeTo(20 / 9, 12),
      overallLevel: 2,
      levelName: 'Repeatable',
    });
    expect(p.statusCounts).toEqual({ proposed: 1, planned: 2, 'in-progress': 1, done: 0, 'on-hold': 1, cancelled: 1 });
    expect(p.dimensions.map((d) => [d.id, d.baseline, d.projected, d.target, d.thresholdReached, d.shortOfTarget, d.initiatives])).toEqual([
      ['service-desk', 3, 4, 4, true, false, ['desk-analytics']],
      ['incident-management', 3, 3, 3, true, false, []],
      ['self-service', 2, 3, 3, true, false, ['new-portal']],
      ['change-enablement', 2, 3, 3, true, false, ['standard-changes']],
      ['release-automation', undefined, 3, undefined, true, false, ['release-pipeline']],
      ['knowledge', undefined, 2, undefined, false, false, ['knowledge-base']],
    ]);
    expect(p.atThreshold).toEqual({ baseline: 2, projected: 5, total: 6 });
    // The horizon runs 2026-04-01 .. 2028-09-30 inclusive (914 days, 2028 is a leap year): the first
    // initiative starts at 0 and ends with 2026-12-31, day 275.
    const first = p.initiatives[0]!;
    expect(first.startFraction).toBe(0);
    expect(first.endFraction).toBeCloseTo(275 / 914, 4);
    expect(first.valueStreamTitle).toBe('Requirement to Deploy');
    expect(first.moves).toEqual([{ dimension: 'change-enablement', dimensionTitle: 'Change enablement', from: 2, to: 3 }]);
    expect(analysis.text.slice(first.sourceOffset!, first.sourceOffset! + 20)).toMatch(/^id: standard-changes/);
    expect(p.legacySystems.map((s) => [s.name, s.disposition, s.initiative])).toEqual([
      ['Mainframe billing', 'retain', 'release-pipeline'],
      ['Legacy FTP deploy scripts', 'retire', 'release-pipeline'],
      ['Old intranet forms', 'replace', 'new-portal'],
    ]);
    expect(p.risks).toEqual([expect.objectContaining({ description: 'Pipeline skills are scarce.', likelihood: 'high', impact: 'medium', initiative: 'release-pipeline' })]);
    expect(p.kpis.map((k) => [k.name, k.baseline, k.target, k.higherIsBetter])).toEqual([
      ['Share of standard changes', 10, 60, true],
      ['Mean time to resolve', 9, 6, false],
    ]);
    expect(p.valueStreams.find((v) => v.id === 'requirement-to-deploy')?.initiatives).toEqual(['standard-changes', 'release-pipeline']);
  });

  it('says what is missing when the plan has no baseline', async () => {
    const files = { 'service.rubric.yaml': (await analyzeInput('service.rubric.yaml')).text };
    const text = planYaml(yaml`
      initiatives:
        - { id: a, title: A, start: 2026-01-01, end: 2026-06-30, moves: [{ dimension: self-service, from: 2, to: 3 }] }
    `, { rubric: './service.rubric.yaml', baseline: null, horizon: { start: '2026-01-01', end: '2027-12-31' } });
    const model = buildReport(await analyzeMemory({ ...files, 'p.plan.yaml': text }, 'p.plan.yaml'));
    expect(model.notices).toEqual(['This plan names no baseline assessment, so the projection starts from the levels its moves state.']);
    expect(model.plan?.dimensions.find((d) => d.id === 'self-service')).toMatchObject({ projected: 3, thresholdReached: true });
    expect(model.plan?.baseline).toBeUndefined();
  });
});

describe('report model of a rubric', () => {
  it('gives an overview: levels, threshold, groups, descriptors, criteria per level, metrics', async () => {
    const analysis = await analyzeInput('service.rubric.yaml');
    const model = buildReport(analysis);
    expect(model.kind).toBe('Rubric');
    const o = model.overview!;
    expect(o.counts).toEqual({ dimensions: 6, criteria: 17, metrics: 3 });
    expect(model.rubric?.levels.map((l) => l.name)).toEqual(['Initial', 'Repeatable', 'Defined', 'Measured', 'Optimizing']);
    expect(o.groups.map((g) => [g.id, g.weight, g.dimensions.length])).toEqual([
      ['run', 1, 3],
      ['change', 2, 2],
      [undefined, undefined, 1],
    ]);
    const desk = o.dimensions[0]!;
    expect(desk.criteriaByLevel).toEqual([
      { level: 1, count: 0 },
      { level: 2, count: 2 },
      { level: 3, count: 2 },
      { level: 4, count: 1 },
      { level: 5, count: 1 },
    ]);
    expect(desk.evidenceRequiredCount).toBe(1);
    expect(desk.descriptors.map((d) => [d.level, d.levelName])).toEqual([[1, 'Initial'], [2, 'Repeatable'], [3, 'Defined'], [4, 'Measured'], [5, 'Optimizing']]);
    expect(desk.metrics.map((m) => [m.id, m.benchmark?.value, m.benchmark?.role, m.higherIsBetter])).toEqual([['first-contact-resolution', 70, 'verdict', true], ['abandon-rate', 5, 'verdict', false], ['portal-requests', 60, 'context', true]]);
    expect(analysis.text.slice(desk.sourceOffset!, desk.sourceOffset! + 16)).toBe('id: service-desk');
    expect(o.answerScales.map((s) => s.id)).toEqual(['yes-no']);
    expect(o.references).toEqual([
      { title: 'Internal service handbook', link: { url: 'https://intranet.example.com/handbook', title: 'Internal service handbook', safe: true } },
      { title: 'Workshop notes (paper copy)' },
    ]);
  });
});

describe('report model of a broken or unusual file', () => {
  it('keeps the problems of a document that fails its schema, with positions', async () => {
    const text = yaml`
      apiVersion: rubrics-as-code/v1
      kind: Assessment
      id: Broken Id
      rubric: service-maturity
      date: 2026-13-01
      dimensions: {}
    `;
    const model = buildReport(await analyzeMemory({ 'a.yaml': text }, 'a.yaml'));
    expect(model.kind).toBe('Assessment');
    expect(model.assessment).toBeUndefined();
    expect(model.problems.counts.error).toBeGreaterThanOrEqual(2);
    expect(model.notices[0]).toMatch(/cannot be read until the \d+ errors below are fixed/);
    const idProblem = model.problems.shown.find((p) => p.line === 3);
    expect(idProblem).toMatchObject({ severity: 'error', column: 5 });
    expect(model.problems.shown.some((p) => p.code === 'schema-required' && /subject/.test(p.message))).toBe(true);
  });

  it('reports an assessment whose rubric cannot be found, still showing what it says', async () => {
    const text = assessmentYaml(yaml`
      dimensions:
        desk: { target: 3, notes: Busy quarter. }
    `, { rubric: './missing.rubric.yaml' });
    const model = buildReport(await analyzeMemory({ 'a.yaml': text }, 'a.yaml'));
    expect(model.notices).toEqual(['Scores are not available: the rubric "./missing.rubric.yaml" could not be used (see the problems below).']);
    expect(model.assessment?.scored).toBe(false);
    expect(model.assessment?.dimensions).toEqual([
      expect.objectContaining({ id: 'desk', target: 3, notes: 'Busy quarter.', state: 'not-rated', sourceOffset: text.indexOf('desk:') }),
    ]);
    expect(model.problems.shown.map((p) => p.code)).toEqual(['rubric-not-found']);
  });

  it('picks the first assessment or plan of a multi-document file, and any document on request', async () => {
    const rubric = (await analyzeInput('service.rubric.yaml')).text;
    const assessment = (await analyzeInput('northwind-2027.assessment.yaml')).text.replace('./service.rubric.yaml', 'service-maturity');
    const analysis = await analyzeMemory({ 'all.yaml': `${rubric}---\n${assessment}` }, 'all.yaml');
    const model = buildReport(analysis);
    expect(model.kind).toBe('Assessment');
    expect(model.source).toEqual({ uri: 'file:///ws/all.yaml', documentIndex: 1, documentCount: 2 });
    expect(model.documents.map((d) => [d.index, d.kind, d.id])).toEqual([
      [0, 'Rubric', 'service-maturity'],
      [1, 'Assessment', 'northwind-2027'],
    ]);
    // Offsets stay offsets into the whole file, so the editor can reveal them.
    const desk = model.assessment?.dimensions.find((d) => d.id === 'service-desk');
    expect(analysis.text.slice(desk!.sourceOffset!).startsWith('service-desk:')).toBe(true);
    expect(desk!.sourceOffset!).toBeGreaterThan(rubric.length);
    expect(buildReport(analysis, 0).kind).toBe('Rubric');
    const missing = buildReport(analysis, 5);
    expect(missing.kind).toBe('Unknown');
    expect(missing.notices).toEqual(['This file has 2 documents; there is no document number 6.']);
  });

  it('says how to start an empty file', async () => {
    const model = buildReport(await analyzeMemory({ 'e.yaml': '' }, 'e.yaml'));
    expect(model.kind).toBe('Unknown');
    expect(model.notices[0]).toMatch(/empty\. Start it with "apiVersion: rubrics-as-code\/v1"/);
    // An empty file is reported: an assessment emptied by a change must not check clean.
    expect(model.problems.total).toBe(1);
  });

  it('shows a YAML syntax error at its line instead of an empty report', async () => {
    const model = buildReport(await analyzeMemory({ 'x.yaml': 'apiVersion: rubrics-as-code/v1\nkind: Plan\ntitle: [unclosed\n' }, 'x.yaml'));
    expect(model.problems.counts.error).toBeGreaterThan(0);
    expect(model.problems.shown[0]).toMatchObject({ severity: 'error', code: 'yaml-syntax' });
    expect(model.problems.shown[0]!.line).toBeGreaterThanOrEqual(3);
    expect(model.notices.length).toBe(1);
  });
});
