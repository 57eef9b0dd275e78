import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/node/discover';
import { fileUri } from '../../src/node/nodeFileHost';
import { classifyLink } from '../../src/core/domain/links';
import { resolveRelative } from '../../src/core/resolve/uris';

// Each helper below answers its common case without the library call it used to make for every
// file of a run (bench: `npm run bench -- --cli-only`). The answers must not change: each is
// compared with the library's on the common case and on the cases the short cut leaves alone.

describe('fileUri', () => {
  const paths = [
    '/repo/rubrics/unit-1/001.assessment.yaml',
    '/repo/a_b-c/D.E.yaml',
    '/repo/with space/x.yaml',
    '/repo/per%cent/x.yaml',
    '/repo/hash#/x.yaml',
    '/repo/question?/x.yaml',
    '/repo/é/x.yaml',
    '/repo/./x.yaml',
    '/repo/../x.yaml',
    '/repo//x.yaml',
    '/repo/x/',
    '/repo/.hidden/x.yaml',
    '/repo/~tilde/x.yaml',
    '/',
  ];
  it.each(paths)('gives what pathToFileURL gives for %s', (p) => {
    expect(fileUri(p)).toBe(pathToFileURL(p).toString());
  });
});

describe('displayPath', () => {
  const slow = (file: string, cwd: string) => {
    const relative = path.relative(cwd, file);
    return (relative === '' ? path.basename(file) : relative).split(path.sep).join('/');
  };
  const cases: [string, string][] = [
    ['/repo/rubrics/a.yaml', '/repo'],
    ['/repo/rubrics/a.yaml', '/repo/'],
    ['/repo/rubrics/a.yaml', '/repo/rubrics/../'],
    ['/repo/rubrics/../other/a.yaml', '/repo'],
    ['/repo/rubrics/./a.yaml', '/repo'],
    ['/repo//rubrics/a.yaml', '/repo'],
    ['/repository/a.yaml', '/repo'],
    ['/elsewhere/a.yaml', '/repo'],
    ['/repo', '/repo'],
    ['/repo/', '/repo'],
    ['/repo/..a/b.yaml', '/repo'],
    ['/repo/a../b.yaml', '/repo'],
    ['/', '/'],
    ['/a.yaml', '/'],
  ];
  it.each(cases)('shows %s from %s as path.relative does', (file, cwd) => {
    expect(displayPath(file, cwd)).toBe(slow(file, cwd));
  });
});

describe('resolveRelative, kept per folder', () => {
  const direct = (base: string, relative: string) => new URL(relative.replace(/\\/g, '/').split('/').map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s))).join('/'), base).toString();
  it('gives each file of a folder the same answer as resolving it afresh', () => {
    for (const base of ['file:///repo/u/001.assessment.yaml', 'file:///repo/u/002.assessment.yaml', 'file:///repo/v/001.assessment.yaml']) {
      for (const relative of ['./bench.rubric.yaml', '../shared/r.yaml', 'sub\\r.yaml', 'with space.yaml', '/abs/r.yaml']) {
        expect(resolveRelative(base, relative)).toBe(direct(base, relative));
      }
    }
  });
  it('does not share what depends on the file itself: an empty path, a query or a fragment', () => {
    expect(resolveRelative('file:///repo/u/a.yaml', '')).toBe('file:///repo/u/a.yaml');
    expect(resolveRelative('file:///repo/u/b.yaml', '')).toBe('file:///repo/u/b.yaml');
    expect(resolveRelative('vscode-vfs://github/o/r/u/a.yaml?ref=main', './r.yaml')).toBe(direct('vscode-vfs://github/o/r/u/a.yaml?ref=main', './r.yaml'));
  });
});

describe('classifyLink', () => {
  it('knows https and http links without the scheme expression, as it knew them with it', () => {
    expect(classifyLink('https://example.com/x')).toEqual({ safe: true, kind: 'web' });
    expect(classifyLink('http://example.com/x')).toEqual({ safe: true, kind: 'web' });
    expect(classifyLink('HTTPS://example.com/x')).toEqual({ safe: true, kind: 'web' });
    expect(classifyLink('ht\ttps://example.com/x')).toEqual({ safe: true, kind: 'web' });
  });
  it('still refuses a scheme that only starts like http', () => {
    expect(classifyLink('httpx://example.com').safe).toBe(false);
    expect(classifyLink('java\tscript:alert(1)').safe).toBe(false);
  });
});
