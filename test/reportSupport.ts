import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { FileAnalysis } from '../src/core/engine';
import { analyzeMemory } from './helpers';

/** The report tests' inputs: a rubric, two assessments and a plan of a fictional company. */
export const INPUT_DIR = path.join(__dirname, 'golden/report/input');
export const GOLDEN_DIR = path.join(__dirname, 'golden/report');

export function inputFiles(): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(INPUT_DIR).map((f) => [f, fs.readFileSync(path.join(INPUT_DIR, f), 'utf8')]));
}

export async function analyzeInput(entry: string, overrides: Record<string, string> = {}): Promise<FileAnalysis> {
  return analyzeMemory({ ...inputFiles(), ...overrides }, entry);
}

/**
 * Compares output with a committed golden file. `UPDATE_GOLDEN=1 npx vitest run test/report`
 * rewrites the files instead; review the diff before committing it.
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) throw new Error(`Golden file ${name} is missing: run UPDATE_GOLDEN=1 npx vitest run test/report and review it.`);
  expect(actual, `differs from test/golden/report/${name} (UPDATE_GOLDEN=1 regenerates it)`).toBe(fs.readFileSync(file, 'utf8'));
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
