import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_RUBRIC_FILE_GLOBS as DEFAULTS, declaresApiVersion, GlobSet, globToRegExp } from '../../../src/core/format/files';

describe('which files are ours', () => {
  it('has one list of default globs, which the rubrics.files setting repeats', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
    expect(manifest.contributes.configuration.properties['rubrics.files'].default).toEqual(DEFAULTS);
  });

  it('matches the default globs by name and folder, and nothing else', () => {
    const globs = new GlobSet(DEFAULTS);
    const ours = (relative: string) => globs.matches(relative, `/home/me/ws/${relative}`);
    expect(ours('desk.rubric.yaml')).toBe(true);
    expect(ours('teams/acme/2026.assessment.yml')).toBe(true);
    expect(ours('acme.plan.yaml')).toBe(true);
    expect(ours('governance/rubrics/cloud.yaml')).toBe(true);
    expect(ours('rubrics/nested/deeper/x.yml')).toBe(true);
    expect(ours('.github/workflows/ci.yaml')).toBe(false);
    expect(ours('desk.rubric.json')).toBe(false);
    expect(ours('rubric.yaml')).toBe(false);
    expect(ours('myrubrics/x.yaml')).toBe(false);
  });

  it('matches `**/` globs against the whole path of files outside a workspace folder', () => {
    const globs = new GlobSet(DEFAULTS);
    expect(globs.matches(undefined, '/tmp/desk.rubric.yaml')).toBe(true);
    expect(new GlobSet(['plans/*.yaml']).matches(undefined, '/tmp/plans/a.yaml')).toBe(false);
    expect(new GlobSet(['plans/*.yaml']).matches('plans/a.yaml', '/ws/plans/a.yaml')).toBe(true);
    expect(new GlobSet(['plans/*.yaml']).matches('plans/deep/a.yaml', '/ws/plans/deep/a.yaml')).toBe(false);
  });

  it('turns globs into anchored expressions that escape regular-expression characters', () => {
    expect(globToRegExp('a+b(1).yaml').test('a+b(1).yaml')).toBe(true);
    expect(globToRegExp('a+b(1).yaml').test('aab(1)xyaml')).toBe(false);
    expect(globToRegExp('x?.yaml').test('xy.yaml')).toBe(true);
    expect(globToRegExp('x?.yaml').test('x/.yaml')).toBe(false);
  });

  it('recognises a root-level apiVersion line, quoted or not, and ignores nested or other versions', () => {
    expect(declaresApiVersion('apiVersion: rubrics-as-code/v1\nkind: Rubric\n')).toBe(true);
    expect(declaresApiVersion('# header\r\napiVersion: "rubrics-as-code/v1"   # ours\r\n')).toBe(true);
    expect(declaresApiVersion("---\napiVersion: 'rubrics-as-code/v1'\n")).toBe(true);
    expect(declaresApiVersion('apiVersion: apps/v1\nkind: Deployment\n')).toBe(false);
    expect(declaresApiVersion('spec:\n  apiVersion: rubrics-as-code/v1\n')).toBe(false);
    expect(declaresApiVersion('apiVersion: rubrics-as-code/v2\n')).toBe(false);
    expect(declaresApiVersion('apiVersion: "rubrics-as-code/v1\'\n')).toBe(false);
  });
});
