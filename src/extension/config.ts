import * as vscode from 'vscode';

/** The settings the client itself reads (the language server reads the rest), fresh where they are used. */
export interface ClientConfig {
  readonly statusBar: boolean;
  readonly files: readonly string[];
}

export function readConfig(scope?: vscode.ConfigurationScope): ClientConfig {
  const c = vscode.workspace.getConfiguration('rubrics', scope);
  const files = c.get<unknown>('files');
  return {
    statusBar: c.get<boolean>('statusBar.enabled', true),
    files: Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [],
  };
}
