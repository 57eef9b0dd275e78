import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DependencyGraph } from '../src/server/dependencyGraph';
import { EngineClient } from '../src/extension/worker/client';
import { DESK_ASSESSMENT, DESK_PLAN, DESK_RUBRIC, FILES, uriOf } from './languageFixtures';

describe('dependency graph', () => {
  it('lists the files whose last check read a file, and forgets files that stop reading it', () => {
    const graph = new DependencyGraph();
    graph.set('a', ['r']);
    graph.set('p', ['r', 'a']);
    graph.set('r', []);
    expect(graph.dependentsOf('r').sort()).toEqual(['a', 'p']);
    expect(graph.dependentsOf('a')).toEqual(['p']);
    graph.set('p', ['other']);
    expect(graph.dependentsOf('r')).toEqual(['a']);
    graph.delete('a');
    expect(graph.dependentsOf('r')).toEqual([]);
  });
});

describe('re-checking dependents through the worker', () => {
  let dir = '';
  let client: EngineClient;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-deps-'));
    const workerPath = path.join(dir, 'worker.js');
    await esbuild.build({ entryPoints: [path.join(__dirname, '../src/extension/worker/worker.ts')], outfile: workerPath, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
    client = new EngineClient({ workerPath, readFile: async (uri) => FILES[uri.replace('file:///ws/', '')], listDocuments: async () => [], log: () => undefined });
  }, 60_000);
  afterAll(async () => {
    await client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an edit of the open rubric changes what its assessment and the plan (through its baseline) report', async () => {
    const graph = new DependencyGraph();
    const rubric = uriOf('desk.rubric.yaml');
    const assessment = uriOf('acme.assessment.yaml');
    const plan = uriOf('acme.plan.yaml');
    client.open(rubric, 1, DESK_RUBRIC, () => ({ version: 1, text: DESK_RUBRIC }));
    client.open(assessment, 1, DESK_ASSESSMENT, () => ({ version: 1, text: DESK_ASSESSMENT }));
    client.open(plan, 1, DESK_PLAN, () => ({ version: 1, text: DESK_PLAN }));
    for (const [uri] of [[assessment], [plan]] as const) {
      const outcome = await client.request('analyze', { uri, version: 1 });
      if (!outcome.ok) throw new Error(outcome.error.message);
      graph.set(uri, outcome.value.dependencies);
      expect(outcome.value.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
    expect(graph.dependentsOf(rubric).sort()).toEqual([assessment, plan]);
    expect(graph.dependentsOf(assessment)).toEqual([plan]);

    // Rename the dimension "self-service" in the rubric, unsaved.
    const at = DESK_RUBRIC.indexOf('- id: self-service') + '- id: '.length;
    client.change(rubric, 2, [{ start: at, end: at + 'self-service'.length, text: 'self-help' }]);
    const codes: Record<string, string[]> = {};
    for (const uri of graph.dependentsOf(rubric)) {
      const outcome = await client.request('analyze', { uri, version: 1 });
      if (!outcome.ok) throw new Error(outcome.error.message);
      codes[uri] = outcome.value.diagnostics.map((d) => d.code);
    }
    expect(codes[assessment]).toContain('unknown-dimension');
    expect(codes[plan]).toContain('unknown-dimension');
  });
});
