/**
 * What the server takes from a client, checked before it is used: a request whose params are not
 * what its method takes gets InvalidParams saying which field is wrong, and a notification like
 * that is left out (with a line in the log), so that no `null` reaches a position the server
 * computes or publishes, and no internal error text reaches the client.
 */

/** The shape of a value: a primitive, a list, or an object's fields (`?` after a name: optional). */
export type Shape = 'string' | 'uinteger' | 'integer' | 'boolean' | 'any' | readonly ['list', Shape] | { readonly [field: string]: Shape };

const UINTEGER_MAX = 2 ** 31 - 1;

/** Why `value` does not have `shape`, naming the field (`params.position.line`), or undefined. */
export function problemWith(value: unknown, shape: Shape, at = 'params'): string | undefined {
  if (shape === 'any') return undefined;
  if (shape === 'string') return typeof value === 'string' ? undefined : `${at} must be a string, not ${describe(value)}`;
  if (shape === 'boolean') return typeof value === 'boolean' ? undefined : `${at} must be true or false, not ${describe(value)}`;
  if (shape === 'uinteger' || shape === 'integer') {
    const ok = typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= UINTEGER_MAX && (shape === 'integer' || value >= 0);
    return ok ? undefined : `${at} must be ${shape === 'uinteger' ? 'a whole number of 0 or more' : 'a whole number'}, not ${describe(value)}`;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return `${at} must be a list, not ${describe(value)}`;
    for (let i = 0; i < value.length; i++) {
      const problem = problemWith(value[i], shape[1] as Shape, `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${at} must be an object, not ${describe(value)}`;
  for (const [key, fieldShape] of Object.entries(shape as Record<string, Shape>)) {
    const optional = key.endsWith('?');
    const name = optional ? key.slice(0, -1) : key;
    const field = (value as Record<string, unknown>)[name];
    if (optional && field === undefined) continue;
    const problem = problemWith(field, fieldShape, `${at}.${name}`);
    if (problem) return problem;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'not a finite number';
  return `a ${typeof value}`;
}

const POSITION: Shape = { line: 'uinteger', character: 'uinteger' };
const RANGE: Shape = { start: POSITION, end: POSITION };
const TEXT_DOCUMENT: Shape = { uri: 'string' };

/** The params of a request about a place in a document, once checked against PARAMS.textDocumentPosition. */
export interface TextDocumentPosition {
  readonly textDocument: { readonly uri: string };
  readonly position: { readonly line: number; readonly character: number };
}

/** The params of a request about a whole document, once checked against PARAMS.textDocument. */
export interface TextDocumentOnly {
  readonly textDocument: { readonly uri: string };
}

/** The params of the methods the server handles. */
export const PARAMS = {
  textDocument: { textDocument: TEXT_DOCUMENT },
  textDocumentPosition: { textDocument: TEXT_DOCUMENT, position: POSITION },
  references: { textDocument: TEXT_DOCUMENT, position: POSITION, context: { includeDeclaration: 'boolean' } },
  codeAction: { textDocument: TEXT_DOCUMENT, range: RANGE, context: { diagnostics: ['list', { range: RANGE, message: 'string' }], 'only?': ['list', 'string'] } },
  executeCommand: { command: 'string', 'arguments?': ['list', 'any'] },
  uri: { uri: 'string' },
  didOpen: { textDocument: { uri: 'string', languageId: 'string', version: 'integer', text: 'string' } },
  didChange: { textDocument: { uri: 'string', version: 'integer' }, contentChanges: ['list', { text: 'string', 'range?': RANGE }] },
  didClose: { textDocument: TEXT_DOCUMENT },
  didChangeWatchedFiles: { changes: ['list', { uri: 'string', type: 'uinteger' }] },
} as const satisfies Record<string, Shape>;
