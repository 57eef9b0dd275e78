import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateBenchDocuments } from '../bench/generate';
import { Engine } from '../src/core/engine';
import { MemoryFileHost } from '../src/core/resolve/host';
import { EngineClient } from '../src/extension/worker/client';
import { DESK_ASSESSMENT, DESK_RUBRIC, FILES, uriOf } from './languageFixtures';

/**
 * The worker protocol end to end: the real bundled worker (built here with the project's
 * esbuild settings), driven through the same client the extension uses.
 */

let workerPath = '';
let dir = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-worker-'));
  workerPath = path.join(dir, 'worker.js');
  await esbuild.build({ entryPoints: [path.join(__dirname, '../src/extension/worker/worker.ts')], outfile: workerPath, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
}, 60_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const clients: EngineClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

function startClient(files: Record<string, string> = FILES, hooks: { onRestart?: () => void; log?: string[] } = {}): { client: EngineClient; reads: string[] } {
  const reads: string[] = [];
  const client = new EngineClient({
    workerPath,
    readFile: async (uri) => {
      reads.push(uri);
      return files[uri.replace('file:///ws/', '')];
    },
    listDocuments: async (kind) => Object.keys(files).filter((f) => f.includes(`.${kind.toLowerCase()}.`)).map(uriOf),
    log: (message) => hooks.log?.push(message),
    ...(hooks.onRestart ? { onRestart: hooks.onRestart } : {}),
  });
  clients.push(client);
  return { client, reads };
}

async function expected(files: Record<string, string>, entry: string, text: string) {
  const engine = new Engine(new MemoryFileHost(new Map(Object.entries(files).map(([p, t]) => [uriOf(p), t]))));
  return engine.analyze(uriOf(entry), text);
}

function value<T>(outcome: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!outcome.ok) throw new Error(`request failed: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

describe('engine worker', () => {
  it('returns the same diagnostics as Engine.analyze, reading the referenced rubric through the host', async () => {
    const text = DESK_ASSESSMENT.replace('  knowledge:', '  knowlege:');
    const { client, reads } = startClient();
    const uri = uriOf('acme.assessment.yaml');
    client.open(uri, 1, text, () => ({ version: 1, text }));
    const result = value(await client.request('analyze', { uri, version: 1 }));
    const direct = await expected(FILES, 'acme.assessment.yaml', text);
    expect(result.diagnostics).toEqual(direct.diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range })));
    expect(result.diagnostics.map((d) => d.code)).toContain('unknown-dimension');
    expect(result.dependencies).toEqual([uriOf('desk.rubric.yaml')]);
    expect(reads).toContain(uriOf('desk.rubric.yaml'));
    expect(result).toMatchObject({ version: 1, summary: { kind: 'Assessment', title: 'acme-2026' } });
  });

  it('keeps an open document in sync through edits and prefers its unsaved text over the disk', async () => {
    const { client, reads } = startClient();
    const rubricUri = uriOf('desk.rubric.yaml');
    const assessmentUri = uriOf('acme.assessment.yaml');
    // The rubric is open with an unsaved rename of a dimension: the assessment must see it.
    const renamed = DESK_RUBRIC.replace('- id: knowledge\n', '- id: know-how\n');
    client.open(rubricUri, 1, DESK_RUBRIC, () => ({ version: 1, text: DESK_RUBRIC }));
    const start = DESK_RUBRIC.indexOf('- id: knowledge') + '- id: '.length;
    client.change(rubricUri, 2, [{ start, end: start + 'knowledge'.length, text: 'know-how' }]);
    client.open(assessmentUri, 1, DESK_ASSESSMENT, () => ({ version: 1, text: DESK_ASSESSMENT }));
    const result = value(await client.request('analyze', { uri: assessmentUri, version: 1 }));
    const direct = await expected({ ...FILES, 'desk.rubric.yaml': renamed }, 'acme.assessment.yaml', DESK_ASSESSMENT);
    expect(result.diagnostics).toEqual(direct.diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range })));
    expect(result.diagnostics.find((d) => d.code === 'unknown-dimension')?.message).toContain('"knowledge"');
    expect(reads).not.toContain(rubricUri);

    // Two edits in one change event apply in order.
    const edited = value(await client.request('summary', { uri: rubricUri, version: 2 }));
    expect(edited.kind).toBe('Rubric');
    client.change(rubricUri, 3, [
      { start: 0, end: 0, text: '# first\n' },
      { start: 0, end: 0, text: '# second\n' },
    ]);
    const symbols = value(await client.request('symbols', { uri: rubricUri, version: 3 }));
    expect(symbols[0]?.range.start).toBe('# second\n# first\n'.length);
  });

  it('answers language requests with small results and converts foreign targets to lines', async () => {
    const { client } = startClient();
    const uri = uriOf('acme.assessment.yaml');
    client.open(uri, 1, DESK_ASSESSMENT, () => ({ version: 1, text: DESK_ASSESSMENT }));
    const offset = DESK_ASSESSMENT.indexOf('knowledge:') + 2;
    const hover = value(await client.request('hover', { uri, version: 1, offset }));
    expect(hover?.markdown).toContain('**Knowledge**');
    const definition = value(await client.request('definition', { uri, version: 1, offset }));
    const rubricLines = DESK_RUBRIC.split('\n');
    const line = rubricLines.findIndex((l) => l.includes('- id: knowledge'));
    expect(definition).toMatchObject({ uri: uriOf('desk.rubric.yaml'), start: { line, character: rubricLines[line]!.indexOf('knowledge') } });
    const lenses = value(await client.request('codeLenses', { uri, version: 1 }));
    expect(lenses.map((l) => l.dimensionId)).toEqual(['self-service', 'knowledge']);
    const atRubric = DESK_ASSESSMENT.indexOf('./desk.rubric.yaml');
    const completion = value(await client.request('completion', { uri, version: 1, offset: atRubric }));
    expect(completion.map((c) => c.label)).toEqual(expect.arrayContaining(['seven-attributes', './desk.rubric.yaml']));
    const report = value(await client.request('renderReport', { uri, version: 1, format: 'markdown' }));
    expect(report).toContain('Self-service');
  });

  it('completes criteria in a half-typed assessment that never passed its schema', async () => {
    const { client } = startClient();
    const uri = uriOf('fresh.assessment.yaml');
    const text = DESK_ASSESSMENT.replace(/dimensions:[\s\S]*$/, 'dimensions:\n  knowledge:\n    answers:\n      \n');
    client.open(uri, 1, text, () => ({ version: 1, text }));
    const offset = text.length - 1;
    const items = value(await client.request('completion', { uri, version: 1, offset }));
    expect(items.map((i) => i.label)).toEqual(['kb', 'kb-reviewed']);
  });

  it('returns errors as values: unknown documents, stale versions, cancelled requests', async () => {
    const { client } = startClient();
    const uri = uriOf('acme.assessment.yaml');
    const missing = await client.request('analyze', { uri, version: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-open' } });
    client.open(uri, 4, DESK_ASSESSMENT, () => ({ version: 4, text: DESK_ASSESSMENT }));
    expect(await client.request('hover', { uri, version: 3, offset: 0 })).toMatchObject({ ok: false, error: { code: 'stale' } });
    const controller = new AbortController();
    const pending = client.request('analyze', { uri, version: 4 }, controller.signal);
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('reports an analysis overtaken by an edit as superseded, and analyses the new text', async () => {
    const { client } = startClient();
    const uri = uriOf('acme.assessment.yaml');
    client.open(uri, 1, DESK_ASSESSMENT, () => ({ version: 1, text: DESK_ASSESSMENT }));
    // The analysis of version 1 waits for the rubric from the host; the edit arrives meanwhile.
    const first = client.request('analyze', { uri, version: 1 });
    const at = DESK_ASSESSMENT.indexOf('  knowledge:') + 2;
    client.change(uri, 2, [{ start: at, end: at + 'knowledge'.length, text: 'knowlege' }]);
    expect(await first).toMatchObject({ ok: false, error: { code: 'superseded' } });
    const second = value(await client.request('analyze', { uri, version: 2 }));
    expect(second.diagnostics.map((d) => d.code)).toContain('unknown-dimension');
  });

  it('restarts a worker that died, sends the open documents again, and says so', async () => {
    const log: string[] = [];
    let restarted = 0;
    const { client } = startClient(FILES, { log, onRestart: () => restarted++ });
    const uri = uriOf('acme.assessment.yaml');
    client.open(uri, 7, DESK_ASSESSMENT, () => ({ version: 7, text: DESK_ASSESSMENT }));
    value(await client.request('analyze', { uri, version: 7 }));
    await client.kill();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(restarted).toBe(1);
    expect(log.some((m) => m.includes('starting a new one'))).toBe(true);
    const again = value(await client.request('analyze', { uri, version: 7 }));
    expect(again.summary.kind).toBe('Assessment');
  });

  it('analyses a 50,000-line document off the calling thread: its event loop keeps turning', async () => {
    const generated = generateBenchDocuments(50_000);
    const files = { 'bench.rubric.yaml': generated.rubric, 'big.assessment.yaml': generated.assessment };
    const { client } = startClient(files);
    const uri = uriOf('big.assessment.yaml');
    client.open(uri, 1, generated.assessment, () => ({ version: 1, text: generated.assessment }));
    let ticks = 0;
    let done = false;
    const spin = () => {
      if (done) return;
      ticks++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const result = value(await client.request('analyze', { uri, version: 1 }));
    done = true;
    expect(result.lines).toBeGreaterThanOrEqual(50_000);
    expect(result.summary.kind).toBe('Assessment');
    // Had the analysis run on this thread, no setImmediate callback could have run during it.
    expect(ticks).toBeGreaterThan(100);

    // Retyping an answer: completion answers for the new version from the finished analysis.
    const line = /^ {6}([a-z0-9-]+): ([a-z]+)$/m.exec(generated.assessment)!;
    const valueStart = line.index + line[0].length - line[2]!.length;
    client.change(uri, 2, [{ start: valueStart, end: valueStart + line[2]!.length, text: '' }]);
    const items = value(await client.request('completion', { uri, version: 2, offset: valueStart }));
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((i) => i.kind === 'answer')).toBe(true);
  }, 60_000);
});
