/**
 * The report renderer's output as the preview uses it: a page the preview can load under its
 * policy, and report bodies with a shell key, so updates are body swaps. These run the real engine
 * and renderer on the Kestrel samples and on broken input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNonce } from '../../../src/extension/preview/html';
import { previewPage as previewShell, previewReport, renderHtml, type PreviewReport } from '../../../src/core/render';
import { buildReport } from '../../../src/core/report';
import { analyzeMemory } from '../../support/memory';

/** What `webview.cspSource` is in VS Code 1.139 (measured in code-server): a keyword and an origin. */
const CSP_SOURCE = "'self' https://*.vscode-cdn.net";
const CSP_SOURCES = new Set(CSP_SOURCE.split(' '));
const SCRIPT = 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/preview.js';
const SAMPLES = path.join(__dirname, '../../../samples/kestrel');

function samples(): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.yaml')).map((f) => [f, fs.readFileSync(path.join(SAMPLES, f), 'utf8')]));
}

/** The preview report of `entry`, asked for with its body (as a preview without a kept report asks). */
async function report(files: Record<string, string>, entry: string): Promise<PreviewReport & { body: string }> {
  const r = previewReport(buildReport(await analyzeMemory(files, entry)));
  expect(r.body).toBeTypeOf('string');
  return { ...r, body: r.body ?? '' };
}

async function previewPage(files: Record<string, string>, entry: string, nonce = createNonce()): Promise<{ html: string; nonce: string; body: string }> {
  const r = await report(files, entry);
  return { html: previewShell(r, { nonce, cspSource: CSP_SOURCE, scriptUri: SCRIPT }), nonce, body: r.body };
}

function policy(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  if (!content) throw new Error('no policy');
  const decoded = content.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return new Map(decoded.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name as string, sources]));
}

const entries = ['2026-03.seven-attributes.assessment.yaml', '2026-03.nexgen-digital-services.assessment.yaml', 'roadmap-2026-2028.plan.yaml', 'claims-platform.rubric.yaml'];

describe('report pages in the preview', () => {
  for (const entry of entries) {
    it(`${entry}: strict policy, only the preview script, nothing remote, nothing the policy would block`, async () => {
      const { html, nonce } = await previewPage(samples(), entry);
      const csp = policy(html);
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual([`'nonce-${nonce}'`]);
      for (const [directive, sources] of csp) {
        for (const source of sources) {
          expect(CSP_SOURCES.has(source) || source === 'data:' || source === `'nonce-${nonce}'` || source === "'none'" || /^'sha256-[A-Za-z0-9+/=]+'$/.test(source), `${directive} ${source}`).toBe(true);
        }
      }
      expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
      // Exactly one script: the preview's, by nonce.
      expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([`<script nonce="${nonce}" src="${SCRIPT}">`]);
      // Every style element carries the nonce, and no inline style attribute exists (the policy would drop it).
      for (const style of html.matchAll(/<style\b[^>]*>/g)) expect(style[0]).toBe(`<style nonce="${nonce}">`);
      expect(html).not.toMatch(/\sstyle\s*=/i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      // Nothing loads from elsewhere: no src or href to a remote origin except links the user clicks.
      const sources = [...html.matchAll(/\s(?:src|srcset|poster|data)="([^"]*)"/g)].map((m) => m[1]);
      expect(sources.every((s) => s === SCRIPT || s?.startsWith('data:'))).toBe(true);
    });
  }

  it('accepts the webview source list VS Code gives, and refuses one that smuggles in a keyword or a directive', async () => {
    const analysis = await analyzeMemory(samples(), '2026-03.seven-attributes.assessment.yaml');
    const model = buildReport(analysis);
    const html = renderHtml(model, { mode: 'webview', nonce: createNonce(), cspSource: CSP_SOURCE, scriptUri: SCRIPT });
    expect(policy(html).get('img-src')).toEqual(["'self'", 'https://*.vscode-cdn.net', 'data:']);
    for (const bad of ["'self' 'unsafe-inline'", "https://x; script-src 'unsafe-eval'", 'https://x "', "'unsafe-eval'"]) {
      expect(() => renderHtml(model, { mode: 'webview', nonce: createNonce(), cspSource: bad, scriptUri: SCRIPT }), bad).toThrow(/cspSource/);
    }
  });

  it('has rows that map to the source, at offsets that point at the item in the file', async () => {
    const files = samples();
    const entry = '2026-03.seven-attributes.assessment.yaml';
    const { html } = await previewPage(files, entry);
    const offsets = [...html.matchAll(/data-source-offset="(\d+)"/g)].map((m) => Number(m[1]));
    expect(offsets.length).toBeGreaterThan(7);
    const text = files[entry]!;
    // The row of each attribute points at its key in the assessment.
    for (const id of ['outward-looking-perspective', 'empower-end-users', 'persuasive-vision']) {
      const at = text.indexOf(`${id}:`);
      expect(at).toBeGreaterThan(0);
      expect(offsets).toContain(at);
    }
  });

  it('keeps the same page shell from one edit to the next, so updates are body swaps that keep the scroll position', async () => {
    const files = samples();
    const entry = '2026-03.seven-attributes.assessment.yaml';
    const first = await report(files, entry);
    const edited = files[entry]!.replace(/^title: .*$/m, 'title: Renamed while typing').replace(/^(\s+target:) \d/m, '$1 4');
    const second = await report({ ...files, [entry]: edited }, entry);
    expect(second.shellKey).toBe(first.shellKey);
    expect(second.body).not.toBe(first.body);
    expect(second.title).toContain('Renamed while typing');
    // The page is the shell around the body, so swapping the body in gives the page of the new report.
    const page = previewShell(second, { nonce: 'bm9uY2UtZm9yLXRlc3Q=', cspSource: CSP_SOURCE, scriptUri: SCRIPT });
    expect(page).toContain(`<body>\n${second.body}\n<script`);
  });

  it('shows the problems of a broken document instead of a blank page', async () => {
    const broken = 'apiVersion: rubrics-as-code/v1\nkind: Assessment\nid: broken\nrubric: seven-attributes\nsubject:\n  organization: Kestrel Mutual\ndate: 2026-02-30\ndimensions:\n  empower-end-user:\n    target: 3\n';
    const r = await report({ 'broken.assessment.yaml': broken }, 'broken.assessment.yaml');
    expect(r.errors).toBeGreaterThan(0);
    expect(r.body).toContain('empower-end-user');
    expect(r.body).toMatch(/not a real calendar date/);
    // A problem row leads to its place in the file.
    expect(r.body).toContain(`data-source-offset="${broken.indexOf('2026-02-30')}"`);
  });

  it('leaves the body out only of a report with errors, and only when asked to (the preview then shows its last valid report)', async () => {
    const broken = 'apiVersion: rubrics-as-code/v1\nkind: Assessment\nid: broken\nrubric: seven-attributes\nsubject:\n  organization: Kestrel Mutual\ndate: 2026-02-30\ndimensions: {}\n';
    const brokenModel = buildReport(await analyzeMemory({ 'broken.assessment.yaml': broken }, 'broken.assessment.yaml'));
    const omitted = previewReport(brokenModel, '', { omitBodyOnErrors: true });
    expect(omitted.errors).toBeGreaterThan(0);
    expect(omitted.body).toBeUndefined();
    expect(omitted.shellKey).toBe(previewReport(brokenModel).shellKey);
    expect(previewReport(brokenModel, '', { omitBodyOnErrors: false }).body).toMatch(/not a real calendar date/);
    const entry = '2026-03.seven-attributes.assessment.yaml';
    const valid = previewReport(buildReport(await analyzeMemory(samples(), entry)), '', { omitBodyOnErrors: true });
    expect(valid.errors).toBe(0);
    expect(valid.body).toContain('<main');
  });

  it('shows a file that is not YAML at all as a report of its problems', async () => {
    const r = await report({ 'x.yaml': 'kind: [unclosed\n  - : :\n' }, 'x.yaml');
    expect(r.body).toMatch(/problem/i);
  });

  it('escapes user text that looks like markup', async () => {
    const files = samples();
    const entry = '2026-03.seven-attributes.assessment.yaml';
    const hostile = files[entry]!.replace(/^title: .*$/m, 'title: "<img src=x onerror=alert(1)><script>alert(2)</script>"');
    const { html } = await previewPage({ ...files, [entry]: hostile }, entry);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
