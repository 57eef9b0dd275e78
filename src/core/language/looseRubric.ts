import { builtinFrameworks } from '../builtins';
import type { FileAnalysis, RubricDocumentAnalysis, ResolvedRubric } from '../engine';
import { looksLikePath, resolveRelative, splitFragment } from '../resolve/uris';
import { asString, dig } from './snapshot';

/** Analyses another file (a referenced rubric) for the language features. */
export type AnalyzeUri = (uri: string) => Promise<FileAnalysis | undefined>;

/**
 * The rubric an assessment or plan names, found even while the document itself fails its
 * schema (the engine checks references only on valid documents, but a half-typed assessment is
 * exactly where completion needs its rubric's dimensions and criteria). Resolves references the
 * way the engine does: a same-file id, a built-in id, or a relative path with an optional `#id`.
 */
export async function resolveRubricLoosely(analysis: FileAnalysis, documentIndex: number, analyzeUri: AnalyzeUri): Promise<ResolvedRubric | undefined> {
  const reference = asString(dig(analysis.documents[documentIndex]?.parsed.value, 'rubric'))?.trim();
  if (!reference) return undefined;
  if (!looksLikePath(reference)) {
    const local = analysis.documents.find((d): d is RubricDocumentAnalysis => d.kind === 'Rubric' && d.data?.id === reference);
    if (local) return usable(local, analysis, false);
    const builtin = builtinFrameworks().get(reference);
    if (!builtin) return undefined;
    const target = await analyzeUri(builtin.uri);
    const doc = target?.documents.find((d): d is RubricDocumentAnalysis => d.kind === 'Rubric');
    return target && doc ? usable(doc, target, true) : undefined;
  }
  const { path, fragment } = splitFragment(reference);
  const uri = resolveRelative(analysis.uri, path);
  if (!uri || uri === analysis.uri) return undefined;
  const target = await analyzeUri(uri);
  const rubrics = target?.documents.filter((d): d is RubricDocumentAnalysis => d.kind === 'Rubric') ?? [];
  const doc = fragment ? rubrics.find((d) => d.data?.id === fragment) : rubrics[0];
  return target && doc ? usable(doc, target, false) : undefined;
}

function usable(doc: RubricDocumentAnalysis, file: FileAnalysis, builtin: boolean): ResolvedRubric | undefined {
  if (!doc.rubricIndex) return undefined;
  return { uri: file.uri, documentIndex: doc.index, text: file.text, parsed: doc.parsed, index: doc.rubricIndex, builtin };
}
