import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_LAYERS, coreLayerOf, layerViolation } from '../scripts/coreLayers.mjs';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('architecture', () => {
  const core = sourceFiles(path.join(__dirname, '../src/core'));

  it('keeps src/core free of VS Code, so the CLI and plain tests can use it', () => {
    expect(core.length).toBeGreaterThan(10);
    const offenders = core.filter((file) => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/.test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps src/core independent of its adapters and of Node-only modules', () => {
    const offenders = core.filter((file) =>
      /from\s+['"](\.\.\/)+(extension|cli|webview|server)\/|from\s+['"]node:(fs|path|child_process|worker_threads)['"]/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('lets the language server reach the engine through one module, and never VS Code', () => {
    const server = sourceFiles(path.join(__dirname, '../src/server'));
    expect(server.length).toBeGreaterThan(5);
    const throughCore = server.filter((file) => path.basename(file) !== 'core.ts' && /from\s+['"]\.\.\/core\//.test(fs.readFileSync(file, 'utf8')));
    expect(throughCore).toEqual([]);
    const vscode = server.filter((file) => /from\s+['"]vscode(-languageclient)?['"]/.test(fs.readFileSync(file, 'utf8')));
    expect(vscode).toEqual([]);
  });

  it('lets each stage of src/core import only the stages below it, and only document/ read the YAML layer (lint enforces the same rule)', () => {
    const coreDir = path.join(__dirname, '../src/core');
    const violations: string[] = [];
    const graph = new Map<string, Set<string>>();
    for (const file of core) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
        const base = path.resolve(path.dirname(file), m[1] as string);
        const target = [`${base}.ts`, `${base}.d.ts`, path.join(base, 'index.ts'), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile()) ?? base;
        const reason = layerViolation(file, target, coreDir);
        if (reason) violations.push(`${path.relative(coreDir, file)}: ${reason}`);
        const from = coreLayerOf(file, coreDir) as string;
        const to = coreLayerOf(target, coreDir);
        if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
      }
    }
    expect(violations).toEqual([]);
    // Every stage is a known one, and the graph has no cycle (each edge points down the list).
    for (const [from, tos] of graph) for (const to of tos) expect(CORE_LAYERS.indexOf(to), `${from} → ${to}`).toBeLessThan(CORE_LAYERS.indexOf(from));
  });

  it('compiles no schema and builds no function at run time', () => {
    const offenders = [...core, ...sourceFiles(path.join(__dirname, '../src'))].filter((file) =>
      /new\s+Function\s*\(|\beval\s*\(|new\s+Ajv\b|\.compile\s*\(/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
