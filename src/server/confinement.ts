import { baseName, folderOf, parseRevisionUri, refusedFileDiagnostic, revisionUri, type Confinement, type Diagnostic, type Engine } from './core';

/** The setting that widens where references may point, as messages name it. */
export const ALLOW_OUTSIDE_SETTING = 'rubrics.references.allowOutside';

/**
 * Where references may point in the editor: the workspace folders, and the folders that the
 * rubrics.references.allowOutside setting names. With no folder open, each file's own folder
 * (and below), so a file opened on its own still finds the rubric next to it.
 */
export function workspaceConfinement(folders: readonly string[], allowOutside: readonly string[]): Confinement {
  const allowed = allowOutside.map(folderUri).filter((uri): uri is string => uri !== undefined);
  const scope = folders.length === 0 ? "this file's folder (no workspace folder is open)" : folders.length === 1 ? 'the workspace folder' : 'the workspace folders';
  return {
    rootsFor(checkedUri) {
      // A file as it was at a git revision (the preview's change since HEAD) refers to files at the
      // same revision: the same folders, named at that revision.
      const revision = parseRevisionUri(checkedUri);
      const named = [...folders, ...allowed].map((root) => (revision ? atRevision(root, revision.ref) : root)).filter((root): root is string => root !== undefined);
      return { roots: folders.length === 0 ? [...named, folderOf(checkedUri)] : named, scope };
    },
    allow: `To read it anyway, add its folder to the workspace, or to the ${ALLOW_OUTSIDE_SETTING} setting.`,
  };
}

/**
 * A folder from the setting as a URI: a URI stays as it is, an absolute path (POSIX or Windows)
 * becomes a file URI; anything else (a relative path) is no folder here. No Node modules: the
 * server also runs in the browser.
 */
export function folderUri(folder: string): string | undefined {
  const trimmed = folder.trim();
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(trimmed)) return trimmed;
  const windows = /^([A-Za-z]):[\\/](.*)$/.exec(trimmed);
  if (windows) return `file:///${(windows[1] as string).toLowerCase()}:/${encodePath((windows[2] as string).replace(/\\/g, '/'))}`;
  if (trimmed.startsWith('/')) return `file:///${encodePath(trimmed.slice(1))}`;
  return undefined;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A folder of the workspace as the editor names it at a git revision (gitBase.ts: the file's path), or undefined for a folder not on disk. */
function atRevision(folder: string, ref: string): string | undefined {
  if (!folder.startsWith('file:')) return undefined;
  try {
    return `${revisionUri(ref, decodeURIComponent(new URL(folder).pathname).replace(/^\/|\/$/g, ''))}/`;
  } catch {
    return undefined;
  }
}

/**
 * Whether a file that is not open may be read for the workspace scan (and for checking a file that
 * changed on disk): undefined when it may; otherwise it is never read, and `diagnostic` is what to
 * show in its place when its name makes it ours (a committed `rubrics/x.rubric.yaml` that leads
 * out of the workspace, or into .git). The decision is the engine's (Engine.checkedFileRefusal).
 */
export async function scanRefusal(engine: Pick<Engine, 'checkedFileRefusal'>, uri: string, oursByName: boolean): Promise<{ readonly diagnostic?: Diagnostic } | undefined> {
  const refusal = await engine.checkedFileRefusal(uri);
  if (!refusal) return undefined;
  return oursByName ? { diagnostic: refusedFileDiagnostic(baseName(uri), refusal, 'file') } : {};
}
