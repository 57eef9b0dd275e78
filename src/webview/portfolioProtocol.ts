/**
 * The messages the portfolio panel and the extension exchange, and the state the panel keeps
 * while hidden. Like the report preview's (protocol.ts), both sides check every incoming value at
 * run time: the page is a web page, so nothing that crosses the boundary is trusted to have the
 * declared shape. The extension also opens only the assessments the view it sent shows.
 *
 * Pure (no DOM, no `vscode`): the extension host, the webview bundle and the tests share it.
 */
import { isBoundedString, isCount, isRecord, MAX_BODY_LENGTH, MAX_NOTICE_LENGTH, MAX_OFFSET, MAX_URI_LENGTH } from './protocol';

/** The view type of the portfolio panel; its serializer is registered under it. */
export const PORTFOLIO_VIEW_TYPE = 'rubrics.portfolio';

const MAX_GENERATION = 2 ** 31 - 1;

/** Sent by the panel's script. */
export type PortfolioPageMessage =
  /** The script has loaded and listens: the extension may (re)send the current view. */
  | { readonly type: 'ready' }
  /** The user picked a cell (or a unit): open this assessment at this UTF-16 offset, as of the view `generation`. */
  | { readonly type: 'open'; readonly uri: string; readonly offset: number; readonly generation: number };

/** Sent by the extension. */
export type PortfolioHostMessage =
  /** Replace the page's body with this view (trusted renderer output; the scroll position stays); `folder`: the folder it is of, for the page to save. */
  | { readonly type: 'update'; readonly body: string; readonly generation: number; readonly folder?: string }
  /** Show (or, with no message, hide) a banner above the view. */
  | { readonly type: 'notice'; readonly message?: string };

/** What the panel remembers across being hidden, shown and restored after a reload. */
export interface PortfolioState {
  /** The folder the panel shows the portfolio of (a URI); absent: the whole workspace. */
  readonly folder?: string;
  readonly scrollY: number;
  readonly scrollX?: number;
}

/** The message, if it is one the panel's script may send; otherwise undefined (it is then ignored). */
export function parsePortfolioPageMessage(value: unknown): PortfolioPageMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'open':
      return isBoundedString(value.uri, MAX_URI_LENGTH) && isCount(value.offset, MAX_OFFSET) && isCount(value.generation, MAX_GENERATION)
        ? { type: 'open', uri: value.uri, offset: value.offset, generation: value.generation }
        : undefined;
    default:
      return undefined;
  }
}

/** The message, if it is one the extension may send; otherwise undefined (it is then ignored). */
export function parsePortfolioHostMessage(value: unknown): PortfolioHostMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'update':
      if (!isBoundedString(value.body, MAX_BODY_LENGTH, true) || !isCount(value.generation, MAX_GENERATION)) return undefined;
      if (value.folder !== undefined && !isBoundedString(value.folder, MAX_URI_LENGTH)) return undefined;
      return { type: 'update', body: value.body, generation: value.generation, ...(value.folder !== undefined ? { folder: value.folder as string } : {}) };
    case 'notice':
      if (value.message !== undefined && !isBoundedString(value.message, MAX_NOTICE_LENGTH)) return undefined;
      return { type: 'notice', ...(value.message !== undefined ? { message: value.message as string } : {}) };
    default:
      return undefined;
  }
}

/** A saved state, if it has the expected shape; otherwise undefined. */
export function parsePortfolioState(value: unknown): PortfolioState | undefined {
  if (!isRecord(value)) return undefined;
  if (value.folder !== undefined && !isBoundedString(value.folder, MAX_URI_LENGTH)) return undefined;
  const position = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);
  const scrollX = position(value.scrollX);
  return { ...(value.folder !== undefined ? { folder: value.folder as string } : {}), scrollY: position(value.scrollY), ...(scrollX ? { scrollX } : {}) };
}

/**
 * Whether the extension may open what an `open` message names: only an assessment of the view it
 * sent last, so a page cannot make the editor open another file (the offset is clamped to the file
 * when it opens: it may be of a slightly older text).
 */
export function openTarget(message: Extract<PortfolioPageMessage, { type: 'open' }>, shown: ReadonlySet<string>): { readonly uri: string; readonly offset: number } | undefined {
  return shown.has(message.uri) ? { uri: message.uri, offset: message.offset } : undefined;
}
