import type { ErrorObject } from 'ajv';
import { parseDocuments, scalarText, type LocatedDocument, type Path } from '../document/located';
import { validateAssessment } from '../generated/validators.js';
import type { Range } from '../text/range';
import { addToMap, eolOf, fillEmptyMap, indentLines, lineEndOf, lineStartOf, stepIn, type NewEntry, type TextEditData } from './textEdits';

/**
 * Edits that set a criterion's answer, note, evidence, not-applicable reason or exemption in an
 * assessment, as a person would have typed them: the one way every face changes answers (the
 * questionnaire, spreadsheet import, quick fixes). Only the text of what changes is touched, so
 * comments, quoting, order and layout of the rest stay byte for byte; missing `answers:`,
 * dimensions and `dimensions:` maps are added on the way. An answer with nothing else stays a bare
 * value (`portal: yes`); one with more is a map (`answer:`, `note:`, `evidence:`,
 * `notApplicable:`, `exemption:`), and a bare value becomes one when a field is added.
 * Every result is checked by parsing the edited text again: an edit that would not give exactly
 * the data asked for is refused, never written.
 */

export interface AnswerChange {
  readonly dimension: string;
  readonly criterion: string;
  /** The answer to write; null or '' removes it (and the entry, when nothing else is left). Absent: kept. */
  readonly answer?: string | boolean | null;
  /** A note to write (Markdown, may span lines); null or '' removes it. Absent: kept. */
  readonly note?: string | null;
  /** Evidence to write in place of the one there (links, or maps with `url` and `title`); null or [] removes it. Absent: kept. */
  readonly evidence?: readonly EvidenceValue[] | null;
  /** Why the criterion does not apply; null removes it. Absent: kept. */
  readonly notApplicable?: { readonly reason: string } | null;
  /** An exemption to write in place of the one there; null removes it. Absent: kept. */
  readonly exemption?: { readonly reason: string; readonly approver: string; readonly expires: string } | null;
}

/** One evidence entry: a link, or a map of its fields (`title`, `url` and what else the format gives it), each a string. */
export type EvidenceValue = string | Readonly<Record<string, string>>;

export interface AnswerEditOptions {
  /** The map that holds the dimensions: `['dimensions']` (the default), or an assessor's own answers. */
  readonly dimensionsPath?: Path;
  /** The document's index in its file, for the check after the edit (default 0). */
  readonly documentIndex?: number;
}

export type AnswerEditResult = { readonly edits: readonly TextEditData[] } | { readonly refused: string };

type Field = 'answer' | 'note' | 'evidence' | 'notApplicable' | 'exemption';
const FIELDS: readonly Field[] = ['answer', 'note', 'evidence', 'notApplicable', 'exemption'];
/** A map of scalars: an exemption, a not-applicable reason, an evidence entry. */
type ScalarMap = Readonly<Record<string, string>>;
type FieldValue = string | boolean | readonly EvidenceValue[] | ScalarMap;

/** The edits for a set of changes to one document (later changes to the same criterion win). */
export function answerEdits(text: string, doc: LocatedDocument, changes: readonly AnswerChange[], options: AnswerEditOptions = {}): AnswerEditResult {
  const dimensionsPath = options.dimensionsPath ?? ['dimensions'];
  return checkedEdits(text, doc, options.documentIndex ?? 0, (builder, expected) => {
    for (const change of mergeChanges(changes)) {
      const answersPath = [...dimensionsPath, change.dimension, 'answers'];
      const result = builder.setEntry(answersPath, change.criterion, change);
      setAt(expected, [...answersPath, change.criterion], result, dimensionsPath.length);
    }
  });
}

/** A new entry for entryAdditionEdits: where it goes (the last key is its own), and its value, a scalar or a map of scalars. */
export interface EntryAddition {
  readonly path: Path;
  readonly value: string | Readonly<Record<string, string>>;
}

/**
 * Edits that add entries a document does not have yet (a new assessor's response, the consensus
 * rule), with the maps they go in created on the way, written and checked as answers are: only
 * new lines, at the indentation and in the style (block or flow) of the map they join. An entry
 * that is already there is refused, never overwritten.
 */
export function entryAdditionEdits(text: string, doc: LocatedDocument, additions: readonly EntryAddition[], documentIndex = 0): AnswerEditResult {
  return checkedEdits(text, doc, documentIndex, (builder, expected) => {
    for (const { path, value } of additions) {
      builder.addEntry(path.slice(0, -1), String(path[path.length - 1]), value);
      setAt(expected, path, value, 0);
    }
  });
}

/** Runs `build` on a builder for the document and checks the edits by parsing their result against the data `build` expects. */
function checkedEdits(text: string, doc: LocatedDocument, documentIndex: number, build: (builder: EditBuilder, expected: unknown) => void): AnswerEditResult {
  const builder = new EditBuilder(text, doc);
  const expected = structuredCloneData(doc.value);
  let edits: TextEditData[];
  try {
    build(builder, expected);
    edits = builder.finish();
  } catch (error) {
    if (error instanceof Refusal) return { refused: error.message };
    throw error;
  }
  const check = verify(text, edits, documentIndex, expected);
  return check ? { refused: check } : { edits };
}

class Refusal extends Error {}

/** Changes to the same criterion folded into one, in order. */
function mergeChanges(changes: readonly AnswerChange[]): AnswerChange[] {
  const merged = new Map<string, AnswerChange>();
  for (const change of changes) {
    const key = JSON.stringify([change.dimension, change.criterion]);
    merged.set(key, { ...merged.get(key), ...change });
  }
  return [...merged.values()];
}

/** Entries waiting to be added to one map: written as one edit once every change is known. */
interface PendingMap {
  readonly entries: NewEntry[];
  readonly flow: boolean;
}

class EditBuilder {
  private readonly edits: TextEditData[] = [];
  private readonly pending = new Map<string, PendingMap>();
  private readonly writes: { readonly depth: number; readonly write: () => void }[] = [];
  private readonly eol: string;

  constructor(
    private readonly text: string,
    private readonly doc: LocatedDocument,
  ) {
    this.eol = eolOf(text);
  }

  /** Adds the entry `key` (a scalar, or a map of scalars) to the map at `mapPath`; an entry already there is refused. */
  addEntry(mapPath: Path, key: string, value: EntryAddition['value']): void {
    if (this.doc.locate([...mapPath, key]).exact) throw new Refusal(`${[...mapPath, key].join('.')} is already there.`);
    const target = this.mapEntries(mapPath);
    target.entries.push(typeof value === 'string' ? entryFor(key, value, target.flow) : { key, value: '', children: Object.entries(value).map(([field, item]) => entryFor(field, item, target.flow)) });
  }

  /** Applies one change to the entry `key` of the map at `mapPath`; returns the entry's value afterwards (undefined: gone). */
  setEntry(mapPath: Path, key: string, change: AnswerChange): unknown {
    const path = [...mapPath, key];
    const current = this.doc.valueAt(path);
    const exists = this.doc.locate(path).exact;
    const fields = fieldsOf(current);
    for (const field of FIELDS) {
      const value = change[field];
      if (value === undefined) continue;
      if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) fields.delete(field);
      else fields.set(field, value as FieldValue);
    }
    if (isPlainMap(current)) {
      const after: Record<string, unknown> = { ...(current as Record<string, unknown>) };
      for (const field of FIELDS) {
        if (fields.has(field)) after[field] = fields.get(field);
        else delete after[field];
      }
      if (Object.keys(after).length === 0) this.deleteEntry(mapPath, key);
      else this.editMapFields(path, current as Record<string, unknown>, fields);
      return Object.keys(after).length === 0 ? undefined : after;
    }
    if (fields.size === 0) {
      if (exists) this.deleteEntry(mapPath, key);
      return undefined;
    }
    const onlyAnswer = fields.size === 1 && fields.has('answer');
    if (exists) {
      if (onlyAnswer) this.replaceValue(path, fields.get('answer') as FieldValue);
      else this.replaceWithMap(path, fields);
    } else {
      const target = this.mapEntries(mapPath);
      target.entries.push(onlyAnswer ? entryFor(key, fields.get('answer') as FieldValue, target.flow) : { key, value: '', children: [...fields].map(([f, v]) => entryFor(f, v, target.flow)) });
    }
    return onlyAnswer ? fields.get('answer') : Object.fromEntries(fields);
  }

  /**
   * The edits, with the additions to maps last and the deepest map's first: additions to a map
   * and to the map that holds it can fall at the same offset (both end on the same line), and
   * the inner map's lines must come first there (an editor writes inserts at one offset in the
   * order given).
   */
  finish(): TextEditData[] {
    for (const { write } of [...this.writes].sort((a, b) => b.depth - a.depth)) write();
    return this.edits;
  }

  /** Field by field inside an answer that is already a map. */
  private editMapFields(path: Path, current: Record<string, unknown>, fields: Map<Field, FieldValue>): void {
    for (const field of FIELDS) {
      const had = Object.prototype.hasOwnProperty.call(current, field);
      const value = fields.get(field);
      if (value === undefined) {
        if (had) this.deleteEntry(path, field);
      } else if (!had) {
        this.mapEntries(path).entries.push(entryFor(field, value, this.isFlow(path)));
      } else if (!sameValue(current[field], value)) {
        this.replaceValue([...path, field], value);
      }
    }
  }

  /** The entries to add to the map at `mapPath`, adding the map (and its parents) when it is not there. */
  private mapEntries(mapPath: Path): PendingMap {
    const id = JSON.stringify(mapPath);
    const known = this.pending.get(id);
    if (known) return known;
    const value = this.doc.valueAt(mapPath);
    const located = this.doc.locate(mapPath);
    let created: PendingMap;
    if (located.exact && isPlainMap(value) && Object.keys(value as object).length > 0) {
      created = { entries: [], flow: this.isFlow(mapPath) };
      this.writes.push({
        depth: mapPath.length,
        write: () => {
          const edit = addToMap(this.text, this.doc, mapPath, created.entries);
          if (!edit) throw new Refusal(`Could not add to the map at ${mapPath.join('.')}.`);
          this.edits.push(edit);
        },
      });
    } else if (located.exact && (value === null || isPlainMap(value)) && located.key) {
      // An empty map (`answers: {}` or `answers:`): it becomes a block under its key.
      const keyRange = located.key;
      created = { entries: [], flow: false };
      this.writes.push({ depth: mapPath.length, write: () => this.edits.push(...fillEmptyMap(this.text, this.doc, mapPath, created.entries, keyRange)) });
    } else if (!located.exact && mapPath.length > 0) {
      const parent = this.mapEntries(mapPath.slice(0, -1));
      const children: NewEntry[] = [];
      parent.entries.push({ key: String(mapPath[mapPath.length - 1]), value: '', children });
      created = { entries: children, flow: parent.flow };
    } else {
      throw new Refusal(`${mapPath.join('.') || 'The document'} is not a map, so answers cannot be added to it; fix its problems first.`);
    }
    this.pending.set(id, created);
    return created;
  }

  private isFlow(path: Path): boolean {
    const range = this.doc.containerRange(path);
    return range !== undefined && this.text[range.start] === '{';
  }

  /** Whether the entry at `path` sits inside a flow map (`{ a: 1 }`). */
  private inFlow(path: Path): boolean {
    return this.isFlow(path.slice(0, -1));
  }

  /** Puts a new value where the value at `path` is (a scalar, or an empty value after its key). */
  private replaceValue(path: Path, value: FieldValue): void {
    const located = this.doc.locate(path);
    const key = located.key as Range;
    const flow = this.inFlow(path);
    const written = valueText(value, flow);
    let range = this.valueSpan(key, located.value);
    if ('inline' in written) {
      this.edits.push({ range, newText: `${range.start === range.end || range.start === this.afterColon(key) ? ' ' : ''}${written.inline}` });
      return;
    }
    // A block list or map under the key replaces a value on the key's line from the colon on, so no space is left behind.
    if (!written.header) range = { start: this.afterColon(key), end: range.end };
    const indent = this.indentOf(key);
    this.edits.push({ range, newText: written.header && range.start === this.afterColon(key) ? ` ${written.header}` : written.header });
    const at = lineEndOf(this.text, Math.max(range.end, key.end));
    this.edits.push({ range: { start: at, end: at }, newText: this.eol + indentLines(written.lines, stepIn(indent)).join(this.eol) });
  }

  /** A bare answer (or an empty entry) becomes a map with the given fields. */
  private replaceWithMap(path: Path, fields: Map<Field, FieldValue>): void {
    const located = this.doc.locate(path);
    const key = located.key as Range;
    if (this.inFlow(path)) {
      const entries = [...fields].map(([f, v]) => entryFor(f, v, true));
      const range = this.valueSpan(key, located.value);
      this.edits.push({ range, newText: `${range.start === this.afterColon(key) ? ' ' : ''}{ ${entries.map((e) => `${e.key}: ${e.value}`).join(', ')} }` });
      return;
    }
    const indent = this.indentOf(key);
    let start = located.value.start;
    while (start > key.end && (this.text[start - 1] === ' ' || this.text[start - 1] === '\t')) start--;
    if (located.value.end > located.value.start) this.edits.push({ range: { start: Math.max(start, this.afterColon(key)), end: located.value.end }, newText: '' });
    const children = [...fields].map(([f, v]) => entryFor(f, v, false));
    const at = lineEndOf(this.text, Math.max(located.value.end, key.end));
    this.edits.push({ range: { start: at, end: at }, newText: this.eol + renderEntries(children, stepIn(indent)).join(this.eol) });
  }

  /**
   * Removes the entry `key` of the map at `mapPath`: its lines in a block map (a comment on its
   * line goes with it), or the entry and one comma in a flow map. The last entry of a map leaves
   * `{}` behind, so the map stays a map.
   */
  private deleteEntry(mapPath: Path, key: string): void {
    const pairs = this.doc.entries(mapPath) ?? [];
    const index = pairs.findIndex((p) => p.key === key);
    const pair = pairs[index];
    if (!pair) return;
    const end = Math.max(pair.valueRange.end, pair.keyRange.end);
    if (this.isFlow(mapPath)) {
      const next = pairs[index + 1];
      const previous = pairs[index - 1];
      if (next) this.edits.push({ range: { start: pair.keyRange.start, end: next.keyRange.start }, newText: '' });
      else if (previous) this.edits.push({ range: { start: Math.max(previous.valueRange.end, previous.keyRange.end), end }, newText: '' });
      else this.edits.push({ range: { start: pair.keyRange.start, end }, newText: '' });
      return;
    }
    if (pairs.length === 1) {
      const parent = this.doc.locate(mapPath);
      const parentKey = parent.key;
      if (!parentKey) throw new Refusal('The last entry of the document cannot be removed.');
      this.edits.push({ range: { start: this.afterColon(parentKey), end: lineEndOf(this.text, end) }, newText: ' {}' });
      return;
    }
    const from = lineStartOf(this.text, pair.keyRange.start);
    const lineEnd = lineEndOf(this.text, end);
    const to = this.text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : this.text[lineEnd] === '\n' ? lineEnd + 1 : lineEnd;
    // The last line of the file has no line break after it: take the one before it instead.
    this.edits.push(to === lineEnd && from > 0 ? { range: { start: from - this.eol.length, end: to }, newText: '' } : { range: { start: from, end: to }, newText: '' });
  }

  /**
   * Where a value to be replaced sits: the value itself when it is on the key's line; from just
   * after the colon when it is empty or starts on a later line (a block list or map).
   */
  private valueSpan(key: Range, value: Range): Range {
    const colon = this.afterColon(key);
    if (value.start === value.end) return { start: colon, end: colon };
    if (value.start > lineEndOf(this.text, key.end)) return { start: colon, end: value.end };
    return value;
  }

  private afterColon(key: Range): number {
    return this.text.indexOf(':', key.end) + 1;
  }

  private indentOf(key: Range): string {
    return ' '.repeat(key.start - lineStartOf(this.text, key.start));
  }
}

/** A new entry for a field, written for its context. */
function entryFor(key: string, value: FieldValue, flow: boolean): NewEntry {
  const written = valueText(value, flow);
  return 'inline' in written ? { key, value: written.inline } : { key, value: written.header, lines: written.lines };
}

/**
 * A value as YAML: scalars as scalarText writes them; evidence as a list and exemptions as maps,
 * as block lines under the key, or as `[…]` and `{ … }` in flow context.
 */
function valueText(value: FieldValue, flow: boolean): { inline: string } | { header: string; lines: readonly string[] } {
  if (typeof value === 'string' || typeof value === 'boolean') return scalarText(value, flow ? 'flow' : 'block');
  if (flow) return { inline: flowText(value) };
  if (Array.isArray(value)) {
    return {
      header: '',
      lines: (value as readonly EvidenceValue[]).flatMap((item) => {
        if (typeof item !== 'string') return mapLines(item).map((line, i) => (i === 0 ? `- ${line}` : line === '' ? '' : `  ${line}`));
        const written = scalarText(item, item.includes('\n') ? 'flow' : 'block');
        return [`- ${'inline' in written ? written.inline : JSON.stringify(item)}`];
      }),
    };
  }
  return { header: '', lines: mapLines(value as ScalarMap) };
}

/** A map of scalars as block lines: `key: value`, a text of several lines as a literal block under its key. */
function mapLines(map: ScalarMap): string[] {
  return Object.entries(map).flatMap(([key, item]) => {
    const written = scalarText(item, 'block');
    return 'inline' in written ? [`${key}: ${written.inline}`] : [`${key}: ${written.header}`, ...indentLines(written.lines, stepIn(''))];
  });
}

/** A list or a map in flow style (`[a, b]`, `{ reason: x, approver: y }`). */
function flowText(value: EvidenceValue | readonly EvidenceValue[]): string {
  if (typeof value === 'string') {
    const written = scalarText(value, 'flow');
    return 'inline' in written ? written.inline : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${(value as readonly EvidenceValue[]).map(flowText).join(', ')}]`;
  return `{ ${Object.entries(value as ScalarMap).map(([key, item]) => `${key}: ${flowText(item)}`).join(', ')} }`;
}

function renderEntries(entries: readonly NewEntry[], indent: string): string[] {
  return entries.flatMap((entry) => [`${indent}${entry.key}:${entry.value ? ` ${entry.value}` : ''}`, ...indentLines(entry.lines ?? [], stepIn(indent))]);
}

/** The fields an entry has now (a bare value is its answer). */
function fieldsOf(current: unknown): Map<Field, FieldValue> {
  const fields = new Map<Field, FieldValue>();
  if (typeof current === 'string' || typeof current === 'boolean') fields.set('answer', current);
  else if (isPlainMap(current)) {
    const map = current as Record<string, unknown>;
    for (const field of FIELDS) {
      const value = map[field];
      if (typeof value === 'string' || typeof value === 'boolean' || Array.isArray(value) || isPlainMap(value)) fields.set(field, value as FieldValue);
    }
  }
  return fields;
}

function isPlainMap(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The same data, whatever the order of map keys. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

/** Plain data copied (parsed maps inherit from a frozen object; the copy uses plain objects). */
function structuredCloneData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCloneData);
  if (isPlainMap(value)) return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, structuredCloneData(v)]));
  return value;
}

/** Sets (or, with undefined, removes) the value at `path` in plain data, making maps on the way. */
function setAt(root: unknown, path: Path, value: unknown, existingDepth: number): void {
  let current = root as Record<string, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = String(path[i]);
    if (!isPlainMap(current[key])) {
      if (i < existingDepth - 1 && current[key] !== undefined) return;
      current[key] = {};
    }
    current = current[key] as Record<string, unknown>;
  }
  const last = String(path[path.length - 1]);
  if (value === undefined) delete current[last];
  else current[last] = structuredCloneData(value);
}

/** Applies the edits and parses the result: undefined when the document holds exactly `expected`, else why not. */
function verify(text: string, edits: readonly TextEditData[], documentIndex: number, expected: unknown): string | undefined {
  const result = applyTextEdits(text, edits);
  const reparsed = parseDocuments(result);
  const doc = reparsed.documents[documentIndex];
  if (!doc || doc.issues.some((i) => i.severity === 'error') || reparsed.issues.length > 0) return 'The edit would leave the file with a YAML error, so it was not made. Fix the file\'s problems first.';
  if (!sameValue(sortKeys(structuredCloneData(doc.value)), sortKeys(expected))) return 'The edit would not give the answers asked for (the file is written in a way the editor cannot change safely), so it was not made.';
  return undefined;
}

/**
 * The text after the edits, applied as an editor applies them (LSP's rule): ranges do not
 * overlap, and inserts at one offset appear in the order given.
 */
export function applyTextEdits(text: string, edits: readonly TextEditData[]): string {
  const ordered = edits.map((edit, order) => ({ edit, order })).sort((a, b) => b.edit.range.start - a.edit.range.start || b.edit.range.end - a.edit.range.end || b.order - a.order);
  let result = text;
  for (const { edit } of ordered) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isPlainMap(value)) return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  return value;
}

/** What the format's schema says about a change: its criterion, the field (`note`, `exemption.expires`) and what is wrong. */
export interface AnswerChangeProblem {
  readonly dimension: string;
  readonly criterion: string;
  readonly field: string;
  readonly message: string;
}

/**
 * What the format's schema says about the values changes would write (lengths, forms, counts),
 * before they are written: each change is checked as the only answer of an otherwise valid
 * assessment, so the schema itself, not a copy of its limits, decides.
 */
export function answerChangeProblems(changes: readonly AnswerChange[]): AnswerChangeProblem[] {
  const out = new Map<string, AnswerChangeProblem>();
  for (const change of changes) {
    const entry = Object.fromEntries(Object.entries(change).filter(([key, value]) => key !== 'dimension' && key !== 'criterion' && value !== null && value !== undefined));
    const probe = { apiVersion: 'rubrics-as-code/v1', kind: 'Assessment', id: 'probe', rubric: 'probe', subject: { organization: 'probe' }, date: '2000-01-01', dimensions: { [change.dimension]: { answers: { [change.criterion]: entry } } } };
    if (validateAssessment(probe)) continue;
    for (const error of (validateAssessment.errors ?? []) as ErrorObject[]) {
      // /dimensions/<dimension>/answers/<criterion>/<field>/…
      const path = error.instancePath.split('/').slice(5).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const field = path[0] === 'exemption' && path[1] ? `exemption.${path[1]}` : path[0] === 'exemption' && error.keyword === 'required' ? `exemption.${(error.params as { missingProperty: string }).missingProperty}` : (path[0] ?? 'answer');
      const limit = (error.params as { limit?: number }).limit;
      const message = error.keyword === 'maxLength' ? `Longer than the ${limit} characters the format allows; shorten it.` : error.keyword === 'minLength' ? 'Empty; write something or clear the field.' : error.keyword === 'maxItems' ? `More than the ${limit} entries the format allows.` : `Not what the format allows here (${error.keyword}).`;
      out.set(`${change.criterion}|${field}|${message}`, { dimension: change.dimension, criterion: change.criterion, field, message });
    }
  }
  return [...out.values()];
}
