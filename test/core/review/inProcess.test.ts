/**
 * The review of a change and the history of an assessment, computed in the test's own process
 * from in-memory revisions of the Kestrel samples (test/cli/review.test.ts and test/cli/history.test.ts
 * run the same through the CLI and git). Here every value of the review's model is asserted, as a
 * golden JSON file, so that a change in how a review is built fails a test that sees it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, type FileAnalysis } from '../../../src/core/engine';
import { MemoryFileHost } from '../../../src/core/resolve/host';
import { reviewChange, reviewFile, rubricsOf, type FileStatus, type FileVersions } from '../../../src/core/review/change';
import { rubricUsers, rubricsDefinedIn, usesRubric } from '../../../src/core/review/dependents';
import { buildHistory, historyPath, historyPoint, historyRenames, previousOverall, subjectKey, historyAssessment } from '../../../src/core/review/history';
import { expectGolden } from '../../support/golden';

const KESTREL = path.join(__dirname, '../../../samples/kestrel');
const SAMPLES = Object.fromEntries(fs.readdirSync(KESTREL).map((name) => [name, fs.readFileSync(path.join(KESTREL, name), 'utf8')]));

const NEXGEN = '2026-03.nexgen-digital-services.assessment.yaml';
const IT4IT = '2026-03.it4it-legacy-alignment.assessment.yaml';
const CLAIMS_RUBRIC = 'claims-platform.rubric.yaml';
const CLAIMS = '2026-03.claims-platform.assessment.yaml';
const PLAN = 'roadmap-2026-2028.plan.yaml';

/** One revision of the folder: its files by name. */
type Revision = Record<string, string>;

function edited(files: Revision, edits: readonly [file: string, from: string, to: string][]): Revision {
  const out = { ...files };
  for (const [file, from, to] of edits) {
    const text = out[file] as string;
    if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
    out[file] = text.replace(from, to);
  }
  return out;
}

/** Every file of a revision analysed at file:///<side>/kestrel/. */
async function analyses(side: string, files: Revision): Promise<Map<string, FileAnalysis>> {
  const host = new MemoryFileHost(new Map(Object.entries(files).map(([name, text]) => [`file:///${side}/kestrel/${name}`, text])));
  const engine = new Engine(host);
  const out = new Map<string, FileAnalysis>();
  for (const [name, text] of Object.entries(files)) out.set(name, await engine.analyze(`file:///${side}/kestrel/${name}`, text));
  return out;
}

/** The side where a file is not (added or deleted), analysed as the CLI analyses it. */
const empty = (side: string, name: string) => new Engine(new MemoryFileHost(new Map())).analyzeAbsent(`file:///${side}/kestrel/${name}`);

/** The review of base → head, as the CLI assembles it: the changed files, then the users of any rubric they touch. */
async function review(base: Revision, head: Revision, renames: Record<string, string> = {}) {
  const before = await analyses('base', base);
  const after = await analyses('head', head);
  const renamedFrom = new Map(Object.entries(renames).map(([from, to]) => [to, from]));
  const versions: FileVersions[] = [];
  for (const name of [...new Set([...Object.keys(base), ...Object.keys(head)])].sort()) {
    const previous = renamedFrom.get(name);
    if (name in renames) continue;
    const status: FileStatus = previous ? 'renamed' : !(name in base) ? 'added' : !(name in head) ? 'deleted' : base[name] === head[name] ? 'unchanged' : 'modified';
    if (status === 'unchanged') continue;
    versions.push({
      path: `kestrel/${name}`,
      ...(previous ? { previousPath: `kestrel/${previous}` } : {}),
      status,
      before: before.get(previous ?? name) ?? (await empty('base', name)),
      after: after.get(name) ?? (await empty('head', name)),
    });
  }
  const touched = versions.flatMap((v) => rubricsDefinedIn(v.after));
  for (const [name, analysis] of after) {
    if (versions.some((v) => v.path === `kestrel/${name}`) || !touched.some((ref) => rubricUsers(analysis, ref).length > 0)) continue;
    versions.push({ path: `kestrel/${name}`, status: 'unchanged', before: before.get(name) as FileAnalysis, after: analysis });
  }
  return reviewChange({ base: { ref: 'main', commit: 'BASE' }, head: { ref: 'topic', commit: 'HEAD' }, files: versions });
}

describe('the review of a whole change, in process', () => {
  it('answers, a moved initiative, a new capability and a planted error', async () => {
    const head = edited(SAMPLES, [
      [NEXGEN, 'vs-financial-returns: some', 'vs-financial-returns: all'],
      [NEXGEN, 'vs-board-level-technology: none', 'vs-board-level-technology: some'],
      [IT4IT, 'sai-integration-layer: half', 'sai-integration-layer: most'],
      [PLAN, '    start: 2026-05-01\n    end: 2027-03-31', '    start: 2026-07-01\n    end: 2027-06-30'],
      [CLAIMS_RUBRIC, '  - id: test-automation\n', '  - id: release-governance\n    title: Release governance\n    group: build\n    levels:\n      1: Releases are approved by a weekly board.\n      3: Low-risk changes are approved by the pipeline.\n  - id: test-automation\n'],
      [IT4IT, 'sai-api-first: some', 'sai-api-first: plenty'],
    ]);
    const result = await review(SAMPLES, head);
    expect(result.files.map((f) => [f.path, f.status])).toEqual([
      ['kestrel/2026-03.it4it-legacy-alignment.assessment.yaml', 'modified'],
      ['kestrel/2026-03.nexgen-digital-services.assessment.yaml', 'modified'],
      ['kestrel/claims-platform.rubric.yaml', 'modified'],
      ['kestrel/roadmap-2026-2028.plan.yaml', 'modified'],
      // Not changed, but it uses the rubric that was.
      ['kestrel/2026-03.claims-platform.assessment.yaml', 'unchanged'],
    ]);
    expectGolden('review/answers.json', `${JSON.stringify(result, null, 2)}\n`);
  });

  it('renamed, deleted and added files, and a weight 1 → 3 that moves an unchanged assessment', async () => {
    const head: Revision = { ...SAMPLES };
    head['2025-nexgen.assessment.yaml'] = head['2025-03.nexgen-digital-services.assessment.yaml'] as string;
    delete head['2025-03.nexgen-digital-services.assessment.yaml'];
    delete head['2025-03.it4it-legacy-alignment.assessment.yaml'];
    head['2026-09.seven-attributes.assessment.yaml'] = (SAMPLES['2026-03.seven-attributes.assessment.yaml'] as string).replace('date: 2026-03-31', 'date: 2026-09-30');
    const weighted = edited(head, [[CLAIMS_RUBRIC, '    title: Claims data\n    weight: 1', '    title: Claims data\n    weight: 3']]);
    const result = await review(SAMPLES, weighted, { '2025-03.nexgen-digital-services.assessment.yaml': '2025-nexgen.assessment.yaml' });
    expect(result.files.map((f) => [f.path, f.status])).toContainEqual(['kestrel/2025-nexgen.assessment.yaml', 'renamed']);
    expect(result.impacts.flatMap((i) => i.users.map((u) => u.path))).toContain(`kestrel/${CLAIMS}`);
    expectGolden('review/files.json', `${JSON.stringify(result, null, 2)}\n`);
  });

  it('a file reviewed alone: its rubrics at both sides, and who uses them', async () => {
    const before = await analyses('base', SAMPLES);
    const after = await analyses('head', edited(SAMPLES, [[CLAIMS_RUBRIC, '    title: Claims data\n    weight: 1', '    title: Claims data\n    weight: 2']]));
    const versions: FileVersions = { path: `kestrel/${CLAIMS_RUBRIC}`, status: 'modified', before: before.get(CLAIMS_RUBRIC)!, after: after.get(CLAIMS_RUBRIC)! };
    const rubrics = rubricsOf(versions);
    expect(rubrics.head.map((r) => [r.id, r.uri])).toEqual([['kestrel-claims-platform', `file:///head/kestrel/${CLAIMS_RUBRIC}`]]);
    expect(rubrics.base.map((r) => [r.id, r.uri])).toEqual([['kestrel-claims-platform', `file:///base/kestrel/${CLAIMS_RUBRIC}`]]);
    const claims = after.get(CLAIMS)!;
    expect(rubricUsers(claims, rubrics.head[0]!).map((d) => d.kind)).toEqual(['Assessment']);
    expect(claims.documents.every((d) => usesRubric(d, rubrics.base[0]!))).toBe(false);
    expect(rubricUsers(after.get(NEXGEN)!, rubrics.head[0]!)).toEqual([]);
    const file = reviewFile(versions);
    expect(file.documents.map((d) => [d.kind, d.moved])).toEqual([['Rubric', 'nothing']]);
    expectGolden('review/file.json', `${JSON.stringify(file, null, 2)}\n`);
  });
});

describe('the history of an assessment, in process', () => {
  it('follows the seven-attributes assessment from 2025 to 2026, through a rename', async () => {
    const older = (await analyses('a', SAMPLES)).get('2025-03.seven-attributes.assessment.yaml')!;
    const newer = (await analyses('b', SAMPLES)).get('2026-03.seven-attributes.assessment.yaml')!;
    const points = [
      historyPoint(older, { commit: 'c1', date: '2025-04-01', author: 'A. Analyst', message: 'Baseline', path: 'kestrel/2025-03.seven-attributes.assessment.yaml' })!,
      historyPoint(newer, { commit: 'c2', date: '2026-04-01', author: 'A. Analyst', message: 'A year on', path: 'kestrel/2026-03.seven-attributes.assessment.yaml' })!,
    ];
    const history = buildHistory('commit', points, newer);
    expect(historyRenames(history)).toEqual([{ from: 'kestrel/2025-03.seven-attributes.assessment.yaml', to: 'kestrel/2026-03.seven-attributes.assessment.yaml', commit: 'c2' }]);
    expect(historyPath(history)).toBe('kestrel/2026-03.seven-attributes.assessment.yaml');
    expect(historyPath(buildHistory('date', points, newer))).toBeUndefined();
    expect(historyRenames(buildHistory('date', points, newer))).toEqual([]);
    expect(previousOverall([{ ...points[0]!, overall: undefined }, points[1]!, points[0]!])).toEqual([undefined, undefined, points[1]!.overall]);
    expect(subjectKey(historyAssessment(older)!)).toBe(subjectKey(historyAssessment(newer)!));
    expect(historyPoint(await empty('c', 'x.yaml'), { date: '2026-01-01', path: 'x.yaml' })).toBeUndefined();
    expectGolden('review/history.json', `${JSON.stringify(history, null, 2)}\n`);
    expect(buildHistory('date', points, newer).title).toBe('Kestrel Mutual (Group IT)');
  });
});
