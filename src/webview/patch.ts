/**
 * Applies a report patch (core/render/html/bodyPatch.ts) to the page: the source offsets move
 * first, then each element the patch names is replaced by the new one. The HTML comes from the
 * extension's trusted renderer, as a whole body does; it is parsed in a <template>, where table
 * rows and cells keep their place and nothing runs.
 */
import type { BodyPatch } from './core';

const OFFSET = 'data-source-offset';

/** Applies `patch` under `root` (the report's <main>); returns the new elements, or undefined when the page is not what the patch was made for (nothing is changed then). */
export function applyPatch(root: Element, patch: BodyPatch): Element[] | undefined {
  // Find every target and parse every replacement first, so a patch that does not fit changes nothing.
  const targets: { readonly element: Element; readonly replacement: Element }[] = [];
  for (const { path, html } of patch.replace) {
    let element: Element | undefined = root;
    for (const index of path) element = element?.children[index];
    const template = document.createElement('template');
    template.innerHTML = html;
    const replacement = template.content.firstElementChild;
    if (!element || !replacement || template.content.childElementCount !== 1) return undefined;
    for (const script of Array.from(template.content.querySelectorAll('script'))) script.remove();
    targets.push({ element, replacement });
  }
  const shift = patch.shift;
  if (shift) {
    for (const element of Array.from(root.querySelectorAll(`[${OFFSET}]`))) {
      const raw = element.getAttribute(OFFSET);
      if (raw === null || !/^\d{1,10}$/.test(raw)) continue;
      const offset = Number(raw);
      if (offset >= shift.from) element.setAttribute(OFFSET, String(offset + shift.by));
    }
  }
  for (const { element, replacement } of targets) element.replaceWith(replacement);
  return targets.map((t) => t.replacement);
}
