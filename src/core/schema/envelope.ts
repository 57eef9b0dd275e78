import type { DiagnosticCollector } from '../diagnostics/collector';
import type { LocatedDocument } from '../document/located';
import { API_VERSION, DOCUMENT_KINDS } from '../format/enums';
import type { DocumentKind } from '../format/types';
import type { Range } from '../text/range';
import { closestMatch } from '../text/suggest';
import { excerpt } from '../text/excerpt';

/** What the envelope of a document says: its kind, and whether its body may be checked against that kind's schema. */
export interface Envelope {
  readonly kind?: DocumentKind;
  /** False when the apiVersion is another one: the body is then not read as this format. */
  readonly checkBody: boolean;
}

/**
 * The first check of every document: a map that starts with `apiVersion: rubrics-as-code/v1` and
 * a known `kind`. An empty document (a trailing `---`, or a comment-only file) holds nothing to check.
 */
export function checkEnvelope(doc: LocatedDocument, index: number, out: DiagnosticCollector): Envelope {
  const value = doc.value;
  const hasYamlErrors = doc.issues.some((i) => i.severity === 'error');
  if (value === null && !hasYamlErrors && doc.valueRange.start === doc.valueRange.end) {
    if (doc.documentRange.end - doc.documentRange.start <= 4 || index > 0) return { checkBody: false };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    if (!hasYamlErrors) {
      out.report(
        'document-not-mapping',
        `A rubric document is a map of keys that starts with "apiVersion: ${API_VERSION}" and a "kind". This document is ${Array.isArray(value) ? 'a list' : value === null ? 'empty' : 'a single value'}.`,
        doc.valueRange.start === doc.valueRange.end ? startOf(doc) : doc.valueRange,
      );
    }
    return { checkBody: false };
  }
  const record = value as Record<string, unknown>;
  const apiVersion = record.apiVersion;
  if (apiVersion !== API_VERSION) {
    const written = 'apiVersion' in record;
    const range = written ? doc.rangeOf(['apiVersion']) : (doc.firstKeyRange() ?? startOf(doc));
    out.report(
      'unknown-api-version',
      written
        ? `This tool reads apiVersion "${API_VERSION}", not ${quotedValue(apiVersion)}.`
        : `Add "apiVersion: ${API_VERSION}" at the top of this document, so tools know which format it follows.`,
      range,
      { fixes: written ? [{ title: `Change to ${API_VERSION}`, replacement: API_VERSION, range }] : [], data: written ? undefined : { missingKey: 'apiVersion', parentPath: [] } },
    );
    if (written) return { checkBody: false };
  }
  const kind = record.kind;
  if (typeof kind !== 'string' || !(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    const written = 'kind' in record;
    const suggestion = typeof kind === 'string' ? closestMatch(kind, DOCUMENT_KINDS) : undefined;
    const range = written ? doc.rangeOf(['kind']) : (doc.firstKeyRange() ?? startOf(doc));
    out.report(
      'unknown-kind',
      written ? `The kind must be Rubric, Assessment or Plan, not ${quotedValue(kind)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}` : 'Add a "kind" to this document: Rubric, Assessment or Plan.',
      range,
      { fixes: suggestion ? [{ title: `Change to "${suggestion}"`, replacement: suggestion, range }] : [], data: written ? undefined : { missingKey: 'kind', parentPath: [] } },
    );
    return { checkBody: false };
  }
  return { kind: kind as DocumentKind, checkBody: apiVersion === API_VERSION };
}

function startOf(doc: LocatedDocument): Range {
  return { start: doc.documentRange.start, end: doc.documentRange.start };
}

/** A value as a message shows it: a short excerpt of text in quotes, or what kind of value it is (never a whole map or list). */
function quotedValue(value: unknown): string {
  if (typeof value === 'string') return `"${excerpt(value)}"`;
  if (value === null || typeof value !== 'object') return excerpt(String(value));
  return Array.isArray(value) ? 'a list' : 'a map';
}
