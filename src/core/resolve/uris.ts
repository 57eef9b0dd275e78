import { BoundedMemo } from './memo';

// URI helpers that work for any scheme (file, vscode-vfs, untitled), with no Node `path`.

/** A reference is a path when it has a slash or a YAML extension; otherwise it is an id. */
export function looksLikePath(reference: string): boolean {
  return /[\\/]/.test(reference) || /\.ya?ml(#.*)?$/i.test(reference);
}

/** Splits `./file.yaml#rubric-id` into the path and the id of a document inside it. */
export function splitFragment(reference: string): { path: string; fragment?: string } {
  const hash = reference.indexOf('#');
  if (hash < 0) return { path: reference };
  return { path: reference.slice(0, hash), fragment: reference.slice(hash + 1) || undefined };
}

export function resolveRelative(baseUri: string, relative: string): string | undefined {
  // A base without a query or fragment resolves a path by its folder alone, so the files of one
  // folder share the answer: a hundred assessments naming `./rubric.yaml` build one URL. (An
  // empty reference, or one of only a query or fragment, keeps the base's own name: not shared.)
  const byFolder = relative !== '' && !/^[?#]/.test(relative) && !/[?#]/.test(baseUri);
  if (!byFolder) return resolveAgainst(baseUri, relative);
  return RESOLVED.get(`${baseUri.slice(0, baseUri.lastIndexOf('/') + 1)}\n${relative}`, () => resolveAgainst(baseUri, relative));
}

/** Resolved references by folder and reference. */
const RESOLVED = new BoundedMemo<string | undefined>(4096);

function resolveAgainst(baseUri: string, relative: string): string | undefined {
  try {
    const normalized = relative.replace(/\\/g, '/');
    return new URL(normalized.split('/').map(encodeSegment).join('/'), baseUri).toString();
  } catch {
    return undefined;
  }
}

function encodeSegment(segment: string): string {
  return segment === '.' || segment === '..' ? segment : encodeURIComponent(segment);
}

/** The last path segment of a URI, decoded: for messages. */
export function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
