import { type Confinement, Engine, type FileAnalysis, type FileHost, refusalSentence } from './core';
import { CliError } from './errors';
import { readTextFile, UnreadableFile, type ReadOptions } from './fileRead';
import { fileUri, NodeFileHost } from './nodeFileHost';
import { printable } from './printable';
import { notFullyChecked } from './results';
import { TOOL_VERSION } from './version';

/**
 * The one engine of a run. Its cache is what makes a rubric referenced by a hundred assessments
 * parse once, so commands create it once and analyze every file through it. Commands that read
 * the user's files give it their confinement (cliConfinement); the built-in rubrics need none.
 */
export function createEngine(host: FileHost = new NodeFileHost(), confinement?: Confinement): Engine {
  return new Engine(host, confinement ? { confinement } : {});
}

/**
 * Reads a file the user named or that discovery found; failing to is a usage/I/O error (exit 2).
 * A file to check is first asked about (`confined`: the engine's one decision of where files may
 * be, Engine.checkedFileRefusal): one outside the root, or that leads out of it through a link,
 * is never read. Only files that are not checked (the official sources `import` converts) are read
 * `unconfined`.
 */
export async function readUserFile(file: string, shown: string, confined: Pick<Engine, 'checkedFileRefusal'> | 'unconfined', options: ReadOptions = {}): Promise<string> {
  const refusal = confined === 'unconfined' ? undefined : await confined.checkedFileRefusal(fileUri(file));
  if (refusal) throw new CliError(printable(refusalSentence(shown, refusal, 'file')));
  try {
    return await readTextFile(file, options);
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
 * (`FileAnalysis.incomplete`: a referenced file that is there but was not read, a budget run out)
 * and an analysis that threw. Every command goes through this, so none of them reports such a
 * file as clean.
 */
export class FileChecker {
  constructor(private readonly engine: Pick<Engine, 'analyze'>) {}

  async check(uri: string, text: string): Promise<CheckedFile> {
    let analysis: FileAnalysis;
    try {
      analysis = await this.engine.analyze(uri, text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { incomplete: [`The check stopped with an internal error, a bug in rubrics ${TOOL_VERSION} (please report it with this file): ${detail}`] };
    }
    return { analysis, incomplete: analysis.incomplete ?? [] };
  }
}

/** The reasons a file was not fully checked, one line each on stderr. */
export function incompleteLines(shown: string, incomplete: readonly string[]): string {
  return incomplete.map((reason) => `rubrics: ${notFullyChecked(printable(shown), printable(reason))}\n`).join('');
}
