import { describe, expect, it } from 'vitest';
import { renderReviewMarkdown } from '../src/core/render';
import { chartTitle, MAX_TITLE, mermaidLabel, mermaidXyChart, shortLabel } from '../src/core/render/markdown/mermaid';
import type { ChangeReview, ImpactedDocument } from '../src/core/review/change';
import { withArticle } from '../src/core/render/text';
import { scoreMoved } from '../src/core/review/explain';

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
