/**
 * The patch between two report bodies (src/core/render/html/bodyPatch.ts): applied to the body a
 * page shows, it must give the new body exactly, and it must be small where the change is small.
 * Checked on reports of the samples and of the benchmark's generated assessment, edit by edit.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_RUBRIC_FILE, generateBenchDocuments } from '../../../bench/generate';
import { Engine } from '../../../src/core/engine';
import { previewReport } from '../../../src/core/render';
import { applyBodyPatch, bodyPatch, shiftOffsets } from '../../../src/core/render/html/bodyPatch';
import { buildReport } from '../../../src/core/report';
import { MemoryFileHost } from '../../../src/core/resolve/host';

const SAMPLES = path.join(__dirname, '../../../samples/kestrel');

/** The preview body of `text` (an assessment of `rubric`, when it names ./rubric.yaml). */
async function bodyOf(text: string, files: Record<string, string> = {}): Promise<string> {
  const host = new MemoryFileHost(new Map(Object.entries({ ...files, 'entry.yaml': text }).map(([p, t]) => [`file:///ws/${p}`, t])));
  const report = previewReport(buildReport(await new Engine(host).analyze('file:///ws/entry.yaml', text)));
  if (report.body === undefined) throw new Error('no body');
  return report.body;
}

/** Checks that the patch from `before` to `after` exists (whatever its size), is exact, and carries at most `share` of the new body. */
function expectExactPatch(before: string, after: string, share: number): NonNullable<ReturnType<typeof bodyPatch>> {
  const patch = bodyPatch(before, after, 1);
  expect(patch, 'a patch').toBeDefined();
  expect(applyBodyPatch(before, patch!)).toBe(after);
  const size = patch!.replace.reduce((sum, r) => sum + r.html.length, 0);
  expect(size / after.length).toBeLessThanOrEqual(share);
  return patch!;
}

describe('bodyPatch on reports', () => {
  it('gives nothing to do for the same body', async () => {
    const body = await bodyOf(readFileSync(path.join(SAMPLES, '2026-03.nexgen-digital-services.assessment.yaml'), 'utf8'));
    expect(bodyPatch(body, body)).toEqual({ replace: [] });
  });

  it('turns each one-answer change of a sample into an exact patch, whatever moves in the report (scores, levels, charts, tables)', async () => {
    const text = readFileSync(path.join(SAMPLES, '2026-03.nexgen-digital-services.assessment.yaml'), 'utf8');
    const before = await bodyOf(text);
    // Each of these moves a score, a level, a chart and the tables; the longer answer moves every offset after it.
    for (const [from, to] of [
      ['vs-financial-returns: some', 'vs-financial-returns: all'],
      ['cs-accountable-owner: all', 'cs-accountable-owner: none'],
      ['ea-boundaries-understood: some', 'ea-boundaries-understood: most'],
    ] as const) {
      expect(text).toContain(from);
      const after = await bodyOf(text.replace(from, to));
      const patch = expectExactPatch(before, after, 1);
      expect(patch.replace.length).toBeGreaterThan(0);
    }
  });

  it('follows an edit that only moves the text (a comment added) with a shift of the offsets, replacing only what names lines', async () => {
    const text = readFileSync(path.join(SAMPLES, '2026-03.seven-attributes.assessment.yaml'), 'utf8');
    const before = await bodyOf(text);
    const after = await bodyOf(text.replace('dimensions:\n', '# interviews: see the wiki\ndimensions:\n'));
    const patch = expectExactPatch(before, after, 0.05);
    // The problems list names lines, which moved; nothing else changed.
    expect(patch.replace.every((r) => !r.html.includes('class="card'))).toBe(true);
    expect(patch.shift).toEqual({ from: expect.any(Number), by: '# interviews: see the wiki\n'.length });
  });

  it('keeps the patch of a change in the middle of a 5,000-line assessment to a few kilobytes of a megabyte', async () => {
    const docs = generateBenchDocuments(5000);
    const lines = docs.assessment.split('\n');
    const at = lines.findIndex((l, i) => i > lines.length / 2 && /^ {8}answer: yes$/.test(l));
    const files = { [BENCH_RUBRIC_FILE]: docs.rubric };
    const assessment = docs.assessment.replace(`rubric: ./${BENCH_RUBRIC_FILE}`, `rubric: ./${BENCH_RUBRIC_FILE}`);
    const before = await bodyOf(assessment, files);
    const after = await bodyOf(lines.map((l, i) => (i === at ? l.replace('yes', 'no') : l)).join('\n'), files);
    expect(before.length).toBeGreaterThan(500_000);
    const patch = expectExactPatch(before, after, 0.02);
    expect(patch.shift?.by).toBe(-1);
  });

  it('sends the body whole when most of it changed', async () => {
    const before = await bodyOf(readFileSync(path.join(SAMPLES, '2026-03.nexgen-digital-services.assessment.yaml'), 'utf8'));
    const after = await bodyOf(readFileSync(path.join(SAMPLES, '2026-03.seven-attributes.assessment.yaml'), 'utf8'));
    expect(bodyPatch(before, after)).toBeUndefined();
    // A small change of a small report is worth a patch only when it is small against the body.
    const text = readFileSync(path.join(SAMPLES, '2026-03.nexgen-digital-services.assessment.yaml'), 'utf8');
    const changed = await bodyOf(text.replace('vs-financial-returns: some', 'vs-financial-returns: all'));
    const patch = bodyPatch(before, changed);
    if (patch) expect(patch.replace.reduce((n, r) => n + r.html.length, 0)).toBeLessThanOrEqual(changed.length / 2);
  });
});

describe('bodyPatch on the renderer\'s HTML, case by case', () => {
  const row = (offset: number, text: string) => `<tr data-source-offset="${offset}" tabindex="0"><td>${text}</td></tr>`;
  const page = (rows: string, extra = '') => `<main class="report"><h1>Report</h1><table><tbody>${rows}</tbody></table>${extra}</main>`;
  const filler = 'x'.repeat(3000);

  it('replaces the one row that changed, by its path of child indices, and shifts the offsets after the edit', () => {
    const before = page(row(10, `a${filler}`) + row(20, 'b') + row(30, `c${filler}`));
    const after = page(row(10, `a${filler}`) + row(21, 'B') + row(31, `c${filler}`));
    const patch = expectExactPatch(before, after, 0.05);
    expect(patch.shift).toEqual({ from: 20, by: 1 });
    expect(patch.replace).toEqual([{ path: [1, 0, 1], html: row(21, 'B') }]);
    expect(bodyPatch(before, after)).toEqual(patch);
  });

  it('does not take a move that holds for only some offsets: the rows it would spoil are replaced', () => {
    const before = page(row(10, `a${filler}`) + row(20, 'b') + row(30, 'c'));
    // 20 stayed while 30 moved and 10 moved back: no single edit does that.
    const after = page(row(12, `a${filler}`) + row(20, 'b') + row(29, 'c'));
    const patch = bodyPatch(before, after);
    if (patch) expect(applyBodyPatch(before, patch)).toBe(after);
    expect(patch?.shift).toBeUndefined();
  });

  it('never replaces a part of an SVG image (a page would parse it as HTML): the whole image goes', () => {
    const svg = (x: number) => `<svg class="bar" width="100%" height="18" role="img"><rect x="${x}" y="0" width="10" height="10"/><text x="1">${filler}</text></svg>`;
    const before = `<main>${svg(1)}<p>${filler}${filler}</p></main>`;
    const after = `<main>${svg(2)}<p>${filler}${filler}</p></main>`;
    const patch = expectExactPatch(before, after, 0.5);
    expect(patch.replace.map((r) => r.html.slice(0, 4))).toEqual(['<svg']);
  });

  it('reads void elements, self-closed elements and comments, and refuses what is not one well-formed element', () => {
    const before = `<main><p>a<br>b</p><!-- c --><img src="x"><div>${filler}</div><p>x</p></main>`;
    const after = `<main><p>a<br>b</p><!-- c --><img src="x"><div>${filler}</div><p>y</p></main>`;
    // A comment is not an element: the page's `children` do not count it either.
    expect(expectExactPatch(before, after, 0.1).replace).toEqual([{ path: [3], html: '<p>y</p>' }]);
    expect(bodyPatch('<main><p>unclosed</main>', '<main><p>x</p></main>')).toBeUndefined();
    expect(bodyPatch('<main></main><aside></aside>', '<main>x</main>')).toBeUndefined();
    expect(bodyPatch('text', '<main></main>')).toBeUndefined();
  });

  it('moves offsets as a page does: from `from` on, by `by`', () => {
    expect(shiftOffsets('<a data-source-offset="5"></a><b data-source-offset="50"></b>', { from: 10, by: -3 })).toBe('<a data-source-offset="5"></a><b data-source-offset="47"></b>');
  });
});
