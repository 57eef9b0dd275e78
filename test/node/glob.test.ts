import { describe, expect, it } from 'vitest';
import { hasGlobMagic, matchesGlob, parseGlob } from '../../src/node/glob';

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
