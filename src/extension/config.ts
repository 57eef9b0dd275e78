import * as vscode from 'vscode';
import { DEFAULT_RUBRIC_FILE_GLOBS } from '../core/format/files';

/** The extension's settings (`rubrics.*`), read fresh where they are used so changes apply at once. */

export interface RubricsConfig {
  readonly files: string[];
  readonly validationDelay: number;
  readonly scanWorkspace: boolean;
  readonly scanMaxFiles: number;
  readonly codeLens: boolean;
  readonly statusBar: boolean;
}

export function readConfig(scope?: vscode.ConfigurationScope): RubricsConfig {
  const c = vscode.workspace.getConfiguration('rubrics', scope);
  const files = c.get<unknown>('files');
  return {
    files: Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [...DEFAULT_RUBRIC_FILE_GLOBS],
    validationDelay: clamp(c.get<number>('validation.delay', 300), 0, 5000),
    scanWorkspace: c.get<boolean>('workspaceScan.enabled', true),
    scanMaxFiles: clamp(c.get<number>('workspaceScan.maxFiles', 5000), 0, 100_000),
    codeLens: c.get<boolean>('codeLens.enabled', true),
    statusBar: c.get<boolean>('statusBar.enabled', true),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
