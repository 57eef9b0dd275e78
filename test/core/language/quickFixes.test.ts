import { describe, expect, it } from 'vitest';
import { codeLenses } from '../../../src/core/language/codeLens';
import { addMissingDimensions, quickFixes } from '../../../src/core/language/quickFixes';
import { summarize } from '../../../src/core/language/summary';
import { codesAt, yaml } from '../../support/memory';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';
import { applyEdits, DESK_ASSESSMENT, DESK_PLAN, snapshotFor } from '../../support/languageFixtures';

async function fixesFor(path: string, text: string, code: string) {
  const { analysis } = await snapshotFor(path, text);
  const diagnostic = analysis.diagnostics.find((d) => d.code === code);
  expect(diagnostic, `expected a ${code} diagnostic, got ${codesAt(analysis).join(', ')}`).toBeDefined();
  return quickFixes(analysis, diagnostic!.range).filter((f) => f.diagnostic === diagnostic);
}

describe('quick fixes', () => {
  it('replaces an unknown id with the suggested one and keeps the comment on that line', async () => {
    const text = DESK_ASSESSMENT.replace('  knowledge:', '  knowlege:   # reviewed with the desk lead');
    const [fix] = await fixesFor('acme.assessment.yaml', text, 'unknown-dimension');
    expect(fix?.title).toBe('Change to "knowledge"');
    expect(fix?.preferred).toBe(true);
    expect(applyEdits(text, fix!.edits)).toBe(DESK_ASSESSMENT.replace('  knowledge:', '  knowledge:   # reviewed with the desk lead'));
  });

  it('renames a misspelt key the schema knows', async () => {
    const text = DESK_PLAN.replace('    start: 2026-04-01', '    strat: 2026-04-01');
    const { analysis } = await snapshotFor('acme.plan.yaml', text);
    const unknown = analysis.diagnostics.find((d) => d.code === 'schema-unknown-key')!;
    const rename = quickFixes(analysis, unknown.range).find((f) => f.title === 'Rename to "start"');
    expect(rename).toBeDefined();
    expect(applyEdits(text, rename!.edits)).toBe(DESK_PLAN);
  });

  it('adds a missing required key at the indentation of its map, after its last entry', async () => {
    const text = DESK_PLAN.replace('    title: Knowledge drive\n', '');
    const [fix] = await fixesFor('acme.plan.yaml', text, 'schema-required');
    expect(fix?.title).toBe('Add "title"');
    expect(applyEdits(text, fix!.edits)).toBe(text.replace('    dependsOn: [portal-revamp]\n', '    dependsOn: [portal-revamp]\n    title: ""\n'));
  });

  it('adds a missing key inside a flow map and a missing apiVersion at the top', async () => {
    const text = DESK_PLAN.replace('horizon: { start: 2026-04-01, end: 2028-09-30 }', 'horizon: { start: 2026-04-01 }');
    const [fix] = await fixesFor('acme.plan.yaml', text, 'schema-required');
    expect(applyEdits(text, fix!.edits)).toContain('horizon: { start: 2026-04-01, end: 2026-03-31 }');
    const noVersion = DESK_PLAN.replace('apiVersion: rubrics-as-code/v1\n', '# Acme plan, owned by the CIO office\n');
    const [version] = await fixesFor('acme.plan.yaml', noVersion, 'unknown-api-version');
    expect(applyEdits(noVersion, version!.edits)).toBe('# Acme plan, owned by the CIO office\napiVersion: rubrics-as-code/v1\n' + DESK_PLAN.slice('apiVersion: rubrics-as-code/v1\n'.length));
  });

  it('adds the rubric\'s missing dimensions as skeletons with a target and empty answers', async () => {
    const text = DESK_ASSESSMENT.replace('  knowledge:\n    answers:\n      kb: yes\n', '');
    const [fix] = await fixesFor('acme.assessment.yaml', text, 'dimension-not-assessed');
    expect(fix?.title).toBe('Add the missing dimension of the rubric');
    const fixed = applyEdits(text, fix!.edits);
    expect(fixed).toBe(`${text.slice(0, -1)}\n  knowledge:\n    target: 3\n    answers: {}\n`);
    const { analysis } = await snapshotFor('acme.assessment.yaml', fixed);
    expect(codesAt(analysis).filter((c) => c.startsWith('dimension-not-assessed'))).toEqual([]);
  });

  it('fills an empty dimensions map, keeping the comment after it, with CRLF line ends kept', async () => {
    const text = DESK_ASSESSMENT.replace(/dimensions:[\s\S]*$/, 'dimensions: {}   # to do\n').replace(/\n/g, '\r\n');
    const { analysis } = await snapshotFor('acme.assessment.yaml', text);
    const fixed = applyEdits(text, addMissingDimensions(analysis));
    expect(fixed.endsWith('dimensions:   # to do\r\n  self-service:\r\n    target: 3\r\n    answers: {}\r\n  knowledge:\r\n    target: 3\r\n    answers: {}\r\n')).toBe(true);
    const again = await snapshotFor('acme.assessment.yaml', fixed);
    expect(codesAt(again.analysis).some((c) => c.startsWith('yaml-') || c.startsWith('schema-') || c.startsWith('dimension-not-assessed'))).toBe(false);
  });
});

describe('code lens data and summary', () => {
  it('states level, target, criteria met and the first blocker per assessed dimension', async () => {
    const { analysis } = await snapshotFor('acme.assessment.yaml', DESK_ASSESSMENT);
    const lenses = codeLenses(analysis);
    expect(lenses.map((l) => [analysis.text.slice(l.range.start, l.range.end), l.title])).toEqual([
      ['self-service', 'Level 2 Managed · target 3 Defined · 1/2 practices met · next: A catalogue covers the requests.'],
      ['knowledge', 'Level 2 Managed · 1/2 practices met · next: Articles are reviewed.'],
    ]);
    expect(lenses[0]?.tooltip).toBe('To reach 3 Defined:\n• A catalogue covers the requests.');
  });

  it('counts further blockers and marks a reached target', async () => {
    const rubric = rubricYaml(yaml`
      levels: [{ level: 1, name: Low }, { level: 2, name: High }]
      dimensions:
        - id: d
          title: D
          criteria:
            - { id: a, text: First thing, level: 2 }
            - { id: b, text: Second thing, level: 2 }
            - { id: c, text: Third thing, level: 2 }
        - id: e
          title: E
          criteria:
            - { id: f, text: F, level: 2 }
    `);
    const assessment = assessmentYaml(yaml`
      dimensions:
        d: { answers: { a: no } }
        e: { target: 2, answers: { f: yes } }
    `, { id: 'x', rubric: './r.rubric.yaml' });
    const { analysis } = await snapshotFor('x.assessment.yaml', assessment, { 'r.rubric.yaml': rubric });
    expect(codeLenses(analysis).map((l) => l.title)).toEqual(['Level 1 Low · 0/3 criteria met · next: First thing +2 more', 'Level 2 High · target 2 reached · 1/1 criteria met']);
    expect(summarize(analysis)).toMatchObject({ kind: 'Assessment', title: 'x', overallLevel: 1, overallLevelName: 'Low', errors: 0 });
  });
});
