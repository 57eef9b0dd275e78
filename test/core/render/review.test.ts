import { describe, expect, it } from 'vitest';
import { renderReviewMarkdown } from '../../../src/core/render';
import { chartTitle, MAX_TITLE, mermaidLabel, mermaidXyChart, shortLabel } from '../../../src/core/render/markdown/mermaid';
import { reviewChange, type ChangeReview, type ImpactedDocument } from '../../../src/core/review/change';
import { analyzeMemory } from '../../support/memory';
import { withArticle } from '../../../src/core/render/text';
import { scoreMoved } from '../../../src/core/review/explain';
import { rubricYaml } from '../../support/fixtures';

// How the review reads on GitHub: chart titles and labels, and the rubric-impact labels, which
// follow what the core found (ImpactedDocument.moved) rather than comparing numbers again.

describe('Mermaid charts', () => {
  it('writes a title whole, however long, since xychart draws it on one line and never shortens it', () => {
    const title = 'Overall score: bars after the change, line before the change';
    expect(mermaidXyChart({ title, categories: ['a', 'b'], yLabel: 'score', min: 1, max: 3, bars: [1, 2] })).toContain(`  title "${title}"`);
  });

  it('offers the first title that fits the title line, and the plain one otherwise', () => {
    expect(chartTitle('Capabilities that moved: bars after, line before', 'Scores that moved')).toBe('Capabilities that moved: bars after, line before');
    const long = `${'Business capability areas'} that moved: bars after, line before`;
    expect([...long].length).toBeGreaterThan(MAX_TITLE);
    expect(chartTitle(long, 'Scores that moved: bars after, line before')).toBe('Scores that moved: bars after, line before');
  });

  it('cuts a long x-axis label at a word boundary, without a dangling separator', () => {
    expect(shortLabel('Kestrel Mutual — IT4IT and the legacy estate, March 2026')).toBe('Kestrel Mutual — IT4IT and the legacy…');
    expect(shortLabel('Claims-platform engineering, March 2026 — the second review')).toBe('Claims-platform engineering, March 2026…');
    // The word before the cut ends exactly there: kept whole.
    expect(shortLabel(`${'a'.repeat(38)}b next`)).toBe(`${'a'.repeat(38)}b…`);
  });

  it('keeps a short label, and cuts a label without a space in its second half where it must', () => {
    expect(shortLabel('Claims-platform engineering, March 2026')).toBe('Claims-platform engineering, March 2026');
    expect(shortLabel(`Short ${'x'.repeat(50)}`)).toBe(`Short ${'x'.repeat(33)}…`);
    expect(mermaidLabel('Say "hi"\nthere')).toBe('"Say #34;hi#34; there"');
  });
});

/** A rated rubric of four dimensions on the levels `from` to `to`. */
function ratedRubric(id: string, from: number, to: number): string {
  const levels = Array.from({ length: to - from + 1 }, (_, i) => `  - { level: ${from + i}, name: L${from + i} }`).join('\n');
  const dimensions = ['a', 'b', 'c', 'd'].map((d) => `  - { id: ${d}, title: ${d.toUpperCase()} }`).join('\n');
  return rubricYaml(`scoring: { method: rated }\nlevels:\n${levels}\ndimensions:\n${dimensions}\n`, { id, title: id });
}

function ratedAssessment(id: string, rubric: string, levels: readonly number[]): string {
  const dimensions = ['a', 'b', 'c', 'd'].map((d, i) => `  ${d}: { level: ${levels[i]} }`).join('\n');
  return `apiVersion: rubrics-as-code/v1\nkind: Assessment\nid: ${id}\ntitle: Team ${id}\nrubric: ./${rubric}.rubric.yaml\nsubject: { organization: Acme }\ndate: 2026-03-31\ndimensions:\n${dimensions}\n`;
}

/** The review of assessments whose levels moved from `before` to `after`, each against its rubric. */
async function ratedReview(changes: readonly { id: string; rubric: string; before: number[]; after: number[] }[]): Promise<string> {
  const rubrics = { 'five.rubric.yaml': ratedRubric('five', 1, 5), 'three.rubric.yaml': ratedRubric('three', 0, 3) };
  const files = [];
  for (const c of changes) {
    const name = `${c.id}.assessment.yaml`;
    files.push({
      path: name,
      status: 'modified' as const,
      before: await analyzeMemory({ ...rubrics, [name]: ratedAssessment(c.id, c.rubric, c.before) }, name),
      after: await analyzeMemory({ ...rubrics, [name]: ratedAssessment(c.id, c.rubric, c.after) }, name),
    });
  }
  return renderReviewMarkdown(reviewChange({ base: { ref: 'main' }, head: { ref: 'feature' }, files }));
}

const axes = (md: string) => [...md.matchAll(/^ {2}y-axis .*$/gm)].map((m) => m[0].trim());

describe('the overall chart: one per scale, its axis from the scale\'s lowest level', () => {
  it('starts the axis at the lowest level, so 1.5 → 1.75 does not look like a doubling; the dimensions\' chart too', async () => {
    const md = await ratedReview([
      { id: 'x', rubric: 'five', before: [1, 1, 2, 2], after: [1, 2, 2, 2] },
      { id: 'y', rubric: 'five', before: [2, 2, 2, 2], after: [2, 3, 3, 3] },
    ]);
    expect(md).toContain('  bar [1.75, 2.75]\n  line [1.5, 2]\n');
    // The overall chart, then the chart of y's three dimensions that moved (2 → 3 each).
    expect(axes(md)).toEqual(['y-axis "score" 1 --> 5', 'y-axis "score" 1 --> 5']);
    expect(md).toContain('  bar [3, 3, 3]\n  line [2, 2, 2]\n');
  });

  it('draws assessments of different scales on charts of their own, never on one axis', async () => {
    const md = await ratedReview([
      { id: 'x', rubric: 'five', before: [1, 1, 2, 2], after: [1, 2, 2, 2] },
      { id: 'y', rubric: 'five', before: [2, 2, 2, 2], after: [2, 2, 3, 3] },
      { id: 'z', rubric: 'three', before: [0, 0, 1, 1], after: [0, 1, 1, 1] },
      { id: 'w', rubric: 'three', before: [1, 1, 1, 1], after: [1, 1, 2, 3] },
    ]);
    expect(axes(md)).toEqual(['y-axis "score" 1 --> 5', 'y-axis "score" 0 --> 3']);
    expect(md).toContain('title "Overall, levels 1 to 5: bars after, line before"');
    expect(md).toContain('title "Overall, levels 0 to 3: bars after, line before"');
    // One assessment per scale: nothing to compare it with on its own axis, so no chart.
    const single = await ratedReview([
      { id: 'x', rubric: 'five', before: [1, 1, 2, 2], after: [1, 2, 2, 2] },
      { id: 'z', rubric: 'three', before: [0, 0, 1, 1], after: [0, 1, 1, 1] },
    ]);
    expect(single).not.toContain('xychart-beta');
  });
});

describe('the "Moves the score" column: one rule, never blank', () => {
  const rubric = rubricYaml([
    'scoring: { method: average }',
    'levels: [{ level: 1, name: One }, { level: 2, name: Two }, { level: 3, name: Three }]',
    'dimensions:', '  - id: d', '    title: Intake', '    criteria:',
    '      - { id: c1, text: First., level: 1 }', '      - { id: c2, text: Second., level: 2 }', '      - { id: c3, text: Third., level: 3 }', '',
  ].join('\n'), { title: 'Desk' });
  const assessment = (answers: string) => `apiVersion: rubrics-as-code/v1\nkind: Assessment\nid: a\ntitle: Team A\nrubric: ./desk.rubric.yaml\nsubject: { organization: Acme }\ndate: 2026-03-31\ndimensions:\n  d:\n    answers:\n${answers}`;

  it('gives each row its share, "nothing" rather than ±0 or a blank, and "counted above" for a criterion\'s further change', async () => {
    const before = assessment('      c1: no\n      c2: no\n      c3: yes\n');
    const after = assessment('      c1: { answer: yes, evidence: [https://wiki.example.com/c1] }\n      c2: no\n      c3: { answer: yes, evidence: [https://wiki.example.com/c3] }\n');
    const files = { 'desk.rubric.yaml': rubric };
    const md = renderReviewMarkdown(
      reviewChange({
        base: { ref: 'main' },
        head: { ref: 'feature' },
        files: [{ path: 'a.assessment.yaml', status: 'modified', before: await analyzeMemory({ ...files, 'a.assessment.yaml': before }, 'a.assessment.yaml'), after: await analyzeMemory({ ...files, 'a.assessment.yaml': after }, 'a.assessment.yaml') }],
      }),
    );
    const table = md.slice(md.indexOf('| What changed | Before | After | Moves the score |'));
    const cells = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| What') && !l.startsWith('| ---')).map((l) => l.split(' | ').pop()?.replace(/ \|$/, ''));
    expect(cells).toEqual([expect.stringMatching(/^\+\d/), 'counted above', 'nothing']);
    expect(table).not.toContain('±0');
  });
});

describe('scoreMoved: the one rule for a moved score', () => {
  it('fires for a change, an appearing or a vanishing score', () => {
    expect(scoreMoved(2.17, 2.26)).toBe(true);
    expect(scoreMoved(2.1667, 2.169)).toBe(true);
    expect(scoreMoved(undefined, 2)).toBe(true);
    expect(scoreMoved(2, undefined)).toBe(true);
  });

  it('does not fire for the same score, float noise, or no score at either side', () => {
    expect(scoreMoved(13 / 6, 13 / 6)).toBe(false);
    expect(scoreMoved(0.1 + 0.2, 0.3)).toBe(false);
    expect(scoreMoved(undefined, undefined)).toBe(false);
  });
});

/** A review whose only content is the impact of one rubric change on the given users. */
function impactReview(users: ImpactedDocument[]): ChangeReview {
  return {
    schemaVersion: 1,
    base: { ref: 'main' },
    head: { ref: 'working tree' },
    files: [{ path: 'desk.rubric.yaml', status: 'modified', documents: [] }],
    impacts: [{ path: 'desk.rubric.yaml', id: 'desk', title: 'Service desk', changes: [{ kind: 'dimension-weight', scoring: true, dimension: { id: 'portal', title: 'Portal' }, before: 1, after: 2 }], users }],
    headErrors: 0,
  };
}

function user(over: Partial<ImpactedDocument>): ImpactedDocument {
  return { path: 'a.assessment.yaml', kind: 'Assessment', title: 'Team A', before: 2.1667, after: 2.1667, fileChanged: false, moved: 'nothing', ...over };
}

describe('the heading: which two versions are compared', () => {
  const heading = (base: ChangeReview['base'], head: ChangeReview['head'] = { ref: 'feature' }) => renderReviewMarkdown({ ...impactReview([]), base, head }).split('\n')[0];
  const full = '2d9c349dc2a6f1e0b7c8d9e0f1a2b3c4d5e6f708';

  it('shows a base given as a commit id once, short (the Action passes the pull request\'s base commit)', () => {
    expect(heading({ ref: full, commit: full })).toBe('## Score changes: `feature` compared with `2d9c349dc2a6`');
    expect(heading({ ref: full, commit: full })).not.toContain(full);
  });

  it('names the merge base after a base commit only when it is another commit, and after a branch always', () => {
    expect(heading({ ref: full, commit: '0123456789abcdef0123456789abcdef01234567' })).toBe('## Score changes: `feature` compared with `2d9c349dc2a6` (merge base `0123456789ab`)');
    expect(heading({ ref: 'origin/main', commit: full })).toBe('## Score changes: `feature` compared with `origin/main` (`2d9c349dc2a6`)');
    expect(heading({ ref: 'main' })).toBe('## Score changes: `feature` compared with `main`');
  });
});

describe('what a rubric change moves: one label per fact', () => {
  const row = (u: ImpactedDocument) => renderReviewMarkdown(impactReview([u])).split('\n').find((l) => l.startsWith('| Team A |'));

  it('an unchanged file whose overall score moved', () => {
    expect(row(user({ after: 2.2619, moved: 'overall' }))).toBe('| Team A | `a.assessment.yaml` | 2.17 → 2.26 (▲ +0.09) | unchanged; moved by the rubric |');
  });

  it('an unchanged file that did not move: why, when a new dimension is not assessed there, and plainly otherwise', () => {
    expect(row(user({ notAssessed: [{ id: 'kb', title: 'Knowledge' }, { id: 'chat', title: 'Chat' }] }))).toBe('| Team A | `a.assessment.yaml` | 2.17 → 2.17 | unchanged; not moved: it does not assess the new dimensions Knowledge, Chat |');
    expect(row(user({}))).toBe('| Team A | `a.assessment.yaml` | 2.17 → 2.17 | unchanged; not moved by this change |');
  });

  it('an unchanged file where only dimension scores moved, and a plan whose projections moved', () => {
    expect(row(user({ moved: 'dimensions' }))).toBe('| Team A | `a.assessment.yaml` | 2.17 → 2.17 | unchanged; the rubric moved scores of its dimensions, not the overall score |');
    expect(row(user({ kind: 'Plan', moved: 'projections', before: undefined, after: undefined }))).toBe('| Team A | `a.assessment.yaml` | plan | unchanged; the rubric moved its projected levels |');
  });

  it('a file that is part of the change itself', () => {
    expect(row(user({ fileChanged: true, after: 2.5, moved: 'overall' }))).toBe('| Team A | `a.assessment.yaml` | 2.17 → 2.5 (▲ +0.33) | also changed here |');
  });

  it('a move too small for two decimals says so beside the equal numbers', () => {
    expect(row(user({ after: 2.169, moved: 'overall' }))).toBe('| Team A | `a.assessment.yaml` | 2.17 → 2.17 (▲ by less than 0.01) | unchanged; moved by the rubric |');
  });
});

describe('withArticle: the article of a rubric\'s word', () => {
  it('"an" before a vowel sound, a silent h included', () => {
    expect(['attribute', 'area', 'inner unit', 'unassessed area', 'hour'].map(withArticle)).toEqual(['an attribute', 'an area', 'an inner unit', 'an unassessed area', 'an hour']);
  });

  it('"a" before a consonant sound, a vowel letter read as one included', () => {
    expect(['capability', 'practice', 'unit', 'use case', 'utility', 'European team', 'one-off'].map(withArticle)).toEqual(['a capability', 'a practice', 'a unit', 'a use case', 'a utility', 'a European team', 'a one-off']);
  });
});
