/**
 * One file of a change (src/core/review/change.ts, reviewFile and reviewChange): which documents
 * of the two versions are the same document, what moved in each, and the problems the change
 * brings, in small in-memory files where each value can be worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { Engine, type FileAnalysis } from '../../../src/core/engine';
import { MemoryFileHost } from '../../../src/core/resolve/host';
import { reviewChange, reviewFile, type FileStatus, type FileVersions } from '../../../src/core/review/change';
import { SMALL_RUBRIC } from '../../support/memory';
import { assessmentYaml, planYaml } from '../../support/fixtures';

const assessment = (id: string, answer: string, extra = '') =>
  assessmentYaml(`${extra}dimensions:\n  portal:\n    answers: { portal-live: ${answer} }\n`, { id, organization: id });

async function analyse(side: string, name: string, text: string, rubric = SMALL_RUBRIC): Promise<FileAnalysis> {
  const host = new MemoryFileHost(new Map([[`file:///${side}/desk.rubric.yaml`, rubric]]));
  return new Engine(host).analyze(`file:///${side}/${name}`, text);
}

async function review(before: string, after: string, status: FileStatus = 'modified', rubrics: [string, string] = [SMALL_RUBRIC, SMALL_RUBRIC]) {
  return reviewFile({ path: 'a.assessment.yaml', status, before: await analyse('base', 'a.assessment.yaml', before, rubrics[0]), after: await analyse('head', 'a.assessment.yaml', after, rubrics[1]) });
}

describe('the documents of a file at two revisions', () => {
  it('an answer that raises the overall score: the overall moved, with why', async () => {
    const file = await review(assessment('acme', 'no'), assessment('acme', 'yes'));
    expect(file).toMatchObject({ path: 'a.assessment.yaml', status: 'modified' });
    expect(file).not.toHaveProperty('previousPath');
    expect(file.documents.map((d) => [d.kind, d.id, d.title, d.moved])).toEqual([['Assessment', 'acme', 'acme, 2026-03-31', 'overall']]);
    expect(file.documents[0]!.why?.dimensions.map((d) => [d.id, d.before, d.after])).toEqual([['portal', 1, 2]]);
    expect(file.documents[0]!.errors).toEqual({ before: 0, after: 0, new: 0 });
    // Its rubric did not change: nothing to list.
    expect(file.documents[0]).not.toHaveProperty('rubricChanges');
  });

  it('an id that is not a string is no id: the document has none, and pairs by its place', async () => {
    const file = await review(assessment('42', 'no'), assessment('42', 'yes'));
    expect(file.documents.map((d) => [d.kind, d.moved, d.errors.after > 0])).toEqual([['Assessment', 'unscored', true]]);
    expect(file.documents[0]).not.toHaveProperty('id');
  });

  it('nothing moved when only a dimension’s notes changed', async () => {
    const file = await review(assessment('acme', 'yes'), assessment('acme', 'yes').replace('    answers:', '    notes: Reviewed again.\n    answers:'));
    expect(file.documents.map((d) => d.moved)).toEqual(['nothing']);
  });

  it('documents paired by id whatever their order, and one removed', async () => {
    const before = `${assessment('one', 'no')}---\n${assessment('two', 'no')}---\n${assessment('three', 'no')}`;
    const after = `${assessment('three', 'yes')}---\n${assessment('one', 'no')}`;
    const file = await review(before, after);
    expect(file.documents.map((d) => [d.id, d.moved, d.diff.overall?.before, d.diff.overall?.after])).toEqual([
      ['three', 'overall', 1, 2],
      ['one', 'nothing', 1, 1],
      // Gone: its overall score went away.
      ['two', 'overall', 1, undefined],
    ]);
  });

  it('a document whose id changed is paired by its place among those of its kind', async () => {
    const file = await review(assessment('acme', 'no'), assessment('acme-2026', 'yes'));
    expect(file.documents.map((d) => [d.id, d.moved])).toEqual([['acme-2026', 'overall']]);
  });

  it('a head that no longer parses is the same assessment, unscored, with the errors it brings', async () => {
    const file = await review(assessment('acme', 'yes'), `${assessment('acme', 'yes')}  : [broken\n`);
    expect(file.documents).toHaveLength(1);
    expect(file.documents[0]!.moved).toBe('unscored');
    expect(file.documents[0]!.errors.before).toBe(0);
    expect(file.documents[0]!.errors.after).toBeGreaterThan(0);
    expect(file.documents[0]!.errors.new).toBe(file.documents[0]!.errors.after);
  });

  it('counts only the problems the head did not have before as new, however many of one message there are', async () => {
    // Each unknown dimension is an error; the same message twice counts twice.
    const unknown = (names: string[]) => names.map((n) => `  ${n}: {}\n`).join('');
    const file = await review(assessment('acme', 'yes') + unknown(['zz']), assessment('acme', 'yes') + unknown(['zz', 'yy']));
    expect(file.documents[0]!.errors).toEqual({ before: 1, after: 2, new: 1 });
    expect(file.documents[0]!.warnings).toEqual({ before: 0, after: 0, new: 0 });
  });

  it('an added file has only a head, and nothing to compare it with', async () => {
    const file = await review('', assessment('acme', 'yes'), 'added');
    expect(file.documents.map((d) => [d.id, d.moved, d.diff.overall?.before, d.diff.overall?.after])).toEqual([['acme', 'unscored', undefined, 2]]);
    expect(file.documents[0]).not.toHaveProperty('why');
  });

  it('an assessment whose rubric changed under it: the rubric’s changes, and the score they move', async () => {
    const file = await review(assessment('acme', 'yes'), assessment('acme', 'yes'), 'unchanged', [SMALL_RUBRIC, SMALL_RUBRIC.replace('level: 2 }\n', 'level: 2, weight: 2 }\n').replace('{ level: 2, name: Managed }', '{ level: 2, name: Managed }\n  - { level: 3, name: Defined }')]);
    expect(file.documents[0]!.rubricChanges?.map((c) => c.kind)).toEqual(['level-added', 'criterion-weight']);
    // Gated over 1..3 now: the one criterion met at 2 leaves it at 2, as before.
    expect(file.documents[0]!.moved).toBe('nothing');
  });
});

describe('which documents of the two versions are the same', () => {
  const plan = (id: string) => planYaml(`initiatives:\n  - { id: step, title: Step, start: 2026-02-01, end: 2026-12-31, moves: [{ dimension: portal, from: 1, to: 2 }] }\n`, { id, baseline: null, horizon: { start: '2026-01-01', end: '2027-12-31' } });
  const rows = (file: Awaited<ReturnType<typeof review>>) => file.documents.map((d) => [d.kind, d.id, d.moved, d.diff.overall?.before, d.diff.overall?.after]);

  it('an id the head repeats: the second is a new document, whose score appeared', async () => {
    const file = await review(assessment('acme', 'no'), `${assessment('acme', 'yes')}---\n${assessment('acme', 'yes')}`);
    expect(rows(file)).toEqual([
      ['Assessment', 'acme', 'overall', 1, 2],
      ['Assessment', 'acme', 'overall', undefined, 2],
    ]);
  });

  it('a plan and an assessment of one id pair each with its own kind, whatever their order', async () => {
    const file = await review(`${plan('x')}---\n${assessment('x', 'yes')}`, `${assessment('x', 'yes')}---\n${plan('x')}`);
    expect(rows(file)).toEqual([
      ['Assessment', 'x', 'nothing', 2, 2],
      ['Plan', 'x', 'nothing', undefined, undefined],
    ]);
  });

  it('documents whose ids all changed pair by their place among those of their kind', async () => {
    const file = await review(`${plan('p1')}---\n${assessment('a1', 'yes')}`, `${assessment('a2', 'yes')}---\n${plan('p2')}`);
    expect(rows(file)).toEqual([
      ['Assessment', 'a2', 'nothing', 2, 2],
      ['Plan', 'p2', 'nothing', undefined, undefined],
    ]);
  });

  it('a new id pairs with the document whose id the head no longer has, not with one it keeps', async () => {
    // The base's "one" is still in the head: the new document takes the place of "two".
    const file = await review(`${assessment('one', 'no')}---\n${assessment('two', 'yes')}`, `${assessment('new', 'yes')}---\n${assessment('one', 'no')}`);
    expect(rows(file)).toEqual([
      ['Assessment', 'new', 'nothing', 2, 2],
      ['Assessment', 'one', 'nothing', 1, 1],
    ]);
  });

  it('a document added beside one with errors is new, not that one again', async () => {
    const file = await review(assessment('one', 'maybe'), `${assessment('one', 'maybe')}---\n${assessment('two', 'yes')}`);
    expect(file.documents.map((d) => [d.id, d.diff.overall?.before, d.diff.overall?.after, d.errors])).toEqual([
      ['one', 1, 1, { before: 1, after: 1, new: 0 }],
      ['two', undefined, 2, { before: 0, after: 0, new: 0 }],
    ]);
    const removed = await review(`${assessment('one', 'maybe')}---\n${assessment('two', 'yes')}`, assessment('one', 'maybe'));
    expect(removed.documents.map((d) => [d.id, d.diff.overall?.before, d.diff.overall?.after])).toEqual([
      ['one', 1, 1],
      ['two', 2, undefined],
    ]);
  });

  it('a head that is no mapping at all (null, text) is the same document, which keeps the base’s id', async () => {
    for (const text of ['null\n', 'just text\n']) {
      const file = await review(assessment('acme', 'yes'), text);
      expect(file.documents.map((d) => [d.kind, d.id, d.moved, d.errors.before, d.errors.after > 0])).toEqual([['Assessment', 'acme', 'unscored', 0, true]]);
    }
  });

  it('an assessment whose rubric is lost at the head: its score went away, with no rubric changes to list', async () => {
    const file = await review(assessment('acme', 'yes'), assessment('acme', 'yes'), 'modified', [SMALL_RUBRIC, '']);
    expect(file.documents.map((d) => [d.id, d.moved, d.diff.overall?.before, d.diff.overall?.after, d.errors.new])).toEqual([['acme', 'overall', 2, undefined, 1]]);
    expect(file.documents[0]).not.toHaveProperty('rubricChanges');
    expect(file.documents[0]).not.toHaveProperty('why');
    const found = await review(assessment('acme', 'yes'), assessment('acme', 'yes'), 'modified', ['', SMALL_RUBRIC]);
    expect(found.documents[0]).not.toHaveProperty('rubricChanges');
  });
});

describe('a plan and a broken base', () => {
  const plan = (to: number) =>
    planYaml(`initiatives:\n  - { id: step, title: Step, start: 2026-02-01, end: 2026-12-31, moves: [{ dimension: portal, from: 1, to: ${to} }] }\n`, { baseline: null, horizon: { start: '2026-01-01', end: '2028-06-30' } });

  it('a plan whose move changed: its projections moved', async () => {
    const rubric = SMALL_RUBRIC.replace('{ level: 2, name: Managed }', '{ level: 2, name: Managed }\n  - { level: 3, name: Defined }');
    const file = await reviewFile({ path: 'p.plan.yaml', status: 'modified', before: await analyse('base', 'p.plan.yaml', plan(2), rubric), after: await analyse('head', 'p.plan.yaml', plan(3), rubric) });
    expect(file.documents.map((d) => [d.kind, d.id, d.title, d.moved])).toEqual([['Plan', 'roadmap', 'Roadmap', 'projections']]);
    const same = await reviewFile({ path: 'p.plan.yaml', status: 'modified', before: await analyse('base', 'p.plan.yaml', plan(2), rubric), after: await analyse('head', 'p.plan.yaml', plan(2).replace('title: Step', 'title: First step'), rubric) });
    expect(same.documents.map((d) => d.moved)).toEqual(['nothing']);
  });

  it('a base that did not parse is the same assessment as the head that does', async () => {
    const file = await review(`${assessment('acme', 'yes')}  : [broken\n`, assessment('acme', 'yes'));
    expect(file.documents.map((d) => [d.id, d.moved, d.errors.before > 0, d.errors.after])).toEqual([['acme', 'unscored', true, 0]]);
  });

  it('a renamed file keeps where it was', async () => {
    const file = reviewFile({ path: 'b.assessment.yaml', previousPath: 'a.assessment.yaml', status: 'renamed', before: await analyse('base', 'a.assessment.yaml', assessment('acme', 'yes')), after: await analyse('head', 'b.assessment.yaml', assessment('acme', 'yes')) });
    expect(file).toMatchObject({ path: 'b.assessment.yaml', previousPath: 'a.assessment.yaml', status: 'renamed' });
    expect(file).not.toHaveProperty('reason');
    expect(file.documents.map((d) => d.moved)).toEqual(['nothing']);
  });

  it('an unchanged file reviewed for what it inherits says so', async () => {
    const text = assessment('acme', 'yes');
    const file = reviewFile({ path: 'a.assessment.yaml', status: 'unchanged', reason: 'inheritance', before: await analyse('base', 'a.assessment.yaml', text), after: await analyse('head', 'a.assessment.yaml', text) });
    expect(file.reason).toBe('inheritance');
    const byRubric = reviewFile({ path: 'a.assessment.yaml', status: 'unchanged', reason: 'rubric', before: await analyse('base', 'a.assessment.yaml', text), after: await analyse('head', 'a.assessment.yaml', text) });
    expect(byRubric).not.toHaveProperty('reason');
  });
});

describe('moves and problems in a two-dimension assessment', () => {
  // Average over 1..2: a dimension is 1 + its mean credit.
  const RUBRIC2 = SMALL_RUBRIC.replace('version: 1.0.0', 'version: 1.0.0\nscoring: { method: average }') + '  - id: kb\n    title: Knowledge\n    criteria:\n      - { id: kb-live, text: A knowledge base is live., level: 2 }\n      - { id: kb-used, text: It is used., level: 2 }\n';
  const two = (portal: string, live: string, used: string) =>
    assessmentYaml(`dimensions:\n  portal:\n    answers: { portal-live: ${portal} }\n  kb:\n    answers: { kb-live: ${live}, kb-used: ${used} }\n`);

  it('one dimension up and another down as much: the dimensions moved, not the overall', async () => {
    // Portal 1 → 2; knowledge (1 + 1) → 1; overall 1.5 both times.
    const file = await review(two('no', 'yes', 'yes'), two('yes', 'no', 'no'), 'modified', [RUBRIC2, RUBRIC2]);
    expect(file.documents.map((d) => [d.moved, d.diff.overall?.before, d.diff.overall?.after])).toEqual([['dimensions', 1.5, 1.5]]);
  });

  it('the same problem twice at both sides: none new', async () => {
    const file = await review(two('yes', 'maybe', 'maybe'), two('no', 'maybe', 'maybe'), 'modified', [RUBRIC2, RUBRIC2]);
    expect(file.documents[0]!.errors).toEqual({ before: 2, after: 2, new: 0 });
  });

  it('the same problem twice counts as new once more than it was', async () => {
    // "maybe" is off the yes-no scale: one error per answer, each with the same message.
    const file = await review(two('yes', 'maybe', 'yes'), two('yes', 'maybe', 'maybe'), 'modified', [RUBRIC2, RUBRIC2]);
    expect(file.documents[0]!.errors).toEqual({ before: 1, after: 2, new: 1 });
  });

  it('a head whose kind can no longer be read is the same document, unscored', async () => {
    const broken = two('yes', 'yes', 'yes').replace('kind: Assessment', 'kind: [Assessment');
    const file = await review(two('yes', 'yes', 'yes'), broken, 'modified', [RUBRIC2, RUBRIC2]);
    expect(file.documents.map((d) => [d.kind, d.moved, d.errors.new > 0])).toEqual([['Assessment', 'unscored', true]]);
    const fixed = await review(broken, two('yes', 'yes', 'yes'), 'modified', [RUBRIC2, RUBRIC2]);
    expect(fixed.documents.map((d) => [d.kind, d.moved, d.errors.before > 0, d.errors.after])).toEqual([['Assessment', 'unscored', true, 0]]);
  });
});

describe('a whole change', () => {
  it('counts the head’s errors over every file, and keeps the revisions it was given', async () => {
    const broken = await review(assessment('acme', 'yes'), assessment('acme', 'maybe'));
    const change = reviewChange({
      base: { ref: 'main' },
      head: { ref: 'topic', commit: 'abc' },
      files: [
        { path: 'a.assessment.yaml', status: 'modified', before: await analyse('base', 'a.assessment.yaml', assessment('acme', 'yes')), after: await analyse('head', 'a.assessment.yaml', assessment('acme', 'maybe')) },
        { path: 'b.assessment.yaml', status: 'modified', before: await analyse('base', 'b.assessment.yaml', assessment('b', 'yes')), after: await analyse('head', 'b.assessment.yaml', assessment('b', 'maybe')) },
      ],
    });
    expect(broken.documents[0]!.errors.after).toBe(1);
    expect(change).toMatchObject({ schemaVersion: 1, base: { ref: 'main' }, head: { ref: 'topic', commit: 'abc' }, impacts: [], headErrors: 2 });
    expect(change).not.toHaveProperty('bases');
  });
});

describe('what a change moves beyond its own files', () => {
  /** Every file of a revision analysed at file:///<side>/. */
  async function revision(side: string, files: Record<string, string>): Promise<Map<string, FileAnalysis>> {
    const engine = new Engine(new MemoryFileHost(new Map(Object.entries(files).map(([name, text]) => [`file:///${side}/${name}`, text]))));
    const out = new Map<string, FileAnalysis>();
    for (const [name, text] of Object.entries(files)) out.set(name, await engine.analyze(`file:///${side}/${name}`, text));
    return out;
  }

  /** The head's files, then those the change deleted; a file missing at a side is an empty text there. */
  async function change(base: Record<string, string>, head: Record<string, string>, changed: string[]) {
    const before = await revision('base', base);
    const after = await revision('head', head);
    const missing = (side: string, name: string) => new Engine(new MemoryFileHost(new Map())).analyze(`file:///${side}/${name}`, '');
    const status = (name: string): FileStatus => (!(name in base) ? 'added' : !(name in head) ? 'deleted' : changed.includes(name) ? 'modified' : 'unchanged');
    const names = [...Object.keys(head), ...Object.keys(base).filter((name) => !(name in head))];
    const files: FileVersions[] = await Promise.all(
      names.map(async (name) => ({ path: name, status: status(name), before: before.get(name) ?? (await missing('base', name)), after: after.get(name) ?? (await missing('head', name)) })),
    );
    return reviewChange({ base: { ref: 'main' }, head: { ref: 'topic' }, files });
  }

  it('a rubric change: every assessment that uses it, changed or not, and the new dimension one does not assess', async () => {
    const base = { 'desk.rubric.yaml': SMALL_RUBRIC, 'a.assessment.yaml': assessment('a', 'yes'), 'b.assessment.yaml': assessment('b', 'no') };
    const withKb = SMALL_RUBRIC + '  - id: kb\n    title: Knowledge\n    criteria:\n      - { id: kb-live, text: A knowledge base is live., level: 2 }\n';
    const head = { ...base, 'desk.rubric.yaml': withKb, 'b.assessment.yaml': assessment('b', 'yes') };
    const review = await change(base, head, ['desk.rubric.yaml', 'b.assessment.yaml']);
    expect(review.impacts).toHaveLength(1);
    expect(review.impacts[0]).toMatchObject({ path: 'desk.rubric.yaml', id: 'desk', title: 'Service desk' });
    expect(review.impacts[0]!.changes.map((c) => c.kind)).toEqual(['dimension-added', 'criterion-added']);
    expect(review.impacts[0]!.users).toEqual([
      // a did not change; the new dimension, which it does not assess, moves nothing there.
      { path: 'a.assessment.yaml', kind: 'Assessment', title: 'a, 2026-03-31', before: 2, after: 2, fileChanged: false, moved: 'nothing', notAssessed: [{ id: 'kb', title: 'Knowledge' }] },
      { path: 'b.assessment.yaml', kind: 'Assessment', title: 'b, 2026-03-31', before: 1, after: 2, fileChanged: true, moved: 'overall', notAssessed: [{ id: 'kb', title: 'Knowledge' }] },
    ]);
    expect(review).not.toHaveProperty('bases');
  });

  it('a rubric change of text only moves nothing: no impact', async () => {
    const base = { 'desk.rubric.yaml': SMALL_RUBRIC, 'a.assessment.yaml': assessment('a', 'yes') };
    const review = await change(base, { ...base, 'desk.rubric.yaml': SMALL_RUBRIC.replace('title: Portal', 'title: Web portal') }, ['desk.rubric.yaml']);
    expect(review.files[0]!.documents[0]!.rubricChanges?.map((c) => [c.kind, c.scoring])).toEqual([['dimension-title', false]]);
    expect(review.impacts).toEqual([]);
  });

  it('an assessment change: every assessment that inherits from it, directly or through another', async () => {
    const inherits = (id: string, from: string) => assessment(id, 'yes').replace('dimensions:\n  portal:\n    answers: { portal-live: yes }\n', `inherits: ./${from}\ndimensions: {}\n`);
    const base = { 'desk.rubric.yaml': SMALL_RUBRIC, 'org.assessment.yaml': assessment('org', 'no'), 'team.assessment.yaml': inherits('team', 'org.assessment.yaml'), 'squad.assessment.yaml': inherits('squad', 'team.assessment.yaml') };
    const review = await change(base, { ...base, 'org.assessment.yaml': assessment('org', 'yes') }, ['org.assessment.yaml']);
    expect(review.bases).toEqual([
      {
        path: 'org.assessment.yaml',
        id: 'org',
        title: 'org, 2026-03-31',
        users: [
          { path: 'team.assessment.yaml', kind: 'Assessment', title: 'team, 2026-03-31', before: 1, after: 2, fileChanged: false, moved: 'overall' },
          { path: 'squad.assessment.yaml', kind: 'Assessment', title: 'squad, 2026-03-31', before: 1, after: 2, fileChanged: false, moved: 'overall' },
        ],
      },
    ]);
  });

  const KB_DIMENSION = '  - id: kb\n    title: Knowledge\n    criteria:\n      - { id: kb-live, text: A knowledge base is live., level: 2 }\n';
  const plan = planYaml(`initiatives:\n  - { id: step, title: Step, start: 2026-02-01, end: 2026-12-31, moves: [{ dimension: portal, from: 1, to: 2 }] }\n`, { baseline: null, horizon: { start: '2026-01-01', end: '2027-12-31' } });

  it('a rubric change: a plan that uses it, an assessment added and one deleted with it, not a document of another rubric', async () => {
    const mixed = `${assessment('m1', 'yes')}---\n${assessment('m2', 'yes').replace('./desk.rubric.yaml', './other.rubric.yaml')}`;
    const base = { 'desk.rubric.yaml': SMALL_RUBRIC, 'other.rubric.yaml': SMALL_RUBRIC.replace('id: desk', 'id: other'), 'p.plan.yaml': plan, 'mixed.assessment.yaml': mixed, 'gone.assessment.yaml': assessment('gone', 'no') };
    const kept = Object.fromEntries(Object.entries(base).filter(([name]) => name !== 'gone.assessment.yaml'));
    const assessesKb = assessment('new', 'yes').replace('    answers: { portal-live: yes }\n', '    answers: { portal-live: yes }\n  kb:\n    answers: { kb-live: yes }\n');
    const review = await change(base, { ...kept, 'desk.rubric.yaml': SMALL_RUBRIC + KB_DIMENSION, 'new.assessment.yaml': assessesKb }, ['desk.rubric.yaml']);
    expect(review.impacts.map((i) => [i.path, i.id])).toEqual([['desk.rubric.yaml', 'desk']]);
    expect(review.impacts[0]!.users).toEqual([
      // A plan has no overall score; its projections did not move.
      { path: 'p.plan.yaml', kind: 'Plan', title: 'Roadmap', fileChanged: false, moved: 'nothing' },
      // m2, in the same file, is scored against the other rubric.
      { path: 'mixed.assessment.yaml', kind: 'Assessment', title: 'm1, 2026-03-31', before: 2, after: 2, fileChanged: false, moved: 'nothing', notAssessed: [{ id: 'kb', title: 'Knowledge' }] },
      // Added, and it assesses the new dimension; deleted, and it has only a base.
      { path: 'new.assessment.yaml', kind: 'Assessment', title: 'new, 2026-03-31', after: 2, fileChanged: true, moved: 'unscored' },
      { path: 'gone.assessment.yaml', kind: 'Assessment', title: 'gone, 2026-03-31', before: 1, fileChanged: true, moved: 'unscored' },
    ]);
  });

  it('an assessment change: an inheritor the change adds, or one it deletes, alone', async () => {
    const inherits = (id: string) => assessment(id, 'yes').replace('dimensions:\n  portal:\n    answers: { portal-live: yes }\n', 'inherits: ./org.assessment.yaml\ndimensions: {}\n');
    const base = { 'desk.rubric.yaml': SMALL_RUBRIC, 'org.assessment.yaml': assessment('org', 'no') };
    const org = { path: 'org.assessment.yaml', id: 'org', title: 'org, 2026-03-31' };
    // Only the head has an inheritor.
    const added = await change(base, { ...base, 'org.assessment.yaml': assessment('org', 'yes'), 'team.assessment.yaml': inherits('team') }, ['org.assessment.yaml']);
    expect(added.bases).toEqual([{ ...org, users: [{ path: 'team.assessment.yaml', kind: 'Assessment', title: 'team, 2026-03-31', after: 2, fileChanged: true, moved: 'unscored' }] }]);
    // Only the base had one.
    const deleted = await change({ ...base, 'old.assessment.yaml': inherits('old') }, { ...base, 'org.assessment.yaml': assessment('org', 'yes') }, ['org.assessment.yaml']);
    expect(deleted.bases).toEqual([{ ...org, users: [{ path: 'old.assessment.yaml', kind: 'Assessment', title: 'old, 2026-03-31', before: 1, fileChanged: true, moved: 'unscored' }] }]);
  });

  it('an inheritor listed before the assessment it inherits through is found all the same', async () => {
    const inherits = (id: string, from: string) => assessment(id, 'yes').replace('dimensions:\n  portal:\n    answers: { portal-live: yes }\n', `inherits: ./${from}\ndimensions: {}\n`);
    const base = { 'desk.rubric.yaml': SMALL_RUBRIC, 'org.assessment.yaml': assessment('org', 'no'), 'squad.assessment.yaml': inherits('squad', 'team.assessment.yaml'), 'team.assessment.yaml': inherits('team', 'org.assessment.yaml') };
    const review = await change(base, { ...base, 'org.assessment.yaml': assessment('org', 'yes') }, ['org.assessment.yaml']);
    expect(review.bases?.flatMap((b) => b.users.map((u) => [u.path, u.before, u.after]))).toEqual([
      ['squad.assessment.yaml', 1, 2],
      ['team.assessment.yaml', 1, 2],
    ]);
  });

  it('a rubric change: both assessments of one file that use it', async () => {
    const both = `${assessment('one', 'yes')}---\n${assessment('two', 'no')}`;
    const base = { 'desk.rubric.yaml': SMALL_RUBRIC, 'both.assessment.yaml': both };
    const review = await change(base, { ...base, 'desk.rubric.yaml': SMALL_RUBRIC.replace('level: 2 }\n', 'level: 2, weight: 2 }\n') }, ['desk.rubric.yaml']);
    expect(review.impacts[0]!.users.map((u) => [u.path, u.title])).toEqual([
      ['both.assessment.yaml', 'one, 2026-03-31'],
      ['both.assessment.yaml', 'two, 2026-03-31'],
    ]);
  });

  it('a rubric change that renames a dimension and weighs a criterion: one impact, with both changes', async () => {
    const base = { 'desk.rubric.yaml': SMALL_RUBRIC, 'a.assessment.yaml': assessment('a', 'yes') };
    const edited = SMALL_RUBRIC.replace('title: Portal', 'title: Web portal').replace('level: 2 }\n', 'level: 2, weight: 2 }\n');
    const review = await change(base, { ...base, 'desk.rubric.yaml': edited }, ['desk.rubric.yaml']);
    expect(review.impacts.map((i) => [i.id, i.changes.map((c) => [c.kind, c.scoring]), i.users.map((u) => u.path)])).toEqual([
      ['desk', [['criterion-weight', true], ['dimension-title', false]], ['a.assessment.yaml']],
    ]);
  });

  it('a rubric file deleted, and one added: its document, with no changes to list and nothing it moves', async () => {
    const base = { 'desk.rubric.yaml': SMALL_RUBRIC };
    const deleted = await change(base, {}, []);
    expect(deleted.files.map((f) => [f.path, f.status, f.documents.map((d) => [d.kind, d.id, d.moved])])).toEqual([['desk.rubric.yaml', 'deleted', [['Rubric', 'desk', 'nothing']]]]);
    expect(deleted.files[0]!.documents[0]).not.toHaveProperty('rubricChanges');
    expect(deleted.impacts).toEqual([]);
    const added = await change({}, base, []);
    expect(added.files.map((f) => [f.path, f.status, f.documents.map((d) => [d.kind, d.id])])).toEqual([['desk.rubric.yaml', 'added', [['Rubric', 'desk']]]]);
    expect(added.files[0]!.documents[0]).not.toHaveProperty('rubricChanges');
  });
});
