/**
 * Why an assessment's scores moved (src/core/review/explain.ts): for each kind of input that can
 * change, the change old → new, and how much it moved the score where the contributions add up
 * exactly: under `average` and `rated` always, under `gated` with the level each criterion opened
 * or closed. Scores are worked out by hand in each test's comment.
 */
import { describe, expect, it } from 'vitest';
import type { AssessmentDocumentAnalysis } from '../../../src/core/engine';
import { explainAssessment, scoreMoved, type ScoredSide } from '../../../src/core/review/explain';
import { analyzeMemory, yaml } from '../../support/memory';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';

/** Three levels; intake has a yes-no criterion at 2 and a coverage one at 3; knowledge one yes-no at 2. */
const rubric = (method: string, extra = '') => rubricYaml(yaml`
  scoring: { method: ${method} }
  levels: [{ level: 1, name: Initial }, { level: 2, name: Managed }, { level: 3, name: Defined }]
  answerScales:
    coverage: { answers: [{ value: none, credit: 0 }, { value: half, credit: 0.5 }, { value: all, credit: 1 }] }
  dimensions:
    - id: intake
      title: Intake
      criteria:
        - { id: portal, text: A portal takes requests., level: 2 }
        - { id: catalogue, text: A catalogue lists services., level: 3, answerScale: coverage }
    - id: knowledge
      title: Knowledge
      criteria:
        - { id: kb, text: A knowledge base exists., level: 2 }
${extra}`);

const assessment = (dimensions: string) =>
  assessmentYaml(`dimensions:\n${dimensions}`);

const intake = (portal: string, catalogue: string, more = '') => `  intake:\n    answers: { portal: ${portal}, catalogue: ${catalogue} }\n${more}  knowledge:\n    answers: { kb: yes }\n`;

async function side(rubricText: string, assessmentText: string): Promise<ScoredSide> {
  const analysis = await analyzeMemory({ 'desk.rubric.yaml': rubricText, 'a.assessment.yaml': assessmentText }, 'a.assessment.yaml');
  const doc = analysis.documents[0] as AssessmentDocumentAnalysis;
  if (!doc.score || !doc.rubric) throw new Error(`not scored: ${analysis.diagnostics.map((d) => d.message).join('; ')}`);
  return { score: doc.score, index: doc.rubric.index };
}

const explain = async (before: [string, string], after: [string, string]) => explainAssessment(await side(...before), await side(...after));

const PORTAL = { id: 'portal', text: 'A portal takes requests.', level: 2 };
const CATALOGUE = { id: 'catalogue', text: 'A catalogue lists services.', level: 3 };
const KB = { id: 'kb', text: 'A knowledge base exists.', level: 2 };

describe('a score that moved', () => {
  it('moves when it appears, goes away or changes by more than float noise', () => {
    expect(scoreMoved(undefined, undefined)).toBe(false);
    expect(scoreMoved(undefined, 1)).toBe(true);
    expect(scoreMoved(1, undefined)).toBe(true);
    expect(scoreMoved(1, 1 + 1e-12)).toBe(false);
    expect(scoreMoved(1, 1 + 5e-10)).toBe(false);
    expect(scoreMoved(1, 1 + 1e-8)).toBe(true);
    expect(scoreMoved(1, 1 - 1e-8)).toBe(true);
    // Exactly the float noise allowed is not a move yet.
    expect(scoreMoved(0, 1e-9)).toBe(false);
  });
});

describe('average: each answer’s share of the move, exactly', () => {
  it('two answers of one dimension, and the overall move they make', async () => {
    // Average over 1..3 is 1 + 2 × the mean credit. Intake: (0 + 0)/2 → 1; (1 + 0.5)/2 → 2.5.
    // Alone, the portal makes (1 + 0)/2 → 2 (+1), the catalogue (0 + 0.5)/2 → 1.5 (+0.5).
    // Overall, the mean of the dimensions (knowledge is 3): 2 → 2.75.
    const why = await explain([rubric('average'), assessment(intake('no', 'none'))], [rubric('average'), assessment(intake('yes', 'half'))]);
    expect(why).toEqual({
      dimensions: [
        {
          id: 'intake',
          title: 'Intake',
          before: 1,
          levelBefore: 1,
          after: 2.5,
          levelAfter: 2,
          changes: [
            { kind: 'answer', criterion: PORTAL, before: 'no', after: 'yes', contribution: 1 },
            { kind: 'answer', criterion: CATALOGUE, before: 'none', after: 'half', contribution: 0.5 },
          ],
          exact: true,
        },
      ],
      overall: { before: 2, after: 2.75, contributions: [{ id: 'intake', title: 'Intake', contribution: 0.75 }] },
    });
  });

  it('an answer off its scale: which side, and that it earns nothing', async () => {
    const why = await explain([rubric('average'), assessment(intake('no', 'half'))], [rubric('average'), assessment(intake('no', 'most'))]);
    expect(why.dimensions[0]!.changes).toEqual([{ kind: 'answer', criterion: CATALOGUE, before: 'half', after: 'most', offScale: ['after'], contribution: -0.5 }]);
    const back = await explain([rubric('average'), assessment(intake('no', 'most'))], [rubric('average'), assessment(intake('no', 'half'))]);
    expect(back.dimensions[0]!.changes[0]).toMatchObject({ offScale: ['before'], contribution: 0.5 });
  });

  it('evidence and a not-applicable mark, each listed old → new', async () => {
    const before = assessment(intake('yes', 'all'));
    const after = assessment(intake('{ answer: yes, evidence: [./a.md, ./b.md] }', 'all').replace('{ kb: yes }', '{ kb: { notApplicable: { reason: Outsourced. } } }'));
    const why = await explain([rubric('average'), before], [rubric('average'), after]);
    const kinds = why.dimensions.flatMap((d) => d.changes.map((c) => [d.id, c.kind, c.before, c.after]));
    expect(kinds).toEqual([
      ['intake', 'evidence', 0, 2],
      // Its only criterion not applicable, knowledge has nothing left to rate.
      ['knowledge', 'dimension-status', 'scored', 'not-rated'],
      ['knowledge', 'answer', 'yes', 'unanswered'],
      ['knowledge', 'not-applicable', 'no', 'Outsourced.'],
    ]);
  });

  it('an exemption that starts, and one that expires', async () => {
    const exempt = (expires: string) => assessment(intake('yes', '{ answer: none, exemption: { reason: Legacy., approver: CIO, expires: ' + expires + ' } }'));
    const why = await explain([rubric('average'), assessment(intake('yes', 'none'))], [rubric('average'), exempt('2026-12-31')]);
    // Exempt, the catalogue leaves the average: (1 + 0)/2 → 2; 1/1 → 3.
    expect(why.dimensions[0]!.changes.filter((c) => c.kind === 'exemption')).toEqual([{ kind: 'exemption', criterion: CATALOGUE, before: 'none', after: 'until 2026-12-31', contribution: 1 }]);
    // Expired, it counts again.
    const expired = await explain([rubric('average'), exempt('2026-12-31')], [rubric('average'), exempt('2026-01-31')]);
    expect(expired.dimensions[0]!.changes.filter((c) => c.kind === 'exemption')).toEqual([{ kind: 'exemption', criterion: CATALOGUE, before: 'until 2026-12-31', after: 'expired 2026-01-31', contribution: -1 }]);
  });

  it('a credit the rubric changed under the same answer', async () => {
    const why = await explain([rubric('average'), assessment(intake('yes', 'half'))], [rubric('average').replace('credit: 0.5', 'credit: 0.75'), assessment(intake('yes', 'half'))]);
    // (1 + 0.5)/2 → 2.5; (1 + 0.75)/2 → 2.75.
    expect(why.dimensions[0]!.changes).toEqual([{ kind: 'credit', criterion: CATALOGUE, before: 0.5, after: 0.75, contribution: 0.25 }]);
  });

  it('a target, and a dimension’s weight, which move no dimension score', async () => {
    const why = await explain(
      [rubric('average'), assessment(intake('yes', 'all', '    target: 2\n'))],
      [rubric('average').replace('    title: Knowledge\n', '    title: Knowledge\n    weight: 3\n'), assessment(intake('yes', 'all', '    target: 3\n'))],
    );
    expect(why.dimensions.map((d) => [d.id, d.changes, d.exact])).toEqual([
      ['intake', [{ kind: 'target', before: 2, after: 3 }], true],
      ['knowledge', [{ kind: 'dimension-weight', before: 1, after: 3 }], true],
    ]);
  });

  it('a target set where there was none, and removed', async () => {
    const set = await explain([rubric('average'), assessment(intake('yes', 'all'))], [rubric('average'), assessment(intake('yes', 'all', '    target: 3\n'))]);
    expect(set.dimensions[0]!.changes).toStrictEqual([{ kind: 'target', after: 3 }]);
    const removed = await explain([rubric('average'), assessment(intake('yes', 'all', '    target: 3\n'))], [rubric('average'), assessment(intake('yes', 'all'))]);
    expect(removed.dimensions[0]!.changes).toStrictEqual([{ kind: 'target', before: 3 }]);
    // Strictly: the side without a target has no key at all.
  });

  it('a criterion’s level and weight the rubric changed', async () => {
    const why = await explain(
      [rubric('average'), assessment(intake('yes', 'none'))],
      [rubric('average').replace('level: 3, answerScale: coverage', 'level: 2, weight: 3, answerScale: coverage'), assessment(intake('yes', 'none'))],
    );
    // The weight moves the average: (1 + 0)/2 → 2; (1 + 3 × 0)/4 → 1.5.
    expect(why.dimensions[0]!.changes).toEqual([
      { kind: 'criterion-level', criterion: { ...CATALOGUE, level: 2 }, before: 3, after: 2, contribution: -0.5 },
      { kind: 'criterion-weight', criterion: { ...CATALOGUE, level: 2 }, before: 1, after: 3 },
    ]);
  });

  it('criteria the rubric added and removed', async () => {
    const added = await explain(
      [rubric('average'), assessment(intake('yes', 'none'))],
      [rubric('average').replace('      - { id: kb,', '      - { id: wiki, text: A wiki is kept., level: 3 }\n      - { id: kb,'), assessment(intake('yes', 'none'))],
    );
    // Knowledge: yes → 3; with an unanswered wiki, (1 + 0)/2 → 2.
    expect(added.dimensions).toEqual([
      { id: 'knowledge', title: 'Knowledge', before: 3, levelBefore: 3, after: 2, levelAfter: 2, changes: [{ kind: 'criterion-added', criterion: { id: 'wiki', text: 'A wiki is kept.', level: 3 }, after: 'unanswered', contribution: -1 }], exact: true },
    ]);
    const removed = await explain(
      [rubric('average'), assessment(intake('yes', 'none'))],
      [rubric('average').replace('      - { id: catalogue, text: A catalogue lists services., level: 3, answerScale: coverage }\n', ''), assessment('  intake:\n    answers: { portal: yes }\n  knowledge:\n    answers: { kb: yes }\n')],
    );
    expect(removed.dimensions[0]!.changes).toEqual([{ kind: 'criterion-removed', criterion: CATALOGUE, before: 'none', contribution: 1 }]);
  });

  it('a dimension the newer version adds, and one it removes: no overall shares then', async () => {
    const withOps = rubric('average').replace('dimensions:\n', 'dimensions:\n  - id: ops\n    title: Operations\n    criteria: [{ id: monitor, text: Monitoring runs., level: 2 }]\n');
    const added = await explain([rubric('average'), assessment(intake('yes', 'all'))], [withOps, assessment(`${intake('yes', 'all')}  ops:\n    answers: { monitor: yes }\n`)]);
    expect(added.dimensions).toEqual([{ id: 'ops', title: 'Operations', after: 3, levelAfter: 3, changes: [{ kind: 'dimension-status', before: 'new', after: 'scored' }, { kind: 'criterion-added', criterion: { id: 'monitor', text: 'Monitoring runs.', level: 2 }, after: 'yes' }], exact: false }]);
    // Every dimension is at 3, before and after: the new one's share is nothing.
    expect(added.overall).toEqual({ before: 3, after: 3, contributions: [{ id: 'ops', title: 'Operations', contribution: 0 }] });
    const removed = await explain([withOps, assessment(`${intake('yes', 'all')}  ops:\n    answers: { monitor: no }\n`)], [rubric('average'), assessment(intake('yes', 'all'))]);
    expect(removed.dimensions).toEqual([{ id: 'ops', title: 'Operations', before: 1, levelBefore: 1, changes: [{ kind: 'dimension-status', before: 'scored', after: 'removed' }], exact: false }]);
    expect(removed.overall).toEqual({ before: (3 + 3 + 1) / 3, after: 3 });
  });

  it('a dimension removed at the score of the others: the overall did not move, and still no shares', async () => {
    const withOps = rubric('average').replace('dimensions:\n', 'dimensions:\n  - id: ops\n    title: Operations\n    criteria: [{ id: monitor, text: Monitoring runs., level: 2 }]\n');
    const why = await explain([withOps, assessment(`${intake('yes', 'all')}  ops:\n    answers: { monitor: yes }\n`)], [rubric('average'), assessment(intake('yes', 'all'))]);
    expect(why.dimensions.map((d) => [d.id, d.changes.map((c) => c.kind)])).toEqual([['ops', ['dimension-status']]]);
    expect(why.overall).toStrictEqual({ before: 3, after: 3 });
  });

  it('a dimension weight the rubric changed: its share of the overall move', async () => {
    // Intake 1, knowledge 3: 2 as equals; knowledge weighed 3: (1 + 9)/4 = 2.5, all of it the weight's doing.
    const heavier = rubric('average').replace('    title: Knowledge\n', '    title: Knowledge\n    weight: 3\n');
    const why = await explain([rubric('average'), assessment(intake('no', 'none'))], [heavier, assessment(intake('no', 'none'))]);
    expect(why.overall).toStrictEqual({ before: 2, after: 2.5, contributions: [{ id: 'knowledge', title: 'Knowledge', contribution: 0.5 }] });
  });

  it('a criterion removed that was never answered', async () => {
    const unanswered = assessment('  intake:\n    answers: { portal: yes }\n  knowledge:\n    answers: { kb: yes }\n');
    const removed = await explain([rubric('average'), unanswered], [rubric('average').replace('      - { id: catalogue, text: A catalogue lists services., level: 3, answerScale: coverage }\n', ''), unanswered]);
    expect(removed.dimensions[0]!.changes).toEqual([{ kind: 'criterion-removed', criterion: CATALOGUE, before: 'unanswered', contribution: 1 }]);
  });

  it('an overall that one side does not have: no key for it, and no shares', async () => {
    // Every dimension not applicable: nothing to average.
    const none = assessment('  intake: { notApplicable: { reason: Outsourced. } }\n  knowledge: { notApplicable: { reason: Outsourced. } }\n');
    const some = assessment(intake('yes', 'all'));
    expect((await explain([rubric('average'), none], [rubric('average'), some])).overall).toStrictEqual({ after: 3 });
    expect((await explain([rubric('average'), some], [rubric('average'), none])).overall).toStrictEqual({ before: 3 });
  });

  it('nothing listed for a dimension whose inputs did not change', async () => {
    const why = await explain([rubric('average'), assessment(intake('yes', 'all'))], [rubric('average'), assessment(intake('yes', 'all'))]);
    expect(why).toEqual({ dimensions: [], overall: { before: 3, after: 3, contributions: [] } });
  });
});

describe('gated: the level each criterion opened or closed', () => {
  it('a criterion met opens its level; no longer met, closes it', async () => {
    // Gated: the level is the highest whose criteria (and those below) are all met. Portal met → 2.
    const open = await explain([rubric('gated'), assessment(intake('no', 'none'))], [rubric('gated'), assessment(intake('yes', 'none'))]);
    expect(open.dimensions).toEqual([
      { id: 'intake', title: 'Intake', before: 1, levelBefore: 1, after: 2, levelAfter: 2, changes: [{ kind: 'answer', criterion: PORTAL, before: 'no', after: 'yes', contribution: 1, opened: 2 }], exact: true },
    ]);
    const close = await explain([rubric('gated'), assessment(intake('yes', 'none'))], [rubric('gated'), assessment(intake('no', 'none'))]);
    expect(close.dimensions[0]!.changes).toEqual([{ kind: 'answer', criterion: PORTAL, before: 'yes', after: 'no', contribution: -1, closed: 2 }]);
  });

  it('two criteria that only together raise the level: no exact shares, each level opened named', async () => {
    // Alone, the catalogue opens nothing (level 2 is not met); with the portal, 1 → 3.
    const why = await explain([rubric('gated'), assessment(intake('no', 'none'))], [rubric('gated'), assessment(intake('yes', 'all'))]);
    expect(why.dimensions[0]).toEqual({
      id: 'intake',
      title: 'Intake',
      before: 1,
      levelBefore: 1,
      after: 3,
      levelAfter: 3,
      changes: [
        { kind: 'answer', criterion: PORTAL, before: 'no', after: 'yes', opened: 2 },
        { kind: 'answer', criterion: CATALOGUE, before: 'none', after: 'all', opened: 3 },
      ],
      exact: false,
    });
  });

  it('a criterion met above a level that stays closed opens nothing', async () => {
    const why = await explain([rubric('gated'), assessment(intake('no', 'none'))], [rubric('gated'), assessment(intake('no', 'all'))]);
    expect(why.dimensions[0]!.changes).toEqual([{ kind: 'answer', criterion: CATALOGUE, before: 'none', after: 'all', contribution: 0 }]);
  });

  it('a criterion the rubric added, unanswered: its share, and no level marked (it was never met)', async () => {
    // Knowledge: kb met, 2; with an unanswered wiki at 2 beside it, level 2 is not met: 1.
    const withWiki = rubric('gated').replace('      - { id: kb,', '      - { id: wiki, text: A wiki is kept., level: 2 }\n      - { id: kb,');
    const why = await explain([rubric('gated'), assessment(intake('yes', 'all'))], [withWiki, assessment(intake('yes', 'all'))]);
    expect(why.dimensions).toEqual([
      { id: 'knowledge', title: 'Knowledge', before: 2, levelBefore: 2, after: 1, levelAfter: 1, changes: [{ kind: 'criterion-added', criterion: { id: 'wiki', text: 'A wiki is kept.', level: 2 }, after: 'unanswered', contribution: -1 }], exact: true },
    ]);
  });

  it('a rubric whose method or pass credit changed: the changes, without shares or levels opened', async () => {
    // Average → gated: intake 1 → 2 as the portal is met; no share, and no level said to be opened by it.
    const method = await explain([rubric('average'), assessment(intake('no', 'none'))], [rubric('gated'), assessment(intake('yes', 'none'))]);
    expect(method.dimensions[0]).toStrictEqual({ id: 'intake', title: 'Intake', before: 1, levelBefore: 1, after: 2, levelAfter: 2, changes: [{ kind: 'answer', criterion: PORTAL, before: 'no', after: 'yes' }], exact: false });
    // A pass credit of 0.5 makes the half catalogue met: 1 → 3.
    const halfPasses = rubric('gated').replace('scoring: { method: gated }', 'scoring: { method: gated, passCredit: 0.5 }');
    const credit = await explain([rubric('gated'), assessment(intake('no', 'half'))], [halfPasses, assessment(intake('yes', 'half'))]);
    expect(credit.dimensions[0]).toStrictEqual({ id: 'intake', title: 'Intake', before: 1, levelBefore: 1, after: 3, levelAfter: 3, changes: [{ kind: 'answer', criterion: PORTAL, before: 'no', after: 'yes' }], exact: false });
  });

  it('a rubric whose scale changed: the changes, without shares', async () => {
    const four = rubric('gated').replace('{ level: 3, name: Defined }]', '{ level: 3, name: Defined }, { level: 4, name: Optimised }]');
    const why = await explain([rubric('gated'), assessment(intake('no', 'none'))], [four, assessment(intake('yes', 'none'))]);
    expect(why.dimensions[0]).toMatchObject({ changes: [{ kind: 'answer', criterion: PORTAL, before: 'no', after: 'yes' }], exact: false });
    expect(why.dimensions[0]!.changes[0]).not.toHaveProperty('contribution');
  });
});

describe('gated: a level opened or closed only by the criteria that moved it', () => {
  // Intake with a third criterion at level 3: a phone line.
  const three = rubric('gated').replace(
    '      - { id: catalogue, text: A catalogue lists services., level: 3, answerScale: coverage }\n',
    '      - { id: catalogue, text: A catalogue lists services., level: 3, answerScale: coverage }\n      - { id: phone, text: A phone line is staffed., level: 3 }\n',
  );
  const exempt = '{ answer: no, exemption: { reason: Legacy., approver: CIO, expires: 2026-12-31 } }';
  const answers = (portal: string, catalogue: string, phone: string) => assessment(`  intake:\n    answers: { portal: ${portal}, catalogue: ${catalogue}, phone: ${phone} }\n  knowledge:\n    answers: { kb: yes }\n`);
  /** Each changed criterion of intake with the level it opened or closed (or neither), and intake's levels. */
  async function marks(before: string, after: string) {
    const why = await explain([three, before], [three, after]);
    const d = why.dimensions.find((x) => x.id === 'intake')!;
    return { levels: [d.levelBefore, d.levelAfter], marks: d.changes.filter((c) => c.kind === 'answer').map((c) => [c.criterion?.id, c.opened ?? c.closed ?? '-', 'opened' in c ? 'opened' : 'closed' in c ? 'closed' : '']) };
  }

  it('a criterion met above the level reached opens nothing', async () => {
    // 1 → 2: the portal opens 2; the catalogue is met but the phone keeps 3 closed.
    expect(await marks(answers('no', 'none', 'no'), answers('yes', 'all', 'no'))).toEqual({ levels: [1, 2], marks: [['portal', 2, 'opened'], ['catalogue', '-', '']] });
  });

  it('a criterion met at a level already reached (it was exempt) opens nothing', async () => {
    // Exempt, the portal blocks nothing: 2 before; answered yes with the rest met: 3.
    expect(await marks(answers(exempt, 'none', 'yes'), answers('yes', 'all', 'yes'))).toEqual({ levels: [2, 3], marks: [['portal', '-', ''], ['catalogue', 3, 'opened']] });
  });

  it('a criterion that was exempt and is now met opens the level it sits at', async () => {
    expect(await marks(answers('yes', 'none', exempt), answers('yes', 'all', 'yes'))).toEqual({ levels: [2, 3], marks: [['catalogue', 3, 'opened'], ['phone', 3, 'opened']] });
  });

  it('a criterion no longer met below the level kept closes nothing; the one whose level went, closes it', async () => {
    // All met: 3. The portal exempt (it blocks nothing) and the catalogue at none: 2.
    expect(await marks(answers('yes', 'all', 'yes'), answers(exempt, 'none', 'yes'))).toEqual({ levels: [3, 2], marks: [['portal', '-', ''], ['catalogue', 3, 'closed']] });
  });

  it('a criterion met at both sides, at the level another opened or closed, marks nothing', async () => {
    const seen = '{ answer: yes, evidence: [./phone.md] }';
    // 2 → 3 by the catalogue; the phone, at 3, was met already (only its evidence changed).
    const up = await explain([three, answers('yes', 'none', 'yes')], [three, answers('yes', 'all', seen)]);
    expect(up.dimensions[0]!.changes.map((c) => [c.kind, c.criterion?.id, c.opened ?? c.closed ?? '-'])).toEqual([
      ['answer', 'catalogue', 3],
      ['evidence', 'phone', '-'],
    ]);
    // 3 → 2 by the catalogue; the phone is still met.
    const down = await explain([three, answers('yes', 'all', 'yes')], [three, answers('yes', 'none', seen)]);
    expect(down.dimensions[0]!.changes.map((c) => [c.kind, c.criterion?.id, c.opened ?? c.closed ?? '-'])).toEqual([
      ['answer', 'catalogue', 3],
      ['evidence', 'phone', '-'],
    ]);
  });

  it('a criterion the rubric removed under gated: listed, and it closes nothing', async () => {
    // Without the phone, the catalogue alone keeps 3 closed, as the phone did: 2 both times.
    const noPhone = three.replace('      - { id: phone, text: A phone line is staffed., level: 3 }\n', '');
    const why = await explain([three, answers('yes', 'none', 'yes')], [noPhone, assessment('  intake:\n    answers: { portal: yes, catalogue: none }\n  knowledge:\n    answers: { kb: yes }\n')]);
    expect(why.dimensions[0]!.changes).toEqual([{ kind: 'criterion-removed', criterion: { id: 'phone', text: 'A phone line is staffed.', level: 3 }, before: 'yes', contribution: 0 }]);
  });

  it('a criterion no longer met above the level there was closes nothing', async () => {
    // 2 (the catalogue keeps 3 closed) → 1: the portal closes 2; the phone, met before, was above it.
    expect(await marks(answers('yes', 'none', 'yes'), answers('no', 'none', 'no'))).toEqual({ levels: [2, 1], marks: [['portal', 2, 'closed'], ['phone', '-', '']] });
  });
});

describe('rated: the level given is the score', () => {
  const rated = (intakeLevel: string, knowledgeLevel = '3') => assessment(`  intake: { ${intakeLevel} }\n  knowledge: { level: ${knowledgeLevel} }\n`);

  it('a level changed is the whole move', async () => {
    const why = await explain([rubric('rated'), rated('level: 1')], [rubric('rated'), rated('level: 3')]);
    expect(why.dimensions).toEqual([{ id: 'intake', title: 'Intake', before: 1, levelBefore: 1, after: 3, levelAfter: 3, changes: [{ kind: 'level', before: 1, after: 3, contribution: 2 }], exact: true }]);
    expect(why.overall).toEqual({ before: 2, after: 3, contributions: [{ id: 'intake', title: 'Intake', contribution: 1 }] });
  });

  it('a level changed with a target: still the whole move, exactly', async () => {
    const why = await explain([rubric('rated'), rated('level: 1')], [rubric('rated'), rated('level: 2, target: 3')]);
    expect(why.dimensions).toEqual([{ id: 'intake', title: 'Intake', before: 1, levelBefore: 1, after: 2, levelAfter: 2, changes: [{ kind: 'target', after: 3 }, { kind: 'level', before: 1, after: 2, contribution: 1 }], exact: true }]);
  });

  it('a level given where there was none: the status moved, without a share', async () => {
    const why = await explain([rubric('rated'), rated('notApplicable: { reason: Outsourced. }')], [rubric('rated'), rated('level: 2')]);
    expect(why.dimensions).toEqual([{ id: 'intake', title: 'Intake', after: 2, levelAfter: 2, changes: [{ kind: 'dimension-status', before: 'not-applicable', after: 'scored' }], exact: false }]);
  });

  it('a dimension the rubric adds: new, without a share', async () => {
    const withOps = rubric('rated').replace('dimensions:\n', 'dimensions:\n  - id: ops\n    title: Operations\n    criteria: [{ id: monitor, text: Monitoring runs., level: 2 }]\n');
    const why = await explain([rubric('rated'), rated('level: 2')], [withOps, `${rated('level: 2')}  ops: { level: 3 }\n`]);
    expect(why.dimensions).toEqual([
      { id: 'ops', title: 'Operations', after: 3, levelAfter: 3, changes: [{ kind: 'dimension-status', before: 'new', after: 'scored' }, { kind: 'criterion-added', criterion: { id: 'monitor', text: 'Monitoring runs.', level: 2 }, after: 'unanswered' }], exact: false },
    ]);
  });

  it('a level no longer given: the status moved, without a share', async () => {
    const why = await explain([rubric('rated'), rated('level: 2')], [rubric('rated'), rated('notApplicable: { reason: Outsourced. }')]);
    expect(why.dimensions).toEqual([{ id: 'intake', title: 'Intake', before: 2, levelBefore: 2, changes: [{ kind: 'dimension-status', before: 'scored', after: 'not-applicable' }], exact: false }]);
  });
});

describe('assessors', () => {
  const responded = (bob: string) =>
    assessment('  intake:\n    answers: { portal: yes, catalogue: all }\n  knowledge: {}\n').replace(
      'dimensions:\n',
      `consensus: minimum\nresponses:\n  ann:\n    name: Ann\n    date: 2026-03-01\n    dimensions:\n      knowledge:\n        answers: { kb: yes }\n  bob:\n    name: Bob\n    date: 2026-03-02\n    dimensions:\n      knowledge:\n        answers: { ${bob} }\ndimensions:\n`,
    );

  it('each assessor whose answer changed, by id and name, after the scored answer they feed', async () => {
    const why = await explain([rubric('average'), responded('kb: yes')], [rubric('average'), responded('kb: no')]);
    // The lowest answer is scored: yes → no.
    expect(why.dimensions[0]!.changes).toEqual([
      { kind: 'answer', criterion: KB, before: 'yes', after: 'no', contribution: -2 },
      { kind: 'assessor-answer', criterion: KB, before: 'yes', after: 'no', assessor: { id: 'bob', name: 'Bob' } },
    ]);
  });

  it('responses that begin, and responses that end: each assessor’s answer from and to unanswered', async () => {
    const plain = assessment('  intake:\n    answers: { portal: yes, catalogue: all }\n  knowledge:\n    answers: { kb: yes }\n');
    const cy = assessment('  intake:\n    answers: { portal: yes, catalogue: all }\n  knowledge: {}\n').replace('dimensions:\n', 'consensus: minimum\nresponses:\n  cy:\n    name: Cy\n    date: 2026-03-01\n    dimensions:\n      knowledge:\n        answers: { kb: no }\ndimensions:\n');
    const begun = await explain([rubric('average'), plain], [rubric('average'), cy]);
    expect(begun.dimensions[0]!.changes).toStrictEqual([
      { kind: 'answer', criterion: KB, before: 'yes', after: 'no', contribution: -2 },
      { kind: 'assessor-answer', criterion: KB, before: 'unanswered', after: 'no', assessor: { id: 'cy', name: 'Cy' } },
    ]);
    const ended = await explain([rubric('average'), responded('kb: no')], [rubric('average'), plain]);
    expect(ended.dimensions[0]!.changes).toStrictEqual([
      { kind: 'answer', criterion: KB, before: 'no', after: 'yes', contribution: 2 },
      { kind: 'assessor-answer', criterion: KB, before: 'yes', after: 'unanswered', assessor: { id: 'ann', name: 'Ann' } },
      { kind: 'assessor-answer', criterion: KB, before: 'no', after: 'unanswered', assessor: { id: 'bob', name: 'Bob' } },
    ]);
  });

  it('an assessor who stopped answering', async () => {
    const why = await explain([rubric('average'), responded('kb: no')], [rubric('average'), responded('')]);
    expect(why.dimensions[0]!.changes).toEqual([
      { kind: 'answer', criterion: KB, before: 'no', after: 'yes', contribution: 2 },
      { kind: 'assessor-answer', criterion: KB, before: 'no', after: 'unanswered', assessor: { id: 'bob', name: 'Bob' } },
    ]);
  });
});
