import { describe, expect, it } from 'vitest';
import { buildQuestionnaire } from '../../../src/core/report/questionnaire';
import { analyzeMemory } from '../../support/memory';
import { DESK_RUBRIC, deskAssessment, deskQuestionnaire } from '../../support/questionnaireFixtures';

const RUBRIC = DESK_RUBRIC;
const assessment = deskAssessment;
const questionnaire = (dimensions: string) => deskQuestionnaire(deskAssessment(dimensions));

const ANSWERED = `  self-service:
    answers:
      portal:
        answer: yes
        note: Seen on site.
        evidence: [https://wiki.example/portal, { title: Minutes, url: ./minutes.md, asOf: 2026-02-01 }]
      catalogue: SOME
  knowledge:
    answers:
      kb: { notApplicable: { reason: No knowledge base in scope. } }
      kb-reviewed: { exemption: { reason: Migration, approver: CIO, expires: 2026-12-31 } }
  reporting:
    notApplicable: { reason: Reporting is outsourced. }
    answers:
      monthly: yes
`;

describe('the questionnaire of an assessment', () => {
  it('lists every dimension and criterion of the rubric in rubric order, assessed or not', async () => {
    const q = await questionnaire('  knowledge:\n    answers:\n      kb: yes\n');
    expect(q.dimensions.map((d) => [d.id, d.criteria.map((c) => c.id)])).toEqual([
      ['self-service', ['portal', 'catalogue']],
      ['knowledge', ['kb', 'kb-reviewed']],
      ['reporting', ['monthly']],
    ]);
    expect(q.title).toBe('Kestrel, 2026-03-31');
    expect(q.rubricTitle).toBe('Service desk');
    expect(q.terms.criterion).toBe('Practice');
  });

  it('gives each criterion what an interviewer needs: text, title, guidance, questions with what to look for, level and scale', async () => {
    const q = await questionnaire('  knowledge: {}\n');
    const [portal, catalogue] = q.dimensions[0]!.criteria;
    expect(portal).toMatchObject({
      title: 'Portal',
      text: 'A portal takes requests.',
      guidance: 'Look at the *portal* itself.',
      questions: [{ ask: 'Who runs the portal?', lookFor: [] }, { ask: 'How many requests start there?', lookFor: ["The portal's monthly report", 'The ticket split by channel'] }],
      level: 2,
      levelName: 'Managed',
      scaleName: 'yes-no',
      options: [{ value: 'yes', credit: 1, description: 'The criterion is met.' }, { value: 'no', credit: 0, description: 'The criterion is not met.' }],
      source: 'unanswered',
    });
    expect(catalogue).toMatchObject({ scaleName: 'coverage', qualityCriteria: ['Every entry has an owner'], evidenceRequired: true, questions: [] });
    expect(catalogue?.options.map((o) => o.value)).toEqual(['none', 'Some', 'most', 'all']);
    expect(catalogue?.guidance).toBeUndefined();
    expect(catalogue?.levelName).toBeUndefined();
    expect(q.dimensions[0]).toMatchObject({ group: 'Front office', description: 'How users help themselves.' });
  });

  it('says where each answer comes from: written here, not yet, not applicable or exempt', async () => {
    const q = await questionnaire(ANSWERED);
    const byId = new Map(q.dimensions.flatMap((d) => d.criteria.map((c) => [c.id, c])));
    expect(byId.get('portal')).toMatchObject({ source: 'own', answer: 'yes', selected: 'yes', note: 'Seen on site.' });
    expect(byId.get('portal')?.evidence).toEqual([
      { link: { url: 'https://wiki.example/portal', safe: true }, written: 'https://wiki.example/portal' },
      { link: { url: './minutes.md', title: 'Minutes', safe: true }, written: { title: 'Minutes', url: './minutes.md', asOf: '2026-02-01' } },
    ]);
    // An answer in another letter case picks the scale's own spelling.
    expect(byId.get('catalogue')).toMatchObject({ source: 'own', answer: 'SOME', selected: 'Some', evidence: [], evidenceMissing: true });
    expect(byId.get('kb')).toMatchObject({ source: 'not-applicable', notApplicable: 'No knowledge base in scope.' });
    expect(byId.get('kb-reviewed')).toMatchObject({ source: 'exempt', exemption: { reason: 'Migration', approver: 'CIO', expires: '2026-12-31' } });
    expect(byId.get('monthly')).toMatchObject({ source: 'own', answer: 'yes' });
    expect(q.dimensions[2]?.excluded).toEqual({ source: 'not-applicable', reason: 'Reporting is outsourced.' });
  });

  it('counts progress over the criteria that count, overall and per dimension', async () => {
    const q = await questionnaire(ANSWERED);
    expect(q.dimensions.map((d) => d.progress)).toEqual([
      { answered: 2, total: 2, excluded: 0 },
      { answered: 0, total: 0, excluded: 2 },
      // A dimension that does not apply leaves all its criteria out, answered or not.
      { answered: 0, total: 0, excluded: 1 },
    ]);
    expect(q.progress).toEqual({ answered: 2, total: 2, excluded: 3 });
    const fresh = await questionnaire('  knowledge:\n    answers:\n      kb: yes\n');
    expect(fresh.progress).toEqual({ answered: 1, total: 5, excluded: 0 });
  });

  it('marks an answer off the scale as written but chosen from nothing', async () => {
    const q = await questionnaire('  self-service:\n    answers:\n      portal: maybe\n');
    expect(q.dimensions[0]?.criteria[0]).toMatchObject({ source: 'own', answer: 'maybe' });
    expect(q.dimensions[0]?.criteria[0]?.selected).toBeUndefined();
  });

  it('counts an exemption that expired as an ordinary criterion again', async () => {
    const q = await questionnaire('  knowledge:\n    answers:\n      kb: { exemption: { reason: Old, approver: CIO, expires: 2025-01-01 } }\n');
    expect(q.dimensions[1]?.criteria[0]).toMatchObject({ source: 'unanswered' });
    expect(q.dimensions[1]?.criteria[0]?.exemption).toBeUndefined();
  });

  it('points each written answer at its place in the file, and leaves unwritten ones without', async () => {
    const text = assessment(ANSWERED);
    const q = await questionnaire(ANSWERED);
    const portal = q.dimensions[0]?.criteria[0];
    expect(text.slice(portal?.sourceOffset, (portal?.sourceOffset ?? 0) + 'portal:'.length)).toBe('portal:');
    const fresh = await questionnaire('  knowledge: {}\n');
    expect(fresh.dimensions[0]?.criteria[0]?.sourceOffset).toBeUndefined();
  });

  it('carries the overall score as scoring computed it', async () => {
    const q = await questionnaire('  self-service:\n    answers:\n      portal: yes\n      catalogue: Some\n');
    expect(q.score).toBeTypeOf('number');
    expect(q.maxLevel).toBe(3);
  });

  it('says why there is no questionnaire for a document that is not an answerable assessment', async () => {
    const rubricOnly = buildQuestionnaire(await analyzeMemory({ 'desk.rubric.yaml': RUBRIC }, 'desk.rubric.yaml'));
    expect(rubricOnly).toEqual({ unavailable: 'The questionnaire answers an assessment; this document is not one.' });
    const missing = assessment('  portal: {}\n').replace('./desk.rubric.yaml', './gone.rubric.yaml');
    const noRubric = buildQuestionnaire(await analyzeMemory({ 'a.assessment.yaml': missing }, 'a.assessment.yaml'));
    expect(noRubric).toEqual({ unavailable: 'The questionnaire needs the assessment\'s rubric, and "./gone.rubric.yaml" could not be used (see the Problems panel).' });
    const broken = buildQuestionnaire(await analyzeMemory({ 'desk.rubric.yaml': RUBRIC, 'a.assessment.yaml': 'apiVersion: rubrics-as-code/v1\nkind: Assessment\nid: x\n' }, 'a.assessment.yaml'));
    expect(broken).toEqual({ unavailable: 'The assessment cannot be read until its errors are fixed (see the Problems panel).' });
  });

  it('takes the assessment of a file of several documents by its index', async () => {
    const file = `${RUBRIC.replace('id: desk\n', 'id: desk-inline\n')}---\n${assessment('  knowledge:\n    answers:\n      kb: no\n').replace('./desk.rubric.yaml', 'desk-inline')}`;
    const analysis = await analyzeMemory({ 'both.yaml': file }, 'both.yaml');
    const q = buildQuestionnaire(analysis);
    if ('unavailable' in q) throw new Error(q.unavailable);
    expect(q.documentIndex).toBe(1);
    expect(q.dimensions[1]?.criteria[0]).toMatchObject({ answer: 'no', selected: 'no' });
    expect(buildQuestionnaire(analysis, 0)).toHaveProperty('unavailable');
  });
});
