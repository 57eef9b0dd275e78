import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssessmentDocumentAnalysis, FileAnalysis } from '../../../src/core/engine';
import type { DimensionScore } from '../../../src/core/scoring/types';
import { analyzeMemory, codesAt, yaml } from '../../support/memory';
import { assessmentYaml, rubricYaml } from '../../support/fixtures';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/scoring', name), 'utf8');

function assessmentOf(analysis: FileAnalysis): AssessmentDocumentAnalysis {
  const doc = analysis.documents.find((d) => d.kind === 'Assessment');
  if (!doc || doc.kind !== 'Assessment' || !doc.score) {
    throw new Error(`no scored assessment; diagnostics: ${codesAt(analysis).join(', ')}`);
  }
  return doc;
}

function dimension(doc: AssessmentDocumentAnalysis, id: string): DimensionScore {
  const found = doc.score?.dimensions.find((d) => d.id === id);
  if (!found) throw new Error(`no dimension ${id}`);
  return found;
}

/** The header lines of an assessment of `rubric`; a test adds its dimensions. */
const header = (rubric: string) => assessmentYaml('', { rubric });

describe('levelSum reproduces OWASP SAMM v2 scoring', () => {
  // SAMM: a practice's score is the sum, over its three maturity levels, of the average of its two
  // streams' answers at that level (answers: 0, 0.25, 0.5, 1). A business function scores the
  // mean of its practices; the overall score is the mean of the business functions.
  const answers = yaml`
    dimensions:
      strategy-and-metrics:
        answers: { sm-a1: most, sm-b1: half, sm-a2: some, sm-b2: 'no', sm-a3: 'no', sm-b3: 'no' }
      policy-and-compliance:
        answers: { pc-a1: most, pc-b1: most, pc-a2: most, pc-b2: half, pc-a3: some, pc-b3: 'no' }
      architecture-assessment:
        answers: { aa-a1: half, aa-b1: some, aa-a2: 'no', aa-b2: 'no', aa-a3: 'no', aa-b3: 'no' }
      security-testing:
        answers: { st-a1: most, st-b1: most, st-a2: most, st-b2: most, st-a3: half, st-b3: half }
  `;

  it('scores practices, business functions and the whole by hand-computed numbers', async () => {
    const text = header('./samm.rubric.yaml') + answers;
    const analysis = await analyzeMemory({ 'samm.rubric.yaml': fixture('samm-shaped.rubric.yaml'), 'a.yaml': text }, 'a.yaml');
    expect(codesAt(analysis)).toEqual([]);
    const doc = assessmentOf(analysis);
    // strategy-and-metrics: L1 (1 + 0.5)/2 = 0.75, L2 (0.25 + 0)/2 = 0.125, L3 0 → 0.875
    expect(dimension(doc, 'strategy-and-metrics').score).toBeCloseTo(0.875, 10);
    expect(dimension(doc, 'strategy-and-metrics').level).toBe(0);
    expect(dimension(doc, 'strategy-and-metrics').levelCredits.map((l) => l.credit)).toEqual([0.75, 0.125, 0]);
    // policy-and-compliance: 1 + 0.75 + 0.125 = 1.875
    expect(dimension(doc, 'policy-and-compliance').score).toBeCloseTo(1.875, 10);
    expect(dimension(doc, 'policy-and-compliance').level).toBe(1);
    // architecture-assessment: 0.375; security-testing: 1 + 1 + 0.5 = 2.5
    expect(dimension(doc, 'architecture-assessment').score).toBeCloseTo(0.375, 10);
    expect(dimension(doc, 'security-testing').score).toBeCloseTo(2.5, 10);
    expect(dimension(doc, 'security-testing').level).toBe(2);
    // Business functions: governance (0.875 + 1.875)/2 = 1.375; verification (0.375 + 2.5)/2 = 1.4375
    const groups = Object.fromEntries(doc.score!.groups.map((g) => [g.id, g.score]));
    expect(groups.governance).toBeCloseTo(1.375, 10);
    expect(groups.verification).toBeCloseTo(1.4375, 10);
    // Overall: (1.375 + 1.4375)/2 = 1.40625
    expect(doc.score!.overall.score).toBeCloseTo(1.40625, 10);
    expect(doc.score!.overall.level).toBe(1);
  });

  it('names what stands between a practice and its next level', async () => {
    const text = header('./samm.rubric.yaml') + answers;
    const analysis = await analyzeMemory({ 'samm.rubric.yaml': fixture('samm-shaped.rubric.yaml'), 'a.yaml': text }, 'a.yaml');
    const doc = assessmentOf(analysis);
    // policy-and-compliance is at 1 (score 1.875): not fully credited at levels 1-2 → pc-b2 (half)
    expect(dimension(doc, 'policy-and-compliance').blockers.map((b) => b.id)).toEqual(['pc-b2']);
    // strategy-and-metrics at 0: level-1 questions short of full credit, lowest credit first
    expect(dimension(doc, 'strategy-and-metrics').blockers.map((b) => b.id)).toEqual(['sm-b1']);
  });
});

describe('gated reproduces OWASP DSOMM levels', () => {
  const answers = yaml`
    dimensions:
      build:
        target: 3
        answers:
          build-defined: yes
          build-pipeline: yes
          build-signed: { answer: yes, evidence: ['https://ci.example.com/signing'] }
          build-sbom: 'no'
          build-reproducible: yes
      deployment:
        answers: { deploy-scripted: 'no', deploy-rollback: yes }
      static-analysis:
        target: 4
        answers: { sast-some: yes, sast-all: yes, sast-gating: yes, sast-tuned: 'no' }
  `;

  it('reaches the highest level whose activities and all below are implemented', async () => {
    const text = header('./dsomm.rubric.yaml') + answers;
    const analysis = await analyzeMemory({ 'dsomm.rubric.yaml': fixture('dsomm-shaped.rubric.yaml'), 'a.yaml': text }, 'a.yaml');
    expect(codesAt(analysis)).toEqual([]);
    const doc = assessmentOf(analysis);
    // build: level 1 complete, build-sbom (level 2) missing → 1, although level 3 is implemented
    expect(dimension(doc, 'build').score).toBe(1);
    expect(dimension(doc, 'build').blockers.map((b) => b.id)).toEqual(['build-sbom']);
    expect(dimension(doc, 'build').gap).toBe(2);
    expect(dimension(doc, 'build').thresholdReached).toBe(false);
    // deployment: level 1 missing → bottom of the scale; blockers at levels 1 and 2
    expect(dimension(doc, 'deployment').score).toBe(0);
    expect(dimension(doc, 'deployment').blockers.map((b) => b.id)).toEqual(['deploy-scripted']);
    // static-analysis: 1, 2, 3 implemented, 4 not → 3
    expect(dimension(doc, 'static-analysis').score).toBe(3);
    expect(dimension(doc, 'static-analysis').blockers.map((b) => b.id)).toEqual(['sast-tuned']);
    expect(dimension(doc, 'static-analysis').thresholdReached).toBe(true);
    // Groups: build-and-deployment (1 + 0)/2 = 0.5; test-and-verification 3; overall (0.5 + 3)/2
    expect(doc.score!.groups.map((g) => g.score)).toEqual([0.5, 3]);
    expect(doc.score!.overall.score).toBe(1.75);
    expect(doc.score!.overall.dimensionsAtThreshold).toBe(1);
    // Evidence: one evidence-required criterion answered positively, with evidence
    expect(doc.score!.evidenceCoverage).toEqual({ required: 1, provided: 1, ratio: 1 });
  });

  it('leaves exempt criteria out until the exemption expires', async () => {
    const exempt = (expires: string) => yaml`
      dimensions:
        build:
          answers:
            build-defined: yes
            build-pipeline: yes
            build-signed: { answer: yes, evidence: ['https://ci.example.com/signing'] }
            build-sbom: { exemption: { reason: Tooling is being replaced., approver: CISO, expires: ${expires} } }
            build-reproducible: 'no'
    `;
    const current = await analyzeMemory({ 'dsomm.rubric.yaml': fixture('dsomm-shaped.rubric.yaml'), 'a.yaml': header('./dsomm.rubric.yaml') + exempt('2026-12-31') }, 'a.yaml');
    const build = dimension(assessmentOf(current), 'build');
    expect(build.score).toBe(2);
    expect(build.criteria.find((c) => c.id === 'build-sbom')?.status).toBe('exempt');
    expect(codesAt(current).filter((c) => c.startsWith('exemption'))).toEqual([]);

    const expired = await analyzeMemory({ 'dsomm.rubric.yaml': fixture('dsomm-shaped.rubric.yaml'), 'a.yaml': header('./dsomm.rubric.yaml') + exempt('2026-01-31') }, 'a.yaml');
    expect(dimension(assessmentOf(expired), 'build').score).toBe(1);
    const warning = expired.diagnostics.find((d) => d.code === 'exemption-expired');
    expect(warning?.severity).toBe('warning');
    expect(expired.text.slice(warning!.range.start, warning!.range.end)).toBe('2026-01-31');
  });
});

describe('average', () => {
  it('maps the weighted mean credit linearly onto the scale', async () => {
    const rubric = rubricYaml(yaml`
      scoring: { method: average }
      levels: [{ level: 1, name: One }, { level: 2, name: Two }, { level: 3, name: Three }, { level: 4, name: Four }, { level: 5, name: Five }]
      threshold: { level: 3 }
      answerScales:
        coverage:
          answers: [{ value: none, credit: 0 }, { value: some, credit: 0.25 }, { value: most, credit: 0.5 }, { value: all, credit: 1 }]
      defaultAnswerScale: coverage
      dimensions:
        - id: data
          title: Data
          criteria:
            - { id: d1, text: One., level: 2, weight: 2 }
            - { id: d2, text: Two., level: 3 }
            - { id: d3, text: Three., level: 4 }
    `);
    const text = header('./avg.rubric.yaml') + yaml`
      dimensions:
        data:
          target: 4
          answers: { d1: all, d2: most, d3: none }
    `;
    const doc = assessmentOf(await analyzeMemory({ 'avg.rubric.yaml': rubric, 'a.yaml': text }, 'a.yaml'));
    // mean = (2×1 + 1×0.5 + 1×0) / 4 = 0.625 → 1 + 0.625 × (5 − 1) = 3.5
    const data = dimension(doc, 'data');
    expect(data.score).toBe(3.5);
    expect(data.level).toBe(3);
    expect(data.gap).toBe(0.5);
    expect(data.thresholdReached).toBe(true);
    // Next level is 4: criteria at levels up to 4 that are not fully credited, lowest level first
    expect(data.blockers.map((b) => b.id)).toEqual(['d2', 'd3']);
  });
});

describe('rated and roll-ups', () => {
  const rubric = rubricYaml(yaml`
    scoring: { method: rated }
    levels: [{ level: 1, name: One }, { level: 2, name: Two }, { level: 3, name: Three }, { level: 4, name: Four }, { level: 5, name: Five }]
    threshold: { level: 3, name: Tipping point }
    groups:
      - { id: people, title: People, weight: 2 }
      - { id: process, title: Process }
    dimensions:
      - { id: skills, title: Skills, group: people }
      - { id: retention, title: Retention, group: people }
      - { id: intake, title: Intake, group: process }
      - { id: vendor, title: Vendor management, group: process, weight: 0 }
      - { id: ungrouped, title: Ungrouped, weight: 3 }
  `);

  it('rolls dimension to group to overall by weight, leaving not-applicable out', async () => {
    const text = header('./rated.rubric.yaml') + yaml`
      dimensions:
        skills: { level: 2, target: 3 }
        retention: { level: 4, target: 4 }
        intake: { level: 5 }
        vendor: { level: 1 }
        ungrouped: { notApplicable: { reason: Not relevant here. } }
    `;
    const analysis = await analyzeMemory({ 'rated.rubric.yaml': rubric, 'a.yaml': text }, 'a.yaml');
    expect(codesAt(analysis)).toEqual([]);
    const doc = assessmentOf(analysis);
    // people = (2 + 4)/2 = 3 (weight 2); process = intake 5 (vendor has weight 0); ungrouped is N/A
    expect(doc.score!.groups.map((g) => [g.id, g.score])).toEqual([['people', 3], ['process', 5]]);
    // overall = (3×2 + 5×1)/3 = 11/3
    expect(doc.score!.overall.score).toBeCloseTo(11 / 3, 10);
    expect(doc.score!.overall.level).toBe(3);
    expect(doc.score!.overall.thresholdReached).toBe(true);
    // target roll-up: people (3 + 4)/2 = 3.5; process: intake has no target → counts at its score 5
    expect(doc.score!.overall.target).toBeCloseTo((3.5 * 2 + 5) / 3, 10);
    // A group has a target only where a dimension of it sets one (issue 22: process showed
    // "score 5, target 5" although nobody set a target there).
    expect(doc.score!.groups.map((g) => [g.id, g.target])).toEqual([['people', 3.5], ['process', undefined]]);
    expect(dimension(doc, 'ungrouped').status).toBe('not-applicable');
    expect(dimension(doc, 'skills').gap).toBe(1);
  });

  it('gives no group and no overall target where no dimension sets one', async () => {
    const text = header('./rated.rubric.yaml') + yaml`
      dimensions:
        skills: { level: 2 }
        retention: { level: 4 }
        intake: { level: 5 }
        vendor: { level: 1 }
        ungrouped: { level: 2 }
    `;
    const doc = assessmentOf(await analyzeMemory({ 'rated.rubric.yaml': rubric, 'a.yaml': text }, 'a.yaml'));
    expect(doc.score!.groups.map((g) => [g.id, g.score, g.target])).toEqual([['people', 3, undefined], ['process', 5, undefined]]);
    expect([doc.score!.overall.target, doc.score!.overall.gap]).toEqual([undefined, undefined]);
  });

  it('warns when a rated dimension has no level, and counts the rest', async () => {
    const text = header('./rated.rubric.yaml') + yaml`
      dimensions:
        skills: { target: 3 }
        retention: { level: 4 }
        intake: { level: 5 }
        vendor: { level: 1 }
        ungrouped: { level: 2 }
    `;
    const analysis = await analyzeMemory({ 'rated.rubric.yaml': rubric, 'a.yaml': text }, 'a.yaml');
    expect(codesAt(analysis)).toEqual(['level-not-rated@8:3']);
    const doc = assessmentOf(analysis);
    expect(dimension(doc, 'skills').status).toBe('not-rated');
    // people = 4 (weight 2), process = 5 (weight 1), ungrouped = 2 (weight 3) → (8 + 5 + 6)/6
    expect(doc.score!.overall.score).toBeCloseTo(19 / 6, 10);
  });
});
