import { describe, expect, it } from 'vitest';
import { csvTable, renderComparisonHtml, renderComparisonMarkdown, renderPortfolioCsv, renderPortfolioHtml, renderPortfolioMarkdown } from '../../../src/core/render';
import { scaleTone } from '../../../src/core/render/text';
import { compareUnits, unitKey } from '../../../src/core/views';
import { expectSafePage, tagsOf } from '../../support/report';
import { OPS_RUBRIC, opsAssessment, portfolioOf } from '../../support/portfolio';

const HOSTILE = '<script>alert(1)</script> @org/team ::error::x ##[group] =HYPERLINK("http://x") \u202e';

async function hostilePortfolio() {
  const model = await portfolioOf({
    'ops.rubric.yaml': OPS_RUBRIC,
    'a-1.assessment.yaml': opsAssessment(HOSTILE, '2025-03-31', [2, 2, 2], { group: JSON.stringify(`${HOSTILE} group`), id: 'a-1' }),
    'a-2.assessment.yaml': opsAssessment(HOSTILE, '2026-03-31', [3, 3, 2], { group: JSON.stringify(`${HOSTILE} group`), id: 'a-2' }),
    'b.assessment.yaml': opsAssessment('Plain', '2026-03-31', [1, 2, 4]),
  });
  expect(model.notices).toEqual([]);
  return model;
}

describe('portfolio renderings', () => {
  it('show a few notices each on its own, and many folded into one that opens, so the heatmap stays near the top', async () => {
    const files: Record<string, string> = { 'ops.rubric.yaml': OPS_RUBRIC, 'a.assessment.yaml': opsAssessment('A', '2026-03-31', [2, 2, 2]) };
    const broken = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}.assessment.yaml`, opsAssessment(`X${i}`, '2026-03-31', [2, 2, 2], { rubric: './missing.rubric.yaml' })]));
    const few = renderPortfolioHtml(await portfolioOf({ ...files, ...broken(3) }), { mode: 'standalone' });
    expect(few.match(/<p class="notice" role="status">x\d\.assessment\.yaml is left out/g)).toHaveLength(3);
    expect(few).not.toContain('<details class="notice">');
    const many = renderPortfolioHtml(await portfolioOf({ ...files, ...broken(4) }), { mode: 'standalone' });
    expect(many).not.toContain('<p class="notice"');
    expect(many).toMatch(/<details class="notice"><summary>4 notes on files left out or not fully used<\/summary><ul class="item-list">(<li>x\d\.assessment\.yaml is left out[^<]*<\/li>){4}<\/ul><\/details>/);
    expect(many.indexOf('<details class="notice">')).toBeLessThan(many.indexOf('<table class="heatmap">'));
  });

  it('colour a level by its side of the threshold: warm below it, cool at or over it', () => {
    const scale = { minLevel: 1, maxLevel: 5, threshold: { level: 3 } };
    expect([1, 2, 3, 4, 5].map((l) => scaleTone(l, scale))).toEqual([0, 2, 3, 3, 4]);
    expect([0, 1, 2, 3].map((l) => scaleTone(l, { minLevel: 0, maxLevel: 3, threshold: { level: 2 } }))).toEqual([0, 2, 3, 4]);
    expect([1, 2, 3, 4, 5].map((l) => scaleTone(l, { minLevel: 1, maxLevel: 5 }))).toEqual([0, 1, 2, 3, 4]);
  });

  it('escape what units and groups are called in Markdown: no tag, mention, log command or formula survives', async () => {
    const md = renderPortfolioMarkdown(await hostilePortfolio());
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('@org/team');
    expect(md).not.toMatch(/##\[/);
    expect(md).not.toMatch(/^\s*::/m);
    expect(md).not.toContain('\u202e');
    expect(md).toContain('&lt;script&gt;');
  });

  it('escape them in HTML, whose standalone page runs nothing and points at no file on the machine', async () => {
    const model = await hostilePortfolio();
    const html = renderPortfolioHtml(model, { mode: 'standalone' });
    expectSafePage(html, 'standalone');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('file:///');
    expect(tagsOf(html).some((t) => t.attrs.has('data-source-offset'))).toBe(false);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
  });

  it('give a webview each unit\u2019s file on its row and each cell\u2019s place in it, for a click to open', async () => {
    const model = await portfolioOf({ 'ops.rubric.yaml': OPS_RUBRIC, 'a.assessment.yaml': opsAssessment('A', '2026-03-31', [2, 3, 1]) });
    const html = renderPortfolioHtml(model, { mode: 'webview', nonce: 'dGVzdC1ub25jZS0xMjM0NTY=', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/x.js' });
    expectSafePage(html, 'webview');
    const row = tagsOf(html).find((t) => t.name === 'tr' && t.attrs.has('data-uri'));
    expect(row?.attrs.get('data-uri')).toBe('file:///ws/a.assessment.yaml');
    const offsets = tagsOf(html).filter((t) => t.name === 'td' && t.attrs.has('data-source-offset')).map((t) => Number(t.attrs.get('data-source-offset')));
    expect(offsets).toEqual(model.tables[0]!.units[0]!.dimensions.map((c) => c.sourceOffset));
  });

  it('write CSV a spreadsheet opens without running a formula, one line per unit and column', async () => {
    const csv = renderPortfolioCsv(await hostilePortfolio());
    const lines = csv.split('\r\n').filter(Boolean);
    // A header, then per unit: overall, 2 groups, 3 dimensions.
    expect(lines).toHaveLength(1 + 2 * 6);
    expect(lines[0]).toBe('rubric,rubric_version,organization,group,unit,date,file,kind,id,title,score,level,target,gap,state,threshold_reached,previous_date,previous_score,percent_to_target,progress_to_date');
    expect(csv).not.toContain('\u202e');
    expect(csv).not.toMatch(/##\[/);
    expect(csvTable(['a'], [['=1+1'], ['-2'], ['say "hi", then go'], [3.25], [undefined], [true]])).toBe('a\r\n\'=1+1\r\n\'-2\r\n"say ""hi"", then go"\r\n3.25\r\n\r\ntrue\r\n');
  });

  it('word a comparison as peers side by side, never as a change', async () => {
    const portfolio = await portfolioOf({
      'ops.rubric.yaml': OPS_RUBRIC,
      'a.assessment.yaml': opsAssessment('A', '2026-03-31', [3, 2, 2]),
      'b.assessment.yaml': opsAssessment('B', '2026-03-31', [2, 2, 3]),
    });
    const model = compareUnits(portfolio, [unitKey({ organization: 'Acme', unit: 'A' }), unitKey({ organization: 'Acme', unit: 'B' })]);
    const md = renderComparisonMarkdown(model);
    const html = renderComparisonHtml(model, { mode: 'standalone' });
    expectSafePage(html, 'standalone');
    // The page's words, not its style sheet (whose ::before is CSS).
    for (const text of [md, html.replace(/<style[^>]*>[^]*?<\/style>/, '')]) {
      expect(text).not.toMatch(/\b(fell|fall|falls|moved|moves|dropped|rose|before|after|since)\b/i);
      expect(text).not.toMatch(/[▲▼]/);
    }
    expect(md).toContain('| Release | 🟩 3 / 3 ✓ ★ | 🟨 2 / 3 | A | 1 |');
    expect(md).toContain('| Testing | 🟨 2 / 3 | 🟨 2 / 3 | all equal | 0 |');
  });
});
