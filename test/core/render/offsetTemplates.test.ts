/**
 * Parts of a report rendered once per content (src/core/render/html/offsetTemplates.ts): a part
 * that only moved in the text is not rendered again, and its HTML carries its new offsets.
 */
import { describe, expect, it } from 'vitest';
import { escapeHtml, sourceAttrs } from '../../../src/core/render/html/escape';
import { OffsetTemplates } from '../../../src/core/render/html/offsetTemplates';

interface Part {
  readonly title: string;
  readonly sourceOffset?: number;
  readonly rows: readonly { readonly text: string; readonly sourceOffset?: number }[];
}

/** As the report renderer writes a part: text escaped, offsets as attributes. */
const html = (p: Part) => `<article${sourceAttrs(p.sourceOffset)}><h3>${escapeHtml(p.title)}</h3>${p.rows.map((r) => `<p${sourceAttrs(r.sourceOffset)}>${escapeHtml(r.text)}</p>`).join('')}</article>`;

describe('OffsetTemplates', () => {
  it('renders a part once, and gives the same HTML as rendering it, with the offsets it has now', () => {
    const templates = new OffsetTemplates<Part>(100);
    let renders = 0;
    const render = (p: Part) => (renders++, html(p));
    const part: Part = { title: 'Intake', sourceOffset: 100, rows: [{ text: 'portal', sourceOffset: 120 }, { text: 'no place' }, { text: 'catalogue', sourceOffset: 140 }] };
    expect(templates.render(part, 'n=1', render)).toBe(html(part));
    const moved: Part = { title: 'Intake', sourceOffset: 99, rows: [{ text: 'portal', sourceOffset: 119 }, { text: 'no place' }, { text: 'catalogue', sourceOffset: 139 }] };
    expect(templates.render(moved, 'n=1', render)).toBe(html(moved));
    expect(renders).toBe(1);
  });

  it('renders again when the content, the context or the places that have offsets change', () => {
    const templates = new OffsetTemplates<Part>(100);
    let renders = 0;
    const render = (p: Part) => (renders++, html(p));
    const part: Part = { title: 'Intake', sourceOffset: 100, rows: [{ text: 'portal', sourceOffset: 120 }] };
    templates.render(part, 'n=1', render);
    const renamed = { ...part, title: 'Intake & triage' };
    expect(templates.render(renamed, 'n=1', render)).toBe(html(renamed));
    expect(templates.render(part, 'n=2', render)).toBe(html(part));
    const unplaced: Part = { title: 'Intake', sourceOffset: 100, rows: [{ text: 'portal' }] };
    expect(templates.render(unplaced, 'n=1', render)).toBe(html(unplaced));
    expect(renders).toBe(4);
  });

  it('is not fooled by text that looks like an offset field', () => {
    const templates = new OffsetTemplates<Part>(100);
    const tricky: Part = { title: '"sourceOffset":7 data-source-offset="7"', sourceOffset: 5, rows: [] };
    expect(templates.render(tricky, '', html)).toBe(html(tricky));
    expect(templates.render({ ...tricky, sourceOffset: 6 }, '', html)).toBe(html({ ...tricky, sourceOffset: 6 }));
  });
});
