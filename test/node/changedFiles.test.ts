import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchCommand, listChanges, parseRawDiff } from '../../src/node/changedFiles';
import { CliError } from '../../src/node/errors';
import { gitIn as git, removeTempDirs, tempDir } from '../support/cli';

afterAll(removeTempDirs);

function write(repo: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  fs.writeFileSync(path.join(repo, file), text);
}

/** A repository with one commit holding a.yaml. */
function repositoryWithOneCommit(): string {
  const repo = tempDir('rubrics-changes-');
  git(repo, 'init', '-q');
  write(repo, 'a.yaml', 'a: 1\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  return repo;
}

const LONG = Array.from({ length: 40 }, (_, i) => `line ${i}: enough text for git to recognise a rename`).join('\n');

describe('listChanges', () => {
  it('lists what the branch did since it left the base: added, modified, deleted and renamed, not what the base did meanwhile', async () => {
    const repo = tempDir('rubrics-changes-');
    git(repo, 'init', '-q');
    write(repo, 'rubrics/keep.assessment.yaml', 'a: 1\n');
    write(repo, 'rubrics/gone.plan.yaml', 'b: 1\n');
    write(repo, 'rubrics/old name.assessment.yaml', `${LONG}\n`);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'checkout', '-q', '-b', 'feature');
    write(repo, 'rubrics/keep.assessment.yaml', 'a: 2\n');
    fs.rmSync(path.join(repo, 'rubrics/gone.plan.yaml'));
    fs.renameSync(path.join(repo, 'rubrics/old name.assessment.yaml'), path.join(repo, 'rubrics/new name.assessment.yaml'));
    write(repo, 'rubrics/new name.assessment.yaml', `${LONG}\nline 40\n`);
    write(repo, 'rubrics/added.rubric.yaml', 'c: 1\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'feature');
    // The base branch moves on after the feature branched off.
    git(repo, 'checkout', '-q', 'main');
    write(repo, 'elsewhere.txt', 'landed on main later\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'main moves on');
    git(repo, 'checkout', '-q', 'feature');

    const changes = await listChanges(path.join(repo, 'rubrics'), 'main');
    expect(changes.root).toBe(fs.realpathSync(repo));
    expect(changes.base).toBe(git(repo, 'merge-base', 'main', 'feature').trim());
    expect(changes.head).toBe(git(repo, 'rev-parse', 'HEAD').trim());
    expect([...changes.files].sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { status: 'added', path: 'rubrics/added.rubric.yaml' },
      { status: 'deleted', path: 'rubrics/gone.plan.yaml' },
      { status: 'modified', path: 'rubrics/keep.assessment.yaml' },
      { status: 'renamed', path: 'rubrics/new name.assessment.yaml', previousPath: 'rubrics/old name.assessment.yaml' },
    ]);
  });

  it('lists nothing for a branch without changes', async () => {
    const repo = repositoryWithOneCommit();
    expect((await listChanges(repo, 'HEAD')).files).toEqual([]);
  });

  it('says what to do when the base is not there (a shallow clone) or the folder is not a repository', async () => {
    const repo = repositoryWithOneCommit();
    await expect(listChanges(repo, 'origin/main')).rejects.toThrow(/"origin\/main" is not a branch, tag or commit.*fetch-depth: 0/);
    await expect(listChanges(repo, 'origin/main')).rejects.toBeInstanceOf(CliError);
    await expect(listChanges(tempDir('rubrics-not-a-repo-'), 'main')).rejects.toThrow(/is not inside a git repository/);
  });

  it('suggests a fetch that git accepts for each kind of name, in a shallow clone of one branch', async () => {
    const origin = repositoryWithOneCommit();
    git(origin, 'branch', '-q', 'release');
    git(origin, 'checkout', '-q', '-b', 'topic');
    git(origin, 'commit', '-q', '--allow-empty', '-m', 'topic');
    const full = git(origin, 'rev-parse', 'release').trim();
    const clone = tempDir('rubrics-shallow-');
    git(tempDir(), 'clone', '-q', '--depth', '1', '--branch', 'topic', `file://${origin}`, clone);
    for (const [ref, command] of [
      ['origin/release', 'git fetch origin release:refs/remotes/origin/release'],
      ['release', 'git fetch origin release:release'],
    ] as const) {
      await expect(listChanges(clone, ref)).rejects.toThrow(`Fetch it first (${command}, or in GitHub Actions`);
      expect(await fetchCommand(clone, ref)).toBe(command);
      // git takes it, and the name then leads to the commit.
      git(clone, ...command.split(' ').slice(1), '-q');
      expect(git(clone, 'rev-parse', ref).trim()).toBe(full);
    }
    expect(await fetchCommand(clone, full)).toBe(`git fetch origin ${full}`);
    expect(await fetchCommand(clone, 'HEAD~3')).toBe('git fetch --unshallow');
  });
});

describe('parseRawDiff', () => {
  it('reads paths with spaces, tabs and newlines intact (-z output), copies with their source, and which side is a link', () => {
    const entry = (modes: string, status: string) => `:${modes} 1111111 2222222 ${status}`;
    const raw = [
      entry('100644 100644', 'M'), 'a b.yaml',
      entry('100644 100644', 'C75'), 'x.yaml', 'y\tz.yaml',
      entry('100644 000000', 'D'), 'new\nline.yaml',
      entry('100644 120000', 'T'), 'link',
      entry('120000 120000', 'M'), 'rubrics/x.rubric.yaml',
    ].join('\0');
    expect(parseRawDiff(`${raw}\0`)).toEqual([
      { status: 'modified', path: 'a b.yaml' },
      { status: 'copied', path: 'y\tz.yaml', previousPath: 'x.yaml' },
      { status: 'deleted', path: 'new\nline.yaml' },
      { status: 'type-changed', path: 'link', links: { after: true } },
      { status: 'modified', path: 'rubrics/x.rubric.yaml', links: { before: true, after: true } },
    ]);
    expect(parseRawDiff('')).toEqual([]);
  });

  it('refuses an entry it does not know rather than guessing', () => {
    expect(() => parseRawDiff(':100644 100644 1 2 X\0a.yaml\0')).toThrow(/Unexpected entry ":100644 100644 1 2 X"/);
    expect(() => parseRawDiff('M\0a.yaml\0')).toThrow(/Unexpected entry "M"/);
  });
});
