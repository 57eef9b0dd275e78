import type { ErrorObject, ValidateFunction } from 'ajv';
import type { DiagnosticCollector } from '../diagnostics/collector';
import type { DiagnosticCode } from '../diagnostics/codes';
import type { LocatedDocument, Path, PathSegment } from '../document/located';
import type { DocumentKind } from '../format/types';
import { validateAssessment, validatePlan, validateRubric, withSharedValues } from '../generated/validators.js';
import type { Range } from '../text/range';
import { closestMatch, quoteList } from '../text/suggest';

const VALIDATORS: Record<DocumentKind, ValidateFunction> = {
  Rubric: validateRubric,
  Assessment: validateAssessment,
  Plan: validatePlan,
};

/**
 * What the schema said about a document: whether it passed, and which parts did. The stages after
 * it run every check whose inputs passed, so one schema error does not hide the rest.
 */
export interface SchemaVerdict {
  readonly valid: boolean;
  /** Whether the value at `path`, and everything under it, passed the schema (an unknown key next to it does not count against it). */
  isValid(path: Path): boolean;
}

export const SCHEMA_VALID: SchemaVerdict = { valid: true, isValid: () => true };
/** For a document the schema could not be run on (its YAML is broken): nothing in it counts as checked. */
export const SCHEMA_NOT_RUN: SchemaVerdict = { valid: false, isValid: () => false };

/**
 * Runs the precompiled validator for the document's kind and turns each error into a diagnostic
 * that names the key, says what is wrong in plain words, and sits on the offending key or value.
 * A map or list that aliases repeat is validated once for each schema it meets, not at every
 * place it stands (see scripts/generate.mjs); a problem inside it is shown once, at the anchor.
 */
export function validateAgainstSchema(kind: DocumentKind, doc: LocatedDocument, out: DiagnosticCollector): SchemaVerdict {
  const validate = VALIDATORS[kind];
  if (withSharedValues(doc.shared, () => validate(doc.value))) return SCHEMA_VALID;
  const seen = new Set<string>();
  const invalid = new InvalidPaths();
  for (const error of validate.errors ?? []) {
    const diagnostic = describe(error, doc);
    if (!diagnostic) continue;
    const where = invalidPath(error);
    if (where) invalid.add(where);
    const key = `${diagnostic.code}|${diagnostic.range.start}|${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.report(diagnostic.code, diagnostic.message, diagnostic.range, diagnostic.extra);
  }
  return { valid: false, isValid: (path) => !invalid.overlaps(path) };
}

/** The part of the document an error makes unusable; none for a key the format does not define (the rest of its map is fine). */
function invalidPath(error: ErrorObject): Path | undefined {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return undefined;
  if (error.keyword === 'required') return [...path, String(params.missingProperty)];
  // A key whose partner is missing (responses without consensus): that key, not the whole map.
  if (error.keyword === 'dependencies') return [...path, String(params.property)];
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  return propertyName !== undefined ? [...path, propertyName] : path;
}

/**
 * The paths the schema found invalid, as a tree of their segments, so that asking about a path
 * costs its length, whatever the number of errors: the rules ask about every part they read, and
 * a list over every error made a document with thousands of them quadratic.
 */
class InvalidPaths {
  private readonly root: PathNode = new Map();

  add(path: Path): void {
    let node = this.root;
    for (const segment of path) {
      if (node.has(END)) return; // a path above it is invalid already
      const key = String(segment);
      let next = node.get(key);
      if (!next) node.set(key, (next = new Map()));
      node = next;
    }
    node.clear();
    node.set(END, node);
  }

  /** Whether `path` lies inside an invalid path, or holds one (or is one). */
  overlaps(path: Path): boolean {
    let node = this.root;
    if (node.size === 0) return false;
    for (const segment of path) {
      if (node.has(END)) return true;
      const next = node.get(String(segment));
      if (!next) return false;
      node = next;
    }
    return true;
  }
}

const END = Symbol('invalid here');
type PathNode = Map<string | typeof END, PathNode>;

interface Described {
  code: DiagnosticCode;
  message: string;
  range: Range;
  extra?: { fixes?: { title: string; replacement: string; range?: Range }[]; data?: Record<string, unknown> };
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function keyName(path: readonly PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string' && !/^\d+$/.test(segment)) return segment;
  }
  return 'this document';
}

function where(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the document';
  return `"${keyName(path)}"`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a map of keys and values',
  array: 'a list',
  null: 'empty',
};

function typeOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

const PATTERN_ADVICE: Record<string, string> = {
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': 'an id in kebab-case: lowercase letters, digits and single hyphens, starting with a letter (for example "service-catalogue")',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': 'a date written as YYYY-MM-DD (for example "2026-03-31")',
  '^[0-9]+(\\.[0-9]+){0,2}([-+][0-9A-Za-z.-]+)?$': 'a version number such as "1.0.0"',
  '^[0-9]{1,3}$': 'a level number such as 3',
  '^P(?=[0-9])([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$': 'a duration in ISO 8601 form: P, then whole years, months, weeks or days in that order (for example "P12M", "P1Y" or "P90D")',
};

function kebab(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
}

function describe(error: ErrorObject, doc: LocatedDocument): Described | undefined {
  const path = pointerToPath(error.instancePath);
  const name = where(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return {
        code: 'schema-required',
        message: `${path.length === 0 ? 'This document' : name} is missing the required key "${missing}". Add it.`,
        range: missingKeyRange(doc, path),
        extra: { data: { missingKey: missing, parentPath: path } },
      };
    }
    case 'dependencies': {
      // Keys that only mean something together (a reference's framework and id).
      const missing = String(params.missingProperty);
      return {
        code: 'schema-required',
        message: `${path.length === 0 ? 'This document' : name} has "${String(params.property)}" but not "${missing}"; the two go together, so add "${missing}".`,
        range: missingKeyRange(doc, path),
        extra: { data: { missingKey: missing, parentPath: path } },
      };
    }
    case 'additionalProperties': {
      const extraKey = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const suggestion = closestMatch(extraKey, allowed);
      const keyRange = doc.locate([...path, extraKey]).key ?? doc.rangeOf(path);
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : allowed.length ? ` Allowed keys here: ${allowed.join(', ')}.` : '';
      return {
        code: 'schema-unknown-key',
        message: `"${extraKey}" is not a key the format defines here.${hint}`,
        range: keyRange,
        extra: suggestion ? { fixes: [{ title: `Rename to "${suggestion}"`, replacement: suggestion, range: keyRange }] } : undefined,
      };
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t);
      const actual = doc.valueAt(path);
      return {
        code: 'schema-type',
        message: `${name} must be ${expected.join(' or ')}, but it is ${typeOf(actual)}.`,
        range: doc.rangeOf(path),
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const actual = doc.valueAt(path);
      const suggestion = typeof actual === 'string' ? closestMatch(actual, allowed.map(String)) : undefined;
      const range = doc.rangeOf(path, 'value');
      return {
        code: 'schema-enum',
        message: `${name} must be one of ${quoteList(allowed, 10)}; ${typeOf(actual)} is not allowed.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        range,
        extra: suggestion ? { fixes: [{ title: `Change to "${suggestion}"`, replacement: suggestion }] } : undefined,
      };
    }
    case 'const': {
      const actual = doc.valueAt(path);
      return {
        code: 'schema-enum',
        message: `${name} must be ${JSON.stringify(params.allowedValue)}, not ${typeOf(actual)}.`,
        range: doc.rangeOf(path, 'value'),
        extra: { fixes: [{ title: `Change to ${JSON.stringify(params.allowedValue)}`, replacement: String(params.allowedValue) }] },
      };
    }
    case 'pattern': {
      const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
      const advice = PATTERN_ADVICE[String(params.pattern)] ?? `text matching ${String(params.pattern)}`;
      if (propertyName !== undefined) {
        const range = doc.locate([...path, propertyName]).key ?? doc.rangeOf(path);
        const fixed = kebab(propertyName);
        return {
          code: 'schema-pattern',
          message: `The key "${propertyName}" must be ${advice}.`,
          range,
          extra: fixed && fixed !== propertyName && String(params.pattern) === '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' ? { fixes: [{ title: `Rename to "${fixed}"`, replacement: fixed, range }] } : undefined,
        };
      }
      const actual = doc.valueAt(path);
      const fixed = typeof actual === 'string' ? kebab(actual) : '';
      return {
        code: 'schema-pattern',
        message: `${name} must be ${advice}; ${typeOf(actual)} is not.`,
        range: doc.rangeOf(path, 'value'),
        extra: fixed && String(params.pattern) === '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' ? { fixes: [{ title: `Change to "${fixed}"`, replacement: fixed }] } : undefined,
      };
    }
    case 'propertyNames':
      // The nested error (pattern) on the offending key says it better.
      return undefined;
    case 'if':
      // A conditional requirement (consensus: adjudicator needs adjudicator): the `required` error of its branch says it.
      return undefined;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const words: Record<string, string> = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' };
      return {
        code: 'schema-range',
        message: `${name} must be ${words[error.keyword]} ${String(params.limit)}; it is ${typeOf(doc.valueAt(path))}.`,
        range: doc.rangeOf(path, 'value'),
      };
    }
    case 'minLength':
    case 'maxLength': {
      const limit = Number(params.limit);
      const message =
        error.keyword === 'minLength'
          ? `${name} must not be empty.`
          : `${name} is too long: at most ${limit} characters are allowed.`;
      return { code: 'schema-range', message, range: doc.rangeOf(path, 'value') };
    }
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties': {
      const limit = Number(params.limit);
      const more = error.keyword.startsWith('min');
      return {
        code: 'schema-range',
        message: `${name} must have ${more ? 'at least' : 'at most'} ${limit} ${error.keyword.endsWith('Items') ? (limit === 1 ? 'item' : 'items') : limit === 1 ? 'entry' : 'entries'}.`,
        range: doc.rangeOf(path, 'key'),
      };
    }
    case 'uniqueItems': {
      // ajv's i and j come in either order depending on the item type; report them in reading
      // order and underline the repeat, which is the one to remove.
      const first = Math.min(Number(params.i), Number(params.j));
      const repeat = Math.max(Number(params.i), Number(params.j));
      return {
        code: 'schema-invalid',
        message: `${name} lists the same value twice (items ${first + 1} and ${repeat + 1}); list each once.`,
        range: doc.rangeOf([...path, repeat], 'value'),
      };
    }
    default:
      return {
        code: 'schema-invalid',
        message: `${name} ${error.message ?? 'is not valid'}.`,
        range: doc.rangeOf(path),
      };
  }
}

/** A missing key is reported on its parent's key, or on the first key of the document for the root. */
function missingKeyRange(doc: LocatedDocument, parentPath: readonly PathSegment[]): Range {
  if (parentPath.length > 0) {
    const found = doc.locate(parentPath);
    if (found.key) return found.key;
    // A list item has no key: point at the item's first key if it is a map.
    return doc.firstKeyRange(parentPath) ?? found.value;
  }
  return doc.firstKeyRange() ?? { start: doc.documentRange.start, end: doc.documentRange.start };
}
