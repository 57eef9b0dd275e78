import type { FileAnalysis } from '../engine';
import type { Range } from '../text/range';
import type { LocatedDocument, Path } from '../document/located';
import { asArray, asString, dig } from './snapshot';

export type SymbolKind = 'document' | 'group' | 'dimension' | 'criterion' | 'metric' | 'level' | 'initiative' | 'move' | 'answer';

/** An outline entry: `range` covers the whole item, `selectionRange` its name or id. */
export interface OutlineSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: SymbolKind;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: OutlineSymbol[];
}

/**
 * The outline of a file: per document, its groups, dimensions (with criteria and metrics),
 * levels, assessed dimensions (with answers) or initiatives (with moves). Works on documents
 * that fail the schema, showing what is there.
 */
export function documentSymbols(analysis: FileAnalysis): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const doc of analysis.documents) {
    const value = doc.parsed.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const kind = asString(dig(value, 'kind'));
    const builder = new OutlineBuilder(doc.parsed);
    const children = kind === 'Rubric' ? builder.rubric() : kind === 'Assessment' ? builder.assessment() : kind === 'Plan' ? builder.plan() : [];
    const id = asString(dig(value, 'id'));
    const title = asString(dig(value, 'title'));
    const range = { start: doc.parsed.valueRange.start, end: Math.max(doc.parsed.valueRange.end, doc.parsed.valueRange.start) };
    const selection = builder.where(['id']) ?? builder.where(['kind']) ?? { start: range.start, end: range.start };
    out.push({ name: title ?? id ?? kind ?? 'Document', detail: [kind, id].filter(Boolean).join(' '), kind: 'document', range, selectionRange: selection, children });
  }
  return out;
}

class OutlineBuilder {
  constructor(private readonly doc: LocatedDocument) {}

  /** The key's or value's range at a path, if it exists. */
  where(path: Path): Range | undefined {
    const found = this.doc.locate(path);
    if (!found.exact) return undefined;
    return found.value.start === found.value.end ? (found.key ?? found.value) : found.value;
  }

  /** The whole entry at a path: from its key (if any) to the end of its value. */
  private extent(path: Path): Range | undefined {
    const found = this.doc.locate(path);
    if (!found.exact) return undefined;
    return { start: found.key?.start ?? found.value.start, end: Math.max(found.value.end, found.key?.end ?? 0) };
  }

  private listItems(listPath: Path, kind: SymbolKind, name: (item: unknown) => string | undefined, detail: (item: unknown) => string, children: (itemPath: Path) => OutlineSymbol[] = () => []): OutlineSymbol[] {
    const out: OutlineSymbol[] = [];
    asArray(dig(this.doc.value, ...listPath)).forEach((item, i) => {
      const path = [...listPath, i];
      const range = this.extent(path);
      if (!range) return;
      const label = name(item) ?? asString(dig(item, 'id')) ?? `#${i + 1}`;
      const selection = this.where([...path, 'id']) ?? this.where([...path, 'name']) ?? range;
      out.push({ name: label, detail: detail(item), kind, range, selectionRange: clampInto(selection, range), children: children(path) });
    });
    return out;
  }

  rubric(): OutlineSymbol[] {
    const levels = this.listItems(['levels'], 'level', (l) => `${String(dig(l, 'level'))} ${asString(dig(l, 'name')) ?? ''}`.trim(), () => '');
    const groups = this.listItems(['groups'], 'group', (g) => asString(dig(g, 'title')), (g) => asString(dig(g, 'id')) ?? '');
    const dimensions = this.listItems(
      ['dimensions'],
      'dimension',
      (d) => asString(dig(d, 'title')),
      (d) => [asString(dig(d, 'id')), asString(dig(d, 'group')) ? `in ${asString(dig(d, 'group'))}` : ''].filter(Boolean).join(' '),
      (path) => [
        ...this.listItems([...path, 'criteria'], 'criterion', (c) => asString(dig(c, 'text')), (c) => `${asString(dig(c, 'id')) ?? ''} · level ${String(dig(c, 'level'))}`),
        ...this.listItems([...path, 'metrics'], 'metric', (m) => asString(dig(m, 'name')), (m) => asString(dig(m, 'id')) ?? ''),
      ],
    );
    return [...this.section('levels', levels), ...this.section('groups', groups), ...dimensions];
  }

  /** Levels and groups are grouped under their key, so the dimensions stay easy to find. */
  private section(key: string, children: OutlineSymbol[]): OutlineSymbol[] {
    if (!children.length) return [];
    const range = this.extent([key]);
    const found = this.doc.locate([key]);
    if (!range || !found.key) return children;
    return [{ name: key, detail: `${children.length}`, kind: key === 'levels' ? 'level' : 'group', range, selectionRange: found.key, children }];
  }

  assessment(): OutlineSymbol[] {
    const dimensions = dig(this.doc.value, 'dimensions');
    if (!dimensions || typeof dimensions !== 'object' || Array.isArray(dimensions)) return [];
    return Object.keys(dimensions).flatMap((id) => {
      const range = this.extent(['dimensions', id]);
      const key = this.doc.locate(['dimensions', id]).key;
      if (!range || !key) return [];
      const result = dig(dimensions, id);
      const answers = dig(result, 'answers');
      const children: OutlineSymbol[] = answers && typeof answers === 'object' && !Array.isArray(answers)
        ? Object.keys(answers).flatMap((criterion) => {
            const r = this.extent(['dimensions', id, 'answers', criterion]);
            const k = this.doc.locate(['dimensions', id, 'answers', criterion]).key;
            const entry = dig(answers, criterion);
            const answer = typeof entry === 'object' && entry !== null ? dig(entry, 'answer') : entry;
            return r && k ? [{ name: criterion, detail: answer === undefined ? '' : String(answer), kind: 'answer' as const, range: r, selectionRange: k, children: [] }] : [];
          })
        : [];
      const level = dig(result, 'level');
      const target = dig(result, 'target');
      const detail = [level !== undefined ? `level ${String(level)}` : '', target !== undefined ? `target ${String(target)}` : ''].filter(Boolean).join(' · ');
      return [{ name: id, detail, kind: 'dimension' as const, range, selectionRange: key, children }];
    });
  }

  plan(): OutlineSymbol[] {
    return this.listItems(
      ['initiatives'],
      'initiative',
      (i) => asString(dig(i, 'title')),
      (i) => [asString(dig(i, 'id')), [asString(dig(i, 'start')), asString(dig(i, 'end'))].filter(Boolean).join(' to ')].filter(Boolean).join(' · '),
      (path) => this.listItems([...path, 'moves'], 'move', (m) => `${asString(dig(m, 'dimension')) ?? '?'} → ${String(dig(m, 'to'))}`, (m) => (dig(m, 'from') !== undefined ? `from ${String(dig(m, 'from'))}` : '')),
    );
  }
}

/** Editors require the selection range to lie inside the range. */
function clampInto(inner: Range, outer: Range): Range {
  if (inner.start >= outer.start && inner.end <= outer.end) return inner;
  return { start: outer.start, end: outer.start };
}
