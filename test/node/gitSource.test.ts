import { describe, expect, it } from 'vitest';
import { parseGitSpec, gitUri, parseGitUri } from '../../src/node/gitSource';

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
