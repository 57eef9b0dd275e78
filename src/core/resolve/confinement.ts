import { isBuiltinUri } from '../builtins';
import { isUnreadable, type FileHost } from './host';
import { BoundedMemo } from './memo';

/**
 * Where references may point. A rubric file may come from anyone who can open a pull request,
 * and what the engine reads ends up in messages, reports and comments: a reference to
 * `../../../../etc/passwd`, to an absolute path, to a network share or through a link that
 * leads out must not make a bot print the files of the machine it runs on. So every reference
 * is confined to roots that the face running the engine gives (the repository for the CLI, the
 * workspace folders in the editor, the GitHub workspace in the Action), and this is the one place
 * that decides. Built-in rubrics are always allowed; they are part of the engine.
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
  /** Outside the roots: as written (`link: false`), or through a link (`link: true`). Never read. */
  | { readonly unavailable: 'outside'; readonly link: boolean; readonly scope: string; readonly allow: string };

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

/** Whether `uri` lies in one of the folders (same scheme and authority, and below the folder's path). */
export function isInside(uri: string, folders: readonly string[]): boolean {
  const target = NORMALIZED_FILES.get(uri, normalized);
  return target !== undefined && folders.some((folder) => {
    const root = NORMALIZED_FOLDERS.get(folder, (f) => normalized(asFolder(f)));
    return root !== undefined && target.startsWith(root);
  });
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
    const confinement = this.confinement;
    if (!confinement || isBuiltinUri(uri)) return this.readAt(uri);
    const { roots, scope } = await confinement.rootsFor(checkedUri);
    const outside = (link: boolean): Unavailable => ({ unavailable: 'outside', link, scope, allow: confinement.allow });
    if (!isInside(uri, roots)) return outside(false);
    if (!this.host.realUri) return this.readAt(uri);
    const real = await this.host.realUri(uri);
    if (real === undefined) return this.readAt(uri); // nothing there (or no way to look): the read says which
    if (real !== uri && !isInside(real, roots) && !isInside(real, await Promise.all(roots.map((root) => this.real(root))))) return outside(true);
    return this.readAt(uri);
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
