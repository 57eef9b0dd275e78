import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../../../src/core/builtins';
import { Engine } from '../../../src/core/engine';
import { MemoryFileHost } from '../../../src/core/resolve/host';
import { renderHtml, renderJson, renderMarkdown } from '../../../src/core/render';
import { buildReport } from '../../../src/core/report';
import { expectSafePage } from '../../support/report';
import { analyzeFile } from '../../support/diskHost';

const SAMPLES = path.join(__dirname, '../../../samples/kestrel');
const sampleFiles = fs.existsSync(SAMPLES) ? fs.readdirSync(SAMPLES).filter((f) => /\.ya?ml$/.test(f)).sort() : [];

describe('reports of the Kestrel samples', () => {
  it('has samples to render', () => {
    expect(sampleFiles.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of sampleFiles) {
    it(`renders every document of ${file} without errors, with offsets that point at the items`, async () => {
      const analysis = await analyzeFile(path.join(SAMPLES, file));
      expect(analysis.documents.length).toBeGreaterThan(0);
      for (const doc of analysis.documents) {
        const model = buildReport(analysis, doc.index);
        expect(model.kind).toBe(doc.kind);
        expect(model.problems.counts.error, `${file}: ${model.problems.shown.map((p) => p.message).join('; ')}`).toBe(0);
        expect(model.notices.filter((n) => !/no baseline/.test(n))).toEqual([]);
        if (model.kind === 'Assessment') {
          expect(model.assessment?.scored).toBe(true);
          for (const d of model.assessment?.dimensions ?? []) {
            if (d.sourceOffset !== undefined) expect(analysis.text.slice(d.sourceOffset).startsWith(`${d.id}:`)).toBe(true);
          }
        }
        if (model.kind === 'Plan') {
          for (const i of model.plan?.initiatives ?? []) expect(analysis.text.slice(i.sourceOffset ?? 0, (i.sourceOffset ?? 0) + 80)).toContain(i.id);
        }
        expectSafePage(renderHtml(model, { mode: 'standalone' }), 'standalone');
        expectSafePage(renderHtml(model, { mode: 'webview', nonce: 'c2FtcGxlLW5vbmNlLTEyMw==', cspSource: 'https://x.vscode-cdn.net', scriptUri: 'https://x.vscode-cdn.net/p.js' }), 'webview');
        expect(renderMarkdown(model)).toMatch(/^# /);
        expect(JSON.parse(renderJson(model))).toEqual(model);
      }
    });
  }
});

describe('reports of the built-in frameworks', () => {
  for (const framework of builtinFrameworks().values()) {
    it(`gives an overview of ${framework.id}`, async () => {
      const engine = new Engine(new MemoryFileHost());
      const analysis = await engine.analyze(pathToFileURL(`/tmp/${framework.fileName}`).toString(), framework.text);
      const model = buildReport(analysis);
      expect(model.kind).toBe('Rubric');
      expect(model.problems.counts.error).toBe(0);
      expect(model.overview?.counts.dimensions).toBe(model.overview?.dimensions.length);
      expect(model.overview!.counts.criteria).toBeGreaterThan(0);
      expect(model.rubric?.threshold).toBeDefined();
      expectSafePage(renderHtml(model, { mode: 'standalone' }), 'standalone');
    });
  }
});
