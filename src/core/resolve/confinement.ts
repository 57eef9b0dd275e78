import { isBuiltinUri } from '../builtins';
import type { Diagnostic } from '../diagnostics/types';
import { isUnreadable, type FileHost } from './host';
import { BoundedMemo } from './memo';

/**
 * Where the files the engine reads may be. A rubric file may come from anyone who can open a pull
 * request, and what the engine reads ends up in messages, reports and comments: a reference to
 * `../../../../etc/passwd`, to an absolute path, to a network share or through a link that
 * leads out must not make a bot print the files of the machine it runs on, and neither may a
 * checked file that is itself such a link (`rubrics/x.rubric.yaml -> ../.git/config`). So every
 * reference, and every file or folder a face is asked to check, is confined to roots that the
 * face running the engine gives (the repository for the CLI, the workspace folders in the
 * editor, the GitHub workspace in the Action), and this is the one place that decides. Inside a
 * root, version control's own folders (`.git`, `.hg`, `.svn`) count as outside: they hold a
 * checkout's settings and credentials, never a rubric. Built-in rubrics are always allowed; they
 * are part of the engine.
 */
export interface Confinement {
  /** Where the references of the file at `checkedUri` (the file an analysis checks) may point. */
  rootsFor(checkedUri: string): ConfinementRoots | Promise<ConfinementRoots>;
  /** How to allow a file outside them, one sentence: "To read it anyway, name its folder with --allow-outside <folder>." */
  readonly allow: string;
}

export interface ConfinementRoots {
  /** Folders, as URIs. */
  readonly roots: readonly string[];
  /** What they are, as a message names them: "the repository (/work/acme)", "the workspace folders". */
  readonly scope: string;
}

/** Why a referenced file has no text for the engine. */
export type Unavailable =
  | { readonly unavailable: 'missing' }
  | { readonly unavailable: 'unreadable'; readonly reason: string; readonly advice?: string }
  /**
   * Outside the roots: as written (`link: false`), or through a link (`link: true`); in a root's
   * version-control folder (`versionControl`: its name, `.git`). Never read.
   */
  | { readonly unavailable: 'outside'; readonly link: boolean; readonly scope: string; readonly allow: string; readonly versionControl?: string };

/** A file or folder refused for where it is. */
export type Refusal = Extract<Unavailable, { readonly unavailable: 'outside' }>;

/**
 * Why a file or folder was refused, one sentence that starts with `subject` (a reference as
 * written, in quotes, or the path of a file to check) and ends with how to allow it. It names the
 * file and never where a link leads, and says nothing of what the file holds.
 */
export function refusalSentence(subject: string, refusal: Refusal, what: 'reference' | 'file' | 'folder'): string {
  const target = what === 'folder' ? 'folder' : 'file';
  const notRead = what === 'reference' ? 'so it was not read' : 'so it was not read or checked';
  if (refusal.versionControl !== undefined) {
    const how = refusal.link ? 'leads through a link into' : 'points into';
    return `${subject} ${how} ${refusal.versionControl}, version control's own folder, ${notRead}: it holds the checkout's settings and credentials, never a rubric. ${refusal.allow}`;
  }
  const how = refusal.link ? `leads through a link to a ${target} outside ${refusal.scope}` : `points outside ${refusal.scope}`;
  const why = what === 'reference' ? 'references stay inside it, so that a file cannot make the tool read and show other files of the machine' : 'the files checked stay inside it, so that a change cannot make the tool read and show other files of the machine';
  return `${subject} ${how}, ${notRead}: ${why}. ${refusal.allow}`;
}

/**
 * The diagnostic of a file or folder to check that was refused (a face shows it in the file's
 * place, at its start): the file is never read, so the diagnostic is all there is of it.
 */
export function refusedFileDiagnostic(shown: string, refusal: Refusal, what: 'file' | 'folder'): Diagnostic {
  return { code: 'file-outside-workspace', severity: 'error', message: refusalSentence(shown, refusal, what), range: { start: 0, end: 0 } };
}

/** A referenced file as an analysis sees it: its text, or why there is none. */
export type FileText = string | Unavailable;

export function isAvailable(file: FileText | undefined): file is string {
  return typeof file === 'string';
}

/** Whether two reads found the same: the same text, or no text for the same reason. */
export function sameFileText(a: FileText | undefined, b: FileText | undefined): boolean {
  if (typeof a === 'string' || typeof b === 'string' || a === undefined || b === undefined) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A URI with a trailing slash: a folder, so that `/repo` does not contain `/repository`. */
export function asFolder(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** The folder a file's URI is in. */
export function folderOf(uri: string): string {
  return uri.slice(0, uri.replace(/[?#].*$/, '').lastIndexOf('/') + 1);
}

/**
 * Whether `uri` lies in one of the folders (same scheme and authority, and below the folder's
 * path), and not in a version-control folder below it.
 */
export function isInside(uri: string, folders: readonly string[]): boolean {
  return folders.some((folder) => {
    const below = pathBelow(uri, folder);
    return below !== undefined && versionControlFolder(below) === undefined;
  });
}

/** The version-control folder (`.git`) that `uri` lies in below one of the folders, if it does. */
export function versionControlFolderOf(uri: string, folders: readonly string[]): string | undefined {
  for (const folder of folders) {
    const below = pathBelow(uri, folder);
    const found = below === undefined ? undefined : versionControlFolder(below);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The part of `uri`'s path below `folder` (same scheme and authority), or undefined when it is not below it. */
function pathBelow(uri: string, folder: string): string | undefined {
  const target = NORMALIZED_FILES.get(uri, normalized);
  const root = NORMALIZED_FOLDERS.get(folder, (f) => normalized(asFolder(f)));
  return target !== undefined && root !== undefined && target.startsWith(root) ? target.slice(root.length) : undefined;
}

/** Version control's own folders: a checkout's settings and credentials (`.git/config` holds the token `actions/checkout` uses). */
const VERSION_CONTROL_FOLDERS = new Set(['.git', '.hg', '.svn']);

/**
 * The version-control folder a path below a root passes through (`.git` for `.git/config`), as the
 * file system would read its name (percent escapes decoded, any case: `.GIT` is `.git` on macOS
 * and Windows); undefined when there is none.
 */
function versionControlFolder(below: string): string | undefined {
  for (const segment of below.split('/')) {
    let name = segment;
    try {
      name = decodeURIComponent(segment);
    } catch {
      // not an escape sequence: compared as written
    }
    if (VERSION_CONTROL_FOLDERS.has(name.toLowerCase())) return name;
  }
  return undefined;
}

/**
 * The roots, and the files references name, are the same few for every reference of a run: each
 * is normalized once (a run over a thousand files asked a thousand times, building a URL each
 * time). Bounded, in case a long-lived editor sees many folders and files come and go.
 */
const NORMALIZED_FOLDERS = new BoundedMemo<string | undefined>(1024);
const NORMALIZED_FILES = new BoundedMemo<string | undefined>(1024);

/**
 * A URI as compared: without query and fragment, and for file URIs with the drive letter as
 * Node writes it (`file:///C:/x`) and VS Code (`file:///c%3A/x`) alike.
 */
function normalized(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    url.search = '';
    url.hash = '';
    if (url.protocol !== 'file:') return url.href;
    return url.href.replace(/^file:\/\/([^/]*)\/([A-Za-z])(?::|%3A)/i, (_m, host: string, drive: string) => `file://${host}/${drive.toLowerCase()}:`);
  } catch {
    return undefined;
  }
}

/**
 * Reads referenced files for one engine, within its confinement. The check happens before
 * anything is read: first the URI as the reference resolves it, then, where the host can see
 * links, where the file really is. The file is then read by the name the reference gives, so an
 * open document under that name keeps winning in the editor. Without a confinement (tests,
 * tools over trusted files), every reference is read.
 */
export class ConfinedReader {
  /** Where each root really is, links followed (a root may be reached through one, as /tmp is on macOS). */
  private readonly realRoots = new Map<string, Promise<string>>();

  constructor(
    private readonly host: FileHost,
    private readonly confinement: Confinement | undefined,
  ) {}

  /** The file a reference names, for an analysis of the file at `checkedUri`. */
  async read(uri: string, checkedUri: string): Promise<FileText> {
    return (await this.refusal(uri, checkedUri)) ?? this.readAt(uri);
  }

  /**
   * Why the file or folder at `uri` may not be read for the file at `checkedUri` (it lies outside
   * the roots, as written or through a link), or undefined when it may. Nothing is read: at most,
   * the host is asked where links lead. A file to check is asked about with itself as
   * `checkedUri`: its roots are those of where it is written (the repository that holds the link);
   * a folder, as a URI that ends in a slash.
   */
  async refusal(uri: string, checkedUri: string): Promise<Refusal | undefined> {
    const confinement = this.confinement;
    if (!confinement || isBuiltinUri(uri)) return undefined;
    const { roots, scope } = await confinement.rootsFor(checkedUri);
    const outside = (link: boolean, where: string, within: readonly string[]): Refusal => {
      const versionControl = versionControlFolderOf(where, within);
      return { unavailable: 'outside', link, scope, allow: confinement.allow, ...(versionControl !== undefined ? { versionControl } : {}) };
    };
    if (!isInside(uri, roots)) return outside(false, uri, roots);
    if (!this.host.realUri) return undefined;
    const found = await this.host.realUri(uri);
    if (found === undefined) return undefined; // nothing there (or no way to look): the read says which
    // A folder is asked about with a trailing slash, which a host's answer may not have.
    const real = uri.endsWith('/') ? asFolder(found) : found;
    if (real === uri) return undefined;
    if (isInside(real, roots)) return undefined;
    const realRoots = await Promise.all(roots.map((root) => this.real(root)));
    return isInside(real, realRoots) ? undefined : outside(true, real, [...roots, ...realRoots]);
  }

  private async readAt(uri: string): Promise<FileText> {
    const read = await this.host.readFile(uri);
    if (typeof read === 'string') return read;
    if (isUnreadable(read)) return { unavailable: 'unreadable', reason: read.unreadable, ...(read.advice ? { advice: read.advice } : {}) };
    return { unavailable: 'missing' };
  }

  private real(root: string): Promise<string> {
    let real = this.realRoots.get(root);
    if (!real) {
      real = Promise.resolve(this.host.realUri?.(root)).then((found) => found ?? root);
      this.realRoots.set(root, real);
    }
    return real;
  }
}
