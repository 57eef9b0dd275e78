import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/cli/color';
import { hasGlobMagic, matchesGlob, parseGlob } from '../../src/node/glob';
import { parseGitSpec, gitUri, parseGitUri } from '../../src/node/gitSource';

describe('glob arguments', () => {
  // What each pattern matches is the dialect's table (test/core/format/glob.test.ts), which this
  // matcher shares with rubrics.files and .rubricsignore; here, how an argument is searched.
  it('starts searching at the literal part of the pattern, and only as deep as needed', () => {
    expect(parseGlob('samples/2026/**/*.yaml')).toMatchObject({ base: 'samples/2026', maxDepth: Infinity });
    expect(parseGlob('samples/*/*.yaml')).toMatchObject({ base: 'samples', maxDepth: 2 });
    expect(parseGlob('/abs/dir/*.yaml')).toMatchObject({ base: '/abs/dir', maxDepth: 1 });
    expect(parseGlob('./x/*.yaml')).toMatchObject({ base: 'x' });
    // Braces may hold slashes: the search starts before them and goes as deep as the deepest alternative.
    expect(parseGlob('x/{a,b/c}/*.yaml')).toMatchObject({ base: 'x', maxDepth: 3 });
    // An escaped wildcard is matched, not taken as a folder name.
    expect(parseGlob('a\\*b/x.yaml')).toMatchObject({ base: '', maxDepth: 2 });
  });

  it('matches below the base only', () => {
    expect(matchesGlob('samples/*.yaml', 'samples/a.yaml')).toBe(true);
    expect(matchesGlob('samples/*.yaml', 'other/samples/a.yaml')).toBe(false);
    expect(matchesGlob('samples/x.yaml', 'samples/x.yaml')).toBe(true);
    expect(matchesGlob('samples/x.yaml', 'samples/y.yaml')).toBe(false);
  });

  it('tells patterns from paths', () => {
    expect(hasGlobMagic('samples/x.yaml')).toBe(false);
    expect(hasGlobMagic('samples/*.yaml')).toBe(true);
  });
});

describe('REF:path arguments', () => {
  it('splits at the first colon and leaves Windows drive paths alone', () => {
    expect(parseGitSpec('origin/main:samples/x.assessment.yaml')).toEqual({ ref: 'origin/main', path: 'samples/x.assessment.yaml' });
    expect(parseGitSpec('HEAD~1:./x.yaml')).toEqual({ ref: 'HEAD~1', path: './x.yaml' });
    expect(parseGitSpec('C:\\work\\x.yaml')).toBeUndefined();
    expect(parseGitSpec('samples/x.yaml')).toBeUndefined();
    expect(parseGitSpec(':x.yaml')).toBeUndefined();
  });

  it('round-trips refs and paths through the URI the engine resolves references against', () => {
    for (const ref of ['main', 'origin/main', 'HEAD@{1}', 'v1.0^', 'feature/a b']) {
      const uri = gitUri(ref, 'rubrics/team x.assessment.yaml');
      expect(parseGitUri(uri)).toEqual({ ref, path: 'rubrics/team x.assessment.yaml' });
      // A relative reference inside the file stays at the same revision, and inside the repository.
      expect(parseGitUri(new URL('../../../desk.rubric.yaml', uri).toString())).toEqual({ ref, path: 'desk.rubric.yaml' });
    }
  });
});

describe('colour', () => {
  const tty = { write: () => true, isTTY: true };
  const pipe = { write: () => true, isTTY: false };
  it('follows the terminal, NO_COLOR and FORCE_COLOR', () => {
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled(pipe, {})).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled(tty, { TERM: 'dumb' })).toBe(false);
  });
});
