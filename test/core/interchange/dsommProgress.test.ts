/**
 * DSOMM team progress, as the DSOMM application exports it, read into one assessment per team
 * against the full-size DSOMM-shaped rubric: activities matched by uuid, each team's levels equal
 * DSOMM's ladder over its fully implemented activities, stages and their dates in the notes,
 * evidence links in the evidence; custom stages from meta.yaml, and the pre-4 format.
 */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseDocuments } from '../../../src/core/document/located';
import { RubricIndex } from '../../../src/core/domain/rubricIndex';
import type { AssessmentDocumentAnalysis } from '../../../src/core/engine';
import { convertDsomm } from '../../../src/core/interchange/dsomm';
import { readDsommProgress } from '../../../src/core/interchange/dsommProgress';
import { rubricYaml } from '../../../src/core/interchange/rubricYaml';
import { analyzeMemory, codesAt } from '../../support/memory';
import { dsommLadder, dsommShapedModel } from '../../support/dsommShapedModel';
import { pick, seededRandom } from '../../support/seededAnswers';

const { documents, activities } = dsommShapedModel();
const conversion = convertDsomm(documents, 'model.yaml');
const rubricText = rubricYaml(conversion, 'rubrics import dsomm');
const index = new RubricIndex(conversion.rubric);
const STAGES = ['Started', 'Partly implemented', 'Fully implemented'] as const;
const OPTIONS = { rubricReference: './dsomm.rubric.yaml', organization: 'Fictional Org', defaultDate: '2026-01-01' };

/** Team progress as the application writes it (ProgressStore.toProgressYamlString): quoted teams and stages, the activity's name as a comment. */
function progressYaml(progress: Map<string, Map<string, Map<string, string>>>): string {
  let out = 'progress:\n';
  for (const [uuid, teams] of progress) {
    out += `  ${uuid}:  # ${activities.find((a) => a.uuid === uuid)?.name ?? 'custom'}\n`;
    for (const [team, stages] of teams) {
      out += `    '${team}':\n`;
      for (const [stage, date] of stages) out += `      '${stage}': ${date}\n`;
    }
  }
  return out;
}

const parsed = (text: string) => parseDocuments(text).documents[0]!.value;

describe('DSOMM team progress, imported', () => {
  it.each([7, 19, 31])('seed %i: one assessment per team, each scoring DSOMM\'s ladder over its fully implemented activities', async (seed) => {
    const random = seededRandom(seed);
    const teams = ['Team A', 'Team Ü'];
    const progress = new Map<string, Map<string, Map<string, string>>>();
    const implemented = new Map(teams.map((t) => [t, new Set<string>()]));
    for (const a of activities) {
      for (const team of teams) {
        if (random() < 0.25) continue;
        const reached = pick(random, [1, 2, 3]);
        const stages = new Map(STAGES.slice(0, reached).map((s, i) => [s, `2026-0${i + 1}-1${i}`]));
        if (!progress.has(a.uuid)) progress.set(a.uuid, new Map());
        progress.get(a.uuid)!.set(team, stages);
        if (reached === 3) implemented.get(team)!.add(a.uuid);
      }
    }
    const result = readDsommProgress({ progress: parsed(progressYaml(progress)), progressFile: 'team-progress.yaml' }, index, OPTIONS);
    expect(result.problems).toEqual([]);
    expect(result.teams.map((t) => [t.team, t.assessment.id, t.assessment.date])).toEqual([
      ['Team A', 'dsomm-team-a', '2026-03-12'],
      ['Team Ü', 'dsomm-team-u', '2026-03-12'],
    ]);
    for (const { team, assessment } of result.teams) {
      const analysis = await analyzeMemory({ 'dsomm.rubric.yaml': rubricText, 'a.assessment.yaml': YAML.stringify(assessment) }, 'a.assessment.yaml');
      expect(codesAt(analysis).filter((c) => !/^(criterion-not-answered|dimension-not-assessed|dependency-not-met)@/.test(c))).toEqual([]);
      const score = (analysis.documents[0] as AssessmentDocumentAnalysis).score!;
      for (const sub of new Set(activities.map((a) => a.sub))) expect(score.dimensions.find((d) => d.title === sub)?.score ?? 0, `${team} ${sub}`).toBe(dsommLadder(activities, sub, implemented.get(team)!));
    }
  });

  it('answers the most advanced stage, with the stages\' dates in the note and the team\'s evidence', () => {
    const [first, second] = activities;
    const progress = `progress:\n  ${first!.uuid}:  # ${first!.name}\n    'Team A':\n      'Started': 2025-11-02\n      'Partly implemented': 2026-01-15\n  ${second!.uuid}:\n    'Team A':\n      'Fully implemented': 2026-02-01\n  99999999-0000-4000-8000-000000000000:  # a custom activity\n    'Team A':\n      'Started': 2026-01-01\n`;
    const evidence = YAML.stringify({
      evidence: {
        [first!.uuid]: [
          { id: 'e1', teams: ['Team A', 'Team B'], title: 'Pipeline config', evidenceRecorded: '2026-01-20', reviewer: 'Sam', description: 'Reviewed in the January audit.', attachment: [{ type: 'link', externalLink: 'https://git.example/pipeline' }, { type: 'link', externalLink: 'javascript:alert(1)' }] },
        ],
      },
    });
    const result = readDsommProgress({ progress: parsed(progress), progressFile: 'team-progress.yaml', evidence: parsed(evidence), evidenceFile: 'team-evidence.yaml' }, index, OPTIONS);
    const teamA = result.teams.find((t) => t.team === 'Team A')!.assessment;
    const answers = Object.values(teamA.dimensions).flatMap((d) => Object.entries(d.answers ?? {}));
    const idOf = (name: string) => conversion.rubric.dimensions.flatMap((d) => d.criteria ?? []).find((c) => c.title === name)!.id;
    expect(Object.fromEntries(answers)).toEqual({
      [idOf(first!.name)]: {
        answer: 'partly',
        evidence: [{ title: 'Pipeline config', url: 'https://git.example/pipeline', asOf: '2026-01-20' }],
        note: 'DSOMM progress: Started on 2025-11-02; Partly implemented on 2026-01-15.\n\nEvidence "Pipeline config" (recorded 2026-01-20, reviewed by Sam): Reviewed in the January audit.',
      },
      [idOf(second!.name)]: { answer: 'yes', note: 'DSOMM progress: Fully implemented on 2026-02-01.' },
    });
    // Team B has evidence and no progress: its assessment carries the evidence, unanswered.
    expect(result.teams.map((t) => t.team)).toEqual(['Team A', 'Team B']);
    expect(result.notes).toEqual([
      expect.stringContaining('the link "javascript:alert(1)" is left out'),
      expect.stringContaining('javascript:alert(1)'),
      '1 activity is not in the rubric owasp-dsomm (custom activities, or another release of DSOMM) and is left out: 99999999-0000-4000-8000-000000000000.',
    ]);
  });

  it('reads the stages meta.yaml defines, and refuses a stage it does not know', () => {
    const meta = parsed("progressDefinition:\n  Idea:\n    score: 0%\n  Pilot:\n    score: 50%\n  Everywhere:\n    score: 100%\n");
    const [first, second] = activities;
    const progress = parsed(`progress:\n  ${first!.uuid}:\n    'Ops':\n      'Pilot': 2026-01-01\n  ${second!.uuid}:\n    'Ops':\n      'Everywhere': 2026-02-01\n`);
    const result = readDsommProgress({ progress, progressFile: 'team-progress.yaml', meta }, index, OPTIONS);
    expect(result.problems).toEqual([]);
    expect(Object.values(result.teams[0]!.assessment.dimensions).flatMap((d) => Object.values(d.answers ?? {}).map((a) => (typeof a === 'object' ? a.answer : a)))).toEqual(['partly', 'yes']);
    const unknown = readDsommProgress({ progress, progressFile: 'team-progress.yaml' }, index, OPTIONS);
    expect(unknown.problems).toEqual([expect.stringContaining(`progress.${first!.uuid}.Ops: the stage "Pilot" is none of "Not implemented", "Started", "Partly implemented", "Fully implemented"`), expect.stringContaining('"Everywhere"')]);
  });

  it('reads the model file of DSOMM before 4 (teamsImplemented, teamsEvidence), and says what it cannot read', () => {
    const [first] = activities;
    const legacy = { 'Dimension 1': { 'Sub-dimension 1.1': { [first!.name]: { uuid: first!.uuid, teamsImplemented: { Default: true, B: false }, teamsEvidence: { Default: 'Shown in the demo.' } } } } };
    const result = readDsommProgress({ progress: legacy, progressFile: 'generated.yaml' }, index, OPTIONS);
    expect(result.teams.map((t) => [t.team, JSON.stringify(Object.values(t.assessment.dimensions)[0]?.answers)])).toEqual([
      ['B', '{"activity-1-1-1":"no"}'],
      ['Default', '{"activity-1-1-1":{"answer":"yes","note":"Evidence: Shown in the demo."}}'],
    ]);
    expect(readDsommProgress({ progress: { something: 1 }, progressFile: 'x.yaml' }, index, OPTIONS).problems).toEqual([expect.stringContaining('x.yaml: no team progress found')]);
    const alike = { 'Dimension 1': { 'Sub-dimension 1.1': { [first!.name]: { uuid: first!.uuid, teamsImplemented: { 'Team A': true, 'team-a': false } } } } };
    expect(readDsommProgress({ progress: alike, progressFile: 'generated.yaml' }, index, OPTIONS).teams.map((t) => t.assessment.id)).toEqual(['dsomm-team-a', 'dsomm-team-a-2']);
    const noUuids = new RubricIndex({ ...conversion.rubric, dimensions: conversion.rubric.dimensions.map((d) => ({ ...d, criteria: d.criteria?.map((c) => ({ ...c, references: [] })) })) });
    expect(readDsommProgress({ progress: legacy, progressFile: 'generated.yaml' }, noUuids, OPTIONS).problems).toEqual([expect.stringContaining('names no DSOMM activity uuids')]);
  });
});
