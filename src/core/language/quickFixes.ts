import type { AssessmentDocumentAnalysis, DocumentAnalysis, FileAnalysis, ResolvedRubric } from '../engine';
import type { Diagnostic } from '../diagnostics/types';
import { API_VERSION } from '../format/enums';
import type { DocumentKind } from '../format/types';
import type { Range } from '../text/range';
import type { PathSegment } from '../document/located';
import { schemaAt, propertiesOf, types, type ResolvedSchema } from './schemaModel';
import { documentIndexAt } from './snapshot';
import { addToMap, fillEmptyMap, type NewEntry, type TextEditData } from './textEdits';

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEditData[];
  /** The diagnostic the fix resolves (the editor shows the fix on it). */
  readonly diagnostic: Diagnostic;
  readonly preferred: boolean;
}

/** Fixes for the diagnostics of the analysis that touch `range`. */
export function quickFixes(analysis: FileAnalysis, range: Range): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const diagnostic of analysis.diagnostics) {
    if (diagnostic.range.start > range.end || diagnostic.range.end < range.start) continue;
    const doc = analysis.documents[documentIndexAt(analysis, diagnostic.range.start)];
    for (const fix of diagnostic.fixes ?? []) {
      fixes.push({ title: fix.title, edits: [{ range: fix.range ?? diagnostic.range, newText: fix.replacement }], diagnostic, preferred: (diagnostic.fixes?.length ?? 0) === 1 });
    }
    const missing = missingKeyFix(analysis, doc, diagnostic);
    if (missing) fixes.push(missing);
    if (diagnostic.code === 'dimension-not-assessed' && doc?.kind === 'Assessment') {
      const edits = missingDimensionEdits(analysis.text, doc);
      const count = Array.isArray(diagnostic.data?.missing) ? diagnostic.data.missing.length : 0;
      if (edits.length) fixes.push({ title: `Add the ${count === 1 ? 'missing dimension' : `${count} missing dimensions`} of the rubric`, edits, diagnostic, preferred: true });
    }
  }
  return fixes;
}

function missingKeyFix(analysis: FileAnalysis, doc: DocumentAnalysis | undefined, diagnostic: Diagnostic): QuickFix | undefined {
  const key = diagnostic.data?.missingKey;
  const parentPath = diagnostic.data?.parentPath;
  if (!doc || typeof key !== 'string' || !Array.isArray(parentPath)) return undefined;
  const path = parentPath as PathSegment[];
  const kind = doc.kind ?? kindFromUri(analysis.uri);
  const rubric = doc.kind === 'Assessment' || doc.kind === 'Plan' ? doc.rubric : undefined;
  const value = placeholder(kind, [...path, key], key, rubric);
  const edit = addToMap(analysis.text, doc.parsed, path, [{ key, ...value }], { atStart: path.length === 0 && (key === 'apiVersion' || key === 'kind') });
  if (!edit) return undefined;
  return { title: `Add "${key}"`, edits: [edit], diagnostic, preferred: true };
}

/** The kind a file's name suggests, for a document that does not say its kind yet. */
function kindFromUri(uri: string): DocumentKind {
  if (/\.assessment\.ya?ml$/i.test(uri)) return 'Assessment';
  if (/\.plan\.ya?ml$/i.test(uri)) return 'Plan';
  return 'Rubric';
}

/**
 * A value to start from for a key the user must fill in: what the format fixes (apiVersion,
 * the only allowed value), the rubric's levels for levels, else a neutral value of the right
 * type, so the document's next check points at what is left to do.
 */
function placeholder(kind: DocumentKind, path: PathSegment[], key: string, rubric: ResolvedRubric | undefined): Pick<NewEntry, 'value' | 'children'> {
  if (path.length === 1 && key === 'apiVersion') return { value: API_VERSION };
  if (path.length === 1 && key === 'kind') return { value: kind };
  if (rubric && (key === 'level' || key === 'target' || key === 'to' || key === 'from')) {
    const index = rubric.index;
    const level = key === 'level' || key === 'from' ? index.minLevel : (index.rubric.threshold?.level ?? index.maxLevel);
    return { value: String(level) };
  }
  return valueFor(schemaAt(kind, path), 0);
}

function valueFor(schema: ResolvedSchema | undefined, depth: number): Pick<NewEntry, 'value' | 'children'> {
  if (!schema) return { value: '""' };
  const node = schema.node;
  if (node.const !== undefined) return { value: String(node.const) };
  if (node.enum?.length) return { value: String(node.enum[0]) };
  if (node.default !== undefined && typeof node.default !== 'object') return { value: String(node.default) };
  const t = types(node);
  if (t[0] === 'object') {
    const required = propertiesOf(schema).filter((p) => p.required);
    if (!required.length || depth > 1) return { value: '{}' };
    return { value: '', children: required.map((p) => ({ key: p.name, ...valueFor(p.schema, depth + 1) })) };
  }
  if (t[0] === 'array') return { value: '[]' };
  if (t[0] === 'boolean') return { value: 'false' };
  if (t[0] === 'integer' || t[0] === 'number') {
    const example = node.examples?.find((e) => typeof e === 'number');
    return { value: String(example ?? node.minimum ?? 0) };
  }
  // Dates have a fixed form; an example shows it. Other text starts empty.
  if (node.pattern?.includes('[0-9]{4}')) return { value: String(node.examples?.[0] ?? '2026-01-01') };
  return { value: '""' };
}

/**
 * Edits that add each rubric dimension the assessment lacks, as a skeleton: a target (the
 * rubric's threshold) and empty answers, or only the target for a rated rubric.
 */
export function missingDimensionEdits(text: string, doc: AssessmentDocumentAnalysis): TextEditData[] {
  const rubric = doc.rubric;
  const data = doc.data;
  if (!rubric || !data) return [];
  const missing = rubric.index.rubric.dimensions.filter((d) => !(d.id in data.dimensions));
  if (!missing.length) return [];
  const target = rubric.index.rubric.threshold?.level ?? rubric.index.maxLevel;
  const entries: NewEntry[] = missing.map((d) => ({
    key: d.id,
    value: '',
    children: [{ key: 'target', value: String(target) }, ...(rubric.index.method === 'rated' ? [] : [{ key: 'answers', value: '{}' }])],
  }));
  const existing = doc.parsed.valueAt(['dimensions']);
  if (existing && typeof existing === 'object' && Object.keys(existing).length > 0) {
    const edit = addToMap(text, doc.parsed, ['dimensions'], entries);
    return edit ? [edit] : [];
  }
  const key = doc.parsed.locate(['dimensions']).key;
  return key ? fillEmptyMap(text, doc.parsed, ['dimensions'], entries, key) : [];
}

/** The edits of the "add missing dimensions" command, for every assessment in the file. */
export function addMissingDimensions(analysis: FileAnalysis): TextEditData[] {
  return analysis.documents.flatMap((doc) => (doc.kind === 'Assessment' ? missingDimensionEdits(analysis.text, doc) : []));
}
