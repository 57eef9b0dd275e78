/**
 * What depends on a rubric (src/core/review/dependents.ts): the assessments and plans scored
 * against the very rubric a reference resolved to, and the rubrics a file defines. Each rule both
 * ways: a document that uses it, and one that does not (another kind, another id, another file, a
 * reference that found nothing).
 */
import { describe, expect, it } from 'vitest';
import { rubricsDefinedIn, rubricUsers, usesRubric } from '../../../src/core/review/dependents';
import { analyzeMemory, SMALL_RUBRIC } from '../../support/memory';
import { assessmentYaml, planYaml } from '../../support/fixtures';

const DESK = { uri: 'file:///ws/desk.rubric.yaml', id: 'desk' };

const assessment = (id: string, rubric = './desk.rubric.yaml') =>
  assessmentYaml(`dimensions:\n  portal:\n    answers: { portal-live: yes }\n`, { id, rubric });

const plan = planYaml(`initiatives:\n  - { id: step, title: Step, start: 2026-02-01, end: 2026-12-31, moves: [{ dimension: portal, from: 1, to: 2 }] }\n`, { baseline: null, horizon: { start: '2026-01-01', end: '2027-12-31' } });

describe('the documents that use a rubric', () => {
  it('an assessment and a plan scored against it, not the rubric itself', async () => {
    const file = await analyzeMemory({ 'desk.rubric.yaml': SMALL_RUBRIC, 'mixed.yaml': `${assessment('acme')}---\n${plan}` }, 'mixed.yaml');
    expect(rubricUsers(file, DESK).map((d) => [d.kind, d.data?.id])).toEqual([
      ['Assessment', 'acme'],
      ['Plan', 'roadmap'],
    ]);
    const rubricFile = await analyzeMemory({ 'desk.rubric.yaml': SMALL_RUBRIC }, 'desk.rubric.yaml');
    expect(rubricFile.documents.map((d) => usesRubric(d, DESK))).toEqual([false]);
  });

  it('not one scored against a rubric of the same id in another file, nor another id in the same file', async () => {
    const file = await analyzeMemory({ 'desk.rubric.yaml': SMALL_RUBRIC, 'a.assessment.yaml': assessment('acme') }, 'a.assessment.yaml');
    expect(rubricUsers(file, DESK)).toHaveLength(1);
    expect(rubricUsers(file, { uri: 'file:///ws/other/desk.rubric.yaml', id: 'desk' })).toEqual([]);
    expect(rubricUsers(file, { uri: DESK.uri, id: 'desk-2' })).toEqual([]);
  });

  it('not one whose rubric reference finds nothing', async () => {
    const file = await analyzeMemory({ 'a.assessment.yaml': assessment('acme', './missing.rubric.yaml') }, 'a.assessment.yaml');
    expect(file.documents.map((d) => d.kind)).toEqual(['Assessment']);
    expect(rubricUsers(file, { uri: 'file:///ws/missing.rubric.yaml', id: 'desk' })).toEqual([]);
  });
});

describe('the rubrics a file defines', () => {
  it('each rubric document that passed its schema, by the file and its id', async () => {
    const second = SMALL_RUBRIC.replace('id: desk', 'id: desk-2');
    const file = await analyzeMemory({ 'two.rubric.yaml': `${SMALL_RUBRIC}---\n${second}` }, 'two.rubric.yaml');
    expect(rubricsDefinedIn(file)).toEqual([
      { uri: 'file:///ws/two.rubric.yaml', id: 'desk' },
      { uri: 'file:///ws/two.rubric.yaml', id: 'desk-2' },
    ]);
  });

  it('none in a file of assessments, nor a rubric that failed its schema', async () => {
    const assessments = await analyzeMemory({ 'desk.rubric.yaml': SMALL_RUBRIC, 'a.assessment.yaml': assessment('acme') }, 'a.assessment.yaml');
    expect(rubricsDefinedIn(assessments)).toEqual([]);
    const broken = await analyzeMemory({ 'desk.rubric.yaml': SMALL_RUBRIC.replace('version: 1.0.0\n', '') }, 'desk.rubric.yaml');
    // A rubric document, without data: it failed its schema.
    expect(broken.documents.map((d) => d.kind === 'Rubric' && d.data === undefined)).toEqual([true]);
    expect(rubricsDefinedIn(broken)).toEqual([]);
  });
});
