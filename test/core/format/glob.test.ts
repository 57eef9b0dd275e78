/**
 * The tool's one glob dialect (src/core/format/glob.ts), row by row, through every caller that
 * matches paths: the core's matcher, `rubrics.files` (GlobSet: the editor, the language server and
 * the folder walk), the CLI's glob arguments and the Action's `paths` (src/node/glob.ts), and
 * `.rubricsignore` (IgnoreList, with the pattern anchored to its folder). Then the case issue 21
 * found: a folder and a glob of it pick the same files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { matchesGlob } from '../../../src/node/glob';
import { discoverFiles } from '../../../src/node/discover';
import { diskFileSource } from '../../../src/server/stdio';
import { DEFAULT_RUBRIC_FILE_GLOBS, GlobSet } from '../../../src/core/format/files';
import { globMatcher, globToRegExp } from '../../../src/core/format/glob';
import { IgnoreList } from '../../../src/core/format/ignoreFile';

const DIALECT: readonly (readonly [pattern: string, path: string, matches: boolean])[] = [
  // `**` spans folders, `*` and `?` stay within a name
  ['**/*.yaml', 'a.yaml', true],
  ['**/*.yaml', 'samples/x/a.yaml', true],
  ['**/*.yaml', 'samples/x/a.yml', false],
  ['samples/**/*.assessment.yaml', 'samples/a.assessment.yaml', true],
  ['samples/**/*.assessment.yaml', 'samples/2026/q1/a.assessment.yaml', true],
  ['samples/**/*.assessment.yaml', 'other/a.assessment.yaml', false],
  ['samples/*.yaml', 'samples/sub/a.yaml', false],
  ['rubrics/**', 'rubrics/a/b.yaml', true],
  ['**/rubrics/**/*.{yaml,yml}', 'governance/rubrics/deep/x.yml', true],
  ['**/rubrics/**/*.{yaml,yml}', 'myrubrics/x.yaml', false],
  ['x?.yaml', 'xy.yaml', true],
  ['x?.yaml', 'x/.yaml', false],
  // braces, nested ones too, with slashes; a brace without a comma is literal
  ['*.{rubric,plan}.yaml', 'x.plan.yaml', true],
  ['*.{rubric,plan}.yaml', 'x.assessment.yaml', false],
  ['{a,b/c}/*.yaml', 'b/c/x.yaml', true],
  ['a{b,c{d,e}}f.yaml', 'acef.yaml', true],
  ['a{b,c{d,e}}f.yaml', 'acf.yaml', false],
  ['a{b}c.yaml', 'a{b}c.yaml', true],
  // classes, negated with ! or ^
  ['[ab]*.yaml', 'b1.yaml', true],
  ['[!ab]*.yaml', 'b1.yaml', false],
  ['[!ab]*.yaml', 'c1.yaml', true],
  ['[^ab]*.yaml', 'c1.yaml', true],
  ['[a-c]?.yaml', 'c9.yaml', true],
  // wildcards match names that start with a dot (the walk itself never enters .git or node_modules)
  ['**/*.yaml', '.github/workflows/ci.yaml', true],
  ['*.yaml', '.hidden.yaml', true],
  ['**/*.rubric.yaml', 'sub/.hid.rubric.yaml', true],
  ['.github/**/*.yaml', '.github/workflows/ci.yaml', true],
  // letters match in either case
  ['**/*.rubric.yaml', 'sub/EV.RUBRIC.YAML', true],
  ['Samples/*.YAML', 'samples/a.yaml', true],
  // no extglobs, no leading negation: these characters are themselves
  ['**/*.y?(a)ml', 'a.yaml', false],
  ['a+b(1).yaml', 'a+b(1).yaml', true],
  ['a+b(1).yaml', 'aab(1)xyaml', false],
  ['!x.yaml', '!x.yaml', true],
  ['(a|b).yaml', '(a|b).yaml', true],
  ['(a|b).yaml', 'a.yaml', false],
  ['report (1).*', 'Report (1).yaml', true],
  // a backslash escapes
  ['a\\*b.yaml', 'a*b.yaml', true],
  ['a\\*b.yaml', 'axb.yaml', false],
];

describe('the glob dialect, the same for every caller', () => {
  it.each(DIALECT)('%s matches %s: %s', (pattern, file, expected) => {
    expect(globMatcher(pattern)(file), 'core').toBe(expected);
    expect(globToRegExp(pattern).test(file), 'core, as a regular expression').toBe(expected);
    expect(new GlobSet([pattern]).matches(file, `/home/me/ws/${file}`), 'rubrics.files').toBe(expected);
    expect(matchesGlob(pattern, file), 'CLI arguments and the Action’s paths').toBe(expected);
    expect(new IgnoreList(`/${pattern}`).ignores(file), '.rubricsignore').toBe(expected);
  });

  it('takes every character that is not glob syntax as itself: a file name without wildcards matches itself only', () => {
    const name = fc.string({ unit: fc.constantFrom(...'ab.$^+|()@!=:;%&~#\'"` -_éΩ<>'), minLength: 1, maxLength: 12 }).filter((n) => n !== '.' && n !== '..');
    fc.assert(
      fc.property(name, name, (pattern, other) => {
        expect(globMatcher(pattern)(pattern)).toBe(true);
        expect(globMatcher(pattern)(other)).toBe(pattern.toLowerCase() === other.toLowerCase());
      }),
      { seed: 21, numRuns: 2000 },
    );
  });

  it('is the one the default rubrics.files use', () => {
    const ours = new GlobSet(DEFAULT_RUBRIC_FILE_GLOBS);
    expect(ours.matches('teams/.drafts/Acme.Assessment.YML', '/ws/teams/.drafts/Acme.Assessment.YML')).toBe(true);
    expect(ours.matches('teams/acme.yaml', '/ws/teams/acme.yaml')).toBe(false);
  });
});

/** `.rubricsignore` files and the paths they decide, as git decides them. */
const IGNORE_CASES: readonly (readonly [ignoreFile: string, path: string])[] = [
  ['rubrics/mkdocs.yml', 'rubrics/mkdocs.yml'],
  ['rubrics/mkdocs.yml', 'other/rubrics/mkdocs.yml'],
  ['mkdocs.yml', 'deep/down/mkdocs.yml'],
  ['/mkdocs.yml', 'deep/mkdocs.yml'],
  ['/mkdocs.yml', 'mkdocs.yml'],
  ['drafts/', 'rubrics/drafts/x.assessment.yaml'],
  ['drafts/', 'drafts'],
  ['rubrics/drafts/\n!rubrics/drafts/keep.assessment.yaml', 'rubrics/drafts/keep.assessment.yaml'],
  ['rubrics/broken.*\n!rubrics/broken.assessment.yaml', 'rubrics/broken.assessment.yaml'],
  ['rubrics/broken.*\n!rubrics/broken.assessment.yaml', 'rubrics/broken.plan.yaml'],
  ['*.plan.yaml\n!keep/*.plan.yaml', 'keep/a.plan.yaml'],
  ['*.plan.yaml\n!keep/*.plan.yaml', 'other/a.plan.yaml'],
  ['**/generated/**', 'a/generated/b/c.yaml'],
  ['a/**/b.yaml', 'a/b.yaml'],
  ['a/**/b.yaml', 'a/x/y/b.yaml'],
  ['# comment\n\n   \n\\#hash.yaml', '#hash.yaml'],
  ['\\!bang.yaml', '!bang.yaml'],
  ['trailing.yaml   ', 'trailing.yaml'],
  ['*.yaml', '.hidden.yaml'],
  ['?.yaml', 'a.yaml'],
  ['[ab].yaml', 'b.yaml'],
  ['[!ab].yaml', 'b.yaml'],
  ['DRAFTS/', 'drafts/x.yaml'],
  ['x/', 'x.yaml'],
];

describe('.rubricsignore', () => {
  it.each(IGNORE_CASES)('%j decides %s as git does (the ignore package, which ESLint uses, as the reference)', async (file, relative) => {
    const { default: ignore } = await import('ignore');
    expect(new IgnoreList(file).ignores(relative)).toBe(ignore().add(file).ignores(relative));
  });

  it('leaves a file in a left-out folder out, whatever a later line says of the file', () => {
    expect(new IgnoreList('drafts/\n!drafts/keep.yaml').ignores('drafts/keep.yaml')).toBe(true);
    expect(new IgnoreList('drafts/*\n!drafts/keep.yaml').ignores('drafts/keep.yaml')).toBe(false);
  });

  it('never leaves out a path outside its folder, and counts its patterns', () => {
    const list = new IgnoreList('# drafts\n*.yaml\n\n!keep.yaml\n');
    expect(list.size).toBe(2);
    expect(list.ignores('../x.yaml')).toBe(false);
    expect(list.ignores('/x.yaml')).toBe(false);
    expect(list.ignores('')).toBe(false);
    expect(list.ignores('x.yaml')).toBe(true);
    expect(list.ignores('keep.yaml')).toBe(false);
  });
});

describe('a folder and a glob of it pick the same files (issue 21)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-glob-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'sub'));
  const rubric = 'apiVersion: rubrics-as-code/v1\nkind: Rubric\n';
  fs.writeFileSync(path.join(dir, 'sub/EV.RUBRIC.YAML'), rubric);
  fs.writeFileSync(path.join(dir, 'sub/.hid.rubric.yaml'), rubric);
  fs.writeFileSync(path.join(dir, 'sub/notes.yaml'), 'title: not ours\n');
  /** Confinement is another test's subject: here every path may be read. */
  const noRefusal = () => Promise.resolve(undefined);
  const shown = (files: readonly string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

  it('in the CLI (and so the Action) and in the language server’s workspace scan', async () => {
    const both = ['sub/.hid.rubric.yaml', 'sub/EV.RUBRIC.YAML'];
    expect(shown((await discoverFiles(['.'], dir, noRefusal)).files)).toEqual(both);
    expect(shown((await discoverFiles(['**/*.rubric.yaml'], dir, noRefusal)).files)).toEqual(both);
    expect(shown((await discoverFiles(['sub/*.rubric.yaml'], dir, noRefusal)).files)).toEqual(both);
    const scanned = await diskFileSource().findFiles([pathToFileURL(dir).toString()], '**/*.rubric.yaml', 100);
    expect(scanned.map((uri) => path.basename(new URL(uri).pathname)).sort()).toEqual(['.hid.rubric.yaml', 'EV.RUBRIC.YAML']);
  });

  it('and .rubricsignore leaves a file out of both, in the same dialect', async () => {
    fs.writeFileSync(path.join(dir, '.rubricsignore'), 'SUB/.hid.*\n');
    try {
      expect(shown((await discoverFiles(['.'], dir, noRefusal)).files)).toEqual(['sub/EV.RUBRIC.YAML']);
      expect(shown((await discoverFiles(['**/*.rubric.yaml'], dir, noRefusal)).files)).toEqual(['sub/EV.RUBRIC.YAML']);
    } finally {
      fs.rmSync(path.join(dir, '.rubricsignore'));
    }
  });
});
