/**
 * The questionnaire of an assessment with several assessors: whose answers the form edits (the
 * agreed ones by default, or one assessor's), what each criterion then shows as chosen and where it
 * is written, the other answers and the scored one beside it; and without responses, the
 * questionnaire it always was.
 */
import { describe, expect, it } from 'vitest';
import { buildQuestionnaire, type QuestionnaireCriterion, type QuestionnaireModel } from '../../../src/core/report/questionnaire';
import { ANSWERED_PORTAL, analyzeDesk, deskQuestionnaire, TWO_ASSESSORS } from '../../support/questionnaireFixtures';

async function of(assessor?: string, text = TWO_ASSESSORS): Promise<QuestionnaireModel> {
  const q = buildQuestionnaire(await analyzeDesk(text), undefined, assessor !== undefined ? { assessor } : {});
  if ('unavailable' in q) throw new Error(q.unavailable);
  return q;
}

const criterion = (q: QuestionnaireModel, id: string) => q.dimensions.flatMap((d) => d.criteria).find((c) => c.id === id) as QuestionnaireCriterion;
/** What a criterion's form shows: the chosen answer, its source, its note, the other answers and the scored one. */
const shown = (c: QuestionnaireCriterion) => ({ selected: c.selected, source: c.source, note: c.note, others: c.others, scored: c.scored });
/** The text at a criterion's source offset: the key of the entry the form edits. */
const keyAt = (c: QuestionnaireCriterion) => (c.sourceOffset === undefined ? undefined : TWO_ASSESSORS.slice(c.sourceOffset, TWO_ASSESSORS.indexOf(':', c.sourceOffset)));
const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : TWO_ASSESSORS.slice(0, offset).split('\n').length);

describe('the questionnaire of an assessment with several assessors', () => {
  it('names its assessors, with how many criteria each answered, and edits the agreed answers by default', async () => {
    const q = await of();
    expect(q.assessors).toEqual([
      { id: 'priya', name: 'Priya Raman', role: 'Lead Architect', date: '2026-03-10', answered: 2 },
      { id: 'tomas', name: 'Tomás Ortiz', date: '2026-03-12', answered: 0 },
    ]);
    expect(q.answering).toBeUndefined();
    expect(q.consensus).toBe('median');
  });

  it('in the agreed answers: the agreed answer chosen where there is one, the assessors\' and the scored answer beside it', async () => {
    const q = await of();
    expect(shown(criterion(q, 'catalogue'))).toEqual({ selected: 'Some', source: 'own', note: undefined, others: [{ assessor: 'Priya Raman', answer: 'most' }], scored: { answer: 'Some', from: 'agreed' } });
    // The portal has no agreed answer: nothing is chosen (the consensus is not the agreed answer), and it is scored from Priya's.
    expect(shown(criterion(q, 'portal'))).toEqual({ selected: undefined, source: 'unanswered', note: undefined, others: [{ assessor: 'Priya Raman', answer: 'yes' }], scored: { answer: 'yes', from: 'consensus' } });
    expect(keyAt(criterion(q, 'catalogue'))).toBe('catalogue');
    expect(lineOf(criterion(q, 'catalogue').sourceOffset)).toBe(lineOf(TWO_ASSESSORS.indexOf('catalogue: Some')));
    expect(q.progress).toEqual({ answered: 1, total: 5, excluded: 0 });
  });

  it('in an assessor\'s answers: theirs chosen, with their note, where their response writes it; the others\' and the agreed one beside it', async () => {
    const q = await of('priya');
    expect(q.answering).toBe('priya');
    expect(shown(criterion(q, 'catalogue'))).toEqual({ selected: 'most', source: 'own', note: 'Most requests are in it.', others: [{ answer: 'Some' }], scored: { answer: 'Some', from: 'agreed' } });
    expect(shown(criterion(q, 'portal'))).toEqual({ selected: 'yes', source: 'own', note: undefined, others: [], scored: { answer: 'yes', from: 'consensus' } });
    expect(lineOf(criterion(q, 'portal').sourceOffset)).toBe(lineOf(TWO_ASSESSORS.indexOf('portal: yes')));
    expect(lineOf(criterion(q, 'catalogue').sourceOffset)).toBe(lineOf(TWO_ASSESSORS.indexOf('catalogue:\n')));
    expect(q.progress.answered).toBe(2);
    // The first criterion of the next dimension: not answered by Priya, and nowhere written yet.
    expect(shown(criterion(q, 'kb'))).toEqual({ selected: undefined, source: 'unanswered', note: undefined, others: [], scored: undefined });
    expect(criterion(q, 'kb').sourceOffset).toBeUndefined();
  });

  it('in the answers of an assessor who answered nothing yet: nothing chosen, Priya\'s answers beside them', async () => {
    const q = await of('tomas');
    expect(q.progress.answered).toBe(0);
    expect(shown(criterion(q, 'portal'))).toEqual({ selected: undefined, source: 'unanswered', note: undefined, others: [{ assessor: 'Priya Raman', answer: 'yes' }], scored: { answer: 'yes', from: 'consensus' } });
    expect(q.dimensions.flatMap((d) => d.criteria).every((c) => c.sourceOffset === undefined)).toBe(true);
  });

  it('edits the agreed answers for an id that names no assessor (a response renamed or removed since)', async () => {
    const q = await of('pirya');
    expect(q.answering).toBeUndefined();
    expect(criterion(q, 'catalogue').selected).toBe('Some');
  });
});

describe('the questionnaire of an assessment without responses', () => {
  it('is the one it always was: no assessors, no other answers, the assessment\'s answers chosen', async () => {
    const q = await deskQuestionnaire(ANSWERED_PORTAL);
    expect([q.assessors, q.answering, q.consensus]).toEqual([[], undefined, undefined]);
    expect(q.dimensions.flatMap((d) => d.criteria).every((c) => c.others.length === 0 && c.scored === undefined)).toBe(true);
    expect(shown(criterion(q, 'portal'))).toEqual({ selected: 'yes', source: 'own', note: 'Seen on site.', others: [], scored: undefined });
    // An assessor asked for where there are none changes nothing either.
    expect(await of('priya', ANSWERED_PORTAL)).toEqual(q);
  });
});
