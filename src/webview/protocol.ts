/**
 * The messages the report preview and the extension exchange, and the state the preview keeps
 * while hidden. Both sides check every incoming value at run time: a webview is a web page, so
 * nothing that crosses the boundary is trusted to have the declared shape.
 *
 * This module is pure (no DOM, no `vscode`), so the extension host, the webview bundle and the
 * unit tests all share it.
 */

/** The view type of the report preview panel; the panel serializer is registered under it. */
export const PREVIEW_VIEW_TYPE = 'rubrics.preview';

/** Sent by the preview script. */
export type WebviewMessage =
  /** The script has loaded and listens: the extension may (re)send the current body. */
  | { readonly type: 'ready' }
  /** The user picked a report row: show the source at this UTF-16 offset in the editor. */
  | { readonly type: 'reveal'; readonly offset: number }
  /** The user clicked a link in the report (evidence, references): open it outside the preview. */
  | { readonly type: 'openLink'; readonly href: string };

/** Sent by the extension. */
export type ExtensionMessage =
  /** Replace the report's body with this trusted renderer output (scroll position stays). */
  | { readonly type: 'update'; readonly uri: string; readonly body: string }
  /** Which document the page shows, so the script can save it in its state. */
  | { readonly type: 'document'; readonly uri: string }
  /** Show (or, with no message, hide) a banner above the report, e.g. when an update failed. */
  | { readonly type: 'notice'; readonly message?: string };

/** What the preview remembers across being hidden, shown and restored after a reload. */
export interface PreviewState {
  /** The document the preview shows (its URI as a string). */
  readonly uri: string;
  /** Vertical scroll position of that document's report. */
  readonly scrollY: number;
}

// Limits keep a misbehaving page (or a corrupted saved state) from making the host do silly work.
const MAX_OFFSET = 2 ** 31 - 1;
const MAX_HREF_LENGTH = 4000;
const MAX_URI_LENGTH = 8000;
const MAX_BODY_LENGTH = 64 * 1024 * 1024;
const MAX_NOTICE_LENGTH = 4000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_OFFSET;
}

function isBoundedString(value: unknown, max: number, allowEmpty = false): value is string {
  return typeof value === 'string' && value.length <= max && (allowEmpty || value.length > 0);
}

/** The message, if it is one the preview script may send; otherwise undefined (it is then ignored). */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return isOffset(value.offset) ? { type: 'reveal', offset: value.offset } : undefined;
    case 'openLink':
      return isBoundedString(value.href, MAX_HREF_LENGTH) ? { type: 'openLink', href: value.href } : undefined;
    default:
      return undefined;
  }
}

/** The message, if it is one the extension may send; otherwise undefined (it is then ignored). */
export function parseExtensionMessage(value: unknown): ExtensionMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'update':
      return isBoundedString(value.uri, MAX_URI_LENGTH) && isBoundedString(value.body, MAX_BODY_LENGTH, true)
        ? { type: 'update', uri: value.uri, body: value.body }
        : undefined;
    case 'document':
      return isBoundedString(value.uri, MAX_URI_LENGTH) ? { type: 'document', uri: value.uri } : undefined;
    case 'notice':
      if (value.message === undefined) return { type: 'notice' };
      return isBoundedString(value.message, MAX_NOTICE_LENGTH) ? { type: 'notice', message: value.message } : undefined;
    default:
      return undefined;
  }
}

/** A saved preview state, if it has the expected shape (states from older versions are dropped). */
export function parsePreviewState(value: unknown): PreviewState | undefined {
  if (!isRecord(value) || !isBoundedString(value.uri, MAX_URI_LENGTH)) return undefined;
  const scrollY = typeof value.scrollY === 'number' && Number.isFinite(value.scrollY) && value.scrollY > 0 ? value.scrollY : 0;
  return { uri: value.uri, scrollY };
}
