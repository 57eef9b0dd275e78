/**
 * What changed in a rubric between two versions (src/core/review/rubricChanges.ts): each kind of
 * change with its old and new value, scoring changes before text-only ones, and no change listed
 * where nothing changed.
 */
import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../../src/core/format/types';
import { diffRubrics } from '../../../src/core/review/rubricChanges';

const BASE = {
  apiVersion: 'rubrics-as-code/v1',
  kind: 'Rubric',
  id: 'desk',
  title: 'Service desk',
  version: '1.0.0',
  levels: [
    { level: 1, name: 'Initial' },
    { level: 2, name: 'Managed' },
  ],
  dimensions: [
    { id: 'intake', title: 'Intake', criteria: [{ id: 'portal', text: 'A portal.', level: 2 }] },
    { id: 'knowledge', title: 'Knowledge', criteria: [{ id: 'kb', text: 'A knowledge base.', level: 2 }] },
  ],
} as unknown as Rubric;

/** The base rubric with `edit` applied to a deep copy. */
function edited(edit: (r: Rubric) => void): Rubric {
  const copy = structuredClone(BASE);
  edit(copy);
  return copy;
}

const INTAKE = { id: 'intake', title: 'Intake' };
const PORTAL = { id: 'portal', text: 'A portal.' };

describe('what changed in a rubric', () => {
  it('nothing, for the same rubric', () => {
    expect(diffRubrics(BASE, structuredClone(BASE))).toEqual([]);
  });

  it('the scoring method, pass credit, threshold and default scale, with their defaults on the side that does not say', () => {
    const after = edited((r) => {
      r.scoring = { method: 'average', passCredit: 0.5 };
      r.threshold = { level: 2 };
      r.defaultAnswerScale = 'coverage';
      r.answerScales = { coverage: { answers: [{ value: 'none', credit: 0 }, { value: 'all', credit: 1 }] } };
    });
    // Strictly: a side that does not say has no key at all (the threshold's before, then its after).
    expect(diffRubrics(BASE, after)).toStrictEqual([
      { kind: 'scoring-method', scoring: true, before: 'gated', after: 'average' },
      { kind: 'pass-credit', scoring: true, before: 1, after: 0.5 },
      { kind: 'threshold', scoring: true, after: 2 },
      { kind: 'default-answer-scale', scoring: true, before: 'yes-no', after: 'coverage' },
      { kind: 'answer-scale-added', scoring: true, answerScale: 'coverage', after: 'none, all' },
      // Both criteria now answer on the new default scale.
      { kind: 'criterion-answer-scale', scoring: true, dimension: INTAKE, criterion: PORTAL, before: 'yes-no', after: 'coverage' },
      { kind: 'criterion-answer-scale', scoring: true, dimension: { id: 'knowledge', title: 'Knowledge' }, criterion: { id: 'kb', text: 'A knowledge base.' }, before: 'yes-no', after: 'coverage' },
    ]);
    expect(diffRubrics(after, BASE).slice(0, 3)).toStrictEqual([
      { kind: 'scoring-method', scoring: true, before: 'average', after: 'gated' },
      { kind: 'pass-credit', scoring: true, before: 0.5, after: 1 },
      { kind: 'threshold', scoring: true, before: 2 },
    ]);
  });

  it('levels added, removed and renamed', () => {
    const after = edited((r) => {
      r.levels = [{ level: 1, name: 'Ad hoc' }, { level: 3, name: 'Defined' }];
    });
    expect(diffRubrics(BASE, after)).toEqual([
      { kind: 'level-added', scoring: true, level: 3, after: 'Defined' },
      { kind: 'level-removed', scoring: true, level: 2, before: 'Managed' },
      // A name is text: after the scoring changes.
      { kind: 'level-name', scoring: false, level: 1, before: 'Initial', after: 'Ad hoc' },
    ]);
  });

  it('groups added, removed and reweighted (a weight not written is 1)', () => {
    const before = edited((r) => {
      r.groups = [{ id: 'ops', title: 'Ops' }, { id: 'old', title: 'Old', weight: 2 }];
    });
    const after = edited((r) => {
      r.groups = [{ id: 'ops', title: 'Ops', weight: 3 }, { id: 'new', title: 'New' }];
    });
    expect(diffRubrics(before, after)).toEqual([
      { kind: 'group-weight', scoring: true, group: { id: 'ops', title: 'Ops' }, before: 1, after: 3 },
      { kind: 'group-added', scoring: true, group: { id: 'new', title: 'New' }, after: 1 },
      { kind: 'group-removed', scoring: true, group: { id: 'old', title: 'Old' }, before: 2 },
    ]);
  });

  it('answer scales: answers added, removed and recredited, a scale removed, and yes-no as the engine defines it', () => {
    const before = edited((r) => {
      r.answerScales = { coverage: { answers: [{ value: 'none', credit: 0 }, { value: 'half', credit: 0.5 }, { value: 'all', credit: 1 }] }, old: { answers: [{ value: 'x', credit: 1 }, { value: 'y', credit: 0 }] } };
    });
    const after = edited((r) => {
      r.answerScales = { coverage: { answers: [{ value: 'none', credit: 0 }, { value: 'half', credit: 0.6 }, { value: 'most', credit: 0.8 }] }, 'yes-no': { answers: [{ value: 'yes', credit: 1 }, { value: 'no', credit: 0 }, { value: 'partly', credit: 0.5 }] } };
    });
    expect(diffRubrics(before, after)).toEqual([
      { kind: 'answer-credit', scoring: true, answerScale: 'coverage', answer: 'half', before: 0.5, after: 0.6 },
      { kind: 'answer-added', scoring: true, answerScale: 'coverage', answer: 'most', after: 0.8 },
      { kind: 'answer-removed', scoring: true, answerScale: 'coverage', answer: 'all', before: 1 },
      { kind: 'answer-added', scoring: true, answerScale: 'yes-no', answer: 'partly', after: 0.5 },
      { kind: 'answer-scale-removed', scoring: true, answerScale: 'old', before: 'x, y' },
    ]);
  });

  it('dimensions added, removed, reweighted, regrouped and retitled', () => {
    const before = edited((r) => {
      r.dimensions.push({ id: 'gone', title: 'Gone', weight: 2, criteria: [{ id: 'g', text: 'G.', level: 2 }] });
    });
    const after = edited((r) => {
      r.dimensions[0]!.weight = 2;
      r.dimensions[0]!.group = 'ops';
      r.dimensions[1]!.title = 'Know-how';
      r.dimensions.push({ id: 'new', title: 'New' });
    });
    expect(diffRubrics(before, after)).toEqual([
      { kind: 'dimension-weight', scoring: true, dimension: INTAKE, before: 1, after: 2 },
      { kind: 'dimension-group', scoring: true, dimension: INTAKE, after: 'ops' },
      { kind: 'dimension-added', scoring: true, dimension: { id: 'new', title: 'New' }, after: 1 },
      // The removed dimension's criterion goes with it, unlisted.
      { kind: 'dimension-removed', scoring: true, dimension: { id: 'gone', title: 'Gone' }, before: 2 },
      { kind: 'dimension-title', scoring: false, dimension: { id: 'knowledge', title: 'Know-how' }, before: 'Knowledge', after: 'Know-how' },
    ]);
  });

  it('criteria added, removed, moved, and changed in level, weight, scale, evidence and text', () => {
    const after = edited((r) => {
      r.dimensions[0]!.criteria = [
        { id: 'portal', text: 'A web portal.', level: 1, weight: 2, answerScale: 'coverage', evidenceRequired: true },
        { id: 'kb', text: 'A knowledge base.', level: 2 },
        { id: 'chat', text: 'Chat.', level: 2 },
      ];
      r.dimensions[1]!.criteria = [{ id: 'wiki', text: 'A wiki.', level: 2 }];
      r.answerScales = { coverage: { answers: [{ value: 'none', credit: 0 }] } };
    });
    const before = edited((r) => {
      r.answerScales = { coverage: { answers: [{ value: 'none', credit: 0 }] } };
      r.dimensions[0]!.criteria!.push({ id: 'phone', text: 'A phone line.', level: 1 });
    });
    const portal = { id: 'portal', text: 'A web portal.' };
    expect(diffRubrics(before, after)).toEqual([
      { kind: 'criterion-level', scoring: true, dimension: INTAKE, criterion: portal, before: 2, after: 1 },
      { kind: 'criterion-weight', scoring: true, dimension: INTAKE, criterion: portal, before: 1, after: 2 },
      { kind: 'criterion-answer-scale', scoring: true, dimension: INTAKE, criterion: portal, before: 'yes-no', after: 'coverage' },
      { kind: 'criterion-evidence-required', scoring: true, dimension: INTAKE, criterion: portal, before: false, after: true },
      { kind: 'criterion-moved', scoring: true, dimension: INTAKE, criterion: { id: 'kb', text: 'A knowledge base.' }, before: 'Knowledge', after: 'Intake' },
      { kind: 'criterion-added', scoring: true, dimension: INTAKE, criterion: { id: 'chat', text: 'Chat.' }, level: 2, after: 2 },
      { kind: 'criterion-added', scoring: true, dimension: { id: 'knowledge', title: 'Knowledge' }, criterion: { id: 'wiki', text: 'A wiki.' }, level: 2, after: 2 },
      { kind: 'criterion-removed', scoring: true, dimension: INTAKE, criterion: { id: 'phone', text: 'A phone line.' }, level: 1, before: 1 },
      { kind: 'criterion-text', scoring: false, dimension: INTAKE, criterion: portal, before: 'A portal.', after: 'A web portal.' },
    ]);
  });

  it('the version, last, as text', () => {
    expect(diffRubrics(BASE, edited((r) => (r.version = '1.1.0')))).toEqual([{ kind: 'version', scoring: false, before: '1.0.0', after: '1.1.0' }]);
  });
});
