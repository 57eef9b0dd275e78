/**
 * The score history's chart and table (issue 22): only what was assessed is listed, lines with
 * equal values are told apart, and each point says how much of the rubric its score covers.
 */
import { describe, expect, it } from 'vitest';
import { renderHistoryHtml } from '../../../src/core/render/html/history';
import { renderHistoryMarkdown } from '../../../src/core/render/markdown/history';
import { buildHistory, historyPoint, type HistoryPoint } from '../../../src/core/review/history';
import type { FileAnalysis } from '../../../src/core/engine';
import { analyzeMemory, yaml } from '../../support/memory';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';

const RUBRIC = rubricYaml(yaml`
  levels: [{ level: 1 }, { level: 2 }, { level: 3 }]
  dimensions:
    - { id: intake, title: Intake, criteria: [{ id: portal, text: A portal., level: 2 }] }
    - { id: knowledge, title: Knowledge, criteria: [{ id: kb, text: A knowledge base., level: 2 }] }
    - { id: vendors, title: Vendors, criteria: [{ id: reviews, text: Reviews., level: 2 }] }
    - { id: people, title: People, criteria: [{ id: plans, text: Plans., level: 2 }] }
`);

async function version(date: string, dimensions: string, header = ''): Promise<FileAnalysis> {
  const text = assessmentYaml(`${header}dimensions:\n${dimensions}`, { date });
  return analyzeMemory({ 'desk.rubric.yaml': RUBRIC, 'a.yaml': text }, 'a.yaml');
}

async function history() {
  // Intake and knowledge move together (equal at every point, and to the overall score until
  // vendors joins at the last point); people is never assessed.
  const versions = [
    await version('2025-03-31', '  intake: { answers: { portal: no } }\n  knowledge: { answers: { kb: no } }\n'),
    await version('2025-09-30', '  intake: { answers: { portal: yes } }\n  knowledge: { answers: { kb: yes } }\n'),
    await version('2026-03-31', '  intake: { answers: { portal: yes } }\n  knowledge: { answers: { kb: yes } }\n  vendors: { answers: { reviews: no } }\n'),
  ];
  const points = versions.map((v, i) => historyPoint(v, { date: ['2025-03-31', '2025-09-30', '2026-03-31'][i] as string, path: 'a.yaml' }) as HistoryPoint);
  return buildHistory('date', points, versions[versions.length - 1]);
}

describe('a score history', () => {
  it('lists only the dimensions assessed at some point, and what each point covers', async () => {
    const h = await history();
    expect(h.dimensions.map((d) => d.id)).toEqual(['intake', 'knowledge', 'vendors']);
    expect(h.points.map((p) => p.coverage)).toEqual([{ scored: 2, total: 4 }, { scored: 2, total: 4 }, { scored: 3, total: 4 }]);
    const md = renderHistoryMarkdown(h);
    expect(md).toContain('| Date | File | Overall | Intake | Knowledge | Vendors |');
    expect(md).toContain('| 2025-09-30 | `a.yaml` | 2 (▲ +1), 2 of 4 assessed | 2 | 2 | – |');
    expect(md).not.toContain('People');
  });

  it('draws equal lines apart: the overall line under the others, dashes, marker shapes, and a legend that says which lie on which', async () => {
    const html = renderHistoryHtml(await history());
    const legend = /<ul class="legend">(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(legend.match(/<li>.*?<\/li>/g)?.map((li) => li.replace(/^<li><svg.*?<\/svg> /, '').replace(/<\/li>$/, ''))).toEqual([
      'Overall',
      'Intake',
      'Knowledge <span class="muted">(on the Intake line throughout)</span>',
      'Vendors',
    ]);
    // The overall line is drawn first, so the thinner lines on it stay visible; each has its own dash pattern and marker.
    const polylines = [...html.matchAll(/<polyline [^>]*>/g)].map((m) => m[0]);
    expect(polylines.map((p) => /stroke-width="([\d.]+)"/.exec(p)?.[1])).toEqual(['3', '1.5', '1.5']);
    expect(polylines.map((p) => /stroke-dasharray="([^"]+)"/.exec(p)?.[1])).toEqual([undefined, undefined, '7 4']);
    expect(html).toContain('<title>Knowledge: 2 (as Overall, Intake)</title></rect>');
    expect(html).toContain('<title>Vendors: 1</title></polygon>');
  });

  it('shows how old the evidence was at each point', async () => {
    const dimensions = '  intake: { answers: { portal: { answer: yes, evidence: [{ url: ./portal.md, asOf: 2025-01-01 }] } } }\n';
    const versions = [await version('2025-03-31', dimensions, 'evidenceValidFor: P12M\n'), await version('2026-03-31', dimensions, 'evidenceValidFor: P12M\n')];
    const points = versions.map((v, i) => historyPoint(v, { date: ['2025-03-31', '2026-03-31'][i] as string, path: 'a.yaml' }) as HistoryPoint);
    const h = buildHistory('date', points, versions[1]);
    expect(h.points.map((p) => [p.evidence?.medianDays, p.evidence?.stale])).toEqual([[89, 0], [454, 1]]);
    const md = renderHistoryMarkdown(h);
    expect(md).toContain('| Date | File | Overall | Evidence age | Intake |');
    expect(md).toContain('| 2025-03-31 | `a.yaml` | 2, 1 of 4 assessed | median 3 months | 2 |');
    expect(md).toContain('| 2026-03-31 | `a.yaml` | 2, 1 of 4 assessed | median 15 months, 1 stale | 2 |');
    expect(renderHistoryHtml(h)).toContain('<th scope="col">Evidence age</th>');
  });
});
