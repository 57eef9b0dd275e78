import type { DiagnosticCode } from '../diagnostics/codes';
import type { DocumentKind } from '../format/types';
import { builtinFrameworks } from '../builtins';
import { refusalSentence, type Unavailable } from './confinement';
import { referenceTarget, type ReferenceKey } from './references';
import { baseName } from './uris';

/**
 * The one reference resolver. Given what a reference says and the documents of the files it may
 * point at, it finds the document meant, or says in words why there is none. The engine reports
 * those words on the reference (strict); the editor's features use the same answer and ignore
 * the words for documents still being typed (loose).
 */

/** A document as the resolver sees it: its kind and the id it declares, read even when it failed its schema. */
export interface Candidate {
  readonly index: number;
  readonly kind?: DocumentKind;
  readonly id?: string;
}

/** The documents of a file that was read. */
export interface CandidateFile {
  readonly uri: string;
  readonly documents: readonly Candidate[];
}

export type Resolution =
  | { readonly found: true; readonly uri: string; readonly index: number; readonly builtin: boolean; readonly readUri?: string }
  | ({ readonly found: false; readonly readUri?: string } & ReferenceProblem);

/** Why a reference finds nothing, as a diagnostic; `unknownId` asks for a "did you mean" among `known`. */
export interface ReferenceProblem {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly unknownId?: { readonly id: string; readonly known: readonly string[] };
  /** Set when the document could not be fully checked because of it (a file that is there but was not read): why, for FileAnalysis.incomplete. */
  readonly incomplete?: string;
}

const WANTED: Readonly<Record<ReferenceKey, DocumentKind>> = { rubric: 'Rubric', baseline: 'Assessment', inherits: 'Assessment' };
const NOT_FOUND: Readonly<Record<ReferenceKey, DiagnosticCode>> = { rubric: 'rubric-not-found', baseline: 'baseline-not-found', inherits: 'base-not-found' };

/**
 * Finds the document a `rubric:` or `baseline:` reference names, from the document at `from`.
 * `fileAt` gives the documents of another file, or why it has none for this analysis.
 */
export function resolveReference(key: ReferenceKey, reference: string, from: CandidateFile, fileAt: (uri: string) => CandidateFile | Unavailable): Resolution {
  const wanted = WANTED[key];
  const code = NOT_FOUND[key];
  const target = referenceTarget(reference, from.uri, key);
  if (target.kind === 'unusable') {
    return target.self
      ? { found: false, code, message: `"${reference}" points at this file itself. Refer to a document in this file by its id instead.` }
      : { found: false, code, message: `"${reference}" is not a usable path. Write a path relative to this file, such as "./${key === 'inherits' ? 'platform' : 'team'}.${key === 'rubric' ? 'rubric' : 'assessment'}.yaml".` };
  }
  if (target.kind === 'id') {
    const local = from.documents.find((d) => d.kind === wanted && d.id === reference);
    if (local) return { found: true, uri: from.uri, index: local.index, builtin: false };
    if (target.builtin) {
      const file = fileAt(target.builtin.uri);
      const doc = 'documents' in file ? file.documents.find((d) => d.kind === 'Rubric') : undefined;
      if ('documents' in file && doc) return { found: true, uri: file.uri, index: doc.index, builtin: true };
    }
    const localIds = from.documents.filter((d) => d.kind === wanted && d.id !== undefined).map((d) => d.id as string);
    if (key === 'rubric') {
      const builtins = [...builtinFrameworks().keys()];
      return {
        found: false,
        code,
        message: `No rubric has the id "${reference}" in this file or among the built-in rubrics (${builtins.join(', ')}). To use a rubric file, write a relative path such as "./${reference}.rubric.yaml".`,
        unknownId: { id: reference, known: [...new Set([...localIds, ...builtins])] },
      };
    }
    return {
      found: false,
      code,
      message: `No assessment in this file has the id "${reference}". To use an assessment file, write a relative path such as "./${reference}.assessment.yaml".`,
      unknownId: { id: reference, known: localIds },
    };
  }
  const file = fileAt(target.uri);
  const readUri = target.uri;
  if (!('documents' in file)) return { found: false, readUri, ...unavailableFile(key, target.path, from.uri, file) };
  const ofKind = file.documents.filter((d) => d.kind === wanted);
  const doc = target.fragment !== undefined ? ofKind.find((d) => d.id === target.fragment) : ofKind[0];
  if (doc) return { found: true, uri: file.uri, index: doc.index, builtin: false, readUri };
  const name = baseName(file.uri);
  if (key !== 'rubric') {
    return { found: false, readUri, code, message: `${name} holds no Assessment document${target.fragment !== undefined ? ` with the id "${target.fragment}"` : ''}.` };
  }
  if (target.fragment !== undefined) return { found: false, readUri, code, message: `${name} has no rubric with the id "${target.fragment}".` };
  const held = file.documents.map((d) => d.kind).filter((k): k is DocumentKind => k !== undefined);
  return { found: false, readUri, code, message: `${name} holds no Rubric document${held.length > 0 ? ` (it holds: ${held.join(', ')})` : ''}.` };
}

/** Why a referenced file that has no text for the analysis gives nothing, in words. */
function unavailableFile(key: ReferenceKey, path: string, fromUri: string, file: Unavailable): ReferenceProblem {
  switch (file.unavailable) {
    case 'missing':
      return { code: NOT_FOUND[key], message: `No file found at "${path}" (relative to this file). Check the path and the file name.` };
    case 'unreadable':
      return {
        code: NOT_FOUND[key],
        message: `"${path}" is there but was not read: ${file.reason}.${file.advice ? ` ${file.advice}` : ''}`,
        incomplete: `${key === 'inherits' ? `The assessment ${baseName(fromUri)} inherits from` : `The ${key} that ${baseName(fromUri)} refers to`}, "${path}", was not read: ${file.reason}.`,
      };
    case 'outside':
      return {
        code: 'reference-outside-workspace',
        message: refusalSentence(`"${path}"`, file, 'reference'),
      };
  }
}

/** The rubric was found but has errors of its own. */
export function unusableRubric(reference: string, errors: number, uri: string): ReferenceProblem {
  return {
    code: 'rubric-invalid',
    message: `The rubric "${reference}" has ${errors} error${errors === 1 ? '' : 's'}, so this document cannot be checked or scored against it. Fix the rubric in ${baseName(uri)} first.`,
  };
}

/** The baseline assessment was found but its data cannot be read, or (with `incomplete`) it was not fully checked. */
export function unreadableBaseline(uri: string, incomplete?: readonly string[]): ReferenceProblem {
  if (incomplete) {
    const why = incomplete.join(' ');
    return { code: 'baseline-not-found', message: `The baseline assessment in ${baseName(uri)} could not be fully checked, so moves are not checked against it. ${why}`, incomplete: why };
  }
  return { code: 'baseline-not-found', message: `The baseline assessment has errors that keep it from being read. Fix ${baseName(uri)} first.` };
}

/** The baseline assessment was read but cannot be scored: its own rubric is missing or unusable. */
export function unscoredBaseline(uri: string): ReferenceProblem {
  return {
    code: 'baseline-not-found',
    message: `The baseline assessment in ${baseName(uri)} cannot be scored: its rubric could not be used (see that file's own problems). This plan has no baseline levels to start from until it can. Fix ${baseName(uri)} first.`,
  };
}

/** The baseline is scored against another rubric than the plan. */
export function baselineRubricMismatch(baselineRubricId: string, planRubricId: string): ReferenceProblem {
  return {
    code: 'baseline-rubric-mismatch',
    message: `The baseline assessment is scored against "${baselineRubricId}", but this plan uses "${planRubricId}". Moves cannot be checked against it.`,
  };
}
