/**
 * A file as it was at a git revision, as a URI (src/core/review/revisionUri.ts): written and read
 * back whole, with the characters a ref or a path may hold, and nothing read from another scheme.
 */
import { describe, expect, it } from 'vitest';
import { GIT_SCHEME, parseRevisionUri, revisionUri } from '../../../src/core/review/revisionUri';

describe('revision URIs', () => {
  it('name the ref and the path, each part encoded', () => {
    expect(revisionUri('main', 'kestrel/desk.rubric.yaml')).toBe('rubrics-git://main/kestrel/desk.rubric.yaml');
    expect(revisionUri('feature/x y', 'a b/c#d.yaml')).toBe('rubrics-git://feature%2Fx%20y/a%20b/c%23d.yaml');
    expect(GIT_SCHEME).toBe('rubrics-git:');
  });

  it('read back to the ref and path they were made from', () => {
    for (const [ref, path] of [
      ['main', 'kestrel/desk.rubric.yaml'],
      ['feature/x y', 'a b/c#d.yaml'],
      ['HEAD~1', 'home/ann/repo/é.assessment.yaml'],
    ] as const) {
      expect(parseRevisionUri(revisionUri(ref, path))).toEqual({ ref, path });
    }
  });

  it('read nothing from another scheme, or from a URI that does not parse', () => {
    expect(parseRevisionUri('file:///ws/desk.rubric.yaml')).toBeUndefined();
    expect(parseRevisionUri('xrubrics-git://main/a.yaml')).toBeUndefined();
    expect(parseRevisionUri('rubrics-git://%zz/a.yaml')).toBeUndefined();
  });
});
