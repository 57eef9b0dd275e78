import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import catalog from '../../snippets/rubrics.snippets.json';
import { toRange, type Positions } from './convert';
import { cursorContext, documentAt, type CursorContext, type DocumentKind, type LanguageSnapshot } from './core';

/** Where a snippet fits (see scripts/generate-snippets.mjs, which writes the catalog). */
export type SnippetPlace = 'document' | 'assessment-dimension' | 'plan-move' | 'plan-initiative' | 'rubric-dimension' | 'rubric-criterion';

export interface Snippet {
  readonly name: string;
  readonly prefix: string;
  readonly place: SnippetPlace;
  /** The built-in framework whose dimension (or whole assessment) the snippet writes. */
  readonly framework?: string;
  /** The dimension id the snippet adds, so a dimension already assessed is not offered again. */
  readonly key?: string;
  readonly description: string;
  readonly body: readonly string[];
}

export const SNIPPETS: readonly Snippet[] = (catalog as { snippets: Snippet[] }).snippets;

/** Which place the cursor is at, for a document of `kind`; undefined where no snippet fits. */
export function snippetPlace(context: CursorContext, kind: DocumentKind | undefined, documentIsEmpty: boolean): SnippetPlace | undefined {
  if (context.kind !== 'key' || context.inFlow) return undefined;
  const path = context.path;
  if (path.length === 0) return documentIsEmpty ? 'document' : undefined;
  // After a `- ` the item itself is being written: list snippets fit (without their own dash).
  const listPath = context.newItem ? path.slice(0, -1) : path;
  if (kind === 'Assessment' && path.length === 1 && path[0] === 'dimensions' && !context.newItem) return 'assessment-dimension';
  if (kind === 'Rubric' && listPath.length === 1 && listPath[0] === 'dimensions') return 'rubric-dimension';
  if (kind === 'Rubric' && listPath.length === 3 && listPath[0] === 'dimensions' && typeof listPath[1] === 'number' && listPath[2] === 'criteria') return 'rubric-criterion';
  if (kind === 'Plan' && listPath.length === 1 && listPath[0] === 'initiatives') return 'plan-initiative';
  if (kind === 'Plan' && listPath.length === 3 && listPath[0] === 'initiatives' && typeof listPath[1] === 'number' && listPath[2] === 'moves') return 'plan-move';
  return undefined;
}

export interface SnippetStyle {
  readonly adjustsIndentation: boolean;
  readonly lineIndent: string;
}

/**
 * The snippets that fit at the cursor, as completion items sorted after the context's own
 * completions. A framework's dimension snippets are offered only for an assessment or plan of
 * that framework (or whose rubric is not known yet), and not for dimensions already there.
 */
export function snippetCompletions(snapshot: LanguageSnapshot, text: string, offset: number, positions: Positions, style: SnippetStyle): CompletionItem[] {
  const context = cursorContext(text, offset);
  if (!context) return [];
  const doc = documentAt(snapshot, offset);
  const empty = context.path.length === 0 && context.siblingKeys.every((key) => key === context.prefix);
  const place = snippetPlace(context, doc.kind, empty);
  if (!place) return [];
  const framework = frameworkOf(doc.rubric, doc.value);
  const present = new Set(context.siblingKeys.filter((key) => key !== context.prefix));
  const moved = new Set(movedDimensions(doc.value, context));
  return SNIPPETS.filter((snippet) => {
    if (snippet.place !== place) return false;
    if (place === 'document') return true;
    if (snippet.framework !== undefined && framework !== undefined && snippet.framework !== framework.id) return false;
    if (snippet.framework !== undefined && framework?.custom) return false;
    if (snippet.key !== undefined && place === 'assessment-dimension' && present.has(snippet.key)) return false;
    if (snippet.key !== undefined && place === 'plan-move' && moved.has(snippet.key)) return false;
    return true;
  }).map((snippet) => toSnippetItem(snippet, context, positions, style));
}

function toSnippetItem(snippet: Snippet, context: CursorContext, positions: Positions, style: SnippetStyle): CompletionItem {
  const lines = [...snippet.body];
  // After `- ` the dash is already there; the item's later lines keep their place under it.
  if (context.newItem && lines[0]?.startsWith('- ')) lines[0] = lines[0].slice(2);
  let body = lines.join('\n');
  if (!style.adjustsIndentation) body = body.replace(/\n(?=.)/g, `\n${style.lineIndent}`);
  return {
    label: snippet.prefix,
    kind: CompletionItemKind.Snippet,
    detail: snippet.name,
    documentation: { kind: MarkupKind.Markdown, value: `${snippet.description}\n\n\`\`\`yaml\n${previewOf(lines)}\n\`\`\`` },
    textEdit: { range: toRange(positions, context.replace), newText: body },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: style.adjustsIndentation ? InsertTextMode.adjustIndentation : InsertTextMode.asIs,
    // After every completion of the context itself (theirs sort by number).
    sortText: `~${snippet.prefix}`,
  };
}

/** The snippet as it reads with every placeholder at its default, for the completion's documentation. */
function previewOf(lines: readonly string[]): string {
  return lines
    .map((line) => line
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\{?\d+\}?/g, '')
      .replace(/\\([$}\\])/g, '$1'))
    .join('\n')
    .trimEnd();
}

/** The framework of the document's rubric: the resolved one, or a built-in id written in `rubric:`. */
function frameworkOf(rubric: { builtin: boolean; index: { rubric: { id: string } } } | undefined, value: Record<string, unknown> | undefined): { id: string; custom: boolean } | undefined {
  if (rubric) return { id: rubric.index.rubric.id, custom: !rubric.builtin };
  const written = value?.rubric;
  return typeof written === 'string' && /^[a-z0-9-]+$/.test(written) ? { id: written, custom: false } : undefined;
}

/** Dimensions the initiative at the cursor already moves. */
function movedDimensions(value: Record<string, unknown> | undefined, context: CursorContext): string[] {
  const index = context.path[1];
  const initiatives = value?.initiatives;
  if (typeof index !== 'number' || !Array.isArray(initiatives)) return [];
  const moves = (initiatives[index] as { moves?: unknown } | undefined)?.moves;
  if (!Array.isArray(moves)) return [];
  return moves.map((m) => (m && typeof m === 'object' ? (m as { dimension?: unknown }).dimension : undefined)).filter((d): d is string => typeof d === 'string');
}
