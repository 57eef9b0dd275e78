/** The one rule of benchmarks (issue 22): a figure gives a verdict only when it measured the metric's own quantity. */
import { describe, expect, it } from 'vitest';
import { benchmarkRole, meetsBenchmark, sameQuantity } from '../../../src/core/domain/benchmarks';
import { hoverAt } from '../../../src/core/language/hover';
import { buildReport } from '../../../src/core/report';
import { renderHtml, renderMarkdown } from '../../../src/core/render';
import { analyzeMemory, yaml } from '../../support/memory';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';
import { cursor, DESK_ASSESSMENT, FILES, snapshotFor } from '../../support/languageFixtures';

const metric = (quantity: string | undefined, higherIsBetter = true) => ({
  name: 'Share of support interactions that are self-service',
  higherIsBetter,
  benchmark: { value: 71, ...(quantity !== undefined ? { quantity } : {}) },
});

describe('a benchmark', () => {
  it('gives a verdict when its quantity is the metric’s name, ignoring case, spacing and a final full stop', () => {
    expect(benchmarkRole(metric('Share of support interactions that are self-service'))).toBe('verdict');
    expect(benchmarkRole(metric('  share of support  interactions that are SELF-SERVICE.'))).toBe('verdict');
    expect(sameQuantity('Abandoned calls', 'abandoned\tcalls.')).toBe(true);
  });

  it('is context when it measured something else, or does not say what it measured', () => {
    expect(benchmarkRole(metric('Share of high performers that expect to adopt self-service'))).toBe('context');
    expect(benchmarkRole(metric(undefined))).toBe('context');
    expect(benchmarkRole({ name: 'x' })).toBeUndefined();
  });

  it('judges a value only as a verdict: equal meets, in the metric’s direction', () => {
    const same = 'Share of support interactions that are self-service';
    expect([70, 71, 72].map((v) => meetsBenchmark(metric(same), v))).toEqual([false, true, true]);
    expect([70, 71, 72].map((v) => meetsBenchmark(metric(same, false), v))).toEqual([true, true, false]);
    expect(meetsBenchmark(metric(same), undefined)).toBeUndefined();
    expect([10, 90].map((v) => meetsBenchmark(metric('Something else'), v))).toEqual([undefined, undefined]);
  });
});

describe('a context benchmark in reports and hovers', () => {
  const RUBRIC = rubricYaml(yaml`
    levels: [{ level: 1 }, { level: 2 }]
    dimensions:
      - id: intake
        title: Intake
        criteria: [{ id: portal, text: A portal takes requests., level: 2 }]
        metrics:
          - { id: share, name: Self-service share, unit: percent, benchmark: { value: 85, quantity: Share of high performers that value self-service, source: A survey, year: 2016 } }
          - { id: fcr, name: First-contact resolution, unit: percent, benchmark: { value: 70, quantity: First-contact resolution, population: Desks surveyed, source: A survey } }
  `);
  const ASSESSMENT = assessmentYaml(yaml`
    dimensions:
      intake:
        answers: { portal: yes }
        metrics: { share: 20, fcr: 64 }
  `);

  it('never prints a verdict against a figure that measured something else', async () => {
    const model = buildReport(await analyzeMemory({ 'desk.rubric.yaml': RUBRIC, 'a.yaml': ASSESSMENT }, 'a.yaml'));
    const [share, fcr] = model.assessment!.dimensions[0]!.metrics;
    expect([share?.benchmark?.role, share?.meetsBenchmark, fcr?.benchmark?.role, fcr?.meetsBenchmark]).toEqual(['context', undefined, 'verdict', false]);
    const md = renderMarkdown(model);
    expect(md).toContain('| Self-service share | Intake | 20 percent | 85 percent | ℹ️ context | A survey, 2016<br>*For context only: the figure measures share of high performers that value self-service, not this metric.* |');
    expect(md).toContain('| First-contact resolution | Intake | 64 percent | ≥ 70 percent | 🔴 below | A survey · Desks surveyed |');
    expect(md.match(/🔴 below/g)).toHaveLength(1);
    const html = renderHtml(model, { mode: 'standalone' });
    expect(html).toContain('<span class="badge tone-neutral">Context</span>');
    // Each metric shows in its dimension's details and in the table of all metrics.
    expect(html.match(/>Below</g)).toHaveLength(2);
    expect(html.match(/>Context</g)).toHaveLength(2);
  });

  it('says so in the hover of a metric', async () => {
    const rubric = FILES['desk.rubric.yaml']!.replace('benchmark: { value: 40 }', 'benchmark: { value: 40, quantity: Share of desks with a portal, source: Survey, year: 2024 }');
    const at = cursor(DESK_ASSESSMENT.replace('      catalogue: some\n', '      catalogue: some\n    metrics: { deflec‸tion: 30 }\n'));
    const context = hoverAt(await snapshotFor('acme.assessment.yaml', at.text, { ...FILES, 'desk.rubric.yaml': rubric }), at.offset);
    expect(context?.markdown).toContain('Benchmark: 40 percent, Survey, 2024. For context only: the figure measures share of desks with a portal, not this metric.');
    const same = rubric.replace('quantity: Share of desks with a portal', 'quantity: Self-service share');
    const verdict = hoverAt(await snapshotFor('acme.assessment.yaml', at.text, { ...FILES, 'desk.rubric.yaml': same }), at.offset);
    expect(verdict?.markdown).toContain('Benchmark: ≥ 40 percent (higher is better), Survey, 2024');
  });
});
