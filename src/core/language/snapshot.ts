import type { DocumentAnalysis, FileAnalysis, ResolvedRubric } from '../engine';
import { DOCUMENT_KINDS } from '../format/enums';
import type { DocumentKind } from '../format/types';
import type { AssessmentScore } from '../scoring/types';
import { valueAt, type LocatedDocument } from '../document/located';
import { documentStartAt } from './cursor';
import { isMap } from '../format/values';

/**
 * What the language features work from: the analysis of the document's current text, and an
 * earlier analysis whose references resolved. While the user types, the text is often not
 * valid YAML, and the earlier analysis still knows the rubric, its dimensions and criteria.
 */
export interface LanguageSnapshot {
  readonly analysis: FileAnalysis;
  readonly previous?: FileAnalysis;
  /**
   * The document's text now, when `analysis` is of an earlier version (completion in a very
   * large document does not wait for a fresh analysis: the cursor's place comes from this text,
   * the rubric and the document's data from the analysis).
   */
  readonly text?: string;
}

/** The text that offsets into the snapshot refer to. */
export function textOf(snapshot: LanguageSnapshot): string {
  return snapshot.text ?? snapshot.analysis.text;
}

/** One YAML document of the file, with what the features need about it. */
export interface DocumentView {
  readonly index: number;
  readonly kind?: DocumentKind;
  /** The document's data when it parsed to a map (possibly schema-invalid, so read it defensively). */
  readonly value?: Record<string, unknown>;
  readonly parsed?: LocatedDocument;
  readonly analysis?: DocumentAnalysis;
  readonly rubric?: ResolvedRubric;
  readonly score?: AssessmentScore;
  readonly start: number;
}

export function documentIndexAt(analysis: FileAnalysis, offset: number): number {
  const docs = analysis.documents;
  for (let i = docs.length - 1; i >= 0; i--) {
    const doc = docs[i] as DocumentAnalysis;
    if (offset >= doc.parsed.documentRange.start) return i;
  }
  return 0;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isMap(value) ? value : undefined;
}

function kindOf(value: Record<string, unknown> | undefined): DocumentKind | undefined {
  const kind = value?.kind;
  return typeof kind === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(kind) ? (kind as DocumentKind) : undefined;
}

function kindInText(text: string, start: number): DocumentKind | undefined {
  const re = /^kind:[ \t]*["']?(Rubric|Assessment|Plan)["']?[ \t]*(?:#.*)?$/gm;
  re.lastIndex = start;
  const marker = /^(?:---|\.\.\.)(?=[ \t]|\r?$)/gm;
  marker.lastIndex = start;
  const next = marker.exec(text);
  const end = next ? next.index : text.length;
  const m = re.exec(text);
  return m && m.index < end ? (m[1] as DocumentKind) : undefined;
}

function referencedRubric(doc: DocumentAnalysis | undefined): ResolvedRubric | undefined {
  return doc && (doc.kind === 'Assessment' || doc.kind === 'Plan') ? doc.rubric : undefined;
}

/** The document at an offset, with the earlier analysis filling in what the current one lacks. */
export function documentAt(snapshot: LanguageSnapshot, offset: number): DocumentView {
  const { analysis, previous } = snapshot;
  const text = textOf(snapshot);
  const index = analysis.documents.length ? documentIndexAt(analysis, offset) : 0;
  const current = analysis.documents[index];
  const earlier = previous?.documents[index];
  const value = asRecord(current?.parsed.value);
  const kind = current?.kind ?? kindOf(value) ?? kindInText(text, snapshot.text === undefined && current ? current.parsed.documentRange.start : documentStartAt(text, offset)) ?? earlier?.kind;
  const rubric = referencedRubric(current) ?? (earlier?.kind === kind ? referencedRubric(earlier) : undefined);
  const score = current?.kind === 'Assessment' ? current.score : undefined;
  return {
    index,
    ...(kind ? { kind } : {}),
    ...(value ? { value } : earlier && asRecord(earlier.parsed.value) ? { value: asRecord(earlier.parsed.value) } : {}),
    ...(current ? { parsed: current.parsed, analysis: current } : {}),
    ...(rubric ? { rubric } : {}),
    ...(score ? { score } : {}),
    start: snapshot.text === undefined && current ? current.parsed.documentRange.start : documentStartAt(text, offset),
  };
}

/** Reads a nested value without trusting its shape. */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  return valueAt(value, path);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
