/**
 * The script of the portfolio panel. It runs inside the webview (strict Content-Security-Policy,
 * this page's nonce) and:
 * - swaps in a new view when the extension sends one, keeping the page's and each table's scroll
 *   position and the focused cell;
 * - turns a click (or Enter) on a cell that maps to the source into an "open" request naming the
 *   row's assessment and the cell's offset; a unit's name opens its assessment where its
 *   dimensions start;
 * - follows in-page links itself and no other link;
 * - remembers where the page was scrolled, so a hidden or restored panel comes back there.
 * It never builds markup from message data: the only markup it inserts is the body produced by the
 * trusted renderer (core/render/html/portfolio.ts), which escapes all user text.
 */
import { bodyNodes, saveOnScroll, scrollToFragment, vsCodeApi } from './pageDom';
import { parsePortfolioHostMessage, parsePortfolioState, type PortfolioPageMessage, type PortfolioState } from './portfolioProtocol';

const vscode = vsCodeApi();
const CELL_SELECTOR = '[data-source-offset]';
const NOTICE_ID = 'rubrics-portfolio-notice';
const saved = parsePortfolioState(vscode.getState());
/** The view shown, and the folder it is of (from the extension's updates). */
let generation = 0;
let folder = saved?.folder;
let restored = false;

function post(message: PortfolioPageMessage): void {
  vscode.postMessage(message);
}

function saveState(): void {
  const state: PortfolioState = { ...(folder !== undefined ? { folder } : {}), scrollY: Math.round(window.scrollY), ...(window.scrollX > 0 ? { scrollX: Math.round(window.scrollX) } : {}) };
  vscode.setState(state);
}

function offsetOf(cell: Element): number | undefined {
  const raw = cell.getAttribute('data-source-offset');
  return raw !== null && /^\d{1,10}$/.test(raw) ? Number(raw) : undefined;
}

/** The assessment a cell belongs to: its own, or its row's. */
function fileOf(cell: Element): string | undefined {
  return cell.closest('[data-uri]')?.getAttribute('data-uri') ?? undefined;
}

function open(cell: Element): void {
  const offset = offsetOf(cell);
  const uri = fileOf(cell);
  if (offset !== undefined && uri) post({ type: 'open', uri, offset, generation });
}

/** Makes the cells that open the source announced as actionable (the renderer makes them focusable). */
function prepareCells(root: ParentNode): void {
  for (const cell of Array.from(root.querySelectorAll<HTMLElement>(CELL_SELECTOR))) {
    if (offsetOf(cell) === undefined || !fileOf(cell)) continue;
    if (!cell.hasAttribute('tabindex')) cell.tabIndex = 0;
    if (!cell.hasAttribute('title')) cell.title = 'Open the assessment here (click or Enter)';
    cell.classList.add('rubrics-source-link');
  }
}

document.addEventListener('click', (event) => {
  if (event.button !== 0 || !(event.target instanceof Element)) return;
  const link = event.target.closest('a[href]');
  if (link) {
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) scrollToFragment(href.slice(1));
    return;
  }
  if (event.target.closest('summary, button, input, select, textarea')) return;
  // Selecting text to copy it should not throw the user into the editor.
  if (!(window.getSelection()?.isCollapsed ?? true)) return;
  const cell = event.target.closest(CELL_SELECTOR);
  if (cell) open(cell);
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || !(event.target instanceof Element)) return;
  if (!event.target.matches(CELL_SELECTOR)) return;
  event.preventDefault();
  open(event.target);
});

saveOnScroll(saveState);

/** Where the focused cell is: its file and offset, as an update keeps them unless the file moved. */
function focusedCell(): { uri: string; offset: string } | undefined {
  const focused = document.activeElement;
  if (!(focused instanceof Element) || !focused.matches(CELL_SELECTOR)) return undefined;
  const uri = fileOf(focused);
  const offset = focused.getAttribute('data-source-offset');
  return uri && offset !== null ? { uri, offset } : undefined;
}

/**
 * Replaces the body's content with a new view, leaving the body element alone (VS Code keeps its
 * theme classes on it). Scripts in the new body are dropped: nothing else may run. The page's
 * scroll position, each wide table's horizontal scroll and the focused cell stay.
 */
function swapBody(bodyHtml: string): void {
  const scrollX = window.scrollX;
  const scrollY = window.scrollY;
  const tableScroll = Array.from(document.querySelectorAll('.table-wrap'), (wrap) => wrap.scrollLeft);
  const focus = focusedCell();

  const notice = document.getElementById(NOTICE_ID);
  document.body.replaceChildren(...(notice ? [notice] : []), ...bodyNodes(bodyHtml));

  prepareCells(document.body);
  Array.from(document.querySelectorAll('.table-wrap')).forEach((wrap, i) => {
    const left = tableScroll[i];
    if (left) wrap.scrollLeft = left;
  });
  if (focus) {
    const cell = Array.from(document.querySelectorAll<HTMLElement>(`[data-source-offset="${CSS.escape(focus.offset)}"]`)).find((c) => fileOf(c) === focus.uri);
    cell?.focus({ preventScroll: true });
  }
  if (Math.abs(window.scrollY - scrollY) > 1 || Math.abs(window.scrollX - scrollX) > 1) window.scrollTo(scrollX, scrollY);
}

/** A banner above the view, built from text nodes only. */
function showNotice(message: string | undefined): void {
  const existing = document.getElementById(NOTICE_ID);
  if (message === undefined) {
    existing?.remove();
    return;
  }
  const banner = existing ?? document.createElement('div');
  banner.id = NOTICE_ID;
  banner.className = 'notice';
  banner.setAttribute('role', 'alert');
  banner.textContent = message;
  if (!existing) document.body.prepend(banner);
}

/** Marks which view the page shows (tests and the editor benchmark wait on it). */
function markGeneration(value: number): void {
  generation = value;
  document.body.setAttribute('data-portfolio-generation', String(value));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parsePortfolioHostMessage(event.data);
  if (!message) return;
  if (message.type === 'notice') {
    showNotice(message.message);
    return;
  }
  swapBody(message.body);
  markGeneration(message.generation);
  folder = message.folder;
  if (!restored) {
    // First view after a load: go back to where the page was scrolled.
    restored = true;
    if (saved && (saved.scrollY > 0 || (saved.scrollX ?? 0) > 0)) window.scrollTo(saved.scrollX ?? 0, saved.scrollY);
  }
  saveState();
});

post({ type: 'ready' });
