import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../src/cli/color';
import { expandBraces, hasGlobMagic, matchesGlob, parseGlob } from '../src/cli/glob';
import { parseGitSpec, gitUri, parseGitUri } from '../src/cli/gitSource';

describe('glob matcher', () => {
  it.each([
    ['**/*.yaml', 'a.yaml', true],
    ['**/*.yaml', 'samples/x/a.yaml', true],
    ['**/*.yaml', 'samples/x/a.yml', false],
    ['**/*.y?(a)ml', 'a.yaml', false], // extglob is not supported: ( ) are literal
    ['samples/**/*.assessment.yaml', 'samples/a.assessment.yaml', true],
    ['samples/**/*.assessment.yaml', 'samples/2026/q1/a.assessment.yaml', true],
    ['samples/**/*.assessment.yaml', 'other/a.assessment.yaml', false],
    ['samples/*.yaml', 'samples/sub/a.yaml', false],
    ['*.{rubric,plan}.yaml', 'x.plan.yaml', true],
    ['*.{rubric,plan}.yaml', 'x.assessment.yaml', false],
    ['{a,b/c}/*.yaml', 'b/c/x.yaml', true],
    ['[ab]*.yaml', 'b1.yaml', true],
    ['[!ab]*.yaml', 'b1.yaml', false],
    ['[a-c]?.yaml', 'c9.yaml', true],
    ['**/*.yaml', '.github/workflows/ci.yaml', false], // wildcards skip dot folders
    ['.github/**/*.yaml', '.github/workflows/ci.yaml', true],
    ['*.yaml', '.hidden.yaml', false],
    ['rubrics/**', 'rubrics/a/b.yaml', true],
    ['a\\*b.yaml', 'a*b.yaml', true],
    ['a\\*b.yaml', 'axb.yaml', false],
  ])('%s matches %s: %s', (pattern, file, expected) => {
    expect(matchesGlob(pattern, file)).toBe(expected);
  });

  it('starts searching at the literal part of the pattern, and only as deep as needed', () => {
    expect(parseGlob('samples/2026/**/*.yaml')).toMatchObject([{ base: 'samples/2026', maxDepth: Infinity }]);
    expect(parseGlob('samples/*/*.yaml')).toMatchObject([{ base: 'samples', maxDepth: 2 }]);
    expect(parseGlob('/abs/dir/*.yaml')).toMatchObject([{ base: '/abs/dir', maxDepth: 1 }]);
    expect(parseGlob('./x/*.yaml')).toMatchObject([{ base: 'x' }]);
  });

  it('expands braces, nested ones too, and leaves a brace without a comma alone', () => {
    expect(expandBraces('a{b,c{d,e}}f')).toEqual(['abf', 'acdf', 'acef']);
    expect(expandBraces('a{b}c')).toEqual(['a{b}c']);
    expect(() => expandBraces('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}')).toThrow(/more than 256/);
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
