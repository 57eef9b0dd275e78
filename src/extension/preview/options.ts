/**
 * What the report preview's webview may do, kept apart from the VS Code objects so tests can
 * check it: scripts on (only ours runs, by nonce), no forms, no command links, and local files
 * only from the extension's bundled webview code and its media folder.
 */

/** Folders of the extension the webview may load from, as path segments under the extension root. */
export const PREVIEW_RESOURCE_FOLDERS: readonly (readonly string[])[] = [
  ['dist', 'webview'],
  ['media'],
];

/** The preview script, under the extension root. */
export const PREVIEW_SCRIPT_PATH: readonly string[] = ['dist', 'webview', 'preview.js'];

export const PREVIEW_WEBVIEW_OPTIONS = {
  enableScripts: true,
  enableForms: false,
  enableCommandUris: false,
  /** Ctrl+F inside the report. */
  enableFindWidget: true,
  /** The page is rebuilt when shown again and restores its scroll position from its saved state. */
  retainContextWhenHidden: false,
} as const;

/**
 * Quiet time after an analysis before the preview renders again: none. The preview renders from
 * the language server's check as soon as it is done; renders never overlap, and checks that arrive
 * while one runs are merged into one more render after it (RenderScheduler), so a wait here would
 * only add to every update (bench/editor-results.md).
 */
export const PREVIEW_RENDER_DELAY_MS = 0;
