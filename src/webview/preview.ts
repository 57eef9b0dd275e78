/**
 * The script of the report preview. It runs inside the webview (a sandboxed page with a strict
 * Content-Security-Policy) and does four things:
 * - swaps in a new report body when the extension sends one, keeping the scroll position;
 * - turns a click (or Enter) on a report row that maps to the source into a "reveal" request,
 *   also a click on the row's own in-page link (a dimension's name);
 * - hands other link clicks to the extension, which decides what may open;
 * - remembers which document it shows and where each document was scrolled, so a hidden or
 *   restored panel, or a switch back to a document, comes back where it was.
 * Every message it sends names the document and version its report was made from.
 * It never builds markup from message data: the only markup it inserts is the body produced by the
 * extension's trusted renderer, which escapes all user text.
 */
import { bodyNodes, saveOnScroll, scrollToFragment, vsCodeApi } from './pageDom';
import { applyPatch } from './patch';
import { MAX_REMEMBERED_POSITIONS, parseExtensionMessage, parsePreviewState, type PreviewState, type WebviewMessage } from './protocol';
import { changeAction, clickAction, findByFocusKey, focusKey, keepNewAssessor, keyAction, newAssessorFieldEdited, prepareNewAssessor, settleNewAssessor, showAssessorRefusal, showRefusal, type QuestionnaireAction } from './questionnaire';
import { QUESTIONNAIRE_CSS } from './questionnaireStyles';

const vscode = vsCodeApi();
const ROW_SELECTOR = '[data-source-offset]';
/** Clicks on these inside a row do their own thing and do not jump to the source. */
const INTERACTIVE_SELECTOR = 'a, button, input, select, textarea, summary, label, [contenteditable]';
const NOTICE_ID = 'rubrics-preview-notice';

/** This page load's nonce, read from our own script tag: the one key the page's policy accepts. */
const pageNonce = document.currentScript instanceof HTMLScriptElement ? document.currentScript.nonce : '';

let currentUri: string | undefined;
let currentVersion = 0;
let restoredScroll = false;
/** An assessor the extension added at the page's request, until the page shows their answers. */
let addedAssessor: { readonly uri: string; readonly id: string } | undefined;
/** Where the reports of other documents were scrolled to, most recent last. */
const positions = new Map<string, number>(Object.entries(parsePreviewState(vscode.getState())?.positions ?? {}));

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function saveState(): void {
  if (currentUri === undefined) return;
  const others = [...positions].filter(([uri]) => uri !== currentUri).slice(-MAX_REMEMBERED_POSITIONS);
  const questionnaire = document.querySelector('main.questionnaire');
  const assessor = questionnaire?.getAttribute('data-assessor');
  const state: PreviewState = { uri: currentUri, scrollY: Math.round(window.scrollY), ...(others.length ? { positions: Object.fromEntries(others) } : {}), ...(questionnaire ? { view: 'questionnaire' as const } : {}), ...(assessor ? { assessor } : {}) };
  vscode.setState(state);
}

function sourceOffset(row: Element): number | undefined {
  const raw = row.getAttribute('data-source-offset');
  return raw !== null && /^\d{1,10}$/.test(raw) ? Number(raw) : undefined;
}

/** Makes every row that maps to the source reachable with Tab and announced as actionable. */
function prepareRows(root: ParentNode): void {
  for (const row of Array.from(root.querySelectorAll<HTMLElement>(ROW_SELECTOR))) {
    if (sourceOffset(row) === undefined) continue;
    if (!row.hasAttribute('tabindex')) row.tabIndex = 0;
    if (!row.hasAttribute('title')) row.title = 'Show in the editor (click or Enter)';
    row.classList.add('rubrics-source-link');
  }
}

function revealRow(row: Element): void {
  const offset = sourceOffset(row);
  if (offset !== undefined && currentUri !== undefined) post({ type: 'reveal', uri: currentUri, version: currentVersion, offset });
}

/** Sends what the questionnaire (or the view switch) asks for, about the document and version the page shows. */
function act(action: QuestionnaireAction | undefined): void {
  if (!action) return;
  if (action.kind === 'view') post({ type: 'setView', view: action.view });
  else if (action.kind === 'assessor') post({ type: 'setAssessor', assessor: action.assessor });
  else if (currentUri === undefined) return;
  else if (action.kind === 'reveal') post({ type: 'reveal', uri: currentUri, version: currentVersion, offset: action.offset });
  else if (action.kind === 'addAssessor') post({ type: 'addAssessor', uri: currentUri, version: currentVersion, ...action.assessor });
  else post({ type: 'answer', uri: currentUri, version: currentVersion, ...action.change });
}

document.addEventListener('click', (event) => {
  if (event.button !== 0 || !(event.target instanceof Element)) return;
  if (event.target.closest('button')) {
    act(clickAction(event.target));
    return;
  }
  const link = event.target.closest('a[href]');
  if (link) {
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    // A row's in-page link (a dimension's name in a table) shows the row's source, like the rest of the row.
    const row = href.startsWith('#') ? link.closest(ROW_SELECTOR) : null;
    if (row && sourceOffset(row) !== undefined) revealRow(row);
    else followLink(href);
    return;
  }
  if (event.target.closest(INTERACTIVE_SELECTOR)) return;
  // Selecting text to copy it should not throw the user into the editor.
  if (!(window.getSelection()?.isCollapsed ?? true)) return;
  const row = event.target.closest(ROW_SELECTOR);
  if (row) revealRow(row);
});

document.addEventListener('auxclick', (event) => {
  if (event.button !== 1 || !(event.target instanceof Element)) return;
  const link = event.target.closest('a[href]');
  if (!link) return;
  event.preventDefault();
  followLink(link.getAttribute('href') ?? '');
});

document.addEventListener('keydown', (event) => {
  if (!(event.target instanceof Element)) return;
  const questionnaire = keyAction(event, event.target);
  if (questionnaire.handled) {
    event.preventDefault();
    act(questionnaire.action);
    return;
  }
  if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey) return;
  // Only when the row itself has focus: Enter on a link inside a row follows the link.
  if (event.target.matches(ROW_SELECTOR)) {
    event.preventDefault();
    revealRow(event.target);
  }
});

// A note is saved when it is left after a change (and with Ctrl+Enter, above).
document.addEventListener('change', (event) => {
  if (event.target instanceof Element) act(changeAction(event.target));
});

document.addEventListener('input', (event) => {
  if (event.target instanceof Element) newAssessorFieldEdited(event.target);
});

function followLink(href: string): void {
  if (href.startsWith('#')) {
    scrollToFragment(href.slice(1));
    return;
  }
  if (href && currentUri !== undefined) post({ type: 'openLink', uri: currentUri, href });
}

saveOnScroll(saveState);

/**
 * Replaces the body's content with a new report body, leaving the body element itself alone
 * (VS Code keeps its theme classes on it). Scripts in the new body are dropped: this page's own
 * script is already running, and nothing else may run.
 */
function swapBody(bodyHtml: string): void {
  const restoreReader = keepReaderState();
  const notice = document.getElementById(NOTICE_ID);
  document.body.replaceChildren(...(notice ? [notice] : []), ...bodyNodes(bodyHtml));
  prepareRows(document.body);
  restoreReader();
}

/**
 * What the reader had before the page changed (a whole new body, or a patch), to give back after
 * it: the sections they opened, the new-assessor form as typed (with today's date where it shows
 * none), the focus, and where they had scrolled.
 */
function keepReaderState(): () => void {
  const scrollY = window.scrollY;
  const restoreFocus = rememberFocus();
  const openDetails = detailsState();
  const restoreNewAssessor = keepNewAssessor(document);
  return () => {
    restoreDetails(openDetails);
    restoreNewAssessor(document);
    prepareNewAssessor(document);
    // The focused row or control was replaced: focus its successor.
    restoreFocus();
    if (Math.abs(window.scrollY - scrollY) > 1) window.scrollTo(0, scrollY);
  };
}

/**
 * What has focus now, to give it back once the page changed (a whole new body, or a patch that
 * replaced the element): a source row by its offset (read afterwards, as a patch may have moved
 * it), a questionnaire control by its key, and a text field being typed in keeps what was typed
 * (and where), whatever the file says now. An element still on the page keeps its focus itself.
 */
function rememberFocus(): () => void {
  const focused = document.activeElement instanceof Element ? document.activeElement : null;
  const key = focusKey(focused);
  const typing = focused instanceof HTMLTextAreaElement || focused instanceof HTMLInputElement ? { value: focused.value, start: focused.selectionStart, end: focused.selectionEnd } : undefined;
  return () => {
    if (!focused || focused.isConnected) return;
    const offset = focused.getAttribute('data-source-offset');
    if (offset !== null) {
      document.querySelector<HTMLElement>(`[data-source-offset="${CSS.escape(offset)}"]`)?.focus({ preventScroll: true });
      return;
    }
    if (key === undefined) return;
    const control = findByFocusKey(document, key);
    if ((control instanceof HTMLTextAreaElement || control instanceof HTMLInputElement) && typing) {
      control.value = typing.value;
      // A date field has no text selection (reading it gives null, setting it throws).
      if (typing.start !== null && typing.end !== null) control.setSelectionRange(typing.start, typing.end);
    }
    control?.focus({ preventScroll: true });
  };
}

/**
 * Applies a patch to the report shown (the few elements an update changed), keeping what the
 * reader opened, focused and scrolled to; false when the page does not show the report the patch
 * was made for.
 */
function patchBody(message: Parameters<typeof applyPatch>[1]): boolean {
  const root = document.body.querySelector(':scope > main');
  if (!root) return false;
  const restoreReader = keepReaderState();
  const replaced = applyPatch(root, message);
  if (!replaced) return false;
  for (const element of replaced) {
    prepareRows(element);
    if (element.matches(ROW_SELECTOR)) prepareRows(element.parentElement ?? element);
  }
  restoreReader();
  return true;
}

/** Marks which version of the document the report on the page shows (tests and the editor benchmark wait on it). */
function markVersion(version: number): void {
  document.body.setAttribute('data-report-version', String(version));
  settleAddedAssessor();
}

/** Once the page edits the answers of the assessor it just added, their form closes and the focus goes to their name. */
function settleAddedAssessor(): void {
  if (!addedAssessor || addedAssessor.uri !== currentUri) return;
  if (document.querySelector('main.questionnaire')?.getAttribute('data-assessor') !== addedAssessor.id) return;
  addedAssessor = undefined;
  settleNewAssessor(document);
}

/** Which collapsible sections (with an id) the user opened or closed, so an update keeps them. */
function detailsState(): Map<string, boolean> {
  const state = new Map<string, boolean>();
  for (const details of Array.from(document.querySelectorAll<HTMLDetailsElement>('details[id]'))) state.set(details.id, details.open);
  return state;
}

function restoreDetails(state: Map<string, boolean>): void {
  for (const details of Array.from(document.querySelectorAll<HTMLDetailsElement>('details[id]'))) {
    const open = state.get(details.id);
    if (open !== undefined) details.open = open;
  }
}

/** A banner above the report, built from text nodes only. */
function showNotice(message: string | undefined): void {
  const existing = document.getElementById(NOTICE_ID);
  if (message === undefined) {
    existing?.remove();
    return;
  }
  const banner = existing ?? document.createElement('div');
  banner.id = NOTICE_ID;
  banner.setAttribute('role', 'alert');
  // CSSOM assignments are not inline markup, so the page's style policy allows them.
  Object.assign(banner.style, {
    position: 'sticky',
    top: '0',
    zIndex: '10',
    margin: '0 0 0.8em',
    padding: '0.5em 0.8em',
    borderRadius: '3px',
    color: 'var(--vscode-foreground)',
    background: 'var(--vscode-inputValidation-warningBackground, var(--vscode-editorWidget-background))',
    border: '1px solid var(--vscode-inputValidation-warningBorder, var(--vscode-editorWarning-foreground))',
  } satisfies Partial<CSSStyleDeclaration>);
  banner.textContent = message;
  if (!existing) document.body.prepend(banner);
}

/** Where the report of a document the page is leaving was scrolled to (most recent last, bounded). */
function rememberPosition(uri: string): void {
  positions.delete(uri);
  positions.set(uri, Math.round(window.scrollY));
  while (positions.size > MAX_REMEMBERED_POSITIONS) positions.delete(positions.keys().next().value as string);
}

/** The page now shows this version of this document: scroll to where that document was, when it is another one. */
function showDocument(uri: string, version: number): void {
  const previous = currentUri;
  currentUri = uri;
  currentVersion = version;
  if (!restoredScroll) {
    // First word from the extension after a load: go back to where this document was scrolled.
    restoredScroll = true;
    const saved = parsePreviewState(vscode.getState());
    const y = saved?.uri === uri ? saved.scrollY : (positions.get(uri) ?? 0);
    if (y > 0) window.scrollTo(0, y);
  } else if (previous !== uri) {
    window.scrollTo(0, positions.get(uri) ?? 0);
  }
  positions.delete(uri);
  saveState();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseExtensionMessage(event.data);
  if (!message) return;
  switch (message.type) {
    case 'update':
      if (currentUri !== undefined && currentUri !== message.uri) rememberPosition(currentUri);
      swapBody(message.body);
      showDocument(message.uri, message.version);
      markVersion(message.version);
      break;
    case 'patch':
      // Made for the report shown; anything else asks for the whole report again.
      if (message.uri !== currentUri || message.base !== currentVersion || !patchBody(message)) {
        post({ type: 'ready' });
        break;
      }
      showDocument(message.uri, message.version);
      markVersion(message.version);
      break;
    case 'document':
      showDocument(message.uri, message.version);
      markVersion(message.version);
      break;
    case 'notice':
      // A banner about another document than the one shown is out of date: drop it.
      if (message.uri === undefined || message.uri === currentUri) showNotice(message.message);
      break;
    case 'answerRefused':
      if (message.uri === currentUri) showRefusal(document, message.dimension, message.criterion, message.message);
      break;
    case 'assessorRefused':
      if (message.uri === currentUri) showAssessorRefusal(document, message.field, message.message);
      break;
    case 'assessorAdded':
      addedAssessor = { uri: message.uri, id: message.assessor };
      settleAddedAssessor();
      break;
  }
});

/**
 * How rows that jump to the source look when pointed at or focused. The preview adds this, not the
 * report renderer, because only the preview can jump (an exported file cannot).
 */
function addInteractionStyles(): void {
  if (!pageNonce) return;
  const style = document.createElement('style');
  style.nonce = pageNonce;
  style.textContent = [
    '.rubrics-source-link { cursor: pointer; }',
    '.rubrics-source-link:hover { background: var(--vscode-list-hoverBackground); }',
    '.rubrics-source-link:focus { outline: none; }',
    '.rubrics-source-link:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }',
    // High-contrast themes have no hover background; they mark the pointed item with a dashed outline.
    '.vscode-high-contrast .rubrics-source-link:hover { outline: 1px dashed var(--vscode-contrastActiveBorder); outline-offset: -1px; }',
    QUESTIONNAIRE_CSS,
  ].join('\n');
  document.head.append(style);
}

addInteractionStyles();
prepareRows(document.body);
prepareNewAssessor(document);
post({ type: 'ready' });
