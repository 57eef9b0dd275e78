import { fileURLToPath } from 'node:url';
import { Engine, type FileAnalysis } from '../core/engine';
import type { FileHost } from '../core/resolve/host';
import { displayPath } from './discover';
import { CliError } from './errors';
import { readTextFile, UnreadableFile, type ReadRefusals } from './fileRead';
import { parseGitUri } from './gitSource';
import { NodeFileHost } from './nodeFileHost';
import { printable } from './printable';
import { notFullyChecked } from './results';
import { TOOL_VERSION } from './version';

/**
 * The one engine of a run. Its cache is what makes a rubric referenced by a hundred assessments
 * parse once, so commands create it once and analyze every file through it.
 */
export function createEngine(host: FileHost = new NodeFileHost()): Engine {
  return new Engine(host);
}

/** Reads a file the user named or that discovery found; failing to is a usage/I/O error (exit 2). */
export async function readUserFile(file: string, shown: string): Promise<string> {
  try {
    return await readTextFile(file);
  } catch (error) {
    const reason = error instanceof UnreadableFile ? error.reason : String(error);
    throw new CliError(`Cannot read ${printable(shown)}: ${reason}.${error instanceof UnreadableFile && error.advice ? ` ${error.advice}` : ''}`);
  }
}

export interface CheckedFile {
  /** Absent when the analysis itself failed. */
  readonly analysis?: FileAnalysis;
  /** Why the file was not fully checked, one sentence each; empty when it was. */
  readonly incomplete: readonly string[];
}

/**
 * Analyzes files and tells apart "checked" from "not fully checked": the engine's own reasons
 * (`FileAnalysis.incomplete`), a referenced file that exists but could not be read, and an
 * analysis that threw. Every command goes through this, so none of them reports such a file as
 * clean.
 */
export class FileChecker {
  constructor(
    private readonly host: ReadRefusals,
    private readonly cwd: string,
    private readonly engine: Pick<Engine, 'analyze'>,
  ) {}

  async check(uri: string, text: string): Promise<CheckedFile> {
    let analysis: FileAnalysis;
    try {
      analysis = await this.engine.analyze(uri, text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { incomplete: [`The check stopped with an internal error, a bug in rubrics ${TOOL_VERSION} (please report it with this file): ${detail}`] };
    }
    const unread = this.host.refusals(analysis.dependencies).map(({ uri: dependency, reason }) => `The file it refers to, ${this.shown(dependency)}, was not read: ${reason}.`);
    return { analysis, incomplete: [...(analysis.incomplete ?? []), ...unread] };
  }

  /** REF:path for a file from git; relative to the working directory when inside it, absolute otherwise (not ../../../dev/zero). */
  private shown(uri: string): string {
    const fromGit = parseGitUri(uri);
    if (fromGit) return `${fromGit.ref}:${fromGit.path}`;
    if (!uri.startsWith('file:')) return uri;
    const file = fileURLToPath(uri);
    const relative = displayPath(file, this.cwd);
    return relative.startsWith('../') ? file : relative;
  }
}

/** The reasons a file was not fully checked, one line each on stderr. */
export function incompleteLines(shown: string, incomplete: readonly string[]): string {
  return incomplete.map((reason) => `rubrics: ${notFullyChecked(printable(shown), printable(reason))}\n`).join('');
}
