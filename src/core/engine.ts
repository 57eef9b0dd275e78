import { builtinByUri, builtinFrameworks } from './builtins';
import { DiagnosticCollector } from './diagnostics/collector';
import { compareDiagnostics, type Diagnostic } from './diagnostics/types';
import { RubricIndex } from './domain/rubricIndex';
import { API_VERSION, DOCUMENT_KINDS } from './format/enums';
import type { Assessment, DocumentKind, Plan, Rubric } from './format/types';
import type { FileHost } from './resolve/host';
import { baseName, isBuiltinUri, looksLikePath, resolveRelative, splitFragment } from './resolve/uris';
import { validateAgainstSchema } from './schema/validateSchema';
import { projectPlan, type PlanProjection } from './scoring/projectPlan';
import { scoreAssessment } from './scoring/scoreAssessment';
import type { AssessmentScore } from './scoring/types';
import { checkAssessment, checkAssessmentScore } from './rules/assessmentRules';
import { RuleContext, checkDate } from './rules/context';
import { checkPlan } from './rules/planRules';
import { checkRubric } from './rules/rubricRules';
import type { Range } from './text/range';
import { closestMatch } from './text/suggest';
import { diagnosticRange, firstKeyRange } from './yaml/locate';
import { parseYaml, type ParseOptions } from './yaml/parse';
import type { ParsedYamlDocument } from './yaml/types';

/** A rubric found through a reference, with what go-to-definition and hovers need. */
export interface ResolvedRubric {
  readonly uri: string;
  readonly documentIndex: number;
  readonly text: string;
  readonly parsed: ParsedYamlDocument;
  readonly index: RubricIndex;
  readonly builtin: boolean;
}

interface DocumentBase {
  readonly index: number;
  readonly parsed: ParsedYamlDocument;
  /** Whether the document passed its schema (its data is then typed). */
  readonly schemaValid: boolean;
  /** Diagnostics of this document alone (not capped). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface UnknownDocument extends DocumentBase {
  readonly kind: undefined;
}

export interface RubricDocumentAnalysis extends DocumentBase {
  readonly kind: 'Rubric';
  readonly data?: Rubric;
  /** Present when the rubric is usable: schema-valid and with no errors of its own. */
  readonly rubricIndex?: RubricIndex;
}

export interface AssessmentDocumentAnalysis extends DocumentBase {
  readonly kind: 'Assessment';
  readonly data?: Assessment;
  readonly rubric?: ResolvedRubric;
  readonly score?: AssessmentScore;
}

export interface PlanDocumentAnalysis extends DocumentBase {
  readonly kind: 'Plan';
  readonly data?: Plan;
  readonly rubric?: ResolvedRubric;
  readonly baseline?: { readonly uri: string; readonly assessment: Assessment; readonly score?: AssessmentScore };
  readonly projection?: PlanProjection;
}

export type DocumentAnalysis = UnknownDocument | RubricDocumentAnalysis | AssessmentDocumentAnalysis | PlanDocumentAnalysis;

export interface FileAnalysis {
  readonly uri: string;
  readonly text: string;
  readonly parser: 'fast' | 'full';
  readonly documents: readonly DocumentAnalysis[];
  /** All diagnostics of the file, sorted by position and capped at `maxProblems`. */
  readonly diagnostics: readonly Diagnostic[];
  /** Other files this analysis read (referenced rubrics, baselines): re-check when they change. */
  readonly dependencies: readonly string[];
}

export interface EngineOptions {
  /** Cap on diagnostics per file, so a broken 50,000-line file does not flood the editor. */
  readonly maxProblems?: number;
  readonly parser?: ParseOptions['parser'];
}

export const DEFAULT_MAX_PROBLEMS = 500;
const MAX_REFERENCE_DEPTH = 4;

/**
 * The engine: text → parse → schema → semantic rules → scores, for every document of a file.
 * Referenced files are read through the host and their analyses cached by text, so checking a
 * hundred assessments against one rubric parses the rubric once.
 */
export class Engine {
  private readonly cache = new Map<string, { text: string; analysis: Promise<FileAnalysis> }>();

  constructor(private readonly host: FileHost, private readonly options: EngineOptions = {}) {}

  analyze(uri: string, text: string): Promise<FileAnalysis> {
    return this.analyzeAt(uri, text, 0);
  }

  /** Forget cached analyses of a referenced file (the cache also notices changed text by itself). */
  invalidate(uri?: string): void {
    if (uri === undefined) this.cache.clear();
    else this.cache.delete(uri);
  }

  private async dependency(uri: string, depth: number): Promise<FileAnalysis | undefined> {
    const builtin = isBuiltinUri(uri) ? builtinByUri(uri) : undefined;
    const text = builtin ? builtin.text : await this.host.readFile(uri);
    if (text === undefined) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.text === text) return cached.analysis;
    const analysis = this.analyzeAt(uri, text, depth);
    this.cache.set(uri, { text, analysis });
    return analysis;
  }

  private async analyzeAt(uri: string, text: string, depth: number): Promise<FileAnalysis> {
    const file = parseYaml(text, { parser: this.options.parser });
    const dependencies = new Set<string>();
    const fileIssues = new DiagnosticCollector();
    for (const issue of file.issues) fileIssues.report(issue.code, issue.message, issue.range, { severity: issue.severity });

    // Pass 1: parse checks, envelope and schema for every document, and rubrics' own rules,
    // so that assessments and plans can refer to rubrics defined later in the same file.
    const staged = file.documents.map((parsed, index) => this.stage(parsed, index));
    const analyses: DocumentAnalysis[] = [];
    const sameFileRubrics = new Map<string, RubricDocumentAnalysis>();
    for (const s of staged) {
      if (s.kind === 'Rubric') {
        const rubric = this.finishRubric(s);
        analyses[s.index] = rubric;
        // Rubrics with errors are registered too, so a reference to one says "has errors", not "not found".
        const id = declaredId(rubric);
        if (id !== undefined && !sameFileRubrics.has(id)) sameFileRubrics.set(id, rubric);
      }
    }
    const context: ReferenceContext = { uri, text, depth, dependencies, sameFileRubrics, sameFileAssessments: new Map() };
    // Pass 2: assessments; pass 3: plans (which may take a same-file assessment as baseline).
    for (const s of staged) {
      if (s.kind === 'Assessment') {
        const assessment = await this.finishAssessment(s, context);
        analyses[s.index] = assessment;
        if (assessment.data) context.sameFileAssessments.set(assessment.data.id, assessment);
      }
    }
    for (const s of staged) {
      if (s.kind === 'Plan') analyses[s.index] = await this.finishPlan(s, context);
      else if (s.kind === undefined) analyses[s.index] = { kind: undefined, index: s.index, parsed: s.parsed, schemaValid: false, diagnostics: s.out.items };
    }

    const all = [...fileIssues.items, ...analyses.flatMap((a) => a.diagnostics)].sort(compareDiagnostics);
    const max = this.options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
    let diagnostics = all;
    if (all.length > max) {
      diagnostics = all.slice(0, max);
      diagnostics.push({
        code: 'too-many-problems',
        severity: 'information',
        message: `This file has ${all.length} problems; only the first ${max} are shown. Fix those to see the rest.`,
        range: { start: 0, end: 0 },
      });
    }
    return { uri, text, parser: file.parser, documents: analyses, diagnostics, dependencies: [...dependencies] };
  }

  /** Parse issues, the apiVersion/kind envelope, and the schema of the document's kind. */
  private stage(parsed: ParsedYamlDocument, index: number): Staged {
    const out = new DiagnosticCollector();
    for (const issue of parsed.issues) out.report(issue.code, issue.message, issue.range, { severity: issue.severity });
    const value = parsed.value;
    const hasYamlErrors = parsed.issues.some((i) => i.severity === 'error');
    if (value === null && !hasYamlErrors && parsed.valueRange.start === parsed.valueRange.end) {
      // An empty document (a trailing `---`, or a comment-only file) holds nothing to check.
      if (parsed.documentRange.end - parsed.documentRange.start <= 4 || index > 0) return { kind: undefined, index, parsed, out, schemaValid: false };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      if (!hasYamlErrors) {
        out.report('document-not-mapping', `A rubric document is a map of keys that starts with "apiVersion: ${API_VERSION}" and a "kind". This document is ${Array.isArray(value) ? 'a list' : value === null ? 'empty' : 'a single value'}.`, parsed.valueRange.start === parsed.valueRange.end ? docStartRange(parsed) : parsed.valueRange);
      }
      return { kind: undefined, index, parsed, out, schemaValid: false };
    }
    const record = value as Record<string, unknown>;
    const apiVersion = record.apiVersion;
    if (apiVersion !== API_VERSION) {
      const range = 'apiVersion' in record ? diagnosticRange(parsed, ['apiVersion']) : firstKeyRange(parsed, parsed.value) ?? docStartRange(parsed);
      out.report(
        'unknown-api-version',
        'apiVersion' in record
          ? `This tool reads apiVersion "${API_VERSION}", not ${JSON.stringify(apiVersion)}.`
          : `Add "apiVersion: ${API_VERSION}" at the top of this document, so tools know which format it follows.`,
        range,
        { fixes: 'apiVersion' in record ? [{ title: `Change to ${API_VERSION}`, replacement: API_VERSION, range }] : [], data: 'apiVersion' in record ? undefined : { missingKey: 'apiVersion', parentPath: [] } },
      );
      if ('apiVersion' in record) return { kind: undefined, index, parsed, out, schemaValid: false };
    }
    const kind = record.kind;
    if (typeof kind !== 'string' || !(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
      const suggestion = typeof kind === 'string' ? closestMatch(kind, DOCUMENT_KINDS) : undefined;
      const range = 'kind' in record ? diagnosticRange(parsed, ['kind']) : firstKeyRange(parsed, parsed.value) ?? docStartRange(parsed);
      out.report(
        'unknown-kind',
        'kind' in record
          ? `The kind must be Rubric, Assessment or Plan, not ${JSON.stringify(kind)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`
          : 'Add a "kind" to this document: Rubric, Assessment or Plan.',
        range,
        { fixes: suggestion ? [{ title: `Change to "${suggestion}"`, replacement: suggestion, range }] : [], data: 'kind' in record ? undefined : { missingKey: 'kind', parentPath: [] } },
      );
      return { kind: undefined, index, parsed, out, schemaValid: false };
    }
    if (apiVersion !== API_VERSION) return { kind: kind as DocumentKind, index, parsed, out, schemaValid: false };
    const schemaValid = !hasYamlErrors && validateAgainstSchema(kind as DocumentKind, parsed, out);
    return { kind: kind as DocumentKind, index, parsed, out, schemaValid };
  }

  private finishRubric(s: Staged): RubricDocumentAnalysis {
    if (!s.schemaValid) return { kind: 'Rubric', index: s.index, parsed: s.parsed, schemaValid: false, diagnostics: s.out.items };
    const data = s.parsed.value as Rubric;
    const scaleOk = checkRubric(new RuleContext(s.parsed, s.out), data);
    const usable = scaleOk && !s.out.hasErrors;
    return {
      kind: 'Rubric',
      index: s.index,
      parsed: s.parsed,
      schemaValid: true,
      data,
      ...(usable ? { rubricIndex: new RubricIndex(data) } : {}),
      diagnostics: s.out.items,
    };
  }

  private async finishAssessment(s: Staged, context: ReferenceContext): Promise<AssessmentDocumentAnalysis> {
    const base = { kind: 'Assessment' as const, index: s.index, parsed: s.parsed };
    if (!s.schemaValid) return { ...base, schemaValid: false, diagnostics: s.out.items };
    const data = s.parsed.value as Assessment;
    const ctx = new RuleContext(s.parsed, s.out);
    const rubric = await this.resolveRubric(data.rubric, ctx, context);
    if (!rubric) {
      // The rest needs the rubric; the date does not, and a wrong one is worth knowing now.
      checkDate(ctx, data.date, ['date']);
      return { ...base, schemaValid: true, data, diagnostics: s.out.items };
    }
    checkAssessment(ctx, data, rubric.index);
    const score = scoreAssessment(data, rubric.index);
    checkAssessmentScore(ctx, score);
    return { ...base, schemaValid: true, data, rubric, score, diagnostics: s.out.items };
  }

  private async finishPlan(s: Staged, context: ReferenceContext): Promise<PlanDocumentAnalysis> {
    const base = { kind: 'Plan' as const, index: s.index, parsed: s.parsed };
    if (!s.schemaValid) return { ...base, schemaValid: false, diagnostics: s.out.items };
    const data = s.parsed.value as Plan;
    const ctx = new RuleContext(s.parsed, s.out);
    const rubric = await this.resolveRubric(data.rubric, ctx, context);
    const baseline = data.baseline !== undefined ? await this.resolveBaseline(data.baseline, ctx, context, rubric) : undefined;
    checkPlan(ctx, data, rubric?.index, baseline?.score);
    const projection = projectPlan(data, rubric?.index, baseline?.score);
    return {
      ...base,
      schemaValid: true,
      data,
      ...(rubric ? { rubric } : {}),
      ...(baseline ? { baseline } : {}),
      projection,
      diagnostics: s.out.items,
    };
  }

  /** Finds the rubric a reference names: a path (optionally `#id`), a same-file rubric, or a built-in. */
  private async resolveRubric(reference: string, ctx: RuleContext, context: ReferenceContext): Promise<ResolvedRubric | undefined> {
    const range = diagnosticRange(ctx.doc, ['rubric']);
    if (!looksLikePath(reference)) {
      const local = context.sameFileRubrics.get(reference);
      if (local) return this.usableRubric(local, context.uri, context.text, false, range, ctx, reference);
      const builtin = builtinFrameworks().get(reference);
      if (builtin) {
        const analysis = await this.dependency(builtin.uri, context.depth + 1);
        const doc = analysis?.documents.find((d): d is RubricDocumentAnalysis => d.kind === 'Rubric');
        if (analysis && doc) return this.usableRubric(doc, builtin.uri, analysis.text, true, range, ctx, reference);
      }
      const known = [...context.sameFileRubrics.keys(), ...builtinFrameworks().keys()];
      ctx.reportUnknownId(
        'rubric-not-found',
        `No rubric has the id "${reference}" in this file or among the built-in rubrics (${[...builtinFrameworks().keys()].join(', ')}). To use a rubric file, write a relative path such as "./${reference}.rubric.yaml".`,
        range,
        reference,
        known,
      );
      return undefined;
    }
    const target = await this.loadReferenced(reference, ctx, context, range, 'rubric-not-found', 'rubric');
    if (!target) return undefined;
    const { analysis, fragment, targetUri } = target;
    const rubrics = analysis.documents.filter((d): d is RubricDocumentAnalysis => d.kind === 'Rubric');
    const doc = fragment ? rubrics.find((d) => declaredId(d) === fragment) : rubrics[0];
    if (!doc) {
      ctx.report(
        'rubric-not-found',
        fragment ? `${baseName(targetUri)} has no rubric with the id "${fragment}".` : `${baseName(targetUri)} holds no Rubric document${rubrics.length === 0 && analysis.documents.some((d) => d.kind) ? ` (it holds: ${analysis.documents.map((d) => d.kind).filter(Boolean).join(', ')})` : ''}.`,
        range,
      );
      return undefined;
    }
    return this.usableRubric(doc, targetUri, analysis.text, false, range, ctx, reference);
  }

  private usableRubric(doc: RubricDocumentAnalysis, uri: string, text: string, builtin: boolean, range: Range, ctx: RuleContext, reference: string): ResolvedRubric | undefined {
    if (!doc.rubricIndex) {
      const errors = doc.diagnostics.filter((d) => d.severity === 'error').length;
      ctx.report(
        'rubric-invalid',
        `The rubric "${reference}" has ${errors} error${errors === 1 ? '' : 's'}, so this document cannot be checked or scored against it. Fix the rubric in ${baseName(uri)} first.`,
        range,
      );
      return undefined;
    }
    return { uri, documentIndex: doc.index, text, parsed: doc.parsed, index: doc.rubricIndex, builtin };
  }

  private async loadReferenced(
    reference: string,
    ctx: RuleContext,
    context: ReferenceContext,
    range: Range,
    code: 'rubric-not-found' | 'baseline-not-found',
    what: string,
  ): Promise<{ analysis: FileAnalysis; fragment?: string; targetUri: string } | undefined> {
    const { path, fragment } = splitFragment(reference);
    const targetUri = resolveRelative(context.uri, path);
    if (!targetUri) {
      ctx.report(code, `"${reference}" is not a usable path. Write a path relative to this file, such as "./team.${what}.yaml".`, range);
      return undefined;
    }
    if (targetUri === context.uri) {
      ctx.report(code, `"${reference}" points at this file itself. Refer to a document in this file by its id instead.`, range);
      return undefined;
    }
    if (context.depth >= MAX_REFERENCE_DEPTH) {
      ctx.report(code, `"${reference}" is too many references away (files referring to files more than ${MAX_REFERENCE_DEPTH} deep).`, range);
      return undefined;
    }
    context.dependencies.add(targetUri);
    const analysis = await this.dependency(targetUri, context.depth + 1);
    if (!analysis) {
      ctx.report(code, `No file found at "${path}" (relative to this file). Check the path and the file name.`, range);
      return undefined;
    }
    for (const dep of analysis.dependencies) context.dependencies.add(dep);
    return { analysis, ...(fragment ? { fragment } : {}), targetUri };
  }

  private async resolveBaseline(
    reference: string,
    ctx: RuleContext,
    context: ReferenceContext,
    rubric: ResolvedRubric | undefined,
  ): Promise<PlanDocumentAnalysis['baseline']> {
    const range = diagnosticRange(ctx.doc, ['baseline']);
    let found: AssessmentDocumentAnalysis | undefined;
    let uri = context.uri;
    if (!looksLikePath(reference)) {
      found = context.sameFileAssessments.get(reference);
      if (!found) {
        ctx.reportUnknownId('baseline-not-found', `No assessment in this file has the id "${reference}". To use an assessment file, write a relative path such as "./${reference}.assessment.yaml".`, range, reference, context.sameFileAssessments.keys());
        return undefined;
      }
    } else {
      const target = await this.loadReferenced(reference, ctx, context, range, 'baseline-not-found', 'assessment');
      if (!target) return undefined;
      uri = target.targetUri;
      const assessments = target.analysis.documents.filter((d): d is AssessmentDocumentAnalysis => d.kind === 'Assessment');
      found = target.fragment ? assessments.find((d) => d.data?.id === target.fragment) : assessments[0];
      if (!found) {
        ctx.report('baseline-not-found', `${baseName(target.targetUri)} holds no Assessment document${target.fragment ? ` with the id "${target.fragment}"` : ''}.`, range);
        return undefined;
      }
    }
    if (!found.data) {
      ctx.report('baseline-not-found', `The baseline assessment has errors that keep it from being read. Fix ${baseName(uri)} first.`, range);
      return undefined;
    }
    if (rubric && found.rubric && (found.rubric.uri !== rubric.uri || found.rubric.documentIndex !== rubric.documentIndex)) {
      ctx.report('baseline-rubric-mismatch', `The baseline assessment is scored against "${found.rubric.index.rubric.id}", but this plan uses "${rubric.index.rubric.id}". Moves cannot be checked against it.`, range);
      return { uri, assessment: found.data };
    }
    return { uri, assessment: found.data, ...(found.score ? { score: found.score } : {}) };
  }
}

interface Staged {
  readonly kind: DocumentKind | undefined;
  readonly index: number;
  readonly parsed: ParsedYamlDocument;
  readonly out: DiagnosticCollector;
  readonly schemaValid: boolean;
}

interface ReferenceContext {
  readonly uri: string;
  readonly text: string;
  readonly depth: number;
  readonly dependencies: Set<string>;
  readonly sameFileRubrics: Map<string, RubricDocumentAnalysis>;
  readonly sameFileAssessments: Map<string, AssessmentDocumentAnalysis>;
}

/** The id a document declares, read even when the document failed its schema. */
function declaredId(doc: RubricDocumentAnalysis): string | undefined {
  if (doc.data) return doc.data.id;
  const value = doc.parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const id = (value as Record<string, unknown>).id;
  return typeof id === 'string' ? id : undefined;
}

function docStartRange(doc: ParsedYamlDocument): Range {
  return { start: doc.documentRange.start, end: doc.documentRange.start };
}

