import path from 'node:path';
import { isFormatId, loadSheetCodec, MemoryFileHost, type Workbook } from './core';
import { createEngine } from '../node/analyze';
import { cliConfinement } from '../node/confinement';
import type { CliContext } from './context';
import { displayPath } from '../node/discover';
import { CliError } from '../node/errors';
import { readPrefix, UnreadableFile } from '../node/fileRead';
import { fileUri } from '../node/nodeFileHost';
import { printable } from '../node/printable';
import { reportProblemsToStderr } from './problems';
import { SourceReader } from '../node/sources';

/**
 * A spreadsheet the user named, read and decoded: a regular file, no more of it than the codec
 * reads (a larger one is refused unread), and refused by the codec's own bounds before it is
 * parsed. A file that cannot be read or decoded stops the command (exit 2); nothing is written.
 */
export async function readSpreadsheetFile(argument: string, defaultFormat: 'xlsx' | 'csv', context: CliContext, format?: 'xlsx' | 'csv'): Promise<{ workbook: Workbook; shown: string }> {
  const file = path.resolve(context.cwd, argument);
  const shown = displayPath(file, context.cwd);
  const codec = await loadSheetCodec();
  const limit = codec.SPREADSHEET_LIMITS.maxFileBytes;
  let bytes: Uint8Array;
  try {
    const read = await readPrefix(file, limit);
    if (!read.complete) throw new CliError(`${printable(shown)} has ${read.size.toLocaleString('en-US')} bytes; a spreadsheet is read up to ${limit.toLocaleString('en-US')}. Nothing was changed.`);
    bytes = read.bytes;
  } catch (error) {
    if (error instanceof UnreadableFile) throw new CliError(`Cannot read ${printable(shown)}: ${error.reason}.`);
    throw error;
  }
  const chosen = format ?? (/\.csv$/i.test(file) ? 'csv' : /\.xlsx$/i.test(file) ? 'xlsx' : defaultFormat);
  const read = await codec.readSpreadsheet(bytes, chosen, { sheetName: path.basename(file).replace(/\.[^.]*$/, '') });
  if ('refused' in read) throw new CliError(`${printable(shown)}: ${printable(read.refused)} Nothing was changed.`);
  return { workbook: read.workbook, shown };
}

/** Today's date (YYYY-MM-DD) where the command runs. */
export function todayIn(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** An id given on the command line, checked to be one the format takes. */
export function validId(id: string, option = '--id'): string {
  if (!isFormatId(id)) throw new CliError(`${option} must be an id in kebab-case (lowercase letters, digits and single hyphens), not "${printable(id)}".`);
  return id;
}

/**
 * Checks a file an import is about to write, as `validate` would check it where it will stand
 * (`at`, so its rubric reference resolves; `pending` are other files the same run writes, by
 * path): its errors are printed on stderr (warnings are counted: an imported assessment often
 * leaves questions unanswered). Returns whether it has errors.
 */
export async function checkWritten(text: string, shown: string, at: string, context: CliContext, pending: readonly { readonly file: string; readonly text: string }[] = []): Promise<boolean> {
  const host = new MemoryFileHost(new Map(pending.map((p) => [fileUri(p.file), p.text])), new SourceReader(context.cwd));
  const engine = createEngine(host, await cliConfinement(context.cwd, [], context.root));
  const analysis = await engine.analyze(fileUri(at), text);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  const warnings = analysis.diagnostics.length - errors.length;
  if (errors.length) reportProblemsToStderr([{ path: shown, analysis: { ...analysis, diagnostics: errors }, documentIndex: 0, allDocuments: true }], context);
  if (warnings) context.stderr.write(`${printable(shown)}: ${warnings} warning${warnings === 1 ? '' : 's'} (run "rubrics validate" on it to see them).\n`);
  return errors.length > 0;
}
