import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Engine, type FileAnalysis } from '../../src/core/engine';
import type { FileHost } from '../../src/core/resolve/host';
import { LineIndex } from '../../src/core/text/lineIndex';

/** Reads `file://` URIs from disk, the way the CLI does, so samples resolve their references for real. */
export class DiskFileHost implements FileHost {
  async readFile(uri: string): Promise<string | undefined> {
    if (!uri.startsWith('file:')) return undefined;
    try {
      const text = await readFile(fileURLToPath(uri), 'utf8');
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
      return undefined;
    }
  }
}

/** Analyzes a file on disk with a fresh engine over a disk host. */
export async function analyzeFile(path: string, engine: Engine = new Engine(new DiskFileHost())): Promise<FileAnalysis> {
  const host = new DiskFileHost();
  const uri = pathToFileURL(path).toString();
  const text = (await host.readFile(uri)) ?? '';
  return engine.analyze(uri, text);
}

export interface PlacedDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Diagnostics with one-based line and column of the start of their range. */
export function placedDiagnostics(analysis: FileAnalysis): PlacedDiagnostic[] {
  const lines = new LineIndex(analysis.text);
  return analysis.diagnostics.map((d) => {
    const p = lines.lineColumnAt(d.range.start);
    return { code: d.code, severity: d.severity, line: p.line, column: p.column, message: d.message };
  });
}
