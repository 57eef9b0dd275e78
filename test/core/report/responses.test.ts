/**
 * Several assessors in the reports: the report model (who answered, agreement per dimension and
 * overall, each criterion's answers by assessor), its JSON against the published schema, and the
 * Markdown and HTML renderings. Reports of assessments without responses carry none of it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/core/engine';
import { renderHtml, renderJson, renderMarkdown } from '../../../src/core/render';
import { buildReport } from '../../../src/core/report';
import type { ReportModel } from '../../../src/core/report/model';
import { analyzeFile, DiskFileHost } from '../../support/diskHost';
import { reportSchemaErrors } from '../../support/reportSchema';

const SAMPLES = path.join(__dirname, '../../../samples/kestrel');
const engine = new Engine(new DiskFileHost());

async function report(name: string): Promise<ReportModel> {
  return buildReport(await analyzeFile(path.join(SAMPLES, name), engine));
}

describe('the report of an assessment with several assessors (samples/kestrel/2026-06.digital-channels.assessment.yaml)', () => {
  it('lists who answered, when and how much, the rule, and the agreement over the scored dimensions', async () => {
    const a = (await report('2026-06.digital-channels.assessment.yaml')).assessment!;
    expect(a.responses).toMatchObject({
      consensus: 'median',
      assessors: [
        { id: 'amara', name: 'Amara Nwosu', role: 'Head of Digital Channels (self-assessment)', date: '2026-06-08', answers: 18 },
        { id: 'priya', name: 'Priya Raman', date: '2026-06-11', answers: 18 },
        { id: 'grace', name: 'Grace Whitfield', date: '2026-06-15', answers: 18 },
      ],
      agreement: { compared: 18, agreed: 15, widestSpread: 2 },
    });
    expect(a.responses!.assessors.every((x) => typeof x.sourceOffset === 'number')).toBe(true);
  });

  it('gives each dimension its agreement, and each criterion its answers by assessor, placed where each is written', async () => {
    const model = await report('2026-06.digital-channels.assessment.yaml');
    const text = readFileSync(path.join(SAMPLES, '2026-06.digital-channels.assessment.yaml'), 'utf8');
    const cyber = model.assessment!.dimensions.find((d) => d.id === 'cybersecurity')!;
    expect(cyber.agreement).toEqual({ compared: 4, agreed: 3, widestSpread: 2 });
    const tested = cyber.criteria.find((c) => c.id === 'cs-tested')!;
    expect(tested).toMatchObject({ answer: 'most', assessors: { agree: false, spread: 2, consensus: 'most', settled: false } });
    expect(tested.assessors!.answers.map((x) => [x.name, x.answer, x.credit])).toEqual([['Amara Nwosu', 'all', 1], ['Priya Raman', 'most', 0.5], ['Grace Whitfield', 'some', 0.25]]);
    expect(tested.assessors!.answers[2]!.note).toContain('not tracked to closure');
    // Each answer's offset is its key in that assessor's response; the criterion's is the scored (median) one.
    const at = (offset: number | undefined) => text.slice(offset, text.indexOf('\n', offset));
    expect(tested.assessors!.answers.map((x) => at(x.sourceOffset))).toEqual(['cs-tested:', 'cs-tested:', 'cs-tested:']);
    expect(text.slice(0, tested.sourceOffset).lastIndexOf('  priya:')).toBeGreaterThan(text.slice(0, tested.sourceOffset).lastIndexOf('  amara:'));
    const dataMap = model.assessment!.dimensions.find((d) => d.id === 'data-flow-and-storage')!.criteria.find((c) => c.id === 'dfs-data-map')!;
    expect(dataMap).toMatchObject({ answer: 'most', assessors: { agree: false, settled: true } });
    expect(at(dataMap.sourceOffset)).toBe('dfs-data-map:');
  });

  it('writes JSON that the report schema accepts', async () => {
    expect(reportSchemaErrors(renderJson(await report('2026-06.digital-channels.assessment.yaml')))).toEqual([]);
  });

  it('shows in Markdown the assessors, agreement per dimension and where they differ with their rationales', async () => {
    const md = renderMarkdown(await report('2026-06.digital-channels.assessment.yaml'));
    expect(md).toContain('## Assessors\n\n3 assessors, scored by the median of their answers (of two in the middle, the lower); they agree on 15 of 18 indicators two or more answered (widest spread 2 steps).');
    expect(md).toContain('| Amara Nwosu | Head of Digital Channels (self-assessment) | 2026-06-08 | 18 |');
    expect(md).toMatch(/\| Cybersecurity \| 3\.25 \| .* \| 3 of 4 ⚠️ \|/);
    expect(md).toMatch(/\| Technology infrastructure \| .* \| 3 of 3 \|/);
    expect(md).toContain('## Where assessors differ\n\n3 indicators answered a step or more apart:');
    expect(md).toContain('**Answers:** Amara Nwosu: all · Priya Raman: most · Grace Whitfield: some (assessors 2 steps apart; scored *most*)');
    expect(md).toContain('  - Grace Whitfield: Tests run, but four of the eleven findings');
    expect(md).toContain('(assessors 1 step apart; settled by the assessment; scored *most*)');
  });

  it('shows in HTML the assessors, an agreement column, the dimension\'s agreement and each differing answer, escaped', async () => {
    const html = renderHtml(await report('2026-06.digital-channels.assessment.yaml'), { mode: 'standalone' });
    expect(html).toContain('<section id="assessors"');
    expect(html).toContain('<th scope="col" class="num hide-narrow">Assessors agree</th>');
    expect(html).toContain('<span class="chip chip-warn">3 of 4</span>');
    expect(html).toContain('<li>Assessors <strong>agree on 3 of 4</strong></li>');
    expect(html).toContain('<section id="disagreements"');
    expect(html).toContain('Amara Nwosu: all · Priya Raman: most · Grace Whitfield: some');
    expect(html).toContain('<span class="chip chip-warn">assessors 2 steps apart</span>');
    expect(html).toContain('brokers&#39; document upload service');
  });
});

describe('the report of an assessment without responses', () => {
  it('carries no assessor facts and renders no assessor sections, as before', async () => {
    const model = await report('2026-03.nexgen-digital-services.assessment.yaml');
    const a = model.assessment!;
    expect(a.responses).toBeUndefined();
    expect(a.dimensions.every((d) => d.agreement === undefined && d.criteria.every((c) => c.assessors === undefined))).toBe(true);
    expect(renderMarkdown(model)).not.toMatch(/Assessors agree|## Assessors|Where assessors differ/);
    expect(renderHtml(model, { mode: 'standalone' })).not.toMatch(/Assessors agree|id="assessors"|id="disagreements"/);
  });
});
