/**
 * Documents for tests that need a rubric, an assessment or a plan but care about only part of it.
 * Each builder writes the lines a document of its kind starts with (apiVersion, kind, id and the
 * rest of its header), with a default for each that a test overrides where it matters, followed by
 * `body`, the test's own top-level lines (`dimensions:`, `levels:`, `initiatives:` …), usually
 * written with the `yaml` tag of memory.ts. The header lines come first, one a line, in the order
 * shown, so line numbers in the body are fixed: an assessment's body starts on line 7, a rubric's
 * on line 6, a plan's on line 8 (7 without a baseline).
 *
 * Pass what a test checks even where it is the default (`{ id: 'acme' }` in a test that reads the
 * id back), so a reader sees the input that matters. A test whose point is the exact text
 * (positions it names, comments, formatting) writes the text out instead.
 */

const API_VERSION = 'apiVersion: rubrics-as-code/v1';

export interface RubricHeader {
  /** `desk` */
  id?: string;
  /** `Service desk` */
  title?: string;
  /** `1.0.0` */
  version?: string;
}

/** A rubric: `id: desk`, `title: Service desk`, `version: 1.0.0` unless `header` says otherwise, then `body`. */
export function rubricYaml(body: string, header: RubricHeader = {}): string {
  const { id = 'desk', title = 'Service desk', version = '1.0.0' } = header;
  return [API_VERSION, 'kind: Rubric', `id: ${id}`, `title: ${title}`, `version: ${version}`, ''].join('\n') + body;
}

export interface AssessmentHeader {
  /** `acme` */
  id?: string;
  /** `./desk.rubric.yaml`: a path, or the id of a built-in framework */
  rubric?: string;
  /** `Acme`, the subject's organization */
  organization?: string;
  /** `2026-03-31` */
  date?: string;
}

/**
 * An assessment of the desk rubric (`rubric: ./desk.rubric.yaml`) of Acme dated 2026-03-31, `id:
 * acme`, unless `header` says otherwise, then `body` from line 7.
 */
export function assessmentYaml(body: string, header: AssessmentHeader = {}): string {
  const { id = 'acme', rubric = './desk.rubric.yaml', organization = 'Acme', date = '2026-03-31' } = header;
  return [API_VERSION, 'kind: Assessment', `id: ${id}`, `rubric: ${rubric}`, `subject: { organization: ${organization} }`, `date: ${date}`, ''].join('\n') + body;
}

export interface PlanHeader {
  /** `roadmap` */
  id?: string;
  /** `Roadmap` */
  title?: string;
  /** `./desk.rubric.yaml` */
  rubric?: string;
  /** `./acme.assessment.yaml`; `null` writes no baseline line */
  baseline?: string | null;
  /** `{ start: 2026-04-01, end: 2028-09-30 }` */
  horizon?: { start: string; end: string };
}

/**
 * A plan of the desk rubric from the Acme assessment (`baseline: ./acme.assessment.yaml`) over
 * April 2026 to September 2028, `id: roadmap`, unless `header` says otherwise, then `body`.
 */
export function planYaml(body: string, header: PlanHeader = {}): string {
  const { id = 'roadmap', title = 'Roadmap', rubric = './desk.rubric.yaml', baseline = './acme.assessment.yaml' } = header;
  const { start, end } = header.horizon ?? { start: '2026-04-01', end: '2028-09-30' };
  const lines = [API_VERSION, 'kind: Plan', `id: ${id}`, `title: ${title}`, `rubric: ${rubric}`];
  if (baseline !== null) lines.push(`baseline: ${baseline}`);
  lines.push(`horizon: { start: ${start}, end: ${end} }`, '');
  return lines.join('\n') + body;
}
