import { describe, expect, it } from 'vitest';
import type { AssessmentDocumentAnalysis } from '../../../src/core/engine';
import { buildReport } from '../../../src/core/report';
import { analyzeMemory, codesAt, yaml } from '../../support/memory';
import { rubricYaml } from '../../support/fixtures';

/** A gated rubric: two dimensions of two criteria each, levels 1 to 3. */
const RUBRIC = rubricYaml(yaml`
  scoring: { method: gated }
  levels:
    - { level: 1 }
    - { level: 2 }
    - { level: 3 }
  threshold: { level: 2 }
  dimensions:
    - id: build
      title: Build
      criteria:
        - { id: build-scripted, text: Builds are scripted., level: 2 }
        - { id: build-signed, text: Artifacts are signed., level: 3 }
    - id: test
      title: Test
      criteria:
        - { id: test-automated, text: Tests run on every change., level: 2 }
        - { id: test-security, text: Security tests run on every release., level: 3 }
`, { id: 'delivery' });

function assessment(id: string, lines: string[], inherits?: string): string {
  return [
    'apiVersion: rubrics-as-code/v1',
    'kind: Assessment',
    `id: ${id}`,
    'rubric: ./delivery.rubric.yaml',
    ...(inherits !== undefined ? [`inherits: ${inherits}`] : []),
    `subject: { organization: Acme, unit: ${id} }`,
    'date: 2026-03-31',
    'dimensions:',
    ...lines,
    '',
  ].join('\n');
}

const PLATFORM = assessment('platform', ['  build:', '    answers: { build-scripted: yes, build-signed: yes }', '  test:', '    answers: { test-automated: yes, test-security: no }']);

async function analyse(files: Record<string, string>, entry: string) {
  const analysis = await analyzeMemory({ 'delivery.rubric.yaml': RUBRIC, ...files }, entry);
  return { analysis, doc: analysis.documents[0] as AssessmentDocumentAnalysis };
}

describe('inherited answers', () => {
  it('count where the unit does not answer, and the report says which were inherited', async () => {
    const team = assessment('team', ['  build: { target: 3 }', '  test:', '    answers: { test-automated: yes, test-security: yes }'], './platform.assessment.yaml');
    const { analysis, doc } = await analyse({ 'platform.assessment.yaml': PLATFORM, 'team.assessment.yaml': team }, 'team.assessment.yaml');
    expect(codesAt(analysis)).toEqual([]);
    expect(doc.score?.dimensions.map((d) => [d.id, d.level])).toEqual([
      ['build', 3],
      ['test', 3],
    ]);
    expect(analysis.dependencies).toContain('file:///ws/platform.assessment.yaml');
    const build = doc.score!.dimensions[0]!;
    expect(build.criteria.map((c) => [c.id, c.answer, c.inheritedFrom])).toEqual([
      ['build-scripted', 'yes', 'file:///ws/platform.assessment.yaml'],
      ['build-signed', 'yes', 'file:///ws/platform.assessment.yaml'],
    ]);
    expect(doc.score!.dimensions[1]!.criteria.every((c) => c.inheritedFrom === undefined)).toBe(true);
    const report = buildReport(analysis);
    expect(report.assessment?.inherits).toEqual({ reference: './platform.assessment.yaml', uri: 'file:///ws/platform.assessment.yaml', title: 'platform', answers: 2, dimensions: 0, levels: 0 });
    expect(report.assessment?.dimensions[0]?.criteria.map((c) => c.inheritedFrom)).toEqual(['file:///ws/platform.assessment.yaml', 'file:///ws/platform.assessment.yaml']);
  });

  it('give way to the unit\u2019s own answer', async () => {
    const team = assessment('team', ['  build:', '    answers: { build-signed: no }', '  test:', '    answers: { test-automated: yes, test-security: no }'], './platform.assessment.yaml');
    const { doc } = await analyse({ 'platform.assessment.yaml': PLATFORM, 'team.assessment.yaml': team }, 'team.assessment.yaml');
    const build = doc.score!.dimensions[0]!;
    expect(build.level).toBe(2);
    expect(build.criteria.map((c) => [c.id, c.answer, c.inheritedFrom !== undefined])).toEqual([
      ['build-scripted', 'yes', true],
      ['build-signed', 'no', false],
    ]);
  });

  it('give way to the answers of the unit\u2019s own assessors (responses): their consensus is the unit\u2019s answer', async () => {
    const team = assessment('team', ['  build: { target: 3 }', '  test:', '    answers: { test-automated: yes, test-security: no }'], './platform.assessment.yaml').replace(
      'dimensions:',
      ['consensus: minimum', 'responses:', '  ana:', '    name: Ana', '    date: 2026-03-01', '    dimensions:', '      build:', '        answers: { build-signed: no }', '  ben:', '    name: Ben', '    date: 2026-03-02', '    dimensions:', '      build:', '        answers: { build-signed: yes }', 'dimensions:'].join('\n'),
    );
    const { analysis, doc } = await analyse({ 'platform.assessment.yaml': PLATFORM, 'team.assessment.yaml': team }, 'team.assessment.yaml');
    expect(codesAt(analysis)).toEqual(['assessors-disagree@21:20']);
    const build = doc.score!.dimensions[0]!;
    expect(build.criteria.map((c) => [c.id, c.answer, c.inheritedFrom !== undefined, c.agreement !== undefined])).toEqual([
      ['build-scripted', 'yes', true, false],
      ['build-signed', 'no', false, true],
    ]);
    expect(build.level).toBe(2);
    expect(buildReport(analysis).assessment?.inherits?.answers).toBeGreaterThanOrEqual(1);
  });

  it('take a dimension the unit does not write whole, and pass on through a chain of bases, named after the one that wrote them', async () => {
    const region = assessment('region', ['  test:', '    answers: { test-automated: no, test-security: no }'], './platform.assessment.yaml');
    const team = assessment('team', ['  test:', '    answers: { test-automated: yes }'], './region.assessment.yaml');
    const { analysis, doc } = await analyse({ 'platform.assessment.yaml': PLATFORM, 'region.assessment.yaml': region, 'team.assessment.yaml': team }, 'team.assessment.yaml');
    expect(codesAt(analysis)).toEqual([]);
    const [build, test] = doc.score!.dimensions;
    expect(build?.status).toBe('scored');
    expect(build?.criteria.map((c) => c.inheritedFrom)).toEqual(['file:///ws/platform.assessment.yaml', 'file:///ws/platform.assessment.yaml']);
    expect(test?.criteria.map((c) => [c.id, c.answer, c.inheritedFrom])).toEqual([
      ['test-automated', 'yes', undefined],
      ['test-security', 'no', 'file:///ws/region.assessment.yaml'],
    ]);
    expect(buildReport(analysis).assessment?.dimensions[0]?.inheritedFrom).toBe('file:///ws/platform.assessment.yaml');
    expect(analysis.dependencies).toEqual(expect.arrayContaining(['file:///ws/platform.assessment.yaml', 'file:///ws/region.assessment.yaml']));
  });

  it('are nothing without an inherits: the unit\u2019s unanswered criteria count as no credit', async () => {
    const team = assessment('team', ['  build: { target: 3 }', '  test:', '    answers: { test-automated: yes, test-security: yes }']);
    const { analysis, doc } = await analyse({ 'platform.assessment.yaml': PLATFORM, 'team.assessment.yaml': team }, 'team.assessment.yaml');
    expect(doc.score?.dimensions[0]?.level).toBe(1);
    expect(codesAt(analysis)).toEqual(['criterion-not-answered@8:3']);
  });

  it('make a circle of inheritance an error on every assessment in it, whichever is checked first', async () => {
    const a = assessment('a', ['  build:', '    answers: { build-scripted: yes }'], './b.assessment.yaml');
    const b = assessment('b', ['  test:', '    answers: { test-automated: yes }'], './a.assessment.yaml');
    for (const entry of ['a.assessment.yaml', 'b.assessment.yaml']) {
      const { analysis, doc } = await analyse({ 'a.assessment.yaml': a, 'b.assessment.yaml': b }, entry);
      expect(codesAt(analysis), entry).toContain('inheritance-cycle@5:11');
      expect(analysis.diagnostics.find((d) => d.code === 'inheritance-cycle')?.message).toMatch(/^Inheritance goes round in a circle: (a inherits from b\.assessment\.yaml inherits from a|b inherits from a\.assessment\.yaml inherits from b)\. /);
      expect(doc.base).toBeUndefined();
    }
    const self = assessment('self', ['  build:', '    answers: { build-scripted: yes }'], 'self');
    expect(codesAt((await analyse({ 's.assessment.yaml': self }, 's.assessment.yaml')).analysis)).toContain('inheritance-cycle@5:11');
  });

  it('make a missing base, or one on another rubric, an error', async () => {
    const missing = assessment('team', ['  build:', '    answers: { build-scripted: yes }'], './nowhere.assessment.yaml');
    const { analysis } = await analyse({ 'team.assessment.yaml': missing }, 'team.assessment.yaml');
    expect(codesAt(analysis)).toContain('base-not-found@5:11');
    const other = RUBRIC.replace('id: delivery', 'id: other');
    const elsewhere = PLATFORM.replace('./delivery.rubric.yaml', './other.rubric.yaml');
    const team = assessment('team', ['  build:', '    answers: { build-scripted: yes }'], './platform.assessment.yaml');
    const mismatch = await analyse({ 'other.rubric.yaml': other, 'platform.assessment.yaml': elsewhere, 'team.assessment.yaml': team }, 'team.assessment.yaml');
    expect(codesAt(mismatch.analysis)).toContain('base-rubric-mismatch@5:11');
    expect(mismatch.doc.score?.dimensions[0]?.criteria.every((c) => c.inheritedFrom === undefined)).toBe(true);
  });

  it('stop at eight bases: a longer chain is an error', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= 9; i++) files[`u${i}.assessment.yaml`] = assessment(`u${i}`, ['  build:', '    answers: { build-scripted: yes }'], i < 9 ? `./u${i + 1}.assessment.yaml` : undefined);
    expect(codesAt((await analyse(files, 'u1.assessment.yaml')).analysis)).not.toContain('inheritance-too-deep@5:11');
    expect(codesAt((await analyse(files, 'u0.assessment.yaml')).analysis)).toContain('inheritance-too-deep@5:11');
  });
});
