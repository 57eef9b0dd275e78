import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderJson, renderMarkdown } from '../../../src/core/render';
import { cspHash } from '../../../src/core/render/html/sha256';
import { reportCss } from '../../../src/core/render/html/styles';
import { buildReport, type ReportModel } from '../../../src/core/report';
import { builtinFrameworks } from '../../../src/core/builtins';
import type { RubricDocumentAnalysis } from '../../../src/core/engine';
import { FILE_NAMES, STARTER_RUBRIC_ID, starterAssessment, starterDates } from '../../../src/cli/initTemplates';
import { analyzeMemory, yaml } from '../../support/memory';
import { analyzeInput, decodeAttr, tagsOf } from '../../support/report';
import { expectGolden } from '../../support/golden';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';

const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY=';
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const SCRIPT = `${CSP_SOURCE}/ext/dist/webview/preview.js`;

const DOCUMENTS = [
  ['assessment', 'northwind-2026.assessment.yaml'],
  ['plan', 'roadmap.plan.yaml'],
  ['rubric', 'service.rubric.yaml'],
] as const;

async function model(entry: string): Promise<ReportModel> {
  return buildReport(await analyzeInput(entry));
}

/** The report of `rubrics init`'s starter assessment, dated 2026-03-31. */
async function partialModel(): Promise<ReportModel> {
  const builtin = builtinFrameworks().get(STARTER_RUBRIC_ID)!;
  const rubric = (await analyzeMemory({ 'r.yaml': builtin.text }, 'r.yaml')).documents[0] as RubricDocumentAnalysis;
  const text = starterAssessment(rubric.rubricIndex!, starterDates(new Date(2026, 2, 31)));
  return buildReport(await analyzeMemory({ [FILE_NAMES.assessment]: text }, FILE_NAMES.assessment));
}

function policyOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  if (content === undefined) throw new Error('no CSP meta');
  return new Map(decodeAttr(content).split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name as string, sources]));
}

/** A page with its style sheet taken out: the sheet has a golden of its own (styles.css), so a style change touches one file. */
function withoutStyleSheet(html: string, mode: 'standalone' | 'webview'): string {
  const css = reportCss(mode);
  expect(html.split(css).length, 'the page holds the style sheet once').toBe(2);
  // The standalone policy allows the sheet by its hash, which changes with it too.
  return html.replace(css, `/* reportCss('${mode}'): test/golden/report/styles.css */`).replace(cspHash(css).slice(1, -1), 'sha256-(of styles.css)');
}

describe('golden reports', () => {
  for (const [name, entry] of DOCUMENTS) {
    it(`renders the ${name} as Markdown, HTML (standalone and webview) and JSON`, async () => {
      const m = await model(entry);
      expectGolden(`report/${name}.md`, renderMarkdown(m));
      expectGolden(`report/${name}.standalone.html`, withoutStyleSheet(renderHtml(m, { mode: 'standalone' }), 'standalone'));
      expectGolden(`report/${name}.webview.html`, withoutStyleSheet(renderHtml(m, { mode: 'webview', nonce: NONCE, cspSource: CSP_SOURCE, scriptUri: SCRIPT }), 'webview'));
      expectGolden(`report/${name}.json`, renderJson(m));
    });
  }

  // Issue 22: the starter assessment assesses 2 of the 7 attributes; every format says so beside
  // the overall score, rather than only in a note among the problems at the end.
  it('renders a partial assessment (the starter: 2 of 7 attributes) as Markdown, HTML and JSON', async () => {
    const m = await partialModel();
    const line = '2 of 7 attributes assessed (5 not assessed)';
    const md = renderMarkdown(m);
    expect(md).toContain(`| **2** of 5 (target 3)<br>⚠️ *${line}* | 2 · Support-centred |`);
    const html = renderHtml(m, { mode: 'standalone' });
    expect(html).toContain(`<div class="card tone-warn"><p class="card-label">Overall score</p>`);
    expect(html).toContain(`<strong class="coverage">${line}</strong>`);
    expect(m.assessment?.overall).toMatchObject({ dimensionsScored: 2, dimensionsTotal: 7, dimensionStatusCounts: { scored: 2, 'not-assessed': 5 } });
    expectGolden('report/partial.md', md);
    expectGolden('report/partial.standalone.html', withoutStyleSheet(html, 'standalone'));
    expectGolden('report/partial.json', renderJson(m));
  });

  it('renders the one style sheet of each mode (the two share their end)', () => {
    const standalone = reportCss('standalone');
    const webview = reportCss('webview');
    let shared = 0;
    while (shared < standalone.length && shared < webview.length && standalone[standalone.length - 1 - shared] === webview[webview.length - 1 - shared]) shared++;
    expectGolden(
      'report/styles.css',
      `/* reportCss('standalone') begins */\n${standalone.slice(0, standalone.length - shared)}\n/* reportCss('webview') begins */\n${webview.slice(0, webview.length - shared)}\n/* both end with */\n${standalone.slice(standalone.length - shared)}\n`,
    );
  });
});

describe('Markdown report', () => {
  it('opens with the headline numbers and puts each group in its own table', async () => {
    const md = renderMarkdown(await model('northwind-2026.assessment.yaml'));
    expect(md).toContain('| **2.22** of 5 (target 3.11)<br>⚠️ *4 of 6 capabilities assessed (1 not assessed, 1 exempt)* | 2 · Repeatable | ❌ not reached: level 3 (Tipping point) | 2 of 6 | 50% (1 of 2) |');
    expect(md).toContain('### Area: Run the service · score 2.67, target 3.33');
    expect(md).toContain('| Service desk | 3 | 3 · Defined | 4 | 1 | 🟡 Below target |');
    expect(md).toContain('| Release automation | – | – | – | – | ⚪ Exempt until 2026-12-31 |');
    expect(md).toContain('**Change enablement**: level 2 · Repeatable → 3 · Defined\n\n- Low-risk changes are pre-approved as standard changes. (level 3; answer: *no*)');
    expect(md).toContain('| Abandoned calls | Service desk | 4.2 percent | ≤ 5 percent | ✅ meets | Service desk survey, 2024 · Service desks in the survey (median) |');
    // A figure that measured something else is context: no ≥, no verdict, and what it measured.
    expect(md).toContain(
      '| Share of requests raised in the portal | Service desk | 35 percent | 60 percent | ℹ️ context | Service desk survey, 2024 · Service desks in the survey<br>*For context only: the figure measures share of service desks that run a self-service portal, not this metric.* |',
    );
  });

  it('shows a plan as a timeline table and a projection per dimension', async () => {
    const md = renderMarkdown(await model('roadmap.plan.yaml'));
    expect(md).toContain('| Standard change catalogue | Requirement to Deploy | In progress | 2026-04-01 | 2026-12-31 | `███████·············` | Change enablement 2→3 |');
    expect(md).toContain('| Release automation | – | 3 · Defined | – | ✅ at threshold | Release pipeline for core systems |');
    expect(md).toContain('2 → **5** of 6 at level 3 (Tipping point)');
  });

  it('escapes Markdown and HTML in user text inside table cells', async () => {
    const rubric = yaml`
      apiVersion: rubrics-as-code/v1
      kind: Rubric
      id: r
      title: "R | <b>bold</b>"
      version: "1"
      scoring: { method: rated }
      levels: [{ level: 1, name: "*One*" }, { level: 2, name: "Two_two" }]
      dimensions:
        - { id: d, title: "Pipes | and [links](https://x.test) and <script>" }
    `;
    const assessment = yaml`
      apiVersion: rubrics-as-code/v1
      kind: Assessment
      id: a
      rubric: r
      subject: { organization: "Org & Co" }
      date: 2026-01-01
      dimensions:
        d: { level: 2, target: 2, notApplicable: { reason: "a | b" } }
    `;
    const md = renderMarkdown(buildReport(await analyzeMemory({ 'a.yaml': `${rubric}---\n${assessment}` }, 'a.yaml')));
    expect(md).toContain('| Pipes \\| and \\[links\\](https://x.test) and &lt;script&gt; |');
    expect(md).toContain('**Org &amp; Co**');
    expect(md).toContain('| **Pipes \\| and \\[links\\](https://x.test) and &lt;script&gt;** | a \\| b |');
    expect(md).not.toMatch(/<script|<b>/);
    // Every table row keeps its column count: no cell broke out.
    for (const table of md.split('\n\n').filter((block) => block.startsWith('|'))) {
      const counts = table.trim().split('\n').map((line) => line.replace(/\\\|/g, '').split('|').length);
      expect(new Set(counts).size, table).toBe(1);
    }
  });
});

describe('HTML report', () => {
  it('declares a strict policy in standalone mode, with the style allowed by its hash and no script', async () => {
    const html = renderHtml(await model('northwind-2026.assessment.yaml'), { mode: 'standalone' });
    const policy = policyOf(html);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = crypto.createHash('sha256').update(style, 'utf8').digest('base64');
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('style-src')).toEqual([`'sha256-${hash}'`]);
    expect(policy.get('img-src')).toEqual(['data:']);
    expect(policy.has('script-src')).toBe(false);
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/<link\b/);
  });

  it('uses the nonce and the webview source in webview mode, and loads the preview script', async () => {
    const html = renderHtml(await model('northwind-2026.assessment.yaml'), { mode: 'webview', nonce: NONCE, cspSource: CSP_SOURCE, scriptUri: SCRIPT });
    const policy = policyOf(html);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('style-src')).toEqual([CSP_SOURCE, `'nonce-${NONCE}'`]);
    expect(policy.get('script-src')).toEqual([`'nonce-${NONCE}'`]);
    expect(policy.get('img-src')).toEqual([CSP_SOURCE, 'data:']);
    const scripts = tagsOf(html).filter((t) => t.name === 'script');
    expect(scripts.map((s) => [s.attrs.get('nonce'), decodeAttr(s.attrs.get('src') ?? '')])).toEqual([[NONCE, SCRIPT]]);
    expect(tagsOf(html).filter((t) => t.name === 'style').map((t) => t.attrs.get('nonce'))).toEqual([NONCE]);
    expect(html).toContain('var(--vscode-foreground)');
    expect(html).toContain('var(--vscode-charts-blue, ');
  });

  it('refuses a nonce or source that would break out of the policy', async () => {
    const m = await model('service.rubric.yaml');
    expect(() => renderHtml(m, { mode: 'webview', nonce: "abc' 'unsafe-inline" })).toThrow(/nonce/);
    expect(() => renderHtml(m, { mode: 'webview', nonce: NONCE, cspSource: "https://x; script-src 'unsafe-inline'" })).toThrow(/cspSource/);
  });

  it('keeps the page head identical across reports, so the preview can swap bodies', async () => {
    const head = (html: string) => html.slice(0, html.indexOf('</head>')).replace(/<title>[^<]*<\/title>/, '');
    const a = renderHtml(await model('northwind-2026.assessment.yaml'), { mode: 'webview', nonce: NONCE, cspSource: CSP_SOURCE, scriptUri: SCRIPT });
    const p = renderHtml(await model('roadmap.plan.yaml'), { mode: 'webview', nonce: NONCE, cspSource: CSP_SOURCE, scriptUri: SCRIPT });
    expect(head(a)).toBe(head(p));
  });

  it('marks rows that map to the source with their offset and makes them focusable', async () => {
    const analysis = await analyzeInput('northwind-2026.assessment.yaml');
    const html = renderHtml(buildReport(analysis), { mode: 'standalone' });
    const rows = tagsOf(html).filter((t) => t.attrs.has('data-source-offset'));
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows) {
      expect(row.attrs.get('tabindex')).toBe('0');
      const offset = Number(row.attrs.get('data-source-offset'));
      expect(Number.isInteger(offset) && offset >= 0 && offset < analysis.text.length).toBe(true);
    }
    const offsets = new Set(rows.map((r) => Number(r.attrs.get('data-source-offset'))));
    expect(offsets.has(analysis.text.indexOf('service-desk:'))).toBe(true);
    expect(offsets.has(analysis.text.indexOf('sd-csat:'))).toBe(true);
  });

  it('draws a radar for three or more scored dimensions and bars otherwise', async () => {
    const html = renderHtml(await model('northwind-2026.assessment.yaml'), { mode: 'standalone' });
    expect(html).toMatch(/<svg class="radar" viewBox="0 0 340 340" role="img" aria-labelledby="radar-title radar-desc">/);
    expect(html).toContain('<title id="radar-title">Current score against target for each capability</title>');
    // Four scored capabilities: four numbered axes; the exempt and unassessed ones stay off it.
    expect(html.match(/<g class="radar-axis">/g)?.length).toBe(4);
    expect(html).toContain('<desc id="radar-desc">1. Service desk: 3 of 5, target 4; 2. Incident management: 3 of 5, target 3;');

    const rubric = yaml`
      apiVersion: rubrics-as-code/v1
      kind: Rubric
      id: tiny
      title: Tiny
      version: "1"
      scoring: { method: rated }
      levels: [{ level: 0, name: None }, { level: 1, name: Some }, { level: 2, name: All }]
      threshold: { level: 1 }
      dimensions: [{ id: one, title: One }, { id: two, title: Two }]
    `;
    const assessment = yaml`
      apiVersion: rubrics-as-code/v1
      kind: Assessment
      id: t
      rubric: tiny
      subject: { organization: Acme }
      date: 2026-01-01
      dimensions: { one: { level: 1, target: 2 }, two: { level: 2 } }
    `;
    const small = renderHtml(buildReport(await analyzeMemory({ 't.yaml': `${rubric}---\n${assessment}` }, 't.yaml')), { mode: 'standalone' });
    expect(small).not.toContain('class="radar"');
    // Bars on the 0..2 scale: "One" filled to half, its target at the end, the threshold at half.
    expect(small).toContain('<rect class="bar-value" x="0" y="4" width="50%" height="10" rx="3"/>');
    expect(small).toContain('<line class="bar-threshold" x1="50%" x2="50%" y1="0" y2="18"/>');
    expect(small).toContain('<rect class="bar-target" x="99.5%"');
  });

  it('leaves the radar out when there are too many dimensions to label', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `d${i + 1}`);
    const rubric = rubricYaml(`scoring: { method: rated }\nlevels: [{ level: 1, name: A }, { level: 2, name: B }]\ndimensions:\n${ids.map((id) => `  - { id: ${id}, title: ${id.toUpperCase()} }`).join('\n')}\n`, { id: 'wide' });
    const assessment = assessmentYaml(`dimensions:\n${ids.map((id) => `  ${id}: { level: 2 }`).join('\n')}\n`, { rubric: 'wide' });
    const html = renderHtml(buildReport(await analyzeMemory({ 'w.yaml': `${rubric}---\n${assessment}` }, 'w.yaml')), { mode: 'standalone' });
    expect(html).not.toContain('class="radar"');
    expect(html.match(/<li class="bar-row"/g)?.length).toBe(20);
  });

  it('draws the plan timeline by value stream with status classes, and the projection', async () => {
    const html = renderHtml(await model('roadmap.plan.yaml'), { mode: 'standalone' });
    const lanes = [...html.matchAll(/<h4 class="tl-lane-title">([^<]*)<\/h4>/g)].map((m) => m[1]);
    expect(lanes).toEqual(['Strategy to Portfolio', 'Requirement to Deploy', 'Request to Fulfill', 'Detect to Correct', 'No value stream']);
    expect(html).toContain('<rect class="tl-bar st-in-progress" x="0%" y="4" width="30.088%" height="14" rx="3"/>');
    expect(html).toContain('<rect class="tl-bar st-cancelled"');
    // Self-service: baseline 2, projected 3 on the 1..5 scale.
    expect(html).toContain('<rect class="bar-base" x="0" y="4" width="25%" height="10" rx="3"/><rect class="bar-gain" x="25%" y="4" width="25%" height="10"/>');
    expect(html).toContain('Mainframe billing');
  });

  it('shows problems first when the document has errors', async () => {
    const text = yaml`
      apiVersion: rubrics-as-code/v1
      kind: Assessment
      id: a
      rubric: nowhere
      subject: { organization: Acme }
      date: 2026-01-01
      dimensions: {}
    `;
    const html = renderHtml(buildReport(await analyzeMemory({ 'a.yaml': text }, 'a.yaml')), { mode: 'standalone' });
    expect(html).toContain('<section id="problems" aria-labelledby="problems-h">\n<h2 id="problems-h">Problems (1 error)</h2>');
    expect(html.indexOf('id="problems"')).toBeLessThan(html.indexOf('<footer>'));
    expect(html).toContain(`<tr data-source-offset="${text.indexOf('nowhere')}" tabindex="0">`);
    expect(html).toContain('4:9');
  });
});
