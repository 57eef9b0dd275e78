import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import envPaths from 'env-paths';
import { type FileText, isMap } from './core';
import { writeOutputFile } from './atomicWrite';
import { errorText } from './errors';
import { readTextFile, UnreadableFile } from './fileRead';
import { printable } from './printable';
import type { CliDiagnostic } from './results';
import { TOOL_VERSION } from './version';

/**
 * `rubrics validate --cache`: what each file gave, kept between runs, so a run over a repository
 * where little changed checks only what did (a pre-commit hook, a CI job that restores the cache).
 *
 * A kept result is used only while everything it came from is the same: this build of the tool
 * (its version and the digest of the bundle that runs, which holds the rules and the built-in
 * rubrics, so a rebuild with the same version number starts afresh too), the file's text, and, for each file its analysis
 * read (FileAnalysis.dependencies), what an analysis would find there now, read the way the
 * engine reads it: its text, or why there is none (missing, unreadable, outside the repository).
 * Texts are compared by SHA-256. A file that could not be fully checked is never kept.
 *
 * The cache lives outside the repository by default, in the user's cache folder: a file in the
 * repository could come from a pull request, and a planted cache would let a broken file pass.
 */
export interface ValidateCacheEntry {
  /** SHA-256 of the file's text. */
  readonly text: string;
  /** Each file the analysis read, by URI, and the digest of what it found there. */
  readonly dependencies: Readonly<Record<string, string>>;
  readonly diagnostics: readonly CliDiagnostic[];
}

interface CacheFile {
  readonly format: typeof CACHE_FORMAT;
  readonly tool: string;
  readonly files: Readonly<Record<string, ValidateCacheEntry>>;
}

const CACHE_FORMAT = 1;

/**
 * Where the cache goes without --cache-location: the user's cache folder for the tool (env-paths:
 * `$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on
 * Windows, the same folder the end-to-end setup uses), one file per folder the command runs in.
 */
export function defaultCacheLocation(cwd: string): string {
  const folder = digestOf(path.resolve(cwd)).slice(0, 16);
  return path.join(envPaths('rubrics-as-code', { suffix: '' }).cache, 'validate', `${folder}.json`);
}

/** The SHA-256 of a text or of bytes, in hex. */
function digestOf(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export class ValidateCache {
  private readonly next = new Map<string, ValidateCacheEntry>();
  /** Digests of referenced texts: a rubric's text is hashed once, not once per assessment. */
  private readonly digests = new Map<string, string>();

  private constructor(
    private readonly location: string,
    private readonly tool: string,
    private readonly kept: Readonly<Record<string, ValidateCacheEntry>>,
    /** Below this folder the cache is not written through a link (atomicWrite's `within`). */
    private readonly within?: string,
  ) {}

  /**
   * Reads the cache at `location`. A missing file is an empty cache; so is one from another
   * version of the tool. One that cannot be read or is not a cache is reported to `note` and
   * replaced at the end of the run.
   */
  static async open(location: string, note: (text: string) => void, within?: string): Promise<ValidateCache> {
    const tool = await toolIdentity();
    let text: string;
    try {
      text = await readTextFile(location);
    } catch (error) {
      // No cache yet (the first run) is no news.
      if (!(error instanceof UnreadableFile && error.absent)) {
        note(`the cache ${printable(location)} was not read (${error instanceof UnreadableFile ? error.reason : errorText(error)}); every file is checked, and the cache is written again.`);
      }
      return new ValidateCache(location, tool, {}, within);
    }
    const kept = parseCache(text);
    if (kept === 'invalid') note(`the cache ${printable(location)} is not a cache of this tool; every file is checked, and the cache is written again.`);
    return new ValidateCache(location, tool, kept === 'invalid' || kept.tool !== tool ? {} : kept.files, within);
  }

  /**
   * The diagnostics kept for the file at `absolutePath` with this text, when they still hold:
   * `referenced` gives what an analysis of the file would find at a URI now.
   */
  async lookUp(absolutePath: string, text: string, referenced: (uri: string) => Promise<FileText>): Promise<readonly CliDiagnostic[] | undefined> {
    const entry = Object.prototype.hasOwnProperty.call(this.kept, absolutePath) ? this.kept[absolutePath] : undefined;
    if (!entry || entry.text !== digestOf(text)) return undefined;
    for (const [uri, digest] of Object.entries(entry.dependencies)) {
      if ((await this.stateDigest(uri, referenced)) !== digest) return undefined;
    }
    this.next.set(absolutePath, entry);
    return entry.diagnostics;
  }

  /** Keeps what a file gave (fully checked files only), with the state of each file its analysis read. */
  async keep(absolutePath: string, text: string, dependencies: readonly string[], diagnostics: readonly CliDiagnostic[], referenced: (uri: string) => Promise<FileText>): Promise<void> {
    const states: Record<string, string> = {};
    for (const uri of dependencies) states[uri] = await this.stateDigest(uri, referenced);
    this.next.set(absolutePath, { text: digestOf(text), dependencies: states, diagnostics });
  }

  /**
   * Writes the cache: this run's files, and the kept entries of files this run did not check
   * that are still there (a run over one folder keeps the rest; a deleted file leaves). A
   * failure is a note, never a failed check.
   */
  async save(note: (text: string) => void): Promise<void> {
    const files: Record<string, ValidateCacheEntry> = {};
    for (const [file, entry] of Object.entries(this.kept)) if (!this.next.has(file) && existsSync(file)) files[file] = entry;
    for (const [file, entry] of this.next) files[file] = entry;
    const cache: CacheFile = { format: CACHE_FORMAT, tool: this.tool, files };
    try {
      await writeOutputFile(this.location, `${JSON.stringify(cache)}\n`, this.location, { ...(this.within !== undefined ? { within: this.within } : {}) });
    } catch (error) {
      note(`the cache was not written: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async stateDigest(uri: string, referenced: (uri: string) => Promise<FileText>): Promise<string> {
    const state = await referenced(uri);
    if (typeof state !== 'string') return `unavailable:${JSON.stringify(state)}`;
    let digest = this.digests.get(state);
    if (digest === undefined) {
      digest = `text:${digestOf(state)}`;
      this.digests.set(state, digest);
    }
    return digest;
  }
}

/**
 * This build of the tool: the version, and the digest of the bundle this code runs in. Not the
 * script Node was started with: that is dist/cli.js, which only picks a bundle to load.
 */
async function toolIdentity(): Promise<string> {
  try {
    return `${TOOL_VERSION}+${digestOf(await readFile(__filename)).slice(0, 32)}`;
  } catch {
    return TOOL_VERSION;
  }
}

/** A cache file's content, or 'invalid' when it is not one. */
function parseCache(text: string): CacheFile | 'invalid' {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'invalid';
  }
  if (!isMap(data) || data.format !== CACHE_FORMAT || typeof data.tool !== 'string' || !isMap(data.files)) return 'invalid';
  for (const entry of Object.values(data.files)) if (!isEntry(entry)) return 'invalid';
  return data as unknown as CacheFile;
}

function isEntry(value: unknown): value is ValidateCacheEntry {
  return isMap(value) && typeof value.text === 'string' && isMap(value.dependencies) && Object.values(value.dependencies).every((d) => typeof d === 'string') && Array.isArray(value.diagnostics) && value.diagnostics.every(isDiagnostic);
}

const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warning', 'information']);
const POSITIONS = ['line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset'] as const;

function isDiagnostic(value: unknown): value is CliDiagnostic {
  return isMap(value) && typeof value.code === 'string' && SEVERITIES.has(value.severity) && typeof value.message === 'string' && POSITIONS.every((key) => Number.isSafeInteger(value[key]));
}
