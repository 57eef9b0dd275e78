import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { FileAnalysis } from '../../src/core/engine';
import { isSafeUrl } from '../../src/core/domain/links';
import { analyzeMemory } from './memory';

/** The report tests' inputs: a rubric, two assessments and a plan of a fictional company. */
export const INPUT_DIR = path.join(__dirname, '../golden/report/input');

export function inputFiles(): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(INPUT_DIR).map((f) => [f, fs.readFileSync(path.join(INPUT_DIR, f), 'utf8')]));
}

export async function analyzeInput(entry: string, overrides: Record<string, string> = {}): Promise<FileAnalysis> {
  return analyzeMemory({ ...inputFiles(), ...overrides }, entry);
}

/** Every tag the renderer wrote (user text never contains a raw `<`), with its attributes. */
export function tagsOf(html: string): { name: string; attrs: Map<string, string> }[] {
  const tags: { name: string; attrs: Map<string, string> }[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)) attrs.set((a[1] as string).toLowerCase(), a[2] ?? '');
    tags.push({ name: (m[1] as string).toLowerCase(), attrs });
  }
  return tags;
}

export function decodeAttr(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'footer', 'section', 'article', 'div', 'span', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'small', 'code', 'pre', 'blockquote', 'br', 'hr',
  'nav', 'sup', 'details', 'summary', 'figure', 'figcaption', 'svg', 'g', 'rect', 'line', 'circle', 'polygon', 'text', 'desc', 'script', 'link', 's',
]);

/** Structural checks on every tag of a page: the renderer's own tags only, no handlers, safe links, nothing loaded. */
export function expectSafePage(html: string, mode: 'standalone' | 'webview'): void {
  const tags = tagsOf(html);
  expect(tags.length).toBeGreaterThan(50);
  for (const tag of tags) {
    expect(ALLOWED_TAGS.has(tag.name), `unexpected <${tag.name}>`).toBe(true);
    for (const [name, value] of tag.attrs) {
      expect(name.startsWith('on'), `event handler ${name} on <${tag.name}>`).toBe(false);
      expect(name, `inline style on <${tag.name}>`).not.toBe('style');
      if (name === 'href') expect(isSafeUrl(decodeAttr(value)), `unsafe href ${value}`).toBe(true);
      if (name === 'src') expect(tag.name).toBe('script');
    }
  }
  const scripts = tags.filter((t) => t.name === 'script');
  expect(scripts.length).toBe(mode === 'webview' ? 1 : 0);
  expect(tags.some((t) => ['img', 'iframe', 'object', 'embed'].includes(t.name))).toBe(false);
  if (mode === 'standalone') expect(tags.some((t) => t.name === 'link')).toBe(false);
  // Nothing loads from anywhere: no CSS imports or url() and no absolute src.
  expect(html).not.toMatch(/@import|url\(/i);
  expect(html).not.toMatch(/<(img|iframe)\b/i);
}

