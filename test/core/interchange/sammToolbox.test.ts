/**
 * A filled-in SAMM toolbox (built in the test from the official template's structure, see
 * test/support/sammToolboxWorkbook.ts) imported against the full-size SAMM-shaped rubric: its
 * scores equal the toolbox's own scorecard formulas and the rubric's report to 1e-9; questions
 * are matched by their ids and answers by their place in the drop-down, not by their text; blank
 * answers are reported and left unanswered; the release is said.
 */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { RubricIndex } from '../../../src/core/domain/rubricIndex';
import type { AssessmentDocumentAnalysis } from '../../../src/core/engine';
import { rubricYaml } from '../../../src/core/interchange/rubricYaml';
import { convertSamm } from '../../../src/core/interchange/samm';
import { readSammToolbox } from '../../../src/core/interchange/sammToolbox';
import { readSpreadsheet } from '../../../src/core/interchange/sheets/codec';
import type { Workbook } from '../../../src/core/interchange/sheets/workbook';
import { analyzeMemory, codesAt } from '../../support/memory';
import { sammShapedModel } from '../../support/sammShapedModel';
import { interviewRows, toolboxAnswerTexts, toolboxScores, toolboxWorkbook, type ToolboxFill } from '../../support/sammToolboxWorkbook';
import { seededRandom } from '../../support/seededAnswers';

const { files, questions } = sammShapedModel();
const conversion = convertSamm(files, { release: { version: '2.2.0', how: 'test' } });
const rubricText = rubricYaml(conversion, 'rubrics import samm');
const index = new RubricIndex(conversion.rubric);
const near = (value: number | undefined) => expect.closeTo(value as number, 9);

async function workbookOf(fill: ToolboxFill): Promise<Workbook> {
  const read = await readSpreadsheet(await toolboxWorkbook(questions, fill), 'xlsx');
  if ('refused' in read) throw new Error(read.refused);
  return read.workbook;
}

function seededFill(seed: number): ToolboxFill {
  const random = seededRandom(seed);
  const answers = new Map<string, number | undefined>();
  const notes = new Map<string, string>();
  for (const q of questions) {
    answers.set(q.sammId, random() < 0.1 ? undefined : Math.floor(random() * 4));
    if (random() < 0.2) notes.set(q.sammId, `Interview note on ${q.sammId}: <b>as said</b>.`);
  }
  return { release: '2.0.10', organization: 'Fictional Org', team: 'Payments', date: new Date(Date.UTC(2026, 2, 31)), lead: 'Dana Lead', contributors: 'Ari One, Bo Two', answers, notes };
}

describe('the SAMM toolbox, imported', () => {
  it.each([3, 17, 29, 43, 61])('seed %i: scores equal the toolbox scorecard\'s formulas and the rubric\'s report to 1e-9', async (seed) => {
    const fill = seededFill(seed);
    const result = readSammToolbox(await workbookOf(fill), index, { rubricReference: './samm.rubric.yaml', defaultDate: '2000-01-01' });
    expect(result.problems).toEqual([]);
    expect(result.release).toBe('2.0.10');
    const blanks = [...fill.answers.values()].filter((a) => a === undefined).length;
    expect(result.answered).toBe(90 - blanks);
    if (blanks) expect(result.notes).toContainEqual(expect.stringMatching(new RegExp(`^${blanks} questions? ha(s|ve) no answer and (is|are) left unanswered \\(the toolbox scores (it|them) 0, as the rubric does\\): Interview!F\\d+ \\(`)));
    expect(result.notes).toContainEqual('The toolbox is release 2.0.10, the rubric 2.2.0: questions are matched by their ids and answers by their place in the drop-down, so texts that differ between releases do not matter.');

    const assessment = YAML.stringify(result.assessment);
    const analysis = await analyzeMemory({ 'samm.rubric.yaml': rubricText, 'a.assessment.yaml': assessment }, 'a.assessment.yaml');
    expect(codesAt(analysis).filter((c) => !c.startsWith('criterion-not-answered@'))).toEqual([]);
    const score = (analysis.documents[0] as AssessmentDocumentAnalysis).score!;
    const oracle = toolboxScores(questions, fill);
    for (const [practice, expected] of oracle.practices) expect(score.dimensions.find((d) => d.title === `Practice ${practice}`)?.score).toEqual(near(expected));
    for (const [f, expected] of oracle.functions) expect(score.groups.find((g) => g.title === `${f} function`)?.score).toEqual(near(expected));
    expect(score.overall.score).toEqual(near(oracle.overall));
    // Who, where and when come from the interview's header; notes come along with their answers.
    const data = result.assessment!;
    expect([data.subject, data.date, data.assessors]).toEqual([{ organization: 'Fictional Org', unit: 'Payments' }, '2026-03-31', [{ name: 'Dana Lead', role: 'Team lead' }, { name: 'Ari One' }, { name: 'Bo Two' }]]);
    const noted = [...fill.notes!.keys()].find((id) => fill.answers.get(id) !== undefined)!;
    const q = questions.find((x) => x.sammId === noted)!;
    const dimension = conversion.rubric.dimensions.find((d) => d.criteria?.some((c) => c.id === q.id))!.id;
    expect(data.dimensions[dimension]?.answers?.[q.id]).toEqual({ answer: `Answer ${fill.answers.get(noted)} of set ${q.set.slice(3)}`, note: fill.notes!.get(noted) });
  });

  it('matches answers by their place in the drop-down: the toolbox\'s "No" and its own wording become the rubric\'s answers', async () => {
    const own = questions.find((q) => q.set === 'setC')!;
    const plain = questions.find((q) => q.set === 'setA')!;
    const answers = new Map(questions.map((q) => [q.sammId, q === own ? 2 : 0] as const));
    const result = readSammToolbox(await workbookOf({ release: '2.0.10', answers }), index, { rubricReference: './samm.rubric.yaml', defaultDate: '2026-06-30' });
    expect(toolboxAnswerTexts('setC')[2]).toBe('Yes (toolbox wording 2 of set C)');
    const dimensionOf = (id: string) => conversion.rubric.dimensions.find((d) => d.criteria?.some((c) => c.id === id))!.id;
    expect(result.assessment!.dimensions[dimensionOf(own.id)]?.answers?.[own.id]).toBe('Answer 2 of set C');
    expect(result.assessment!.dimensions[dimensionOf(plain.id)]?.answers?.[plain.id]).toBe('Answer 0 of set A');
    expect(result.assessment!.date).toBe('2026-06-30');
    expect(result.notes).toContain('Interview!D10 names no organization; the assessment says "Not named in the toolbox".');
  });

  it('reads the drop-down from imp-questions and imp-answers when DV-Lists has no values (a file never recalculated)', async () => {
    const fill = seededFill(5);
    const workbook = await workbookOf(fill);
    const emptied: Workbook = { ...workbook, sheets: workbook.sheets.map((s) => (s.name === 'DV-Lists' ? { ...s, rows: new Map() } : s)) };
    const result = readSammToolbox(emptied, index, { rubricReference: './samm.rubric.yaml', defaultDate: '2000-01-01' });
    expect(result.problems).toEqual([]);
    expect(result.assessment).toEqual(readSammToolbox(workbook, index, { rubricReference: './samm.rubric.yaml', defaultDate: '2000-01-01' }).assessment);
  });

  it('says which cell holds an answer it cannot place: a text not in the drop-down, a question the rubric lacks, no Interview sheet', async () => {
    const first = questions[0]!;
    const fill: ToolboxFill = { release: '2.0.10', answers: new Map(), typed: new Map([[first.sammId, 'Yes, mostly']]) };
    const workbook = await workbookOf(fill);
    const row = interviewRows(questions).get(first.sammId)!;
    const result = readSammToolbox(workbook, index, { rubricReference: './samm.rubric.yaml', defaultDate: '2000-01-01' });
    expect(result.problems).toEqual([{ cell: `Interview!F${row}`, message: `"Yes, mostly" is not one of the answers of the drop-down of ${first.sammId}-1 ("No", "Answer 1 of set A", "Answer 2 of set A", "Answer 3 of set A").` }]);
    const other = new RubricIndex({ ...conversion.rubric, dimensions: conversion.rubric.dimensions.slice(1) });
    expect(readSammToolbox(workbook, other, { rubricReference: './x', defaultDate: '2000-01-01' }).problems[0]).toEqual({ cell: `Interview!A${row}`, message: expect.stringContaining(`No criterion of the rubric owasp-samm is SAMM's activity ${first.sammId}.`) });
    const noInterview: Workbook = { ...workbook, sheets: workbook.sheets.filter((s) => s.name !== 'Interview') };
    expect(readSammToolbox(noInterview, index, { rubricReference: './x', defaultDate: '2000-01-01' }).problems).toEqual([{ cell: 'Interview!A1', message: expect.stringContaining('is not a SAMM toolbox') }]);
  });
});
