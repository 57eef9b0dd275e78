import type { DocumentAnalysis, FileAnalysis } from '../engine';
import type { Diagnostic } from '../diagnostics/types';
import { compareDiagnostics } from '../diagnostics/types';
import type { RubricIndex } from '../domain/rubricIndex';
import { isMap } from '../format/values';
import { baseName } from '../resolve/uris';
import { LineIndex } from '../text/lineIndex';
import { buildAssessmentSection } from './buildAssessment';
import { buildRubricOverview } from './buildOverview';
import { buildPlanSection } from './buildPlan';
import {
  REPORT_SCHEMA_VERSION,
  type ReportDocumentEntry,
  type ReportKind,
  type ReportModel,
  type ReportProblem,
  type ReportProblems,
  type ReportRubric,
} from './model';

/** How many problems a report lists; the counts still cover all of them. */
export const MAX_REPORTED_PROBLEMS = 200;

/**
 * The report model of one document of an analyzed file. By default the first Assessment or Plan
 * (what people preview most), else the first document. Never throws: a document with errors
 * gives a model that carries its problems and says what is missing.
 */
export function buildReport(analysis: FileAnalysis, documentIndex?: number): ReportModel {
  return inKeyOrder(buildModel(analysis, documentIndex));
}

/** The model's keys in reading order, for JSON output; a Record, so a new key cannot be forgotten. */
const KEY_ORDER: Readonly<Record<keyof ReportModel, true>> = {
  schemaVersion: true,
  kind: true,
  id: true,
  title: true,
  source: true,
  documents: true,
  rubric: true,
  notices: true,
  problems: true,
  assessment: true,
  plan: true,
  overview: true,
};

function inKeyOrder(model: ReportModel): ReportModel {
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(KEY_ORDER) as (keyof ReportModel)[]) if (model[key] !== undefined) ordered[key] = model[key];
  return ordered as unknown as ReportModel;
}

function buildModel(analysis: FileAnalysis, documentIndex: number | undefined): ReportModel {
  const documents = analysis.documents.map(documentEntry);
  const index = documentIndex ?? defaultDocumentIndex(analysis);
  const doc = analysis.documents[index];
  const source = { uri: analysis.uri, documentIndex: index, documentCount: analysis.documents.length };
  const fileTitle = baseName(analysis.uri) || analysis.uri;
  const lines = new LineIndex(analysis.text);
  if (!doc) {
    const notice =
      analysis.documents.length === 0
        ? 'This file holds no document yet. Start it with "apiVersion: rubrics-as-code/v1" and a kind (Rubric, Assessment or Plan).'
        : `This file has ${analysis.documents.length} document${analysis.documents.length === 1 ? '' : 's'}; there is no document number ${index + 1}.`;
    return {
      schemaVersion: REPORT_SCHEMA_VERSION,
      kind: 'Unknown',
      source,
      documents,
      title: fileTitle,
      notices: [notice],
      problems: problemsOf(fileLevelDiagnostics(analysis), lines),
    };
  }

  const problems = problemsOf([...doc.diagnostics, ...fileLevelDiagnostics(analysis)], lines);
  const entry = documents[index] as ReportDocumentEntry;
  const base = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    source,
    documents,
    ...(entry.id ? { id: entry.id } : {}),
    title: entry.title ?? entry.id ?? fileTitle,
    problems,
  };
  const notices: string[] = [];
  const errors = problems.counts.error;
  const fixFirst = `${errors} error${errors === 1 ? '' : 's'} below`;

  switch (doc.kind) {
    case 'Assessment': {
      const rubric = doc.rubric ? rubricInfo(doc.rubric.index, doc.rubric.builtin, doc.data?.rubric) : undefined;
      if (!doc.data) notices.push(`This assessment cannot be read until the ${fixFirst} ${errors === 1 ? 'is' : 'are'} fixed.`);
      else if (!doc.score) notices.push(`Scores are not available: the rubric "${doc.data.rubric}" could not be used (see the problems below).`);
      const inheritance = doc.base && doc.effective ? { base: doc.base, inherited: doc.effective.inherited } : undefined;
      const assessment = doc.data ? buildAssessmentSection(doc.data, doc.parsed, doc.rubric?.index, doc.score, inheritance, doc.facts) : undefined;
      return { ...base, kind: 'Assessment', ...(rubric ? { rubric } : {}), notices, ...(assessment ? { assessment } : {}) };
    }
    case 'Plan': {
      const rubric = doc.rubric ? rubricInfo(doc.rubric.index, doc.rubric.builtin, doc.data?.rubric) : undefined;
      if (!doc.data) notices.push(`This plan cannot be read until the ${fixFirst} ${errors === 1 ? 'is' : 'are'} fixed.`);
      else {
        if (!doc.rubric) notices.push(`Level names and the threshold are not available: the rubric "${doc.data.rubric}" could not be used (see the problems below).`);
        if (doc.data.baseline === undefined) notices.push('This plan names no baseline assessment, so the projection starts from the levels its moves state.');
        else if (!doc.baseline?.score) notices.push(`The baseline "${doc.data.baseline}" could not be scored against this plan's rubric, so baseline levels and targets are missing.`);
      }
      const plan = doc.data && doc.projection ? buildPlanSection(doc.data, doc.parsed, doc.projection, doc.rubric?.index, doc.baseline) : undefined;
      return { ...base, kind: 'Plan', ...(rubric ? { rubric } : {}), notices, ...(plan ? { plan } : {}) };
    }
    case 'Rubric': {
      if (!doc.data) {
        notices.push(`This rubric cannot be read until the ${fixFirst} ${errors === 1 ? 'is' : 'are'} fixed.`);
        return { ...base, kind: 'Rubric', notices };
      }
      if (!doc.usable) notices.push('Assessments cannot be scored against this rubric until its errors are fixed; the overview below shows it as written.');
      // A rubric that passed its schema has an index even when its rules found errors: the overview shows it as written.
      const index = doc.rubricIndex as RubricIndex;
      const rubric = rubricInfo(index, false, undefined);
      const overview = buildRubricOverview(index, doc.parsed);
      return { ...base, kind: 'Rubric', rubric, notices, overview };
    }
    default:
      notices.push(
        errors > 0 && !problems.shown.every((p) => p.code === 'empty-file')
          ? `This document is not readable as a Rubric, Assessment or Plan yet: fix the ${fixFirst}.`
          : 'This document is empty. Start it with "apiVersion: rubrics-as-code/v1" and a kind (Rubric, Assessment or Plan).',
      );
      return { ...base, kind: 'Unknown', notices };
  }
}

function defaultDocumentIndex(analysis: FileAnalysis): number {
  const preferred = analysis.documents.findIndex((d) => d.kind === 'Assessment' || d.kind === 'Plan');
  return preferred >= 0 ? preferred : 0;
}

/** Id and title of a document, from its data or, for a broken document, from whatever parsed. */
function documentEntry(doc: DocumentAnalysis): ReportDocumentEntry {
  const raw = (doc.kind !== undefined && doc.data) || doc.parsed.value;
  const record = isMap(raw) ? raw : {};
  const id = typeof record.id === 'string' && record.id ? record.id : undefined;
  let title = typeof record.title === 'string' && record.title ? record.title : undefined;
  if (!title && doc.kind === 'Assessment' && doc.data) title = defaultAssessmentTitle(doc.data.subject, doc.data.date);
  const kind: ReportKind = doc.kind ?? 'Unknown';
  return { index: doc.index, kind, ...(id ? { id } : {}), ...(title ? { title } : {}) };
}

/** The schema's default title of an assessment: the subject and the date. */
export function defaultAssessmentTitle(subject: { organization: string; unit?: string }, date: string): string {
  return `${subject.organization}${subject.unit ? ` (${subject.unit})` : ''}, ${date}`;
}

/** Problems that belong to the file rather than one document (too large, too many problems). */
function fileLevelDiagnostics(analysis: FileAnalysis): Diagnostic[] {
  const own = new Set<Diagnostic>(analysis.documents.flatMap((d) => d.diagnostics));
  return analysis.diagnostics.filter((d) => !own.has(d));
}

function problemsOf(diagnostics: readonly Diagnostic[], lines: LineIndex): ReportProblems {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const counts = { error: 0, warning: 0, information: 0 };
  for (const d of sorted) counts[d.severity]++;
  const shown: ReportProblem[] = sorted.slice(0, MAX_REPORTED_PROBLEMS).map((d) => {
    return {
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...lines.lineColumnRange(d.range),
      sourceOffset: d.range.start,
    };
  });
  return { counts, total: sorted.length, shown };
}

export function rubricInfo(index: RubricIndex, builtin: boolean, reference: string | undefined): ReportRubric {
  const rubric = index.rubric;
  return {
    id: rubric.id,
    title: rubric.title,
    version: rubric.version,
    method: index.method,
    builtin,
    ...(reference !== undefined ? { reference } : {}),
    levels: rubric.levels.map((l) => ({ level: l.level, ...(l.name ? { name: l.name } : {}), ...(l.description ? { description: l.description } : {}) })),
    minLevel: index.minLevel,
    maxLevel: index.maxLevel,
    ...(rubric.threshold
      ? {
          threshold: {
            level: rubric.threshold.level,
            ...(rubric.threshold.name ? { name: rubric.threshold.name } : {}),
            ...(rubric.threshold.description ? { description: rubric.threshold.description } : {}),
          },
        }
      : {}),
    terms: { ...index.terms },
  };
}
