/** What reports show of format 1.1: sub-group scores, criterion titles, unnamed levels, unmet dependencies. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderMarkdown } from '../../../src/core/render';
import { buildReport } from '../../../src/core/report';
import { analyzeFile } from '../../support/diskHost';

const SAMPLE = path.join(__dirname, '../../../samples/kestrel/secure-delivery.yaml');
const DEPENDENCY = path.join(__dirname, '../../../samples/invalid/dependency-not-met.assessment.yaml');

describe('reports of format 1.1 documents', () => {
  it('show each stream’s score beside its practice, and criterion titles before their text', async () => {
    const model = buildReport(await analyzeFile(SAMPLE), 1);
    const md = renderMarkdown(model);
    expect(md).toContain('## Stream scores\n\n- **Security testing**: Scalable baseline 1.25 · Deep understanding 1');
    expect(md).toContain('- **Manual review of risky changes**: Are changes to authentication reviewed by a second person? (level 1;');
    const html = renderHtml(model, { mode: 'standalone' });
    expect(html).toContain('<h4>Streams</h4><ul class="facts"><li>Scalable baseline <strong>1.25</strong></li><li>Deep understanding <strong>1</strong></li></ul>');
    expect(html).toContain('<strong>Tuned scanning</strong>: Are scan rules tuned');
    expect(model.assessment?.dimensions[0]?.subgroups?.map((s) => [s.id, s.score, s.criteria.length])).toEqual([['a', 1.25, 3], ['b', 1, 3]]);
  });

  it('show a rubric’s streams and its levels without names', async () => {
    const model = buildReport(await analyzeFile(SAMPLE), 0);
    expect(model.rubric?.levels.map((l) => [l.level, l.name])).toEqual([[0, undefined], [1, undefined], [2, undefined], [3, undefined]]);
    expect(renderMarkdown(model)).toContain('Streams: Scalable baseline (3 activities), Deep understanding (3 activities)');
    expect(renderHtml(model, { mode: 'standalone' })).toContain('<li>Stream Scalable baseline: 3 activities</li>');
  });

  it('name what a credited criterion waits for', async () => {
    const model = buildReport(await analyzeFile(DEPENDENCY), 1);
    const rollback = model.assessment?.dimensions[0]?.criteria.find((c) => c.id === 'ra-rollback-automated');
    expect(rollback?.blockedBy).toEqual(['ra-deploys-scripted']);
    // Markdown lists it among the problems (it is not a blocker of the next level here).
    expect(renderMarkdown(model)).toContain('`dependency-not-met`');
    expect(renderHtml(model, { mode: 'standalone' })).toContain('<span class="chip chip-warn">depends on ra-deploys-scripted, not met</span>');
  });
});
