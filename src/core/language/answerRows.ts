/**
 * An assessment's answers as rows: one per criterion of its rubric, in the rubric's order, with
 * its dimension, text, level and answer scale, and what the assessment answers now, read as
 * written (so a document with problems still shows what is there). Plain data: the language
 * server sends it to the editor, the spreadsheet export lays it out, the import reads a sheet
 * back against it (core/interchange/sheets), and answerEdits writes the changes.
 */
import { answersRootPath } from '../domain/assessmentFacts';
import type { AssessmentDocumentAnalysis } from '../engine';
import type { EvidenceValue } from './answerEdits';

export interface ExemptionValue {
  readonly reason: string;
  readonly approver: string;
  readonly expires: string;
}

/** What one criterion's answer holds now, as the assessment writes it. */
export interface CurrentAnswer {
  readonly answer?: string | boolean | number;
  readonly evidence?: readonly EvidenceValue[];
  readonly note?: string;
  readonly notApplicable?: string;
  readonly exemption?: ExemptionValue;
}

export interface AnswerRow {
  readonly dimension: string;
  readonly dimensionTitle: string;
  readonly criterion: string;
  readonly title?: string;
  readonly text: string;
  readonly level: number;
  /** The name of the criterion's answer scale. */
  readonly scale: string;
  readonly current: CurrentAnswer;
}

/** The assessor whose answers a sheet holds: their id (a key of `responses`) and, when known, who they are. */
export interface AnswerAssessor {
  readonly id: string;
  readonly name?: string;
  readonly role?: string;
}

export interface AnswerModel {
  readonly assessment: { readonly id: string; readonly subject: string; readonly date: string };
  /** Whose answers the rows hold: an assessor's (their response), or when absent the assessment's own, agreed answers. */
  readonly assessor?: AnswerAssessor;
  readonly rubric: { readonly id: string; readonly title: string; readonly version?: string };
  /** Every answer scale the rows use: its name and its answers, in order. */
  readonly scales: Readonly<Record<string, readonly string[]>>;
  readonly rows: readonly AnswerRow[];
}

const isMap = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The answer sheet of an analysed assessment: a row for every criterion of its rubric, in the
 * rubric's order, with what the assessment answers now (read as written, so a sheet of a
 * document with problems still shows what is there): its own, agreed answers, or with
 * `assessor` that assessor's (answerChecks' answerTarget says whether the assessment has them;
 * an assessor it has not yet gives empty rows). Undefined when the rubric was not found.
 */
export function answerModelOf(analysis: AssessmentDocumentAnalysis, assessor?: AnswerAssessor): AnswerModel | undefined {
  const index = analysis.rubric?.index;
  if (!index) return undefined;
  const doc = analysis.parsed;
  const root = answersRootPath(assessor?.id);
  const scales: Record<string, readonly string[]> = {};
  const rows: AnswerRow[] = [];
  for (const dimension of index.rubric.dimensions) {
    for (const criterion of dimension.criteria ?? []) {
      const scale = index.scaleName(criterion);
      scales[scale] ??= (index.scale(scale)?.answers ?? []).map((a) => a.value);
      rows.push({
        dimension: dimension.id,
        dimensionTitle: dimension.title,
        criterion: criterion.id,
        ...(criterion.title ? { title: criterion.title } : {}),
        text: criterion.text,
        level: criterion.level,
        scale,
        current: currentAnswer(doc.valueAt([...root, dimension.id, 'answers', criterion.id])),
      });
    }
  }
  const value = isMap(doc.value) ? doc.value : {};
  const subject = isMap(value.subject) ? [str(value.subject.organization), str(value.subject.unit)].filter(Boolean).join(', ') : '';
  return {
    assessment: { id: str(value.id) ?? '', subject, date: str(value.date) ?? '' },
    ...(assessor ? { assessor } : {}),
    rubric: { id: index.rubric.id, title: index.rubric.title, ...(index.rubric.version ? { version: index.rubric.version } : {}) },
    scales,
    rows,
  };
}

/** Who an assessor is, as a sheet names them (their response's id, name and role). */
export function answerAssessorOf(response: { readonly id: string; readonly name?: string; readonly role?: string }): AnswerAssessor {
  return { id: response.id, ...(response.name !== undefined ? { name: response.name } : {}), ...(response.role !== undefined ? { role: response.role } : {}) };
}

/** An answer entry as written (a bare value, or a map of fields) as the fields the sheet shows. */
export function currentAnswer(entry: unknown): CurrentAnswer {
  if (typeof entry === 'string' || typeof entry === 'boolean' || typeof entry === 'number') return { answer: entry };
  if (!isMap(entry)) return {};
  const answer = entry.answer;
  const evidence = Array.isArray(entry.evidence) ? entry.evidence.filter((e): e is EvidenceValue => typeof e === 'string' || (isMap(e) && Object.values(e).every((v) => typeof v === 'string'))) : undefined;
  const exemption = isMap(entry.exemption) ? entry.exemption : undefined;
  return {
    ...(typeof answer === 'string' || typeof answer === 'boolean' || typeof answer === 'number' ? { answer } : {}),
    ...(evidence?.length ? { evidence } : {}),
    ...(str(entry.note) ? { note: entry.note as string } : {}),
    ...(isMap(entry.notApplicable) && str(entry.notApplicable.reason) ? { notApplicable: entry.notApplicable.reason as string } : {}),
    ...(exemption ? { exemption: { reason: str(exemption.reason) ?? '', approver: str(exemption.approver) ?? '', expires: str(exemption.expires) ?? '' } } : {}),
  };
}

