/**
 * What the report preview's script and the portfolio panel's both do to their page: reach VS Code, follow an
 * in-page link, save the state once per frame while scrolling, and read a new body from the
 * trusted renderer's HTML without letting any script in it run.
 */

/** What a webview's page has of VS Code: messages to the extension, and a state kept while hidden and across reloads. */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The page's VS Code API; VS Code gives it once per page load, so each script takes it once. */
export function vsCodeApi(): VsCodeApi {
  return acquireVsCodeApi();
}

/** Scrolls to the element an in-page link names (`#id`, percent-encoded or not), or to the top for a bare `#`. */
export function scrollToFragment(fragment: string): void {
  let id = fragment;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    // keep the raw fragment
  }
  const target = id ? document.getElementById(id) : null;
  if (target) target.scrollIntoView({ block: 'start' });
  else if (!id) window.scrollTo(0, 0);
}

/** Calls `save` at most once per frame while the page scrolls. */
export function saveOnScroll(save: () => void): void {
  let queued = false;
  window.addEventListener(
    'scroll',
    () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        save();
      });
    },
    { passive: true },
  );
}

/** The nodes of a new body, parsed apart from the page, scripts dropped (this page's own script is already running, and nothing else may run). */
export function bodyNodes(bodyHtml: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><html><head></head><body>${bodyHtml}</body></html>`, 'text/html');
  for (const script of Array.from(parsed.querySelectorAll('script'))) script.remove();
  // Copy the list first: moving a node out of the parsed body shrinks its live child list.
  return Array.from(parsed.body.childNodes);
}
