/**
 * A file as it was at a git revision, as a URI the engine can resolve references against:
 * `rubrics-git://<ref>/<path>`. A relative reference inside such a file (`rubric: ./team.rubric.yaml`)
 * resolves to the same revision, not to today's working tree. The CLI writes paths from the
 * repository root; the editor writes the file's absolute path (without its leading slash).
 */
export const REVISION_SCHEME = 'rubrics-git';
/** How every revision URI starts. */
export const GIT_SCHEME = `${REVISION_SCHEME}:`;

export interface Revision {
  readonly ref: string;
  readonly path: string;
}

export function revisionUri(ref: string, path: string): string {
  return `${REVISION_SCHEME}://${encodeURIComponent(ref)}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

export function parseRevisionUri(uri: string): Revision | undefined {
  if (!uri.startsWith(`${REVISION_SCHEME}:`)) return undefined;
  try {
    const url = new URL(uri);
    return { ref: decodeURIComponent(url.host), path: url.pathname.slice(1).split('/').map(decodeURIComponent).join('/') };
  } catch {
    return undefined;
  }
}
