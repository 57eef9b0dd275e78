import type { Location } from 'vscode-languageserver';
import type { ChunkedTextDocument } from '../chunkedDocument';
import { onCheckedRequest } from '../checkedMessages';
import type { ServerContext } from '../context';
import { toRange, type Positions } from '../convert';
import { builtinByUri, definitionAt, documentAt, isBuiltinUri, LineIndex, textOf, type FileAnalysis } from '../core';
import { PARAMS, type TextDocumentPosition } from '../params';
import { BUILTIN_TEXT, type BuiltinTextParams } from '../protocol';
import { itemAtRubricOffset, itemDefinedAt, usesIn, type RubricItem } from '../references';

/**
 * A built-in rubric's file an editor can open, by file name, or undefined (ServerOptions.builtinFile).
 * Without it, locations in a built-in rubric keep their rubrics-builtin: URI, whose text
 * `rubrics/builtinText` answers.
 */
export type BuiltinFileFinder = (fileName: string, text: string) => Promise<string | undefined>;

/**
 * Going from a use to its definition and back: `textDocument/definition` (a rubric, a dimension,
 * a criterion, a baseline from where a document names it), `textDocument/references` (every use
 * of a rubric's dimension or criterion), and `rubrics/builtinText`, the text behind a built-in
 * rubric's location.
 */
export function registerNavigation(context: ServerContext, builtinFile: BuiltinFileFinder | undefined): void {
  const { connection, store } = context;
  const openable = (uri: string) => openableUri(uri, builtinFile);
  onCheckedRequest(connection, 'textDocument/definition', PARAMS.textDocumentPosition, ({ textDocument, position }: TextDocumentPosition) =>
    store.atCurrent(textDocument.uri, async (doc) => {
      const target = await definitionAt(await store.analyses.snapshot(doc), doc.offsetAt(position), (uri) => store.engine.readReferenced(uri, doc.uri));
      // Lines and characters come from the very text the engine read (the target may not be open).
      return target ? { uri: await openable(target.uri), range: toRange(new LineIndex(target.text), target.range) } : null;
    }),
  );
  onCheckedRequest(connection, 'textDocument/references', PARAMS.references, ({ textDocument, position, context: { includeDeclaration } }: TextDocumentPosition & { context: { includeDeclaration: boolean } }) =>
    store.atCurrent(textDocument.uri, (doc) => references(context, openable, doc, doc.offsetAt(position), includeDeclaration)),
  );
  onCheckedRequest(connection, BUILTIN_TEXT, PARAMS.uri, ({ uri }: BuiltinTextParams) => builtinByUri(uri)?.text ?? null);
}

/**
 * Find all references of a rubric's dimension or criterion: from its id in the rubric, or from
 * a use of it in an assessment or plan. Every open file and every file of the workspace whose
 * last check read the rubric is looked at.
 */
async function references({ store }: ServerContext, openable: (uri: string) => Promise<string>, doc: ChunkedTextDocument, offset: number, includeDeclaration: boolean): Promise<Location[]> {
  const snapshot = await store.analyses.snapshot(doc);
  let item: RubricItem | undefined = itemAtRubricOffset(snapshot.analysis, offset);
  let rubricText = snapshot.analysis.text;
  if (!item) {
    const rubric = documentAt(snapshot, offset).rubric;
    const target = rubric ? await definitionAt(snapshot, offset, (uri) => store.engine.readReferenced(uri, doc.uri)) : undefined;
    if (!rubric || !target || target.uri !== rubric.uri) return [];
    item = itemDefinedAt(rubric, target.range);
    rubricText = rubric.text;
  }
  if (!item) return [];
  const locations: Location[] = includeDeclaration ? [{ uri: await openable(item.rubricUri), range: toRange(new LineIndex(rubricText), item.definition) }] : [];
  const candidates = new Set<string>([doc.uri, item.rubricUri, ...store.openUris(), ...store.graph.dependentsOf(item.rubricUri)]);
  for (const uri of candidates) {
    const open = store.get(uri);
    if (open && !store.isOwned(uri) && uri !== doc.uri) continue;
    let analysis: FileAnalysis | undefined;
    if (open) analysis = await store.analyses.analysisOf(open);
    else {
      const text = textOf(await store.files.readSaved(uri));
      analysis = text !== undefined && store.ownership.owns(uri, text) ? await store.engine.analyze(uri, text) : undefined;
    }
    if (!analysis) continue;
    const positions: Positions = open ?? new LineIndex(analysis.text);
    for (const range of usesIn(analysis, item)) locations.push({ uri, range: toRange(positions, range) });
  }
  return locations;
}

/** A URI the editor can open for a location: a built-in rubric's file, where the server has one. */
async function openableUri(uri: string, builtinFile: BuiltinFileFinder | undefined): Promise<string> {
  const builtin = isBuiltinUri(uri) ? builtinByUri(uri) : undefined;
  if (!builtin || !builtinFile) return uri;
  return (await builtinFile(builtin.fileName, builtin.text)) ?? uri;
}
