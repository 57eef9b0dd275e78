/**
 * One small rubric with what the questionnaire and answer checks look at (a coverage scale
 * spelled in mixed case, guidance, questions in both forms, quality criteria, a group, a criterion
 * that needs evidence), and assessments of it, for the core, render and webview tests.
 */
import type { AssessmentDocumentAnalysis, FileAnalysis } from '../../src/core/engine';
import { buildQuestionnaire, type QuestionnaireModel } from '../../src/core/report/questionnaire';
import { assessmentYaml, rubricYaml } from './fixtures';
import { analyzeMemory, yaml } from './memory';

export const DESK_RUBRIC = rubricYaml(yaml`
  terms: { dimension: Capability, criterion: Practice }
  scoring: { method: average }
  levels:
    - { level: 1, name: Initial }
    - { level: 2, name: Managed }
    - { level: 3 }
  answerScales:
    coverage:
      answers:
        - { value: none, credit: 0 }
        - { value: Some, credit: 0.25, description: Part of the estate. }
        - { value: most, credit: 0.5 }
        - { value: all, credit: 1 }
  groups:
    - { id: front, title: Front office }
  dimensions:
    - id: self-service
      title: Self-service
      group: front
      description: How users help themselves.
      criteria:
        - id: portal
          title: Portal
          text: A portal takes requests.
          level: 2
          guidance: Look at the *portal* itself.
          questions:
            - Who runs the portal?
            - ask: How many requests start there?
              lookFor: [The portal's monthly report, The ticket split by channel]
        - id: catalogue
          text: A catalogue covers most requests.
          level: 3
          answerScale: coverage
          evidenceRequired: true
          qualityCriteria: [Every entry has an owner]
    - id: knowledge
      title: Knowledge
      criteria:
        - { id: kb, text: A knowledge base exists., level: 2 }
        - { id: kb-reviewed, text: Articles are reviewed., level: 3 }
    - id: reporting
      title: Reporting
      criteria:
        - { id: monthly, text: A monthly report goes out., level: 2 }
`);

/** Kestrel's assessment of the desk rubric, desk-2026. */
const KESTREL = { id: 'desk-2026', organization: 'Kestrel' };

/** An assessment of the desk rubric whose `dimensions:` hold these lines (indented by two spaces). */
export function deskAssessment(dimensions: string): string {
  return assessmentYaml(`dimensions:\n${dimensions}`, KESTREL);
}

/** The portal answered yes with a note and a link, the knowledge base not applicable. */
export const ANSWERED_PORTAL = deskAssessment(`  self-service:
    target: 2   # agreed with the CIO
    answers:
      portal:   # seen on site
        answer: yes
        note: Seen on site.
        evidence: [https://wiki.example/portal]
  knowledge:
    notApplicable: { reason: Not in scope. }
`);

export function analyzeDesk(assessment: string, rubric = DESK_RUBRIC): Promise<FileAnalysis> {
  return analyzeMemory({ 'desk.rubric.yaml': rubric, 'a.assessment.yaml': assessment }, 'a.assessment.yaml');
}

export async function deskAssessmentAnalysis(assessment: string, rubric = DESK_RUBRIC): Promise<AssessmentDocumentAnalysis> {
  return (await analyzeDesk(assessment, rubric)).documents[0] as AssessmentDocumentAnalysis;
}

/** The questionnaire of an assessment of the desk rubric; fails when there is none. */
export async function deskQuestionnaire(assessment: string, rubric = DESK_RUBRIC): Promise<QuestionnaireModel> {
  const q = buildQuestionnaire(await analyzeDesk(assessment, rubric));
  if ('unavailable' in q) throw new Error(q.unavailable);
  return q;
}

/**
 * Two assessors of the desk rubric and an agreed answer: Priya answered the portal and the
 * catalogue, Tomás nothing yet (his response has no `dimensions`), and the assessment settles the
 * catalogue itself.
 */
export const TWO_ASSESSORS = assessmentYaml(yaml`
  consensus: median
  responses:
    priya:
      name: Priya Raman
      role: Lead Architect
      date: 2026-03-10
      dimensions:
        self-service:
          answers:
            portal: yes   # seen in the demo
            catalogue:
              answer: most
              note: Most requests are in it.
    tomas:
      name: Tomás Ortiz
      date: 2026-03-12
  dimensions:
    self-service:
      answers:
        catalogue: Some   # settled at the close-out
`, KESTREL);
