/**
 * Adding an assessor: their response under `responses` with the name, role and date the format
 * asks for, as new lines only (every other byte stays), `responses` and the chosen consensus rule
 * created in an assessment that has neither, and a clear refusal (naming the field) for an empty
 * name, an id that is already an assessor's, a date that is none, or no consensus rule.
 */
import { describe, expect, it } from 'vitest';
import type { AssessmentDocumentAnalysis } from '../../../src/core/engine';
import { parseDocuments } from '../../../src/core/document/located';
import { answerEdits, applyTextEdits } from '../../../src/core/language/answerEdits';
import { addAssessorEdits, assessorIdFor, type NewAssessor } from '../../../src/core/language/assessorEdits';
import { buildReport } from '../../../src/core/report';
import { ANSWERED_PORTAL, analyzeDesk, TWO_ASSESSORS } from '../../support/questionnaireFixtures';

const LENA: NewAssessor = { name: 'Lena Berg', date: '2026-04-02' };

function added(text: string, assessor: NewAssessor): { id: string; text: string } {
  const result = addAssessorEdits(text, parseDocuments(text).documents[0]!, assessor);
  if ('refused' in result) throw new Error(result.refused);
  return { id: result.id, text: applyTextEdits(text, result.edits) };
}

function refusal(text: string, assessor: NewAssessor) {
  const result = addAssessorEdits(text, parseDocuments(text).documents[0]!, assessor);
  return 'refused' in result ? result : { edits: result.edits };
}

async function scoreAndCodes(text: string) {
  const analysis = await analyzeDesk(text);
  const doc = analysis.documents[0] as AssessmentDocumentAnalysis;
  return { codes: analysis.diagnostics.map((d) => `${d.severity} ${d.code}`), overall: doc.score?.overall.score, dimensions: doc.score?.dimensions.map((d) => [d.id, d.score]) };
}

describe('the id of a new assessor', () => {
  it('is the name in kebab-case, accents and marks dropped', () => {
    expect(assessorIdFor('Lena Berg')).toBe('lena-berg');
    expect(assessorIdFor('  Tomás  Ortiz ')).toBe('tomas-ortiz');
    expect(assessorIdFor("Aoife O'Brien-Walsh")).toBe('aoife-o-brien-walsh');
    // A name with no letter the format's ids can hold still gives an id.
    expect(assessorIdFor('李雷')).toBe('assessor');
    expect(assessorIdFor('2nd reviewer')).toBe('assessor-2nd-reviewer');
  });
});

describe('adding an assessor', () => {
  it('adds the first one to an assessment without responses: `consensus` and `responses` after its last key, the date unquoted, comments kept', async () => {
    const { id, text } = added(ANSWERED_PORTAL, { ...LENA, consensus: 'median' });
    expect(id).toBe('lena-berg');
    expect(text).toBe(`${ANSWERED_PORTAL}consensus: median\nresponses:\n  lena-berg:\n    name: Lena Berg\n    date: 2026-04-02\n`);
    // The agreed answers stay the assessment's own; nothing new is reported, the scores are the same.
    const [before, after] = await Promise.all([scoreAndCodes(ANSWERED_PORTAL), scoreAndCodes(text)]);
    expect(after).toEqual(before);
    expect(after.overall).toBeGreaterThan(0);
    // And the report lists her among the assessors, with no answers yet.
    const report = buildReport(await analyzeDesk(text));
    expect(report.assessment?.responses?.assessors.map((a) => [a.id, a.name, a.date, a.answers])).toEqual([['lena-berg', 'Lena Berg', '2026-04-02', 0]]);
    expect(report.assessment?.responses?.consensus).toBe('median');
  });

  it('adds a second one after the last response, with a role, keeping the file\'s consensus rule; their answers then count', async () => {
    const { id, text } = added(TWO_ASSESSORS, { name: 'Ana Lima', role: 'Service Desk Lead', date: '2026-04-02', consensus: 'minimum' });
    expect(id).toBe('ana-lima');
    expect(text).toBe(TWO_ASSESSORS.replace('    date: 2026-03-12\n', '    date: 2026-03-12\n  ana-lima:\n    name: Ana Lima\n    role: Service Desk Lead\n    date: 2026-04-02\n'));
    expect(await scoreAndCodes(text)).toEqual(await scoreAndCodes(TWO_ASSESSORS));
    // Her first answer goes under her response through the answer edits, as any assessor's does.
    const answered = answerEdits(text, parseDocuments(text).documents[0]!, [{ dimension: 'reporting', criterion: 'monthly', answer: 'yes' }], { dimensionsPath: ['responses', id, 'dimensions'] });
    if ('refused' in answered) throw new Error(answered.refused);
    const withAnswer = applyTextEdits(text, answered.edits);
    expect(withAnswer).toBe(text.replace('    role: Service Desk Lead\n    date: 2026-04-02\n', '    role: Service Desk Lead\n    date: 2026-04-02\n    dimensions:\n      reporting:\n        answers:\n          monthly: yes\n'));
    const report = buildReport(await analyzeDesk(withAnswer));
    expect(report.assessment?.responses?.assessors.map((a) => [a.id, a.answers])).toEqual([['priya', 2], ['tomas', 0], ['ana-lima', 1]]);
    expect((await scoreAndCodes(withAnswer)).codes.filter((c) => c.startsWith('error'))).toEqual([]);
  });

  it('keeps a comment on the responses line and the entries around it', () => {
    const text = TWO_ASSESSORS.replace('responses:\n', 'responses:   # three interviews\n');
    expect(added(text, LENA).text).toBe(text.replace('    date: 2026-03-12\n', '    date: 2026-03-12\n  lena-berg:\n    name: Lena Berg\n    date: 2026-04-02\n'));
  });

  it('writes into an empty `responses: {}` and into a flow map, in their style', () => {
    const empty = ANSWERED_PORTAL.replace('date: 2026-03-31\n', 'date: 2026-03-31\nconsensus: median\nresponses: {}\n');
    expect(added(empty, LENA).text).toBe(empty.replace('responses: {}\n', 'responses:\n  lena-berg:\n    name: Lena Berg\n    date: 2026-04-02\n'));
    const flow = ANSWERED_PORTAL.replace('date: 2026-03-31\n', 'date: 2026-03-31\nconsensus: median\nresponses: { tomas: { name: Tomás Ortiz, date: 2026-03-12 } }\n');
    expect(added(flow, LENA).text).toBe(flow.replace('date: 2026-03-12 } }', 'date: 2026-03-12 }, lena-berg: { name: Lena Berg, date: 2026-04-02 } }'));
  });

  it('takes an id given with the name (the CLI\'s --assessor)', () => {
    expect(added(TWO_ASSESSORS, { ...LENA, id: 'lena' }).text).toContain('\n  lena:\n    name: Lena Berg\n    date: 2026-04-02\n');
  });
});

describe('what adding an assessor refuses, with no edit', () => {
  it('an empty name, or one of several lines', () => {
    expect(refusal(TWO_ASSESSORS, { ...LENA, name: '' })).toEqual({ refused: "Write the new assessor's name.", field: 'name' });
    expect(refusal(TWO_ASSESSORS, { ...LENA, name: '   ' })).toEqual({ refused: "Write the new assessor's name.", field: 'name' });
    expect(refusal(TWO_ASSESSORS, { ...LENA, name: 'Lena\nBerg' })).toEqual({ refused: 'Write the name on one line.', field: 'name' });
    expect(refusal(TWO_ASSESSORS, { ...LENA, role: 'Lead\u2028Analyst' })).toEqual({ refused: 'Write the role on one line.', field: 'role' });
  });

  it('a name whose id is already an assessor\'s, saying whose; an id given that is taken', () => {
    expect(refusal(TWO_ASSESSORS, { ...LENA, name: 'Priya' })).toEqual({ refused: 'The assessment already has an assessor "priya" (Priya Raman). To add someone else, write their name so that it differs, with a surname or an initial.', field: 'name' });
    expect(refusal(TWO_ASSESSORS, { ...LENA, id: 'tomas' })).toEqual({ refused: expect.stringContaining('already has an assessor "tomas" (Tomás Ortiz)'), field: 'id' });
    // A name that differs in case and accents only is the same id.
    expect(refusal(TWO_ASSESSORS, { ...LENA, name: 'TOMÁS' })).toMatchObject({ field: 'name' });
  });

  it('an id the format does not take, a date that is not a real YYYY-MM-DD, a name longer than the format allows', () => {
    expect(refusal(TWO_ASSESSORS, { ...LENA, id: 'Lena_B' })).toEqual({ refused: '"Lena_B" is not an id the format takes: lowercase letters, digits and single hyphens, starting with a letter.', field: 'id' });
    expect(refusal(TWO_ASSESSORS, { ...LENA, date: '2026-02-30' })).toEqual({ refused: '"2026-02-30" is not a date: write it as YYYY-MM-DD, for example 2026-06-30.', field: 'date' });
    expect(refusal(TWO_ASSESSORS, { ...LENA, date: '02/04/2026' })).toMatchObject({ field: 'date' });
    // What the page sent is quoted as every message quotes input: one line, at most 40 characters.
    expect(refusal(TWO_ASSESSORS, { ...LENA, date: `2026-01-01\n${'x'.repeat(500)}` })).toEqual({ refused: `"2026-01-01 ${'x'.repeat(28)}…" is not a date: write it as YYYY-MM-DD, for example 2026-06-30.`, field: 'date' });
    expect(refusal(TWO_ASSESSORS, { ...LENA, date: '' })).toEqual({ refused: 'Write the day the assessor answered, as YYYY-MM-DD (for example 2026-06-30).', field: 'date' });
    expect(refusal(TWO_ASSESSORS, { ...LENA, name: `Lena ${'B'.repeat(200)}`, id: 'lena' })).toEqual({ refused: 'The name is longer than the 200 characters the format allows; shorten it.', field: 'name' });
    expect(refusal(TWO_ASSESSORS, { ...LENA, role: 'R'.repeat(201) })).toEqual({ refused: 'The role is longer than the 200 characters the format allows; shorten it.', field: 'role' });
    // At the limit it passes.
    expect(refusal(TWO_ASSESSORS, { ...LENA, role: 'R'.repeat(200) })).toHaveProperty('edits');
  });

  it('the first assessor of an assessment without a consensus rule, unless one is chosen', () => {
    expect(refusal(ANSWERED_PORTAL, LENA)).toEqual({ refused: expect.stringContaining('The assessment has no consensus rule'), field: 'consensus' });
    expect(refusal(ANSWERED_PORTAL, { ...LENA, consensus: 'minimum' })).toHaveProperty('edits');
    // A rule that needs more than itself, or none at all (a page is untrusted), is refused.
    expect(refusal(ANSWERED_PORTAL, { ...LENA, consensus: 'adjudicator' as 'median' })).toEqual({ refused: '"adjudicator" is not a rule to start with: choose median or minimum.', field: 'consensus' });
  });

  it('an assessment whose `responses` is not a map', () => {
    const odd = ANSWERED_PORTAL.replace('date: 2026-03-31\n', 'date: 2026-03-31\nconsensus: median\nresponses: [lena]\n');
    expect(refusal(odd, LENA)).toEqual({ refused: expect.stringContaining('responses is not a map'), field: 'file' });
  });
});
