/**
 * The review of a change to an assessment with several assessors: an assessor's changed answer
 * is listed by name beside the scored answer it moves (or does not move), in the JSON review and
 * in its Markdown.
 */
import { describe, expect, it } from 'vitest';
import { renderReviewMarkdown } from '../../../src/core/render';
import { reviewChange } from '../../../src/core/review/change';
import type { InputChange } from '../../../src/core/review/explain';
import { analyzeMemory, yaml } from '../../support/memory';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';

const RUBRIC = rubricYaml(yaml`
  levels: [{ level: 1, name: Initial }, { level: 2, name: Managed }, { level: 3, name: Defined }]
  scoring: { method: average }
  dimensions:
    - id: intake
      title: Intake
      criteria:
        - { id: portal, text: A portal takes requests., level: 2 }
        - { id: catalogue, text: A catalogue lists services., level: 3 }
`);

/** Three assessors under the median; `ann`, `bob` and `cy` are their answers to the portal. */
function assessment(ann: string, bob: string, cy: string): string {
  const response = (id: string, name: string, portal: string) => `  ${id}:\n    name: ${name}\n    date: 2026-03-0${id.length}\n    dimensions:\n      intake:\n        answers: { portal: ${portal}, catalogue: yes }\n`;
  return assessmentYaml(`consensus: median\nresponses:\n${response('ann', 'Ann Lee', ann)}${response('bob', 'Bob Okafor', bob)}${response('cy', 'Cy Park', cy)}dimensions: {}\n`, { date: '2026-03-31' });
}

async function review(before: string, after: string) {
  const analyze = (text: string) => analyzeMemory({ 'desk.rubric.yaml': RUBRIC, 'acme.assessment.yaml': text }, 'acme.assessment.yaml');
  return reviewChange({
    base: { ref: 'main' },
    head: { ref: 'HEAD' },
    files: [{ path: 'acme.assessment.yaml', status: 'modified', before: await analyze(before), after: await analyze(after) }],
  });
}

const changesOf = (r: Awaited<ReturnType<typeof review>>): readonly InputChange[] => r.files[0]!.documents[0]!.why!.dimensions[0]!.changes;

describe('an assessor\'s changed answer in the review', () => {
  it('is listed by name after the scored answer it moves, which carries the whole move', async () => {
    const r = await review(assessment('yes', 'no', 'no'), assessment('yes', 'yes', 'no'));
    expect(changesOf(r).map((c) => [c.kind, c.assessor?.name, c.before, c.after, c.contribution])).toEqual([
      ['answer', undefined, 'no', 'yes', 1],
      ['assessor-answer', 'Bob Okafor', 'no', 'yes', undefined],
    ]);
    const md = renderReviewMarkdown(r);
    expect(md).toContain('| Answer: A portal takes requests. (`portal`, level 2) | no | yes | +1 |');
    expect(md).toContain('| Answer by Bob Okafor: A portal takes requests. (`portal`, level 2) | no | yes | counted above |');
  });

  it('is listed where it moves nothing (the median stays), and a new answer reads as from unanswered', async () => {
    const r = await review(assessment('yes', 'no', 'no'), assessment('no', 'no', 'no'));
    expect(changesOf(r).map((c) => [c.kind, c.assessor?.id, c.before, c.after])).toEqual([['assessor-answer', 'ann', 'yes', 'no']]);
    expect(r.files[0]!.documents[0]!.moved).toBe('nothing');
    expect(renderReviewMarkdown(r)).toContain('| Answer by Ann Lee: A portal takes requests. (`portal`, level 2) | yes | no | nothing |');
    const added = await review(assessment('yes', 'no', 'no').replace('answers: { portal: yes, catalogue: yes }', 'answers: { catalogue: yes }'), assessment('yes', 'no', 'no'));
    expect(changesOf(added).filter((c) => c.kind === 'assessor-answer').map((c) => [c.assessor?.id, c.before, c.after])).toEqual([['ann', 'unanswered', 'yes']]);
  });

  it('is not listed when no assessor\'s answer changed', async () => {
    const r = await review(assessment('yes', 'no', 'no'), assessment('yes', 'no', 'no').replace('date: 2026-03-31', 'date: 2026-04-01'));
    expect(r.files[0]!.documents[0]!.why?.dimensions ?? []).toEqual([]);
  });
});
