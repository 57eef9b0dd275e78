/**
 * Evidence with dates (issue 22): an entry may say when it was true (`asOf`); the rubric or the
 * assessment says how long evidence stays current (`evidenceValidFor`); older evidence is stale.
 * Each case both ways: fresh, stale, undated, and without a validity, with the rubric letting
 * stale evidence keep its credit (the default) and taking it away (`staleEvidence: noCredit`).
 */
import { describe, expect, it } from 'vitest';
import { addDuration, evidenceAge, evidenceFreshness, evidencePolicy, parseDuration, summarizeAges } from '../../../src/core/domain/evidence';
import type { AssessmentDocumentAnalysis } from '../../../src/core/engine';
import { renderHtml, renderMarkdown } from '../../../src/core/render';
import { buildReport } from '../../../src/core/report';
import { formatAge } from '../../../src/core/text/age';
import { analyzeMemory, codesAt, yaml } from '../../support/memory';
import { rubricYaml } from '../../support/fixtures';

describe('durations and dates', () => {
  it('reads ISO 8601 durations of whole units, and nothing else', () => {
    expect(parseDuration('P12M')).toEqual({ years: 0, months: 12, weeks: 0, days: 0 });
    expect(parseDuration('P1Y6M2W3D')).toEqual({ years: 1, months: 6, weeks: 2, days: 3 });
    for (const bad of ['P', 'PT12H', '12M', 'P1.5Y', 'P1M1Y', 'p12m']) expect(parseDuration(bad), bad).toBeUndefined();
  });

  it('adds them as a calendar does, keeping to the end of a shorter month', () => {
    expect(addDuration('2025-03-31', parseDuration('P12M')!)).toBe('2026-03-31');
    expect(addDuration('2024-01-31', parseDuration('P1M')!)).toBe('2024-02-29');
    expect(addDuration('2024-02-29', parseDuration('P1Y')!)).toBe('2025-02-28');
    expect(addDuration('2025-12-25', parseDuration('P1W')!)).toBe('2026-01-01');
    expect(addDuration('2025-11-30', parseDuration('P2M1D')!)).toBe('2026-01-31');
  });

  it('says ages as people do', () => {
    expect([0, 1, 45, 61, 365, 400, 730, 800, -3].map(formatAge)).toEqual(['0 days', '1 day', '45 days', '2 months', '12 months', '13 months', '2 years', '2 years 2 months', 'dated 3 days later']);
  });
});

describe('the age of an entry', () => {
  const policy = evidencePolicy({ evidenceValidFor: 'P12M' }, undefined);
  const dated = (asOf: string) => ({ url: './e.md', asOf });

  it('is stale only when older than the validity on the assessment’s date', () => {
    expect(evidenceAge(dated('2025-03-31'), '2026-03-31', policy)).toEqual({ asOf: '2025-03-31', days: 365, validUntil: '2026-03-31', stale: false });
    expect(evidenceAge(dated('2025-03-30'), '2026-03-31', policy)).toMatchObject({ days: 366, stale: true });
    expect(evidenceAge(dated('2026-04-02'), '2026-03-31', policy)).toMatchObject({ days: -2, stale: false });
  });

  it('has an age without a validity, and none without a real date', () => {
    expect(evidenceAge(dated('2020-01-01'), '2026-03-31', evidencePolicy(undefined, undefined))).toEqual({ asOf: '2020-01-01', days: 2281 });
    expect(evidenceAge('https://e.example', '2026-03-31', policy)).toBeUndefined();
    expect(evidenceAge({ url: './e.md' }, '2026-03-31', policy)).toBeUndefined();
    expect(evidenceAge(dated('2025-02-30'), '2026-03-31', policy)).toBeUndefined();
  });

  it('makes a list current when one entry is, stale when all are, undated otherwise', () => {
    const on = '2026-03-31';
    expect(evidenceFreshness([dated('2024-01-01'), dated('2026-01-01')], on, policy)).toBe('current');
    expect(evidenceFreshness([dated('2024-01-01'), dated('2023-01-01')], on, policy)).toBe('stale');
    expect(evidenceFreshness([dated('2024-01-01'), './undated.md'], on, policy)).toBe('undated');
    expect(evidenceFreshness([], on, policy)).toBeUndefined();
    expect(evidenceFreshness([dated('2024-01-01')], on, evidencePolicy(undefined, undefined))).toBeUndefined();
  });

  it('takes the assessment’s validity over its rubric’s, and the credit rule from the rubric alone', () => {
    expect(evidencePolicy({ evidenceValidFor: 'P1Y', scoring: { method: 'gated', staleEvidence: 'noCredit' } }, 'P6M')).toMatchObject({ validFor: 'P6M', setBy: 'assessment', staleLosesCredit: true });
    expect(evidencePolicy({ evidenceValidFor: 'P1Y' }, undefined)).toMatchObject({ validFor: 'P1Y', setBy: 'rubric', staleLosesCredit: false });
    expect(evidencePolicy(undefined, undefined)).toEqual({ staleLosesCredit: false });
  });

  it('sums up into a median, the oldest and the stale count', () => {
    const ages = ['2026-01-01', '2025-01-01', '2024-01-01'].map((d) => evidenceAge(dated(d), '2026-03-31', policy));
    expect(summarizeAges([...ages, undefined], policy)).toEqual({ dated: 3, undated: 1, medianDays: 454, oldestDays: 820, stale: 2 });
  });
});

/** A gated desk rubric: the portal needs evidence, the knowledge base does not. */
const rubric = (extra = '') => rubricYaml(yaml`
  scoring: { method: gated${extra} }
  levels: [{ level: 1 }, { level: 2 }, { level: 3 }]
  dimensions:
    - id: intake
      title: Intake
      criteria:
        - { id: portal, text: A portal takes requests., level: 2, evidenceRequired: true }
        - { id: kb, text: A knowledge base exists., level: 3 }
`);

/** The assessment, with the portal's and the knowledge base's evidence as given. */
function assessment(portalEvidence: string, validity: string | undefined, kbEvidence = '[]'): string {
  return `apiVersion: rubrics-as-code/v1
kind: Assessment
id: a
rubric: ./desk.rubric.yaml
subject: { organization: Acme }
date: 2026-03-31
${validity ? `evidenceValidFor: ${validity}\n` : ''}dimensions:
  intake:
    answers:
      portal: { answer: yes, evidence: ${portalEvidence} }
      kb: { answer: yes, evidence: ${kbEvidence} }
`;
}

async function scored(text: string, rubricExtra = ''): Promise<{ doc: AssessmentDocumentAnalysis; codes: string[] }> {
  const analysis = await analyzeMemory({ 'desk.rubric.yaml': rubric(rubricExtra), 'a.yaml': text }, 'a.yaml');
  return { doc: analysis.documents[0] as AssessmentDocumentAnalysis, codes: codesAt(analysis).map((c) => c.replace(/@.*/, '')) };
}

const FRESH = '[{ url: ./portal.md, asOf: 2026-01-10 }]';
const STALE = '[{ url: ./portal.md, asOf: 2024-11-30 }]';
const UNDATED = '[./portal.md]';

describe('stale evidence in scores', () => {
  const cases = [
    // name, evidence, validity, stale warning, credit kept (default), credit kept (noCredit)
    ['fresh', FRESH, 'P12M', false, true, true],
    ['stale', STALE, 'P12M', true, true, false],
    ['undated', UNDATED, 'P12M', false, true, true],
    ['without a validity', STALE, undefined, false, true, true],
  ] as const;

  for (const [name, evidence, validity, warns, keeps, keepsUnderNoCredit] of cases) {
    it(`${name}: ${warns ? 'warns' : 'is silent'}, and keeps its credit ${keepsUnderNoCredit ? 'under either rule' : 'only where the rubric lets it'}`, async () => {
      for (const [extra, kept] of [['', keeps], [', staleEvidence: noCredit', keepsUnderNoCredit]] as const) {
        const { doc, codes } = await scored(assessment(evidence, validity), extra);
        expect(codes.includes('evidence-stale'), `${name}${extra}`).toBe(warns);
        const portal = doc.score!.dimensions[0]!.criteria.find((c) => c.id === 'portal')!;
        expect([portal.credit, portal.withdrawnCredit], `${name}${extra}`).toEqual(kept ? [1, undefined] : [0, 1]);
        // The portal is the level-2 ladder step: without its credit, intake falls to level 1.
        expect(doc.score!.dimensions[0]!.score, `${name}${extra}`).toBe(kept ? 3 : 1);
        // Either way the answer still counts as one that needs evidence, and has it.
        expect([doc.score!.evidenceCoverage.required, doc.score!.evidenceCoverage.provided]).toEqual([1, 1]);
      }
    });
  }

  it('takes no credit from a criterion that does not require evidence', async () => {
    const { doc } = await scored(assessment(FRESH, 'P12M', STALE), ', staleEvidence: noCredit');
    const kb = doc.score!.dimensions[0]!.criteria.find((c) => c.id === 'kb')!;
    expect([kb.credit, kb.evidenceFreshness, kb.withdrawnCredit]).toEqual([1, 'stale', undefined]);
  });

  it('counts current evidence among the answers that need it, and the ages behind the score', async () => {
    const stale = (await scored(assessment(STALE, 'P12M', FRESH))).doc.score!;
    expect(stale.evidenceCoverage).toEqual({ required: 1, provided: 1, ratio: 1, current: 0, currentRatio: 0, stale: 1 });
    expect(stale.evidenceAges).toEqual({ dated: 2, undated: 0, medianDays: (486 + 80) / 2, oldestDays: 486, stale: 1 });
    expect(stale.evidenceValidFor).toEqual({ duration: 'P12M', setBy: 'assessment' });
    const fresh = (await scored(assessment(FRESH, 'P12M'))).doc.score!;
    expect(fresh.evidenceCoverage).toMatchObject({ current: 1, currentRatio: 1, stale: 0 });
    // Without dates or a validity, nothing about ages is added: reports of older files stay as they were.
    const plain = (await scored(assessment(UNDATED, undefined))).doc.score!;
    expect(plain.evidenceCoverage).toEqual({ required: 1, provided: 1, ratio: 1 });
    expect([plain.evidenceAges, plain.evidenceValidFor]).toEqual([undefined, undefined]);
  });

  it('names the evidence, its age and the validity in the warning, and the lost credit', async () => {
    const analysis = await analyzeMemory({ 'desk.rubric.yaml': rubric(', staleEvidence: noCredit'), 'a.yaml': assessment(STALE, 'P12M') }, 'a.yaml');
    expect(analysis.diagnostics.find((d) => d.code === 'evidence-stale')?.message).toBe(
      'Evidence "./portal.md" is dated 2024-11-30, 16 months before this assessment (2026-03-31); this assessment holds evidence current for 12 months (P12M), so it stopped being current after 2025-11-30. The rubric lets stale evidence earn no credit, so the answer to "A portal takes requests." earns none until its evidence is renewed. Renew it and its asOf date, or replace it with current evidence.',
    );
  });
});

describe('stale evidence in reports', () => {
  it('shows each entry’s date and age, the current share and the ages behind the score', async () => {
    const analysis = await analyzeMemory({ 'desk.rubric.yaml': rubric(', staleEvidence: noCredit'), 'a.yaml': assessment(STALE, 'P12M', FRESH) }, 'a.yaml');
    const model = buildReport(analysis);
    const a = model.assessment!;
    expect(a.dimensions[0]!.criteria[0]!.evidence).toEqual([{ url: './portal.md', safe: true, asOf: '2024-11-30', ageDays: 486, validUntil: '2025-11-30', stale: true }]);
    expect([a.dimensions[0]!.criteria[0]!.evidenceFreshness, a.dimensions[0]!.criteria[0]!.withdrawnCredit]).toEqual(['stale', 1]);
    const md = renderMarkdown(model);
    expect(md).toContain('| 100% (1 of 1)<br>current 0% (0 of 1), 1 stale | median 9 months, oldest 16 months · 1 stale |');
    expect(md).toContain('## Evidence age\n\nMedian 9 months, oldest 16 months · 1 stale; evidence counts as current for 12 months after its date (P12M, set by the assessment).');
    expect(md).toContain('- [./portal.md](./portal.md) (as of 2024-11-30, 16 months old, stale ⚠️): A portal takes requests. (Intake) — *earns no credit while its evidence is stale*');
    const html = renderHtml(model, { mode: 'standalone' });
    expect(html).toContain('<span class="chip chip-warn">as of 2024-11-30, 16 months old, stale</span>');
    expect(html).toContain('<h2 id="evidence-age-h">Evidence age</h2>\n<p>Median 9 months, oldest 16 months · 1 stale; evidence counts as current for 12 months after its date (P12M, set by the assessment).</p><h3>Stale evidence</h3>');
    expect(html).toContain('<span class="chip chip-warn">evidence stale: no credit</span>');
    expect(html).toContain('<p class="card-detail">oldest 16 months · 1 stale</p><p class="card-detail">Evidence counts as current for 12 months after its date (P12M, set by the assessment)</p>');
    expect(html).toContain('<p class="card-label">Evidence age</p><p class="card-value">9 months <small>median</small></p>');
  });
});
