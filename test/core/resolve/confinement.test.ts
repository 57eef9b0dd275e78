/**
 * References stay inside their roots (src/core/resolve/confinement.ts): `..` out of the root, an
 * absolute path, a network path (`//server/share`, `\\server\share`), a URI of another scheme,
 * and a link that leads out are refused before anything is read, with a diagnostic of its own
 * code; inside the roots (also through a link), references resolve as before. The faces' roots
 * are tested with each face: test/cli/confinement.test.ts, test/server/references.test.ts and
 * test/action/main.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/core/engine';
import { isInside, refusalSentence, versionControlFolderOf, type Confinement } from '../../../src/core/resolve/confinement';
import { MemoryFileHost, type FileHost, type FileRead } from '../../../src/core/resolve/host';
import { workspaceConfinement } from '../../../src/server/confinement';
import { SMALL_RUBRIC, yaml } from '../../support/memory';
import { assessmentYaml, planYaml } from '../../support/fixtures';

const RUBRIC = SMALL_RUBRIC;

/** What lies outside the roots: a title that must never be shown. */
const SECRET = RUBRIC.replace('title: Service desk', 'title: TOP SECRET rubric title');

const assessment = (rubric: string) => assessmentYaml(yaml`
  dimensions:
    portal:
      answers:
        portal-live: yes
`, { rubric: JSON.stringify(rubric) });

const inWorkspace: Confinement = { rootsFor: () => ({ roots: ['file:///ws/'], scope: 'the workspace' }), allow: 'Allow it with the setting.' };

/** A host that records every read and every question about links, with `links` leading elsewhere. */
class RecordingHost implements FileHost {
  readonly asked: string[] = [];
  private readonly files: MemoryFileHost;

  constructor(files: Record<string, string>, private readonly links: Record<string, string> = {}) {
    this.files = new MemoryFileHost(new Map(Object.entries(files)));
  }

  async readFile(uri: string): Promise<FileRead> {
    this.asked.push(`read ${uri}`);
    return this.files.readFile(this.links[uri] ?? uri);
  }

  async realUri(uri: string): Promise<string | undefined> {
    this.asked.push(`real ${uri}`);
    return this.links[uri] ?? uri;
  }
}

async function check(rubric: string, options: { links?: Record<string, string>; confinement?: Confinement; from?: string; files?: Record<string, string> } = {}) {
  const host = new RecordingHost(
    {
      'file:///ws/desk.rubric.yaml': RUBRIC,
      'file:///etc/passwd': SECRET,
      'file:///outside/desk.rubric.yaml': SECRET,
      'file://server/share/desk.rubric.yaml': SECRET,
      ...options.files,
    },
    options.links,
  );
  const engine = new Engine(host, { confinement: options.confinement ?? inWorkspace });
  const from = options.from ?? 'file:///ws/rubrics/acme.assessment.yaml';
  const analysis = await engine.analyze(from, assessment(rubric));
  return { analysis, host, codes: analysis.diagnostics.map((d) => d.code), text: JSON.stringify(analysis) };
}

describe('references confined to the roots', () => {
  it.each([
    ['`..` out of the root', '../../../etc/passwd'],
    ['an absolute path', '/etc/passwd'],
    ['a network path, with slashes', '//server/share/desk.rubric.yaml'],
    ['a network path, with backslashes', '\\\\server\\share\\desk.rubric.yaml'],
  ])('refuses %s, says so with its own code, and reads nothing', async (_what, reference) => {
    const { analysis, host, codes, text } = await check(reference);
    expect(codes).toEqual(['reference-outside-workspace']);
    const message = analysis.diagnostics[0]?.message ?? '';
    expect(message).toContain(`points outside the workspace, so it was not read`);
    expect(message).toContain('Allow it with the setting.');
    // Never read, never asked about: the text of the file cannot appear anywhere.
    expect(host.asked).toEqual([]);
    expect(text).not.toContain('TOP SECRET');
    // An error on the reference, not a file that could not be fully checked.
    expect(analysis.incomplete).toBeUndefined();
  });

  it('takes a URI written as a reference for a path next to the file, never for a place of its own', async () => {
    for (const reference of ['file:///outside/desk.rubric.yaml', 'https://evil.example/desk.rubric.yaml']) {
      const { codes, host } = await check(reference);
      expect(codes, reference).toEqual(['rubric-not-found']);
      expect(host.asked.every((asked) => asked.includes('file:///ws/rubrics/')), reference).toBe(true);
    }
  });

  it('finds what is inside, also with `..` that stays inside and an absolute path into the root', async () => {
    for (const reference of ['../desk.rubric.yaml', './../rubrics/../desk.rubric.yaml', '/ws/desk.rubric.yaml']) {
      const { codes } = await check(reference);
      expect(codes, reference).toEqual([]);
    }
  });

  it('refuses a link inside the root that leads out, after asking where it leads and before reading it', async () => {
    const { analysis, host, text } = await check('../link.rubric.yaml', { links: { 'file:///ws/link.rubric.yaml': 'file:///etc/passwd' } });
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(['reference-outside-workspace']);
    expect(analysis.diagnostics[0]?.message).toMatch(/^"\.\.\/link\.rubric\.yaml" leads through a link to a file outside the workspace, so it was not read/);
    expect(host.asked.filter((asked) => asked.startsWith('read'))).toEqual([]);
    expect(text).not.toContain('TOP SECRET');
  });

  it('follows a link that stays inside, and reads it by its own name', async () => {
    const { codes, host } = await check('../link.rubric.yaml', { links: { 'file:///ws/link.rubric.yaml': 'file:///ws/desk.rubric.yaml' } });
    expect(codes).toEqual([]);
    expect(host.asked).toEqual(['real file:///ws/link.rubric.yaml', 'read file:///ws/link.rubric.yaml']);
  });

  it('takes a root reached through a link as the same root (/tmp on macOS is /private/tmp)', async () => {
    const links = { 'file:///ws/': 'file:///private/ws', 'file:///ws/link.rubric.yaml': 'file:///private/ws/desk.rubric.yaml' };
    const { codes } = await check('../link.rubric.yaml', { links, files: { 'file:///private/ws/desk.rubric.yaml': RUBRIC } });
    expect(codes).toEqual([]);
  });

  it('keeps a baseline and its rubric inside too: each reference of a referenced file is checked', async () => {
    const plan = planYaml(yaml`
      initiatives: []
    `, { baseline: './acme.assessment.yaml' });
    const host = new RecordingHost({ 'file:///ws/desk.rubric.yaml': RUBRIC, 'file:///ws/acme.assessment.yaml': assessment('/etc/passwd'), 'file:///etc/passwd': SECRET });
    const analysis = await new Engine(host, { confinement: inWorkspace }).analyze('file:///ws/roadmap.plan.yaml', plan);
    expect(host.asked).not.toContain('read file:///etc/passwd');
    expect(JSON.stringify(analysis)).not.toContain('TOP SECRET');
  });

  it("refuses version control's own folder inside the root, as written and through a link, and reads nothing of it", async () => {
    const config = { 'file:///ws/.git/config': `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic TOKEN-SECRET\n` };
    for (const [reference, links] of [
      ['../.git/config', {}],
      ['../.GIT/config', {}],
      ['../config.rubric.yaml', { 'file:///ws/config.rubric.yaml': 'file:///ws/.git/config' }],
    ] as const) {
      const { analysis, host, text } = await check(reference, { links, files: config });
      expect(analysis.diagnostics.map((d) => d.code), reference).toEqual(['reference-outside-workspace']);
      expect(analysis.diagnostics[0]?.message, reference).toMatch(/^"[^"]+" (points|leads through a link) into \.git, version control's own folder, so it was not read: it holds the checkout's settings and credentials, never a rubric\. Allow it with the setting\.$/i);
      expect(host.asked.filter((asked) => asked.startsWith('read')), reference).toEqual([]);
      expect(text, reference).not.toContain('TOKEN-SECRET');
    }
  });

  it('allows the built-in rubrics, which are the engine\'s own', async () => {
    const { codes } = await check('seven-attributes');
    expect(codes).not.toContain('reference-outside-workspace');
  });

  it('with the roots of the file being checked: an editor with no folder open allows the file\'s own folder', async () => {
    const ownFolder: Confinement = { rootsFor: (uri) => ({ roots: [uri.slice(0, uri.lastIndexOf('/') + 1)], scope: "this file's folder" }), allow: '' };
    expect((await check('./desk.rubric.yaml', { confinement: ownFolder, from: 'file:///ws/acme.assessment.yaml' })).codes).toEqual([]);
    expect((await check('../desk.rubric.yaml', { confinement: ownFolder })).codes).toEqual(['reference-outside-workspace']);
  });

  it('reads everything without a confinement (tests and tools over trusted files)', async () => {
    const host = new MemoryFileHost(new Map([['file:///etc/passwd', RUBRIC]]));
    const analysis = await new Engine(host).analyze('file:///ws/acme.assessment.yaml', assessment('/etc/passwd'));
    expect(analysis.diagnostics).toEqual([]);
  });
});

describe('isInside', () => {
  it('compares whole folder names, schemes and hosts', () => {
    expect(isInside('file:///repo/a.yaml', ['file:///repo'])).toBe(true);
    expect(isInside('file:///repository/a.yaml', ['file:///repo'])).toBe(false);
    expect(isInside('file://server/repo/a.yaml', ['file:///repo/'])).toBe(false);
    expect(isInside('vscode-vfs://github/acme/repo/a.yaml', ['vscode-vfs://github/acme/repo'])).toBe(true);
    expect(isInside('vscode-vfs://github/acme/other/a.yaml', ['vscode-vfs://github/acme/repo'])).toBe(false);
  });

  it("takes Windows drive letters as Node and VS Code write them alike, and ignores queries and fragments", () => {
    expect(isInside('file:///C:/repo/a.yaml', ['file:///c%3A/repo/'])).toBe(true);
    expect(isInside('file:///c%3A/repo/a.yaml', ['file:///C:/repo'])).toBe(true);
    expect(isInside('file:///D:/repo/a.yaml', ['file:///c%3A/repo/'])).toBe(false);
    expect(isInside('file:///repo/a.yaml#desk', ['file:///repo/'])).toBe(true);
  });

  it('never counts what is not a URI as inside', () => {
    expect(isInside('not a uri', ['file:///'])).toBe(false);
  });

  it("counts version control's folders below a root as outside it, and nothing else of that name", () => {
    for (const uri of ['file:///repo/.git/config', 'file:///repo/sub/.hg/hgrc', 'file:///repo/.svn/entries', 'file:///repo/.Git/config', 'file:///repo/%2egit/config']) {
      expect(isInside(uri, ['file:///repo/']), uri).toBe(false);
      expect(versionControlFolderOf(uri, ['file:///repo/']), uri).toMatch(/^\.(git|hg|svn)$/i);
    }
    expect(isInside('file:///repo/.github/workflows/ci.yml', ['file:///repo/'])).toBe(true);
    expect(isInside('file:///repo/x.git/a.yaml', ['file:///repo/'])).toBe(true);
    // A root inside such a folder is the user's choice (--allow-outside .git): below it, nothing is refused.
    expect(isInside('file:///repo/.git/config', ['file:///repo/.git/'])).toBe(true);
  });
});

describe("a file to check, asked about before it is read (Engine.checkedFileRefusal)", () => {
  const ask = (uri: string, links: Record<string, string> = {}) => {
    const host = new RecordingHost({}, links);
    return { refusal: new Engine(host, { confinement: inWorkspace }).checkedFileRefusal(uri), host };
  };

  it('allows a file inside, also through a link that stays inside', async () => {
    expect(await ask('file:///ws/rubrics/a.rubric.yaml').refusal).toBeUndefined();
    expect(await ask('file:///ws/rubrics/a.rubric.yaml', { 'file:///ws/rubrics/a.rubric.yaml': 'file:///ws/shared/a.rubric.yaml' }).refusal).toBeUndefined();
  });

  it('refuses a link out of the root, a link into .git and a path outside as written, without reading', async () => {
    const out = ask('file:///ws/rubrics/x.rubric.yaml', { 'file:///ws/rubrics/x.rubric.yaml': 'file:///proc/self/environ' });
    expect(await out.refusal).toMatchObject({ unavailable: 'outside', link: true, scope: 'the workspace' });
    expect(out.host.asked.filter((asked) => !asked.startsWith('real '))).toEqual([]);
    expect(await ask('file:///ws/rubrics', { 'file:///ws/rubrics': 'file:///elsewhere' }).refusal).toMatchObject({ link: true });
    expect(await ask('file:///ws/rubrics/x.rubric.yaml', { 'file:///ws/rubrics/x.rubric.yaml': 'file:///ws/.git/config' }).refusal).toMatchObject({ link: true, versionControl: '.git' });
    expect(await ask('file:///etc/passwd').refusal).toMatchObject({ link: false });
  });

  it('says so in one sentence that names the file, never where the link leads', async () => {
    const refusal = await ask('file:///ws/rubrics/x.rubric.yaml', { 'file:///ws/rubrics/x.rubric.yaml': 'file:///proc/self/environ' }).refusal;
    const sentence = refusalSentence('rubrics/x.rubric.yaml', refusal!, 'file');
    expect(sentence).toBe('rubrics/x.rubric.yaml leads through a link to a file outside the workspace, so it was not read or checked: the files checked stay inside it, so that a change cannot make the tool read and show other files of the machine. Allow it with the setting.');
    expect(sentence).not.toContain('environ');
  });
});

describe('a referenced file that is there but cannot be read', () => {
  it('says why on the reference, and makes the file not fully checked', async () => {
    const host = new MemoryFileHost(new Map([['file:///ws/desk.rubric.yaml', { unreadable: 'it is a FIFO (named pipe), not a regular file', advice: 'Use a regular file.' }]]));
    const analysis = await new Engine(host, { confinement: inWorkspace }).analyze('file:///ws/acme.assessment.yaml', assessment('./desk.rubric.yaml'));
    expect(analysis.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['rubric-not-found', '"./desk.rubric.yaml" is there but was not read: it is a FIFO (named pipe), not a regular file. Use a regular file.'],
    ]);
    expect(analysis.incomplete).toEqual(['The rubric that acme.assessment.yaml refers to, "./desk.rubric.yaml", was not read: it is a FIFO (named pipe), not a regular file.']);
  });

  it("passes on to a plan whose baseline's rubric could not be read, with a diagnostic on the baseline", async () => {
    const plan = planYaml(yaml`
      initiatives: []
    `, { rubric: 'seven-attributes', baseline: './acme.assessment.yaml' });
    const host = new MemoryFileHost(new Map<string, string | { unreadable: string }>([
      ['file:///ws/acme.assessment.yaml', assessment('./desk.rubric.yaml')],
      ['file:///ws/desk.rubric.yaml', { unreadable: 'it is larger than the 16 MiB the engine reads' }],
    ]));
    const analysis = await new Engine(host).analyze('file:///ws/roadmap.plan.yaml', plan);
    expect(analysis.incomplete).toEqual(['The rubric that acme.assessment.yaml refers to, "./desk.rubric.yaml", was not read: it is larger than the 16 MiB the engine reads.']);
    const baseline = analysis.diagnostics.find((d) => d.code === 'baseline-not-found');
    expect(baseline?.severity).toBe('error');
    expect(baseline?.message).toContain('could not be fully checked, so moves are not checked against it.');
  });

  it('keeps the diagnostic that says why past the per-file cap, so the editor always shows it', async () => {
    // The first document fills the cap; the second, whose rubric was not read, sorts after it.
    const noisy = assessment('./desk.rubric.yaml').replace('  portal:\n', Array.from({ length: 20 }, (_, i) => `  unknown-${i}: { level: 2 }\n`).join('') + '  portal:\n');
    const text = `${noisy}---\n${assessment('./pipe.rubric.yaml').replace('id: acme', 'id: acme-2')}`;
    const host = new MemoryFileHost(new Map<string, string | { unreadable: string }>([
      ['file:///ws/desk.rubric.yaml', RUBRIC],
      ['file:///ws/pipe.rubric.yaml', { unreadable: 'it is a FIFO (named pipe), not a regular file' }],
    ]));
    const analysis = await new Engine(host, { maxProblems: 5 }).analyze('file:///ws/acme.assessment.yaml', text);
    expect(analysis.incomplete).toHaveLength(1);
    const codes = analysis.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === 'unknown-dimension')).toHaveLength(5);
    expect(codes.slice(5)).toEqual(['rubric-not-found', 'too-many-problems']);
    expect(analysis.diagnostics[5]?.message).toContain('is there but was not read');
    expect(analysis.diagnostics[6]?.message).toBe('This file has 21 problems; only the first 5, and why the file was not fully checked, are shown. Fix those to see the rest.');
    // A missing file explains nothing the cap must keep: it is cut like any other finding.
    const missing = await new Engine(new MemoryFileHost(new Map([['file:///ws/desk.rubric.yaml', RUBRIC]])), { maxProblems: 5 }).analyze('file:///ws/acme.assessment.yaml', text);
    expect(missing.incomplete).toBeUndefined();
    expect(missing.diagnostics.map((d) => d.code).slice(5)).toEqual(['too-many-problems']);
  });

  it('is told apart from a file that is not there, which is an ordinary finding', async () => {
    const analysis = await new Engine(new MemoryFileHost()).analyze('file:///ws/acme.assessment.yaml', assessment('./desk.rubric.yaml'));
    expect(analysis.diagnostics.map((d) => d.message)).toEqual(['No file found at "./desk.rubric.yaml" (relative to this file). Check the path and the file name.']);
    expect(analysis.incomplete).toBeUndefined();
  });
});

describe("the editor's roots (server/confinement.ts)", () => {
  const roots = async (confinement: Confinement, uri: string) => (await confinement.rootsFor(uri)).roots;

  it('are the workspace folders and the allowed ones, as URIs', async () => {
    const confinement = workspaceConfinement(['file:///ws'], ['/shared/rubrics', 'C:\\Rubrics', 'relative/folder']);
    expect(await roots(confinement, 'file:///ws/a.assessment.yaml')).toEqual(['file:///ws', 'file:///shared/rubrics', 'file:///c:/Rubrics']);
  });

  it('for a file at a git revision (the preview\'s change since HEAD), are the same folders at that revision, and nothing on disk', async () => {
    const confinement = workspaceConfinement(['file:///home/dana/my%20ws'], []);
    const atHead = 'rubrics-git://HEAD/home/dana/my%20ws/rubrics/a.assessment.yaml';
    expect(await roots(confinement, atHead)).toEqual(['rubrics-git://HEAD/home/dana/my%20ws/']);
    expect(await roots(workspaceConfinement(['file:///home/dana/my%20ws/'], []), atHead)).toEqual(['rubrics-git://HEAD/home/dana/my%20ws/']);
    const host = new MemoryFileHost(new Map([['rubrics-git://HEAD/home/dana/my%20ws/rubrics/desk.rubric.yaml', RUBRIC], ['rubrics-git://HEAD/etc/desk.rubric.yaml', SECRET]]));
    const engine = new Engine(host, { confinement });
    expect((await engine.analyze(atHead, assessment('./desk.rubric.yaml'))).diagnostics).toEqual([]);
    const out = await engine.analyze(atHead, assessment('/etc/desk.rubric.yaml'));
    expect(out.diagnostics.map((d) => d.code)).toEqual(['reference-outside-workspace']);
  });
});
