import { describe, expect, it } from 'vitest';
import { definitionAt } from '../../../src/core/language/definition';
import { hoverAt } from '../../../src/core/language/hover';
import { documentSymbols, type OutlineSymbol } from '../../../src/core/language/symbols';
import { builtinFrameworks } from '../../../src/core/builtins';
import { cursor, DESK_ASSESSMENT, DESK_PLAN, DESK_RUBRIC, FILES, snapshotFor, uriOf } from '../../support/languageFixtures';

async function hover(path: string, text: string) {
  const at = cursor(text);
  return hoverAt(await snapshotFor(path, at.text), at.offset);
}

async function definition(path: string, text: string) {
  const at = cursor(text);
  const target = await definitionAt(await snapshotFor(path, at.text), at.offset, async (uri) => FILES[uri.replace('file:///ws/', '')]);
  return target && { uri: target.uri, text: target.text.slice(target.range.start, target.range.end) };
}

describe('hover', () => {
  it('shows a dimension\'s title, description and current score on its key in an assessment', async () => {
    const result = await hover('acme.assessment.yaml', DESK_ASSESSMENT.replace('  self-service:', '  self-s‸ervice:'));
    expect(result?.markdown).toContain('**Self-service** · capability `self-service` in Front office');
    expect(result?.markdown).toContain('How users help themselves.');
    expect(result?.markdown).toContain('Current: level 2 Managed · target 3 Defined · 1 of 2 practices met');
    expect(result?.markdown).toContain('To reach 3 Defined: A catalogue covers the requests');
    const text = cursor(DESK_ASSESSMENT.replace('  self-service:', '  self-s‸ervice:')).text;
    expect(text.slice(result!.range.start, result!.range.end)).toBe('self-service');
  });

  it('shows a criterion\'s text, level, scale and guidance on its id', async () => {
    const result = await hover('acme.assessment.yaml', DESK_ASSESSMENT.replace('catalogue: some', 'catalo‸gue: some'));
    expect(result?.markdown).toContain('**A catalogue covers the requests.**');
    expect(result?.markdown).toContain('Practice `catalogue` · level 3 Defined');
    expect(result?.markdown).toContain('Answers (coverage): `none` 0, `some` 0.5, `all` 1');
    expect(result?.markdown).toContain('Look at the catalogue itself.');
  });

  it('shows a criterion\'s title, what counts as met and what it depends on (format 1.1)', async () => {
    const rubric = FILES['desk.rubric.yaml']!.replace('      - id: catalogue\n', '      - id: catalogue\n        title: Service catalogue\n        qualityCriteria: [Every service has an owner]\n        dependsOn: [portal]\n');
    const at = cursor(DESK_ASSESSMENT.replace('catalogue: some', 'catalo‸gue: some'));
    const result = hoverAt(await snapshotFor('acme.assessment.yaml', at.text, { ...FILES, 'desk.rubric.yaml': rubric }), at.offset);
    expect(result?.markdown).toContain('**Service catalogue**: A catalogue covers the requests.');
    expect(result?.markdown).toContain('Met when:\n\n- Every service has an owner');
    expect(result?.markdown).toContain('Depends on `portal`.');
  });

  it('shows a criterion\'s interview questions, with what to look for, after its guidance', async () => {
    const rubric = FILES['desk.rubric.yaml']!.replace('        guidance: Look at the catalogue itself.\n', '        guidance: Look at the catalogue itself.\n        questions:\n          - Who keeps the catalogue?\n          - ask: Which requests are *not* in it?\n            lookFor: [The top requests by volume, The catalogue\'s change log]\n');
    expect(rubric).toContain('questions:');
    const at = cursor(DESK_ASSESSMENT.replace('catalogue: some', 'catalo‸gue: some'));
    const result = hoverAt(await snapshotFor('acme.assessment.yaml', at.text, { ...FILES, 'desk.rubric.yaml': rubric }), at.offset);
    expect(result?.markdown).toMatch(/Look at the catalogue itself\.\n\nTo ask:\n\n- Who keeps the catalogue\?\n- Which requests are \\\*not\\\* in it\? _Look for:_ The top requests by volume; The catalogue's change log$/);
    // Without questions, no such section.
    expect((await hover('acme.assessment.yaml', DESK_ASSESSMENT.replace('catalogue: some', 'catalo‸gue: some')))?.markdown).not.toContain('To ask');
  });

  it('names a level number and the dimension\'s descriptor for it', async () => {
    const target = await hover('acme.assessment.yaml', DESK_ASSESSMENT.replace('target: 3', 'target: ‸3'));
    expect(target?.markdown).toBe('**Level 3 Defined**\n\n**Self-service** at this level: A catalogue covers most requests.');
    const move = await hover('acme.plan.yaml', DESK_PLAN.replace('{ dimension: self-service, to: 3 }', '{ dimension: self-service, to: ‸3 }'));
    expect(move?.markdown).toContain('A catalogue covers most requests.');
    const rubricLevel = await hover('desk.rubric.yaml', DESK_RUBRIC.replace('threshold: { level: 3 }', 'threshold: { level: ‸3 }'));
    expect(rubricLevel?.markdown).toBe('**Level 3 Defined**');
  });

  it('explains an answer\'s credit', async () => {
    const result = await hover('acme.assessment.yaml', DESK_ASSESSMENT.replace('catalogue: some', 'catalogue: so‸me'));
    expect(result?.markdown).toContain('`some` · credit 0.5');
    expect(result?.markdown).toContain('Part of the estate');
  });

  it('falls back to the schema\'s description for any key', async () => {
    const result = await hover('acme.assessment.yaml', DESK_ASSESSMENT.replace('subject:', 'sub‸ject:'));
    expect(result?.markdown).toContain('Who is assessed');
    const plan = await hover('acme.plan.yaml', DESK_PLAN.replace('horizon:', 'hori‸zon:'));
    expect(plan?.markdown).toMatch(/^`horizon`/);
  });

  it('still explains keys on a line that does not parse yet', async () => {
    const broken = DESK_ASSESSMENT.replace('  knowledge:\n', '  knowledge:\n    tar‸get: [\n');
    const result = await hover('acme.assessment.yaml', broken);
    expect(result?.markdown).toContain('The score the subject aims for');
  });

  it('describes the initiative a dependency names and the plan\'s baseline', async () => {
    const dep = await hover('acme.plan.yaml', DESK_PLAN.replace('dependsOn: [portal-revamp]', 'dependsOn: [portal-‸revamp]'));
    expect(dep?.markdown).toContain('**Portal revamp** · initiative `portal-revamp`');
    expect(dep?.markdown).toContain('Moves: self-service → 3');
    const baseline = await hover('acme.plan.yaml', DESK_PLAN.replace('baseline: ./acme', 'baseline: ./ac‸me'));
    expect(baseline?.markdown).toContain('Acme, 2026-01-15');
  });
});

describe('go to definition', () => {
  it('goes from assessment ids to the rubric file', async () => {
    expect(await definition('acme.assessment.yaml', DESK_ASSESSMENT.replace('  knowledge:', '  know‸ledge:'))).toEqual({ uri: uriOf('desk.rubric.yaml'), text: 'knowledge' });
    expect(await definition('acme.assessment.yaml', DESK_ASSESSMENT.replace('kb: yes', 'k‸b: yes'))).toEqual({ uri: uriOf('desk.rubric.yaml'), text: 'kb' });
    expect(await definition('acme.assessment.yaml', DESK_ASSESSMENT.replace('target: 3', 'target: ‸3'))).toEqual({ uri: uriOf('desk.rubric.yaml'), text: 'A catalogue covers most requests.' });
    expect(await definition('acme.assessment.yaml', DESK_ASSESSMENT.replace('rubric: ./desk', 'rubric: ./de‸sk'))).toEqual({ uri: uriOf('desk.rubric.yaml'), text: 'desk' });
  });

  it('goes from a plan to its rubric, its baseline file and its own initiatives', async () => {
    expect(await definition('acme.plan.yaml', DESK_PLAN.replace('{ dimension: self-service', '{ dimension: self-‸service'))).toEqual({ uri: uriOf('desk.rubric.yaml'), text: 'self-service' });
    expect(await definition('acme.plan.yaml', DESK_PLAN.replace('baseline: ./acme', 'baseline: ./ac‸me'))).toEqual({ uri: uriOf('acme.assessment.yaml'), text: 'acme-2026' });
    expect(await definition('acme.plan.yaml', DESK_PLAN.replace('dependsOn: [portal-revamp]', 'dependsOn: [portal-‸revamp]'))).toEqual({ uri: uriOf('acme.plan.yaml'), text: 'portal-revamp' });
  });

  it('goes from an assessment to the one it inherits from', async () => {
    const team = DESK_ASSESSMENT.replace('id: acme-2026', 'id: team-2026').replace('rubric: ./desk.rubric.yaml', 'rubric: ./desk.rubric.yaml\ninherits: ./ac‸me.assessment.yaml');
    expect(await definition('team.assessment.yaml', team)).toEqual({ uri: uriOf('acme.assessment.yaml'), text: 'acme-2026' });
  });

  it('goes into a built-in rubric through its virtual document URI', async () => {
    const framework = builtinFrameworks().get('seven-attributes')!;
    const text = DESK_ASSESSMENT.replace('rubric: ./desk.rubric.yaml', 'rubric: seven-attributes').replace(/dimensions:[\s\S]*$/, 'dimensions:\n  business-fu‸sion:\n    answers: {}\n');
    const target = await definition('acme.assessment.yaml', text);
    expect(target).toEqual({ uri: framework.uri, text: 'business-fusion' });
    expect(framework.uri).toBe('rubrics-builtin:/seven-attributes.rubric.yaml');
  });

  it('goes from a rubric\'s group and answer scale references to their definitions', async () => {
    expect(await definition('desk.rubric.yaml', DESK_RUBRIC.replace('group: front', 'group: fr‸ont'))).toEqual({ uri: uriOf('desk.rubric.yaml'), text: 'front' });
    expect(await definition('desk.rubric.yaml', DESK_RUBRIC.replace('answerScale: coverage', 'answerScale: cov‸erage'))).toEqual({ uri: uriOf('desk.rubric.yaml'), text: 'coverage' });
  });
});

describe('document symbols', () => {
  const flatten = (symbols: readonly OutlineSymbol[], depth = 0): string[] => symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.kind} ${s.name}`, ...flatten(s.children, depth + 1)]);

  it('outlines a rubric: levels, groups, dimensions with criteria and metrics', async () => {
    const { analysis } = await snapshotFor('desk.rubric.yaml', DESK_RUBRIC);
    expect(flatten(documentSymbols(analysis))).toEqual([
      'document Service desk',
      '  level levels',
      '    level 1 Initial',
      '    level 2 Managed',
      '    level 3 Defined',
      '  group groups',
      '    group Front office',
      '  dimension Self-service',
      '    criterion A portal exists.',
      '    criterion A catalogue covers the requests.',
      '    metric Self-service share',
      '  dimension Knowledge',
      '    criterion A knowledge base exists.',
      '    criterion Articles are reviewed.',
    ]);
  });

  it('outlines assessments and plans, with ranges that contain their children', async () => {
    const { analysis } = await snapshotFor('acme.assessment.yaml', DESK_ASSESSMENT);
    expect(flatten(documentSymbols(analysis))).toEqual(['document acme-2026', '  dimension self-service', '    answer portal', '    answer catalogue', '  dimension knowledge', '    answer kb']);
    const plan = await snapshotFor('acme.plan.yaml', DESK_PLAN);
    const symbols = documentSymbols(plan.analysis);
    expect(flatten(symbols)).toEqual(['document Acme plan', '  initiative Portal revamp', '    move self-service → 3', '  initiative Knowledge drive']);
    const check = (s: OutlineSymbol, parent?: OutlineSymbol) => {
      expect(s.selectionRange.start).toBeGreaterThanOrEqual(s.range.start);
      expect(s.selectionRange.end).toBeLessThanOrEqual(s.range.end);
      if (parent) expect(s.range.start >= parent.range.start && s.range.end <= parent.range.end).toBe(true);
      s.children.forEach((c) => check(c, s));
    };
    symbols.forEach((s) => check(s));
    const initiative = symbols[0]!.children[0]!;
    expect(plan.analysis.text.slice(initiative.selectionRange.start, initiative.selectionRange.end)).toBe('portal-revamp');
  });
});
