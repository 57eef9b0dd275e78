import type { ResolvedRubric } from '../engine';
import { isBuiltinUri } from '../builtins';
import { parseDocuments, type LocatedDocument, type Path } from '../document/located';
import { looksLikePath, resolveRelative, splitFragment } from '../resolve/uris';
import type { Range } from '../text/range';
import { matches } from './pathPattern';
import { targetAt } from './position';
import { dimensionPosition, idsIn } from './rubricFacts';
import { asString, dig, documentAt, type DocumentView, type LanguageSnapshot } from './snapshot';

/** Where an id or reference is defined: a range in a file whose text is given. */
export interface DefinitionTarget {
  readonly uri: string;
  readonly range: Range;
  /** The text the range points into (the target file may not be open in the editor). */
  readonly text: string;
}

/** Reads a file for a reference the analysis did not load itself (a baseline given by path). */
export type LoadText = (uri: string) => Promise<string | undefined>;

export async function definitionAt(snapshot: LanguageSnapshot, offset: number, load: LoadText): Promise<DefinitionTarget | undefined> {
  const doc = documentAt(snapshot, offset);
  const target = targetAt(snapshot.analysis.text, doc, offset);
  if (!target) return undefined;
  const { path, onKey, value } = target;
  const rubric = doc.rubric;
  const here = (p: Path) => (doc.parsed ? at(snapshot.analysis.uri, snapshot.analysis.text, doc.parsed, p) : undefined);

  if (doc.kind === 'Assessment') {
    if (onKey && matches(path, 'dimensions.*')) return inRubric(rubric, dimensionPath(rubric, path[1]));
    if (matches(path, 'dimensions.*.answers.*') || (!onKey && matches(path, 'dimensions.*.answers.*.answer'))) return inRubric(rubric, criterionPath(rubric, path[1], path[3]));
    if (onKey && matches(path, 'dimensions.*.metrics.*')) return inRubric(rubric, metricPath(rubric, path[1], path[3]));
    if (!onKey && (matches(path, 'dimensions.*.level') || matches(path, 'dimensions.*.target'))) return inRubric(rubric, levelPath(rubric, path[1], value));
    if (!onKey && matches(path, 'rubric')) return inRubric(rubric, ['id']);
    if (!onKey && matches(path, 'inherits') && typeof value === 'string') return baselineLocation(snapshot, value, load);
  }
  if (doc.kind === 'Plan') {
    if (!onKey && matches(path, 'initiatives.#.moves.#.dimension')) return inRubric(rubric, dimensionPath(rubric, value));
    if (!onKey && (matches(path, 'initiatives.#.moves.#.from') || matches(path, 'initiatives.#.moves.#.to'))) {
      return inRubric(rubric, levelPath(rubric, dig(doc.value, ...path.slice(0, -1), 'dimension'), value));
    }
    if (!onKey && matches(path, 'initiatives.#.dependsOn.#')) {
      const found = idsIn(dig(doc.value, 'initiatives')).find((i) => i.id === value);
      return found ? here(['initiatives', found.index, 'id']) : undefined;
    }
    if (!onKey && matches(path, 'rubric')) return inRubric(rubric, ['id']);
    if (!onKey && matches(path, 'baseline') && typeof value === 'string') return baselineLocation(snapshot, value, load);
  }
  if (doc.kind === 'Rubric') return inOwnRubric(doc, path, onKey, value, here);
  return undefined;
}

function inOwnRubric(doc: DocumentView, path: Path, onKey: boolean, value: unknown, here: (p: Path) => DefinitionTarget | undefined): DefinitionTarget | undefined {
  if (onKey) return undefined;
  if (matches(path, 'dimensions.#.group')) {
    const group = idsIn(dig(doc.value, 'groups')).find((g) => g.id === value);
    return group ? here(['groups', group.index, 'id']) : undefined;
  }
  if ((matches(path, 'dimensions.#.criteria.#.answerScale') || matches(path, 'defaultAnswerScale')) && typeof value === 'string') {
    return dig(doc.value, 'answerScales', value) !== undefined ? here(['answerScales', value]) : undefined;
  }
  if (matches(path, 'dimensions.#.criteria.#.level') || matches(path, 'threshold.level')) {
    const levels = dig(doc.value, 'levels');
    const index = Array.isArray(levels) ? levels.findIndex((l) => dig(l, 'level') === value) : -1;
    return index >= 0 ? here(['levels', index]) : undefined;
  }
  return undefined;
}

function at(uri: string, text: string, parsed: LocatedDocument, path: Path): DefinitionTarget | undefined {
  const found = parsed.locate(path);
  if (!found.exact) return undefined;
  return { uri, text, range: found.key && (found.value.start === found.value.end || typeof dig(parsed.value, ...path) === 'object') ? found.key : found.value };
}

function inRubric(rubric: ResolvedRubric | undefined, path: Path | undefined): DefinitionTarget | undefined {
  if (!rubric || !path) return undefined;
  return at(rubric.uri, rubric.text, rubric.parsed, path);
}

function dimensionPath(rubric: ResolvedRubric | undefined, id: unknown): Path | undefined {
  if (!rubric || typeof id !== 'string') return undefined;
  const index = dimensionPosition(rubric, id);
  return index >= 0 ? ['dimensions', index, 'id'] : undefined;
}

function criterionPath(rubric: ResolvedRubric | undefined, dimensionId: unknown, criterionId: unknown): Path | undefined {
  if (!rubric || typeof dimensionId !== 'string') return undefined;
  const d = dimensionPosition(rubric, dimensionId);
  const c = rubric.index.rubric.dimensions[d]?.criteria?.findIndex((x) => x.id === criterionId) ?? -1;
  return d >= 0 && c >= 0 ? ['dimensions', d, 'criteria', c, 'id'] : undefined;
}

function metricPath(rubric: ResolvedRubric | undefined, dimensionId: unknown, metricId: unknown): Path | undefined {
  if (!rubric || typeof dimensionId !== 'string') return undefined;
  const d = dimensionPosition(rubric, dimensionId);
  const m = rubric.index.rubric.dimensions[d]?.metrics?.findIndex((x) => x.id === metricId) ?? -1;
  return d >= 0 && m >= 0 ? ['dimensions', d, 'metrics', m, 'id'] : undefined;
}

/** A level: the dimension's own descriptor for it when there is one, else the rubric's level. */
function levelPath(rubric: ResolvedRubric | undefined, dimensionId: unknown, level: unknown): Path | undefined {
  if (!rubric || typeof level !== 'number') return undefined;
  const d = typeof dimensionId === 'string' ? dimensionPosition(rubric, dimensionId) : -1;
  if (d >= 0 && rubric.index.rubric.dimensions[d]?.levels?.[String(level)] !== undefined) return ['dimensions', d, 'levels', String(level)];
  const l = rubric.index.rubric.levels.findIndex((x) => x.level === level);
  return l >= 0 ? ['levels', l] : undefined;
}

/** The assessment a plan's `baseline:` or an assessment's `inherits:` names: its id, in this file or the one the path names. */
async function baselineLocation(snapshot: LanguageSnapshot, reference: string, load: LoadText): Promise<DefinitionTarget | undefined> {
  const { analysis } = snapshot;
  if (!looksLikePath(reference)) {
    const doc = analysis.documents.find((d) => d.kind === 'Assessment' && asString(dig(d.parsed.value, 'id')) === reference);
    return doc ? at(analysis.uri, analysis.text, doc.parsed, ['id']) : undefined;
  }
  const { path, fragment } = splitFragment(reference);
  const uri = resolveRelative(analysis.uri, path);
  if (!uri || isBuiltinUri(uri)) return undefined;
  const text = await load(uri);
  if (text === undefined) return undefined;
  const docs = parseDocuments(text).documents.filter((d) => dig(d.value, 'kind') === 'Assessment');
  const doc = fragment ? docs.find((d) => dig(d.value, 'id') === fragment) : docs[0];
  if (!doc) return { uri, text, range: { start: 0, end: 0 } };
  return at(uri, text, doc, ['id']) ?? { uri, text, range: { start: doc.documentRange.start, end: doc.documentRange.start } };
}
