/**
 * Positions inside the core are UTF-16 offsets into the document text, half-open: [start, end).
 * Line and column are computed only at the edges (CLI output, VS Code adapter) via LineIndex.
 */
export interface Range {
  readonly start: number;
  readonly end: number;
}
