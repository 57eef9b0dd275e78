/** One-based line and column, as editors and CI annotations show them. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps offsets to line/column and back. Built once per text (a single pass collecting line
 * starts), then every conversion is a binary search, so converting all diagnostics of a large
 * file stays cheap.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) starts.push(i + 1);
      else if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Zero-based line and character, as the VS Code API and LSP use them. */
  positionAt(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.lineStarts[low] as number) };
  }

  /** One-based line and column, as people read them in terminals and CI logs. */
  lineColumnAt(offset: number): LineColumn {
    const p = this.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  }

  /** One-based start and end line/column of a range, the way CLI output and reports print them. */
  lineColumnRange(range: { readonly start: number; readonly end: number }): { line: number; column: number; endLine: number; endColumn: number } {
    const start = this.lineColumnAt(range.start);
    const end = this.lineColumnAt(range.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line] as number;
    const next = line + 1 < this.lineStarts.length ? (this.lineStarts[line + 1] as number) : this.text.length;
    return Math.min(start + Math.max(0, character), next);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))] as number;
  }

  lineText(line: number): string {
    const start = this.lineStart(line);
    const end = line + 1 < this.lineStarts.length ? (this.lineStarts[line + 1] as number) : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }
}
