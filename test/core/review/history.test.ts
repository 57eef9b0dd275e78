/**
 * How a unit's scores moved over time (src/core/review/history.ts): the point each version gives,
 * the history's title, rubric and dimensions, and the words a point's coverage and evidence get.
 */
import { describe, expect, it } from 'vitest';
import { buildHistory, historyPath, historyPoint, historyRenames, pointCoverage, pointEvidenceAge, previousOverall, subjectKey, historyAssessment, type HistoryPoint } from '../../../src/core/review/history';
import { analyzeMemory, SMALL_RUBRIC } from '../../support/memory';

const RUBRIC = SMALL_RUBRIC.replace('dimensions:\n', 'threshold: { level: 2 }\ndimensions:\n').replace(
  '      - { id: portal-live, text: A portal is live., level: 2 }\n',
  '      - { id: portal-live, text: A portal is live., level: 2 }\n  - id: kb\n    title: Knowledge\n    criteria:\n      - { id: kb-live, text: A knowledge base is live., level: 2 }\n',
);

const assessment = (portal: string, extra = '', subject = '{ organization: Acme, unit: Desk }') =>
  `apiVersion: rubrics-as-code/v1\nkind: Assessment\nid: acme\nrubric: ./desk.rubric.yaml\nsubject: ${subject}\ndate: 2026-03-31\n${extra}dimensions:\n  portal:\n    answers: { portal-live: ${portal} }\n`;

const analysed = (text: string) => analyzeMemory({ 'desk.rubric.yaml': RUBRIC, 'a.assessment.yaml': text }, 'a.assessment.yaml');

const point = (path: string, overall?: number, commit?: string): HistoryPoint => ({ date: '2026-01-01', path, ...(commit ? { commit } : {}), ...(overall !== undefined ? { overall } : {}), dimensions: {}, errors: 0 });

describe('a point of the history', () => {
  it('the scores of that version, its coverage of the rubric and its errors', async () => {
    const p = historyPoint(await analysed(assessment('yes')), { commit: 'c1', date: '2026-04-01', path: 'a.assessment.yaml' });
    // One of the two dimensions assessed, at 2 (gated, its one criterion met).
    expect(p).toEqual({ commit: 'c1', date: '2026-04-01', path: 'a.assessment.yaml', assessmentDate: '2026-03-31', overall: 2, level: 2, coverage: { scored: 1, total: 2 }, dimensions: { portal: 2 }, errors: 0 });
    expect(pointCoverage(p!)).toBe('1 of 2 assessed');
  });

  it('counts the errors of a version, whose scores may be incomplete', async () => {
    const p = historyPoint(await analysed(assessment('maybe')), { date: '2026-04-01', path: 'a.assessment.yaml' });
    expect(p?.errors).toBe(1);
  });

  it('the ages of dated evidence, in words', async () => {
    const dated = assessment('{ answer: yes, evidence: [{ url: ./a.md, asOf: 2025-03-31 }] }', 'evidenceValidFor: P6M\n');
    const p = historyPoint(await analysed(dated), { date: '2026-04-01', path: 'a.assessment.yaml' })!;
    expect(p.evidence).toMatchObject({ dated: 1, undated: 0, medianDays: 365, stale: 1 });
    expect(pointEvidenceAge(p)).toBe('median 12 months, 1 stale');
    expect(pointEvidenceAge({ ...p, evidence: { dated: 0, undated: 2 } })).toBe('undated');
    expect(pointEvidenceAge({ ...p, evidence: { dated: 1, undated: 0, medianDays: 10 } })).toBe('median 10 days');
    expect(pointEvidenceAge(point('x'))).toBeUndefined();
  });

  it('a version whose rubric cannot be found: its date and errors, and no score', async () => {
    const lost = await analyzeMemory({ 'a.assessment.yaml': assessment('yes') }, 'a.assessment.yaml');
    const p = historyPoint(lost, { date: '2026-04-01', path: 'a.assessment.yaml' });
    expect(p).toStrictEqual({ date: '2026-04-01', path: 'a.assessment.yaml', assessmentDate: '2026-03-31', dimensions: {}, errors: 1 });
  });

  it('a version that assesses no dimension: its coverage, and no overall score or level', async () => {
    const p = historyPoint(await analysed(assessment('yes').replace(/dimensions:\n[^]*$/, 'dimensions: {}\n')), { date: '2026-04-01', path: 'a.assessment.yaml' });
    expect(p).toStrictEqual({ date: '2026-04-01', path: 'a.assessment.yaml', assessmentDate: '2026-03-31', coverage: { scored: 0, total: 2 }, dimensions: {}, errors: 0 });
  });

  it('no point from a version without an assessment', async () => {
    const rubricOnly = await analyzeMemory({ 'desk.rubric.yaml': RUBRIC }, 'desk.rubric.yaml');
    expect(historyPoint(rubricOnly, { date: '2026-04-01', path: 'desk.rubric.yaml' })).toBeUndefined();
  });

  it('no coverage words when the whole rubric was covered', () => {
    expect(pointCoverage({ ...point('x'), coverage: { scored: 2, total: 2 } })).toBeUndefined();
    expect(pointCoverage(point('x'))).toBeUndefined();
  });
});

describe('the history', () => {
  it('titled by the newest version, with its rubric and the dimensions ever scored, in the rubric’s order, then the others', async () => {
    const newest = await analysed(assessment('yes'));
    const points: HistoryPoint[] = [{ ...point('a'), dimensions: { gone: 1, portal: 1 } }, { ...point('a'), dimensions: { portal: 2 } }];
    const history = buildHistory('commit', points, newest);
    expect(history).toMatchObject({ schemaVersion: 1, by: 'commit', title: 'Acme (Desk), 2026-03-31', rubric: { id: 'desk', title: 'Service desk', minLevel: 1, maxLevel: 2, threshold: 2 } });
    expect(history.dimensions).toEqual([
      { id: 'portal', title: 'Portal' },
      { id: 'gone', title: 'gone' },
    ]);
    expect(history.points).toBe(points);
  });

  it('a rubric without a threshold: none in the history', async () => {
    const plain = await analyzeMemory({ 'desk.rubric.yaml': SMALL_RUBRIC, 'a.assessment.yaml': assessment('yes') }, 'a.assessment.yaml');
    expect(buildHistory('commit', [], plain).rubric).toStrictEqual({ id: 'desk', title: 'Service desk', minLevel: 1, maxLevel: 2, terms: expect.anything() });
  });

  it('by date, titled by its subject, with the unit when there is one', async () => {
    expect(buildHistory('date', [], await analysed(assessment('yes'))).title).toBe('Acme (Desk)');
    expect(buildHistory('date', [], await analysed(assessment('yes', '', '{ organization: Acme }'))).title).toBe('Acme');
  });

  it('whose newest assessment lost its rubric: titled by it, without a rubric, its dimensions by id', async () => {
    const lost = await analyzeMemory({ 'a.assessment.yaml': assessment('yes') }, 'a.assessment.yaml');
    const history = buildHistory('commit', [{ ...point('a'), dimensions: { portal: 2 } }], lost);
    expect(history.title).toBe('Acme (Desk), 2026-03-31');
    expect(history).not.toHaveProperty('rubric');
    expect(history.dimensions).toEqual([{ id: 'portal', title: 'portal' }]);
  });

  it('without an assessment to name it: "Assessment", and no rubric', () => {
    const history = buildHistory('commit', [], undefined);
    expect(history.title).toBe('Assessment');
    expect(history).not.toHaveProperty('rubric');
    expect(history.dimensions).toEqual([]);
  });

  it('follows renames across commits only, naming the commit where it has one', () => {
    const points = [point('a.yaml', 1, 'c1'), point('a.yaml', 1, 'c2'), point('b.yaml', 2, 'c3'), point('c.yaml', 2)];
    const byCommit = buildHistory('commit', points, undefined);
    // Strictly: a rename without a commit has no commit key at all.
    expect(historyRenames(byCommit)).toStrictEqual([{ from: 'a.yaml', to: 'b.yaml', commit: 'c3' }, { from: 'b.yaml', to: 'c.yaml' }]);
    expect(historyPath(byCommit)).toBe('c.yaml');
    expect(historyPath(buildHistory('commit', [], undefined))).toBeUndefined();
    expect(historyRenames(buildHistory('date', points, undefined))).toEqual([]);
  });

  it('counts each move from the last point that had an overall score', () => {
    expect(previousOverall([point('a', 1), point('a'), point('a', 3), point('a', 2)])).toEqual([undefined, 1, 1, 3]);
  });

  it('compares assessments by organization, unit and the very rubric', async () => {
    const desk = historyAssessment(await analysed(assessment('yes')))!;
    const rewritten = historyAssessment(await analysed(assessment('no', 'title: Another title\n')))!;
    const other = historyAssessment(await analysed(assessment('yes', '', '{ organization: Acme, unit: Ops }')))!;
    expect(subjectKey(desk)).toBe(subjectKey(rewritten));
    expect(subjectKey(desk)).not.toBe(subjectKey(other));
    expect(subjectKey(desk)).toBe(JSON.stringify(['Acme', 'Desk', 'file:///ws/desk.rubric.yaml', 'desk']));
    // No unit: the organization as a whole.
    const whole = historyAssessment(await analysed(assessment('yes', '', '{ organization: Acme }')))!;
    expect(subjectKey(whole)).toBe(JSON.stringify(['Acme', '', 'file:///ws/desk.rubric.yaml', 'desk']));
    // Without its rubric, an assessment cannot be compared with anything.
    const lost = historyAssessment(await analyzeMemory({ 'a.assessment.yaml': assessment('yes') }, 'a.assessment.yaml'))!;
    expect(lost.data?.id).toBe('acme');
    expect(subjectKey(lost)).toBeUndefined();
  });
});
