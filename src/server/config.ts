import { DEFAULT_FILE_GLOBS } from './ownership';

/**
 * The `rubrics.*` settings the server uses, from whatever the client sends (VS Code answers
 * `workspace/configuration`; other editors pass a `rubrics` table). Anything missing or of the
 * wrong type falls back to the default, so a typo in an editor's config cannot stop checking.
 */
export interface ServerSettings {
  readonly files: readonly string[];
  /** Milliseconds after the last keystroke before a document is checked again. */
  readonly delay: number;
  readonly scan: boolean;
  readonly scanMaxFiles: number;
  readonly codeLens: boolean;
  /** Folders (absolute paths or URIs) that references may read besides the workspace folders. */
  readonly allowOutside: readonly string[];
}

/**
 * The default check delay: none beyond what the engine needs. The server always waits at least
 * as long as the document's last check took (9 ms at 5,000 lines, about 120 ms at 50,000), which
 * merges keystrokes that come faster than it can check. Chosen from bench:editor: every 50 ms of
 * delay adds 50 ms between a keystroke and its squiggle (bench/editor-results.md).
 */
export const DEFAULT_VALIDATION_DELAY_MS = 0;

export function readSettings(section: unknown): ServerSettings {
  const s = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  const nested = (group: string, key: string): unknown => {
    const flat = s[`${group}.${key}`];
    if (flat !== undefined) return flat;
    const inner = s[group];
    return inner && typeof inner === 'object' ? (inner as Record<string, unknown>)[key] : undefined;
  };
  const files = s.files;
  return {
    files: Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : DEFAULT_FILE_GLOBS,
    delay: numberIn(nested('validation', 'delay'), DEFAULT_VALIDATION_DELAY_MS, 0, 5000),
    scan: booleanOr(nested('workspaceScan', 'enabled'), true),
    scanMaxFiles: numberIn(nested('workspaceScan', 'maxFiles'), 5000, 0, 100_000),
    codeLens: booleanOr(nested('codeLens', 'enabled'), true),
    allowOutside: stringsIn(nested('references', 'allowOutside')),
  };
}

function numberIn(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

function booleanOr(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}
