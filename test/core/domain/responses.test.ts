/**
 * Several assessors in one assessment (`responses`, `consensus`, `adjudicator`): what is scored,
 * what is reported and where, and the answer edit for one assessor (answerEdits with the path of
 * that assessor's dimensions). The consensus rules themselves are in consensus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { AssessmentDocumentAnalysis, FileAnalysis } from '../../../src/core/engine';
import { parseDocuments } from '../../../src/core/document/located';
import { answerEdits, applyTextEdits } from '../../../src/core/language/answerEdits';
import { analyzeMemory, codesAt, yaml } from '../../support/memory';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';

/** A gated rubric: one dimension of three criteria (one on a coverage scale, one requiring evidence), and a second dimension. */
const RUBRIC = rubricYaml(yaml`
  levels: [{ level: 1, name: Initial }, { level: 2, name: Managed }, { level: 3, name: Defined }]
  answerScales:
    coverage: { answers: [{ value: none, credit: 0 }, { value: some, credit: 0.5 }, { value: all, credit: 1 }] }
  dimensions:
    - id: intake
      title: Intake
      criteria:
        - { id: portal, text: A portal takes requests., level: 2 }
        - { id: catalogue, text: A catalogue lists services., level: 2, answerScale: coverage }
        - { id: audit, text: Requests are audited., level: 3, evidenceRequired: true }
    - id: knowledge
      title: Knowledge
      criteria:
        - { id: kb, text: A knowledge base exists., level: 2 }
`);

/** An assessment whose top lines are `head` (consensus, adjudicator, responses) and whose own dimensions are `dimensions`. */
function assessment(head: string, dimensions = '  knowledge:\n    answers: { kb: yes }\n'): string {
  return assessmentYaml(`${head}dimensions:\n${dimensions}`);
}

/** Two assessors on intake: they agree on the portal, differ on the catalogue (all / some) and on the audit (yes / no). */
const TWO = `responses:
  priya:
    name: Priya Raman
    date: 2026-03-10
    dimensions:
      intake:
        answers:
          portal: yes
          catalogue: all
          audit: { answer: yes, evidence: [https://wiki.example.com/audit], note: The March audit log. }
  tomas:
    name: Tomás Ferreira
    date: 2026-03-12
    dimensions:
      intake:
        answers: { portal: yes, catalogue: some, audit: no }
`;

async function analyze(text: string): Promise<FileAnalysis> {
  return analyzeMemory({ 'desk.rubric.yaml': RUBRIC, 'entry.yaml': text }, 'entry.yaml');
}

function scored(analysis: FileAnalysis): AssessmentDocumentAnalysis {
  const doc = analysis.documents[0] as AssessmentDocumentAnalysis;
  if (!doc.score) throw new Error(`not scored: ${analysis.diagnostics.map((d) => d.message).join(' / ')}`);
  return doc;
}

const codes = async (text: string) => codesAt(await analyze(text));

/** The score of the same assessment with `answers` written as its own answers on intake. */
async function scoreWithOwnAnswers(answers: string): Promise<number | undefined> {
  return scored(await analyze(assessment('', `  intake:\n    answers: ${answers}\n  knowledge:\n    answers: { kb: yes }\n`))).score?.overall.score;
}

describe('the answer that is scored', () => {
  it('is the median of the assessors\' answers (the lower middle of two), scored exactly as if written by hand', async () => {
    const doc = scored(await analyze(assessment(`consensus: median\n${TWO}`)));
    const intake = doc.score!.dimensions.find((d) => d.id === 'intake')!;
    expect(intake.status).toBe('scored');
    expect(intake.criteria.map((c) => [c.id, c.answer])).toEqual([['portal', 'yes'], ['catalogue', 'some'], ['audit', 'no']]);
    expect(doc.score!.overall.score).toBe(await scoreWithOwnAnswers('{ portal: yes, catalogue: some, audit: no }'));
  });

  it('is the lowest answer under minimum, and the adjudicator\'s under adjudicator', async () => {
    const lowest = scored(await analyze(assessment(`consensus: minimum\n${TWO}`)));
    expect(lowest.score!.dimensions[0]!.criteria.map((c) => c.answer)).toEqual(['yes', 'some', 'no']);
    const byPriya = scored(await analyze(assessment(`consensus: adjudicator\nadjudicator: priya\n${TWO}`)));
    expect(byPriya.score!.dimensions[0]!.criteria.map((c) => c.answer)).toEqual(['yes', 'all', 'yes']);
    expect(byPriya.score!.overall.score).toBe(await scoreWithOwnAnswers('{ portal: yes, catalogue: all, audit: { answer: yes, evidence: [https://wiki.example.com/audit] } }'));
  });

  it('is none where the adjudicator has not answered and the others differ, and the one they share where they agree', async () => {
    const text = assessment(`consensus: adjudicator\nadjudicator: grace\n${TWO}  grace:\n    name: Grace Whitfield\n    date: 2026-03-20\n    dimensions: {}\n`);
    const analysis = await analyze(text);
    const criteria = scored(analysis).score!.dimensions[0]!.criteria;
    expect(criteria.map((c) => [c.id, c.answer, c.credit])).toEqual([['portal', 'yes', 1], ['catalogue', undefined, 0], ['audit', undefined, 0]]);
    const messages = analysis.diagnostics.filter((d) => d.code === 'assessors-disagree').map((d) => d.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('The adjudicator (Grace Whitfield) has not answered, so the criterion counts as unanswered.');
    // Answered by the assessors, so not "not answered": the disagreement says what is wrong.
    expect(codesAt(analysis).filter((c) => c.startsWith('criterion-not-answered'))).toEqual([]);
  });

  it('is the assessment\'s own answer where it writes one: that settles the criterion, and the disagreement is no longer reported', async () => {
    const doc = scored(await analyze(assessment(`consensus: median\n${TWO}`, '  intake:\n    answers: { catalogue: all }\n  knowledge:\n    answers: { kb: yes }\n')));
    const catalogue = doc.score!.dimensions[0]!.criteria.find((c) => c.id === 'catalogue')!;
    expect(catalogue).toMatchObject({ answer: 'all', credit: 1, settled: true, agreement: { agree: false, consensus: { answer: 'some' } } });
    expect(doc.diagnostics.filter((d) => d.code === 'assessors-disagree').map((d) => d.data?.criterionId)).toEqual(['audit']);
  });

  it('leaves the consensus out where the assessment marks the criterion not applicable, with no conflict and no disagreement reported', async () => {
    const text = assessment(`consensus: median\n${TWO}`, '  intake:\n    answers:\n      audit: { notApplicable: { reason: No audit function. } }\n  knowledge:\n    answers: { kb: yes }\n');
    const doc = scored(await analyze(text));
    const audit = doc.score!.dimensions[0]!.criteria.find((c) => c.id === 'audit')!;
    expect(audit).toMatchObject({ status: 'not-applicable', answered: false });
    expect((await codes(text)).filter((c) => c.startsWith('exemption-conflict'))).toEqual([]);
    expect(doc.diagnostics.filter((d) => d.code === 'assessors-disagree').map((d) => d.data?.criterionId)).toEqual(['catalogue']);
  });

  it('makes a dimension only the assessors answered an assessed one', async () => {
    const text = assessment(`consensus: median\n${TWO}`);
    const doc = scored(await analyze(text));
    expect(doc.score!.dimensions.map((d) => [d.id, d.status])).toEqual([['intake', 'scored'], ['knowledge', 'scored']]);
    expect((await codes(text)).filter((c) => /dimension-not-assessed|criterion-not-answered/.test(c))).toEqual([]);
  });

  it('counts the evidence an assessor gave for the answer that is scored, each link once', async () => {
    const both = TWO.replace('audit: no }', 'audit: { answer: yes, evidence: [https://wiki.example.com/audit, ./audit.md] } }');
    const doc = scored(await analyze(assessment(`consensus: median\n${both}`)));
    const audit = doc.score!.dimensions[0]!.criteria.find((c) => c.id === 'audit')!;
    expect(audit).toMatchObject({ answer: 'yes', evidenceMissing: false });
    expect(audit.evidence).toEqual(['https://wiki.example.com/audit', './audit.md']);
  });

  it('reports a positive consensus without evidence where the answer that won is written', async () => {
    const text = assessment(`consensus: median\n${TWO.replace('audit: { answer: yes, evidence: [https://wiki.example.com/audit], note: The March audit log. }', 'audit: yes').replace('audit: no }', 'audit: yes }')}`);
    const analysis = await analyze(text);
    const missing = analysis.diagnostics.filter((d) => d.code === 'evidence-missing');
    expect(missing).toHaveLength(1);
    expect(text.slice(missing[0]!.range.start, missing[0]!.range.end)).toBe('audit');
    expect(text.slice(0, missing[0]!.range.start)).toContain('priya');
    expect(text.slice(0, missing[0]!.range.start)).not.toContain('tomas');
  });

  it('ignores responses whose consensus rule is missing (a schema error), scoring the assessment\'s own answers', async () => {
    const analysis = await analyze(assessment(TWO));
    expect(analysis.diagnostics.filter((d) => d.code === 'schema-required').map((d) => d.message)).toEqual(['This document has "responses" but not "consensus"; the two go together, so add "consensus".']);
    expect(analysis.diagnostics.filter((d) => d.code === 'assessors-disagree')).toEqual([]);
  });

  it('asks for the adjudicator when the rule is adjudicator, and for consensus beside an adjudicator', async () => {
    const missing = await analyze(assessment(`consensus: adjudicator\n${TWO}`));
    expect(missing.diagnostics.map((d) => [d.code, d.message])).toContainEqual(['schema-required', 'This document is missing the required key "adjudicator". Add it.']);
    expect(missing.diagnostics.filter((d) => d.code === 'schema-invalid')).toEqual([]);
    const alone = await analyze(assessment(`adjudicator: priya\n`));
    expect(alone.diagnostics.map((d) => d.code)).toContain('schema-required');
  });

  it('keeps every existing assessment as it was: no responses, no agreement facts', async () => {
    const doc = scored(await analyze(assessment('', '  intake:\n    answers: { portal: yes, catalogue: all, audit: no }\n  knowledge:\n    answers: { kb: yes }\n')));
    expect(doc.facts?.responses).toEqual([]);
    expect(doc.facts?.agreement.size).toBe(0);
    expect(doc.score!.dimensions[0]!.criteria.every((c) => c.agreement === undefined && c.settled === undefined)).toBe(true);
  });
});

describe('an answer edit for one assessor (answerEdits with that assessor\'s dimensions)', () => {
  const text = assessment(`consensus: median\n${TWO}`);
  const change = (assessor: string, criterion: string, answer: string) => {
    const doc = parseDocuments(text).documents[0]!;
    const result = answerEdits(text, doc, [{ dimension: 'intake', criterion, answer }], { dimensionsPath: ['responses', assessor, 'dimensions'] });
    if ('refused' in result) throw new Error(result.refused);
    return applyTextEdits(text, result.edits);
  };

  it('changes that assessor\'s answer alone, byte for byte elsewhere, and the consensus follows', async () => {
    const after = change('tomas', 'catalogue', 'all');
    expect(after).toBe(text.replace('catalogue: some', 'catalogue: all'));
    const doc = scored(await analyze(after));
    expect(doc.score!.dimensions[0]!.criteria.find((c) => c.id === 'catalogue')).toMatchObject({ answer: 'all', agreement: { agree: true } });
    expect(doc.diagnostics.filter((d) => d.code === 'assessors-disagree').map((d) => d.data?.criterionId)).toEqual(['audit']);
  });

  it('inside a map answer it changes only the answer, keeping the assessor\'s note and evidence', async () => {
    const after = change('priya', 'audit', 'no');
    expect(after).toBe(text.replace('audit: { answer: yes, evidence', 'audit: { answer: no, evidence'));
    const doc = scored(await analyze(after));
    expect(doc.score!.dimensions[0]!.criteria.find((c) => c.id === 'audit')).toMatchObject({ answer: 'no', agreement: { agree: true, answers: [{ assessor: 'priya', note: 'The March audit log.' }, { assessor: 'tomas' }] } });
  });

  it('adds the dimensions of an assessor who has answered nothing yet, leaving the others untouched', async () => {
    const fresh = assessment(`consensus: median\n${TWO}  grace:\n    name: Grace Whitfield\n    date: 2026-03-20\n`);
    const doc = parseDocuments(fresh).documents[0]!;
    const result = answerEdits(fresh, doc, [{ dimension: 'knowledge', criterion: 'kb', answer: 'no' }], { dimensionsPath: ['responses', 'grace', 'dimensions'] });
    if ('refused' in result) throw new Error(result.refused);
    const after = applyTextEdits(fresh, result.edits);
    expect(after).toBe(fresh.replace('    date: 2026-03-20\n', '    date: 2026-03-20\n    dimensions:\n      knowledge:\n        answers:\n          kb: no\n'));
    // The assessment's own "kb: yes" settles it, so her "no" is on record but not scored.
    const scoredDoc = scored(await analyze(after));
    expect(scoredDoc.score!.dimensions[1]!.criteria[0]).toMatchObject({ answer: 'yes', settled: true, agreement: { answers: [{ assessor: 'grace', answer: 'no' }] } });
  });
});
