/**
 * Reports say what they cover (issue 22): an overall score over part of the rubric says "n of m
 * assessed" wherever it is shown, and a dimension the method caps below the top of the scale
 * names no next level but the cap, in the editor as in reports.
 */
import { describe, expect, it } from 'vitest';
import { codeLenses } from '../../../src/core/language/codeLens';
import { hoverAt } from '../../../src/core/language/hover';
import { summarize } from '../../../src/core/language/summary';
import { coverageLine } from '../../../src/core/render/text';
import { yaml } from '../../support/memory';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';
import { cursor, snapshotFor } from '../../support/languageFixtures';

const RUBRIC = rubricYaml(yaml`
  terms: { dimension: Capability, criterion: Practice }
  levels: [{ level: 1, name: Low }, { level: 2, name: Mid }, { level: 3, name: High }]
  dimensions:
    - id: intake
      title: Intake
      criteria: [{ id: portal, text: A portal takes requests., level: 2 }]
    - id: knowledge
      title: Knowledge
      criteria: [{ id: kb, text: A knowledge base exists., level: 2 }, { id: kb-curated, text: Articles are curated., level: 3 }]
    - id: vendors
      title: Vendors
      criteria: [{ id: reviews, text: Vendors are reviewed., level: 2 }]
`);

const assessment = (dimensions: string) => assessmentYaml(`dimensions:\n${dimensions}`);

describe('the coverage of an overall score', () => {
  it('is named with the reasons when the score covers part of the rubric, and not otherwise', () => {
    const counts = (c: Partial<Record<'scored' | 'not-applicable' | 'exempt' | 'not-assessed' | 'not-rated', number>>) => ({ scored: 0, 'not-applicable': 0, exempt: 0, 'not-assessed': 0, 'not-rated': 0, ...c });
    expect(coverageLine({ dimensionsScored: 2, dimensionsTotal: 7, dimensionStatusCounts: counts({ scored: 2, 'not-assessed': 5 }) }, 'Attribute')).toBe('2 of 7 attributes assessed (5 not assessed)');
    expect(coverageLine({ dimensionsScored: 3, dimensionsTotal: 6, dimensionStatusCounts: counts({ scored: 3, 'not-rated': 1, 'not-applicable': 1, exempt: 1 }) }, 'Area')).toBe('3 of 6 areas assessed (1 not rated, 1 not applicable, 1 exempt)');
    expect(coverageLine({ dimensionsScored: 4, dimensionsTotal: 4, dimensionStatusCounts: counts({ scored: 4 }) }, 'Attribute')).toBeUndefined();
  });

  it('reaches the status bar and the preview header through the summary', async () => {
    const partial = await snapshotFor('a.assessment.yaml', assessment('  intake:\n    answers: { portal: yes }\n'), { 'desk.rubric.yaml': RUBRIC });
    expect(summarize(partial.analysis)).toMatchObject({ dimensionsScored: 1, dimensionsTotal: 3, coverage: '1 of 3 capabilities assessed (2 not assessed)' });
    const whole = await snapshotFor('a.assessment.yaml', assessment('  intake:\n    answers: { portal: yes }\n  knowledge:\n    answers: { kb: yes, kb-curated: yes }\n  vendors:\n    answers: { reviews: no }\n'), { 'desk.rubric.yaml': RUBRIC });
    const summary = summarize(whole.analysis);
    expect([summary.dimensionsScored, summary.dimensionsTotal, summary.coverage]).toEqual([3, 3, undefined]);
  });
});

describe('a dimension the method caps below the top of the scale', () => {
  const text = assessment('  intake:\n    answers: { portal: yes }\n  knowledge:\n    answers: { kb: yes, kb-curated: no }\n  vendors:\n    answers: { reviews: yes }\n');

  it('names the cap instead of a next level in CodeLens and hovers', async () => {
    const { analysis } = await snapshotFor('a.assessment.yaml', text, { 'desk.rubric.yaml': RUBRIC });
    const lenses = codeLenses(analysis);
    // Intake has practices up to level 2 only: at level 2, nothing can take it to 3.
    expect(lenses.find((l) => l.dimensionId === 'intake')?.tooltip).toBe('Level 2 is as high as this capability goes: the rubric has no practices above level 2, and the gated method claims no level without practices that count.');
    // Knowledge has a level-3 practice: a next level, with its blocker.
    expect(lenses.find((l) => l.dimensionId === 'knowledge')?.tooltip).toBe('To reach 3 High:\n• Articles are curated.');
    const at = cursor(text.replace('  intake:', '  inta‸ke:'));
    const hover = hoverAt(await snapshotFor('a.assessment.yaml', at.text, { 'desk.rubric.yaml': RUBRIC }), at.offset);
    expect(hover?.markdown).toContain('Level 2 is as high as this capability goes');
  });
});
