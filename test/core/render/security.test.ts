import MarkdownIt from 'markdown-it';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../../src/core/domain/links';
import { renderHtml, renderMarkdown, renderMarkdownText } from '../../../src/core/render';
import { buildReport, type ReportModel } from '../../../src/core/report';
import { base64, cspHash, sha256 } from '../../../src/core/render/html/sha256';
import { markdownBlock as mdBlock } from '../../../src/core/render/markdown/escape';
import { analyzeMemory, yaml } from '../../support/memory';
import { decodeAttr, expectSafePage, tagsOf } from '../../support/report';

// Hostile text in every kind of free text and title the format allows.
const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';
const QUOTE = "' onmouseover='alert(1)";

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (text: string) => JSON.stringify(text);

const rubric = yaml`
  apiVersion: rubrics-as-code/v1
  kind: Rubric
  id: hostile
  title: ${q(`Rubric ${SCRIPT}`)}
  version: 1.0.0
  description: ${q(`Desc ${SCRIPT} [x](javascript:alert(1)) ![pic](https://tracker.example/p.png)`)}
  references:
    - { title: ${q(`Ref ${BREAKOUT}`)}, url: "https://example.com/ref" }
  terms: { dimension: ${q(`Dim ${SCRIPT}`)}, criterion: ${q(`Crit ${BREAKOUT}`)} }
  scoring: { method: gated }
  levels:
    - { level: 1, name: ${q(`One ${SCRIPT}`)}, description: ${q(BREAKOUT)} }
    - { level: 2, name: ${q(`Two ${QUOTE}`)} }
    - { level: 3, name: Three }
  threshold: { level: 2, name: ${q(SCRIPT)} }
  groups:
    - { id: g, title: ${q(`Group ${SCRIPT}`)} }
  dimensions:
    - id: first
      title: ${q(`First ${BREAKOUT}`)}
      group: g
      levels: { "1": ${q(SCRIPT)}, "2": ${q(BREAKOUT)} }
      criteria:
        - { id: c1, text: ${q(`C1 ${SCRIPT}`)}, level: 2, guidance: ${q(SCRIPT)} }
        - { id: c2, text: ${q(`C2 ${BREAKOUT}`)}, level: 3 }
      metrics:
        - { id: m, name: ${q(`Metric ${SCRIPT}`)}, unit: ${q(BREAKOUT)}, benchmark: { value: 1, source: ${q(SCRIPT)} } }
    - { id: second, title: ${q(`Second ${QUOTE}`)}, criteria: [{ id: c3, text: "C3", level: 2 }] }
    - { id: third, title: Third, criteria: [{ id: c4, text: "C4", level: 2 }] }
`;

const assessment = yaml`
  apiVersion: rubrics-as-code/v1
  kind: Assessment
  id: hostile-a
  title: ${q(`Assessment ${SCRIPT}`)}
  rubric: hostile
  subject: { organization: ${q(`Org ${BREAKOUT}`)}, unit: ${q(QUOTE)}, scope: ${q(SCRIPT)} }
  date: 2026-01-01
  assessors: [{ name: ${q(SCRIPT)}, role: ${q(BREAKOUT)} }]
  summary: |
    Summary ${SCRIPT}
    <iframe src="https://evil.example"></iframe>
    [click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox) [file](file:///etc/passwd)
    ![tracker](https://tracker.example/pixel.png) <img src="https://tracker.example/x.png">
  dimensions:
    first:
      target: 3
      notes: ${q(`Note ${SCRIPT} ${BREAKOUT}`)}
      evidence:
        - "javascript:alert(1)"
        - { title: ${q(`Ev ${SCRIPT}`)}, url: "JaVaScRiPt:alert(1)" }
        - { title: "Data", url: "data:text/html,<script>alert(1)</script>" }
        - { title: "Good", url: "https://example.com/?a=1&b=\\"2\\"" }
      answers:
        c1: { answer: yes, note: ${q(SCRIPT)}, evidence: ["vbscript:msgbox(1)"] }
        c2: { answer: no, exemption: { reason: ${q(SCRIPT)}, approver: ${q(BREAKOUT)}, expires: 2027-01-01 } }
      metrics:
        m: { value: 2, note: ${q(SCRIPT)} }
    second:
      notApplicable: { reason: ${q(BREAKOUT)} }
    third:
      answers: { c4: yes }
`;

async function hostileModel(): Promise<ReportModel> {
  return buildReport(await analyzeMemory({ 'h.yaml': `${rubric}---\n${assessment}` }, 'h.yaml'), 1);
}

/** The rubric alone, with an unsafe reference link (an error, so assessments could not use it). */
async function hostileRubricModel(): Promise<ReportModel> {
  const text = rubric.replace('url: "https://example.com/ref"', 'url: "javascript:alert(1)"');
  return buildReport(await analyzeMemory({ 'h.yaml': text }, 'h.yaml'), 0);
}

/** The page is structurally safe and the hostile strings appear only escaped. */
function expectEscaped(html: string, mode: 'standalone' | 'webview'): void {
  expectSafePage(html, mode);
  expect(html).not.toContain(SCRIPT);
  expect(html).not.toContain(BREAKOUT);
  expect(html).not.toContain(QUOTE);
  expect(html).not.toMatch(/javascript:alert\(1\)"/i);
}

describe('report security', () => {
  it('escapes hostile text everywhere in an assessment report, in both HTML modes', async () => {
    const m = await hostileModel();
    expect(m.kind).toBe('Assessment');
    expect(m.assessment?.scored).toBe(true);
    const standalone = renderHtml(m, { mode: 'standalone' });
    expectEscaped(standalone, 'standalone');
    expectEscaped(renderHtml(m, { mode: 'webview', nonce: 'bm9uY2UtZm9yLXRlc3Q=', cspSource: 'https://x.vscode-cdn.net', scriptUri: 'https://x.vscode-cdn.net/p.js' }), 'webview');
    expect(standalone).toContain('Org &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(standalone).toContain('&#39; onmouseover=&#39;alert(1)');
    expect(standalone).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows unsafe evidence links as text and keeps safe ones clickable', async () => {
    const m = await hostileModel();
    const html = renderHtml(m, { mode: 'standalone' });
    const first = m.assessment!.dimensions[0]!;
    expect(first.evidence.map((e) => e.safe)).toEqual([false, false, false, true]);
    expect(html).toContain('<span class="unsafe-link" title="Not a web address or relative path, so it is not a link">javascript:alert(1)</span>');
    expect(html).toContain('<a href="https://example.com/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">Good</a>');
    // Every link left is a web address: the evidence link, and addresses in the summary (linkified text).
    const hrefs = tagsOf(html).flatMap((t) => (t.attrs.has('href') ? [decodeAttr(t.attrs.get('href') as string)] : []));
    expect(hrefs.filter((h) => !h.startsWith('#')).sort()).toEqual([
      'https://evil.example',
      'https://example.com/?a=1&b="2"',
      'https://tracker.example/pixel.png',
      'https://tracker.example/x.png',
    ]);
  });

  it('renders Markdown free text without HTML, unsafe links or images', async () => {
    const html = renderHtml(await hostileModel(), { mode: 'standalone' });
    const summary = /<section id="summary"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    // Raw HTML stays text (the address inside it may become a plain link, which loads nothing).
    expect(summary).toMatch(/&lt;iframe src=&quot;(<a href="https:\/\/evil.example" rel="noopener noreferrer">)?https:\/\/evil.example(<\/a>)?&quot;&gt;&lt;\/iframe&gt;/);
    expect(summary).toContain('[click](javascript:alert(1))');
    expect(summary).toContain('[data](data:text/html;base64,PHNjcmlwdD4=)');
    expect(summary).toContain('[vb](vbscript:msgbox)');
    expect(summary).toContain('[file](file:///etc/passwd)');
    // The image is not loaded: its alt text links to it.
    expect(summary).toContain('<a href="https://tracker.example/pixel.png" rel="noopener noreferrer"><span class="md-image">[image: tracker]</span></a>');
  });

  it('escapes hostile text in a rubric overview', async () => {
    const m = await hostileRubricModel();
    expect(m.kind).toBe('Rubric');
    const html = renderHtml(m, { mode: 'standalone' });
    expectEscaped(html, 'standalone');
    expect(html).toContain('Ref &quot;&gt;&lt;img src=x onerror=alert(1)&gt; (javascript:alert(1))');
  });

  it('escapes hostile text in the Markdown report', async () => {
    for (const m of [await hostileModel(), await hostileRubricModel()]) {
      const md = renderMarkdown(m);
      // Raw HTML the Markdown may carry: only the renderer's own <details>, <summary> and <br>.
      // (Code spans show their content literally, so they are left out.)
      const tags = [...md.replace(/`[^`]*`/g, '').matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((t) => (t[1] as string).toLowerCase());
      expect(tags.filter((t) => !['details', 'summary', 'br'].includes(t))).toEqual([]);
      // Rendered as GitHub would (markdown-it, its own link rules, bare links linked): no link but safe ones, no image.
      const html = new MarkdownIt({ html: false, linkify: true }).render(md);
      expect([...html.matchAll(/href="([^"]*)"/g)].map((h) => h[1] as string).filter((href) => !isSafeUrl(href))).toEqual([]);
      expect(html).not.toContain('<img');
    }
  });

  it('defuses raw HTML, unsafe links and images in Markdown free text', () => {
    expect(mdBlock('a <b>x</b> [y](javascript:alert(1)) ![i](https://t.example/p.png) [ok](https://ok.example)')).toBe(
      'a &lt;b&gt;x&lt;/b&gt; \\[y\\](javascript:alert(1)) [image: i](https://t.example/p.png) [ok](https://ok.example)',
    );
    expect(mdBlock('[r]: javascript:alert(1)\n[s]: https://ok.example')).toBe('\\[r\\]: javascript:alert(1)\n\\[s\\]: https://ok.example');
  });
});

describe('safe links', () => {
  it('accepts web, mail and relative links and refuses other schemes, however written', () => {
    for (const url of ['https://a.example', 'http://a.example/x?y#z', 'mailto:a@b.example', './evidence/x.pdf', '../x.md', 'docs/x.md', '#anchor', '/abs/path']) {
      expect(isSafeUrl(url), url).toBe(true);
    }
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', '\u0000javascript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://x.example', 'vscode://x', 'command:workbench.action.quit', '', '\\\\host\\share']) {
      expect(isSafeUrl(url), JSON.stringify(url)).toBe(false);
    }
  });

  it('decodes character references and backslash escapes before judging a scheme, as a Markdown renderer follows them', async () => {
    const encoded = ['java&#115;cript:alert(1)', 'java&#x73;cript:alert(1)', 'javascript&colon;alert(1)', 'javascript\\:alert(1)', '&#106;avascript:alert(1)', 'data&colon;text/html,x'];
    for (const url of encoded) expect(isSafeUrl(url), url).toBe(false);
    // What the policy judged is what CommonMark would follow.
    const md = new MarkdownIt();
    for (const url of encoded) expect(md.normalizeLink(md.utils.unescapeAll(url)).toLowerCase(), url).toMatch(/^(javascript|data):/);
    // Safe links written with references stay safe.
    for (const url of ['https://example.com/?a=1&amp;b=2', 'docs/a&#32;b.md', 'mailto&#58;a@b.example']) expect(isSafeUrl(url), url).toBe(true);
    // The rule fires, and no report makes them a link.
    const text = assessment.replace('- "javascript:alert(1)"', '- "java&#115;cript:alert(1)"').replace('url: "JaVaScRiPt:alert(1)"', 'url: "javascript&colon;alert(1)"');
    const analysis = await analyzeMemory({ 'h.yaml': `${rubric}---\n${text}` }, 'h.yaml');
    expect(analysis.diagnostics.filter((d) => d.code === 'unsafe-link').length).toBeGreaterThanOrEqual(4);
    const markdown = renderMarkdown(buildReport(analysis, 1));
    const links = [...new MarkdownIt().parse(markdown, {})].flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open').map((t) => t.attrGet('href') ?? '');
    expect(links.filter((href) => /^\s*(javascript|data|vbscript)/i.test(href))).toEqual([]);
    expect(markdown).not.toMatch(/\]\((java&#115;cript|javascript&colon;)/);
    expect(renderHtml(buildReport(analysis, 1), { mode: 'standalone' })).not.toMatch(/href="[^"]*(java&amp;#115;cript|javascript&amp;colon;)/);
  });

  it('renders free text with the shared markdown-it instance: no raw HTML, no unsafe link, no image', () => {
    expect(renderMarkdownText('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
    expect(renderMarkdownText('[x](javascript:alert(1)) <javascript:alert(1)>')).toBe('<p>[x](javascript:alert(1)) &lt;javascript:alert(1)&gt;</p>\n');
    expect(renderMarkdownText('![x](data:image/png;base64,AAAA)')).toBe('<p>![x](data:image/png;base64,AAAA)</p>\n');
    expect(renderMarkdownText('![cat](./cat.png)')).toBe('<p><a href="./cat.png"><span class="md-image">[image: cat]</span></a></p>\n');
    expect(renderMarkdownText('see https://example.com')).toBe('<p>see <a href="https://example.com" rel="noopener noreferrer">https://example.com</a></p>\n');
    expect(renderMarkdownText('# Heading')).toBe('<h4>Heading</h4>\n');
  });
});

describe('style hash', () => {
  it('matches SHA-256 from node:crypto, for the CSP hash of the standalone style', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'b'.repeat(56), 'c'.repeat(64), 'é – ✓ 🎉'.repeat(40)]) {
      const expected = crypto.createHash('sha256').update(text, 'utf8').digest('base64');
      expect(base64(sha256(new TextEncoder().encode(text)))).toBe(expected);
      expect(cspHash(text)).toBe(`'sha256-${expected}'`);
    }
  });
});
