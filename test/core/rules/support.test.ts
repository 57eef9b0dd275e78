/**
 * What several rules share (src/core/rules/support/): a plan's initiatives and horizon, the moves
 * that can be judged, the criteria graph of a rubric, a rubric's own scale and the cycle finder.
 * Each read as the rules rely on it: what is there, what is left out, and what is read once.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../../src/core/diagnostics/collector';
import { RubricIndex } from '../../../src/core/domain/rubricIndex';
import { parseDocuments } from '../../../src/core/document/located';
import type { DocumentKind, Rubric } from '../../../src/core/format/types';
import { RuleContext, type RuleInputs } from '../../../src/core/rules/context';
import { rubricDependencies } from '../../../src/core/rules/support/criteria';
import { findCycles } from '../../../src/core/rules/support/cycles';
import { baselineLevels, judgeableMoves, reachedByDependencies } from '../../../src/core/rules/support/moves';
import { horizonOf, initiativeIds, initiatives, type PlanInitiative } from '../../../src/core/rules/support/plan';
import { ownMethod, ownScale } from '../../../src/core/rules/support/rubricScale';
import { SCHEMA_VALID, type SchemaVerdict } from '../../../src/core/schema/validateSchema';
import type { AssessmentScore } from '../../../src/core/scoring/types';
import { yaml } from '../../support/memory';
import { verdictWithout } from '../../support/verdict';

function contextOf(kind: DocumentKind, text: string, extra: Partial<RuleInputs> = {}, verdict: SchemaVerdict = SCHEMA_VALID): RuleContext {
  const document = parseDocuments(text).documents[0]!;
  return new RuleContext({ kind, document, verdict, ...extra }, new DiagnosticCollector());
}

const RUBRIC: Rubric = {
  apiVersion: 'rubrics-as-code/v1',
  kind: 'Rubric',
  id: 'desk',
  title: 'Desk',
  version: '1.0.0',
  levels: [
    { level: 1, name: 'One' },
    { level: 2, name: 'Two' },
    { level: 3, name: 'Three' },
  ],
  dimensions: [{ id: 'intake', title: 'Intake', criteria: [{ id: 'portal', text: 'A portal.', level: 2 }] }],
} as Rubric;

describe("a plan's initiatives", () => {
  const PLAN = yaml`
    kind: Plan
    horizon: { start: 2026-01-01, end: 2026-12-31 }
    initiatives:
      - { id: first, title: First, start: 2026-02-01, end: 2026-03-31, status: done, moves: [{ dimension: intake, to: 2 }], dependsOn: [second] }
      - { id: second }
      - { start: 2026-02-30 }
      - not an initiative
      - { id: first, title: Again }
  `;

  it('reads each one as far as it is written, with a title to name it by', () => {
    const list = initiatives(contextOf('Plan', PLAN));
    expect(list.map((i) => i.index)).toEqual([0, 1, 2, 4]);
    expect(list[0]).toEqual({
      index: 0,
      path: ['initiatives', 0],
      id: 'first',
      title: 'First',
      start: '2026-02-01',
      end: '2026-03-31',
      startOk: true,
      endOk: true,
      status: 'done',
      moves: [{ move: { dimension: 'intake', to: 2 }, path: ['initiatives', 0, 'moves', 0], index: 0 }],
      dependsOn: [{ id: 'second', path: ['initiatives', 0, 'dependsOn', 0], index: 0 }],
    });
    // Without a title, the id names it; without either, its place (counted from 1).
    expect(list[1]).toStrictEqual({ index: 1, path: ['initiatives', 1], id: 'second', title: 'second', startOk: false, endOk: false, moves: [], dependsOn: [] });
    expect(list[2]).toStrictEqual({ index: 2, path: ['initiatives', 2], title: 'initiative 3', start: '2026-02-30', startOk: false, endOk: false, moves: [], dependsOn: [] });
    // What is not written is not there at all (not there as undefined).
    expect(Object.keys(list[2]!)).not.toContain('id');
    expect(Object.keys(list[1]!)).not.toContain('status');
  });

  it('leaves out a date that failed the schema', () => {
    const list = initiatives(contextOf('Plan', PLAN, {}, verdictWithout(['initiatives', 0, 'end'])));
    expect(list[0]).toMatchObject({ start: '2026-02-01', startOk: true, endOk: false });
    expect(list[0]).not.toHaveProperty('end');
  });

  it('reads them once per document, for all the rules that need them', () => {
    const ctx = contextOf('Plan', PLAN);
    expect(initiatives(ctx)).toBe(initiatives(ctx));
  });

  it('knows each id by the first initiative that declares it', () => {
    expect([...initiativeIds(initiatives(contextOf('Plan', PLAN)))]).toEqual([
      ['first', 0],
      ['second', 1],
    ]);
  });
});

describe("a plan's horizon", () => {
  const horizon = (text: string) => horizonOf(contextOf('Plan', `kind: Plan\nhorizon: ${text}\n`));

  it('runs forwards when both dates are real and the end is after the start', () => {
    expect(horizon('{ start: 2026-01-01, end: 2026-01-02 }')).toStrictEqual({ start: '2026-01-01', end: '2026-01-02', startOk: true, endOk: true, ok: true });
  });

  it('does not when the end is the start, or before it', () => {
    expect(horizon('{ start: 2026-01-01, end: 2026-01-01 }').ok).toBe(false);
    expect(horizon('{ start: 2026-01-02, end: 2026-01-01 }').ok).toBe(false);
  });

  it('does not when either date is missing or no real day', () => {
    expect(horizon('{ start: 2026-01-01 }')).toStrictEqual({ start: '2026-01-01', startOk: true, endOk: false, ok: false });
    expect(horizon('{ end: 2026-01-01 }')).toStrictEqual({ end: '2026-01-01', startOk: false, endOk: true, ok: false });
    expect(horizon('{ start: 2026-02-30, end: 2026-12-31 }')).toMatchObject({ startOk: false, endOk: true, ok: false });
    expect(horizon('{ start: 2026-01-01, end: 2026-13-01 }')).toMatchObject({ startOk: true, endOk: false, ok: false });
  });
});

describe('moves', () => {
  const initiative = (index: number, id: string, moves: [string, number][], dependsOn: string[] = [], status?: string): PlanInitiative => ({
    index,
    path: ['initiatives', index],
    id,
    title: id,
    startOk: true,
    endOk: true,
    ...(status ? { status } : {}),
    moves: moves.map(([dimension, to], i) => ({ move: { dimension, to }, path: ['initiatives', index, 'moves', i], index: i })),
    dependsOn: dependsOn.map((d, i) => ({ id: d, path: ['initiatives', index, 'dependsOn', i], index: i })),
  });

  it('a baseline gives the levels of the dimensions it scored, and nothing for those it could not', () => {
    const baseline = { dimensions: [{ id: 'intake', level: 2 }, { id: 'knowledge' }] } as unknown as AssessmentScore;
    expect([...baselineLevels(contextOf('Plan', 'kind: Plan\n', { baseline }))]).toEqual([['intake', 2]]);
    expect(baselineLevels(contextOf('Plan', 'kind: Plan\n')).size).toBe(0);
  });

  it('what the dependencies reach, transitively, leaving out cancelled initiatives, other dimensions and unknown ids', () => {
    const list = [
      initiative(0, 'a', [['intake', 2]], ['b', 'nowhere']),
      initiative(1, 'b', [['intake', 3], ['knowledge', 3]], ['c']),
      initiative(2, 'c', [['intake', 4]], ['a']),
      initiative(3, 'd', [['intake', 5]], [], 'cancelled'),
      initiative(4, 'e', [['intake', 1]], ['d', 'c']),
    ];
    const ids = initiativeIds(list);
    // From a: b and c (and not a itself, though c depends on it).
    expect([...reachedByDependencies(list, ids, list[0]!, 'intake')].sort()).toEqual([3, 4]);
    expect([...reachedByDependencies(list, ids, list[0]!, 'knowledge')]).toEqual([3]);
    // From e: the cancelled d counts for nothing; c, and through it a and b, do.
    expect([...reachedByDependencies(list, ids, list[4]!, 'intake')].sort()).toEqual([2, 3, 4]);
  });

  it('only moves on a dimension of the rubric, to and from its levels, can be judged', () => {
    const list = [
      {
        ...initiative(0, 'a', []),
        moves: [
          { dimension: 'intake', to: 2 },
          { dimension: 'intake', from: 1, to: 3 },
          { dimension: 'nowhere', to: 2 },
          { dimension: 'intake', to: 9 },
          { dimension: 'intake', from: 9, to: 2 },
        ].map((move, i) => ({ move, path: ['initiatives', 0, 'moves', i], index: i })),
      },
    ];
    const ctx = contextOf('Plan', 'kind: Plan\n', { rubric: new RubricIndex(RUBRIC) });
    expect(judgeableMoves(ctx, list).map((m) => m.path)).toEqual([
      ['initiatives', 0, 'moves', 0],
      ['initiatives', 0, 'moves', 1],
    ]);
    expect(judgeableMoves(ctx, list)[1]).toEqual({ initiative: list[0], move: { dimension: 'intake', from: 1, to: 3 }, path: ['initiatives', 0, 'moves', 1] });
    expect(judgeableMoves(contextOf('Plan', 'kind: Plan\n'), list)).toEqual([]);
  });
});

describe('the criteria of a rubric document', () => {
  const DOC = yaml`
    kind: Rubric
    terms: { criterion: practice }
    dimensions:
      - id: intake
        criteria:
          - { id: portal, dependsOn: [kb] }
          - { text: no id }
          - { id: portal, dependsOn: [catalogue] }
      - criteria:
          - { id: kb, related: [portal] }
  `;

  it('gives each criterion once (the first of an id), with its dimension and its links', () => {
    const graph = rubricDependencies(contextOf('Rubric', DOC));
    expect([...graph.criteria.keys()]).toEqual(['portal', 'kb']);
    expect(graph.criteria.get('portal')).toStrictEqual({
      path: ['dimensions', 0, 'criteria', 0],
      dimensionId: 'intake',
      dependsOn: [{ target: 'kb', path: ['dimensions', 0, 'criteria', 0, 'dependsOn', 0] }],
      related: [],
    });
    // Its dimension has no id: the criterion has none either.
    expect(graph.criteria.get('kb')).toStrictEqual({ path: ['dimensions', 1, 'criteria', 0], dependsOn: [], related: [{ target: 'portal', path: ['dimensions', 1, 'criteria', 0, 'related', 0] }] });
    expect(graph).toMatchObject({ any: true, anyRelated: true, term: 'practice' });
  });

  it('says when no criterion depends on or relates to another, and uses the default term', () => {
    const graph = rubricDependencies(contextOf('Rubric', 'kind: Rubric\ndimensions:\n  - id: a\n    criteria: [{ id: x }]\n'));
    expect(graph).toMatchObject({ any: false, anyRelated: false, term: 'Criterion' });
  });

  it('reads them once per document', () => {
    const ctx = contextOf('Rubric', DOC);
    expect(rubricDependencies(ctx)).toBe(rubricDependencies(ctx));
  });
});

describe("a rubric document's own scale and method", () => {
  it('the scale: its levels, its lowest, and how a message words it', () => {
    const scale = ownScale(contextOf('Rubric', 'kind: Rubric\nlevels: [{ level: 10 }, { level: 2 }, { level: 9 }, { level: 2 }]\n'));
    expect(scale).toStrictEqual({ levels: new Set([10, 2, 9]), min: 2, text: '2 to 10' });
  });

  it('no scale when the levels failed the schema, or there are none', () => {
    expect(ownScale(contextOf('Rubric', 'kind: Rubric\nlevels: [{ level: 1 }]\n', {}, verdictWithout(['levels'])))).toBeUndefined();
    expect(ownScale(contextOf('Rubric', 'kind: Rubric\nlevels: []\n'))).toBeUndefined();
  });

  it('the method: as written, gated when none is, nothing when scoring failed the schema', () => {
    expect(ownMethod(contextOf('Rubric', 'kind: Rubric\nscoring: { method: rated }\n'))).toBe('rated');
    expect(ownMethod(contextOf('Rubric', 'kind: Rubric\n'))).toBe('gated');
    expect(ownMethod(contextOf('Rubric', 'kind: Rubric\nscoring: { method: rated }\n', {}, verdictWithout(['scoring'])))).toBeUndefined();
  });
});

describe('cycles', () => {
  const cyclesOf = (graph: Record<string, string[]>, nodes = Object.keys(graph)) =>
    findCycles(nodes, (n) => graph[n]?.map((target) => ({ target }))).map((c) => c.cycle.join(' → '));

  it('finds a cycle on any edge of a node, not only its first', () => {
    expect(cyclesOf({ a: ['x', 'b'], b: ['a'], x: [] })).toEqual(['a → b → a']);
  });

  it('gives the cycle from where it starts, not the path that led to it', () => {
    expect(cyclesOf({ a: ['b'], b: ['c'], c: ['b'] })).toEqual(['b → c → b']);
  });

  it('finds each cycle once, whichever node reaches it later', () => {
    expect(cyclesOf({ a: ['b'], b: ['a'], c: ['a'] })).toEqual(['a → b → a']);
    expect(cyclesOf({ c: ['a'], a: ['b'], b: ['a'] })).toEqual(['a → b → a']);
  });

  it('leaves edges to unknown nodes, unknown roots and a node naming itself to others', () => {
    expect(cyclesOf({ a: ['a', 'ghost'] }, ['ghost', 'a'])).toEqual([]);
  });

  it('gives the edge that closes the cycle', () => {
    const edges = { a: [{ target: 'b', n: 1 }], b: [{ target: 'a', n: 2 }] } as Record<string, { target: string; n: number }[]>;
    expect(findCycles(['a', 'b'], (n) => edges[n])).toEqual([{ edge: { target: 'a', n: 2 }, cycle: ['a', 'b', 'a'] }]);
  });
});
