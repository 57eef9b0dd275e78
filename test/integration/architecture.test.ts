import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CORE_ENTRIES, CORE_LAYERS, coreLayerOf, importViolation, layerViolation, resolveImport, SRC_FOLDERS, srcFolderOf } from '../../scripts/layers.mjs';

const ROOT = path.join(__dirname, '../..');

/**
 * Type-checks one file, as if it were in src/core, with the options of tsconfig.core.json (the
 * core's own check in `npm run typecheck`), and returns its errors as "line: message".
 */
function coreTypeErrors(source: string): string[] {
  const configFile = path.join(ROOT, 'tsconfig.core.json');
  const config = ts.getParsedCommandLineOfConfigFile(configFile, undefined, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
  if (!config) throw new Error('tsconfig.core.json cannot be read');
  const planted = path.join(ROOT, 'src/core/text/planted.ts');
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => (path.resolve(file) === planted ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === planted || fileExists(file);
  const program = ts.createProgram([planted, path.join(ROOT, 'src/core/platform.d.ts')], config.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('architecture', () => {
  const core = sourceFiles(path.join(__dirname, '../../src/core'));

  it('keeps src/core free of VS Code, so the CLI and plain tests can use it', () => {
    expect(core.length).toBeGreaterThan(10);
    const offenders = core.filter((file) => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/.test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('type-checks src/core without DOM or Node types (tsconfig.core.json): a Node module or a browser global does not compile there', () => {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.core.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
    expect(config.compilerOptions).toEqual({ lib: ['ES2022'], types: [] });
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.typecheck).toContain('tsc --noEmit -p tsconfig.core.json');
    const errors = coreTypeErrors(
      ["import fs from 'node:fs';", 'export const title = document.title;', 'export const env = process.env;', 'export const timer = setTimeout;', 'export { fs };'].join('\n'),
    );
    expect(errors.map((e) => e.split(':')[0])).toEqual(['1', '2', '3', '4']);
    expect(errors[0]).toMatch(/Cannot find module 'node:fs'/);
    // What the core does use of its platform compiles: src/core/platform.d.ts declares it.
    expect(coreTypeErrors("export const u = new URL('./x.yaml', 'file:///ws/a.yaml').href;\nexport const b = new TextEncoder().encode('x');\nError.stackTraceLimit = 0;\n")).toEqual([]);
  });

  it('keeps src/core independent of its adapters and of Node-only modules', () => {
    const offenders = core.filter((file) =>
      /from\s+['"](\.\.\/)+(extension|cli|webview|server)\/|from\s+['"]node:(fs|path|child_process|worker_threads)['"]/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('lets the language server reach the engine through one module, and never VS Code', () => {
    const server = sourceFiles(path.join(__dirname, '../../src/server'));
    expect(server.length).toBeGreaterThan(5);
    const vscode = server.filter((file) => /from\s+['"]vscode(-languageclient)?['"]/.test(fs.readFileSync(file, 'utf8')));
    expect(vscode).toEqual([]);
  });

  it('lets every folder outside the core reach it through one module of its own, <folder>/core.ts (CORE_ENTRIES)', () => {
    const outer = Object.keys(SRC_FOLDERS).filter((folder) => folder !== 'core');
    expect(Object.keys(CORE_ENTRIES).sort()).toEqual([...outer].sort());
    const srcDir = path.join(ROOT, 'src');
    for (const folder of outer) {
      const reachingCore = sourceFiles(path.join(srcDir, folder)).filter((file) => {
        const text = fs.readFileSync(file, 'utf8');
        const specifiers = [...text.matchAll(/(?:from\s+|import\()['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
        return specifiers.some((specifier) => srcFolderOf(resolveImport(file, specifier), srcDir) === 'core');
      });
      expect(reachingCore.map((file) => path.relative(srcDir, file)), folder).toEqual([`${folder}/core.ts`]);
    }
  });

  it('has no effect when imported: a bundle of every folder\'s entry to the core that uses none of it is empty (src/core/package.json)', async () => {
    // What lets one entry per folder re-export everything the folder needs without each bundle of
    // that folder carrying all of it: src/core/package.json tells bundlers the core's modules have
    // no side effects ("sideEffects": false), and this is the claim checked. Without it the same
    // bundle holds the engine, markdown-it and the validators, which build values while they load.
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'src/core/package.json'), 'utf8'))).toEqual({ sideEffects: false });
    const contents = Object.keys(CORE_ENTRIES).map((folder) => `import './src/${folder}/core';`).join('\n');
    const result = await esbuild.build({
      stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'entries.ts' },
      absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'esm', minify: true, write: false, logLevel: 'silent', metafile: true,
    });
    expect(result.outputFiles[0]!.text).toBe('');
    // It was not empty for want of anything to bundle: the entries reach most of the core.
    expect(Object.keys(result.metafile.inputs).filter((input) => input.startsWith('src/core/')).length).toBeGreaterThan(150);
  });

  it('lets each stage of src/core import only the stages below it, and only document/ read the YAML layer (lint enforces the same rule)', () => {
    const coreDir = path.join(__dirname, '../../src/core');
    const violations: string[] = [];
    const graph = new Map<string, Set<string>>();
    for (const file of core) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
        const target = resolveImport(file, m[1] as string);
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

  describe('the layers of src (scripts/layers.mjs, the src/layers lint rule): core ← node ← server, cli ← action, extension; webview apart', () => {
    const srcDir = path.join(ROOT, 'src');
    // The project's own lint configuration, on texts planted at paths inside src (nothing is written).
    const lint = async (file: string, text: string) => {
      const [result] = await new ESLint({ cwd: ROOT }).lintText(text, { filePath: path.join(ROOT, file) });
      return (result?.messages ?? []).map((m) => `${m.line}: ${m.ruleId}: ${m.message}`);
    };

    it('fails on an import the wrong way, and says which rule it breaks', async () => {
      expect(await lint('src/node/planted.ts', "import { runCli } from '../cli/run';\nexport { runCli };\n")).toEqual([
        '1: src/layers: src/node may not import src/cli: it imports only src/core (see SRC_FOLDERS in scripts/layers.mjs).',
      ]);
      expect(await lint('src/core/text/planted.ts', "import { readTextFile } from '../../node/fileRead';\nexport { readTextFile };\n")).toEqual([
        '1: src/layers: src/core may not import src/node: it imports no other folder (see SRC_FOLDERS in scripts/layers.mjs).',
      ]);
      expect(await lint('src/extension/planted.ts', "import { printable } from '../node/printable';\nimport { formatStylish } from '../cli/formatters/stylish';\nimport { startServer } from '../server/server';\nexport { printable, formatStylish, startServer };\n")).toEqual([
        '2: src/layers: src/extension may not import src/cli: it imports only src/core, src/node, src/server, src/webview (see SRC_FOLDERS in scripts/layers.mjs).',
        '3: src/layers: src/extension may import src/server only through src/server/protocol.ts (see ONLY_THROUGH in scripts/layers.mjs).',
      ]);
      expect(await lint('src/server/planted.ts', "import { walkFiles } from '../node/discover';\nimport { Engine } from '../core/engine';\nimport { runCli } from '../cli/run';\nexport { walkFiles, Engine, runCli };\n")).toEqual([
        '2: src/layers: src/server reaches src/core only through src/server/core.ts; import it from there (see CORE_ENTRIES in scripts/layers.mjs).',
        '3: src/layers: src/server may not import src/cli: it imports only src/core, src/node (see SRC_FOLDERS in scripts/layers.mjs).',
      ]);
      expect(await lint('src/action/planted.ts', "import { runCli } from '../cli/run';\nimport { emit } from '../cli/output';\nexport { runCli, emit };\n")).toEqual([
        '2: src/layers: src/action may import src/cli only through src/cli/run.ts, src/cli/context.ts, src/cli/color.ts, src/cli/formatters/ (see ONLY_THROUGH in scripts/layers.mjs).',
      ]);
      expect(await lint('src/webview/planted.ts', "import * as vscode from 'vscode';\nimport { escapeHtml } from '../core/render/html/escape';\nimport { x } from '../extension/preview/html';\nexport { vscode, escapeHtml, x };\n")).toEqual([
        "1: no-restricted-imports: 'vscode' import is restricted from being used. Only src/extension may import vscode; the other folders run without VS Code (see ARCHITECTURE.md).",
        '2: src/layers: src/webview reaches src/core only through src/webview/core.ts; import it from there (see CORE_ENTRIES in scripts/layers.mjs).',
        '3: src/layers: src/webview may not import src/extension: it imports only src/core (see SRC_FOLDERS in scripts/layers.mjs).',
      ]);
      expect(await lint('src/sidecar/planted.ts', "import { runCli } from '../cli/run';\nexport { runCli };\n")).toEqual([
        '1: src/layers: src/sidecar is not a known folder; add it to SRC_FOLDERS in scripts/layers.mjs.',
      ]);
      // The stages of the core, through the same rule.
      expect(await lint('src/core/text/planted.ts', "import { Engine } from '../engine';\nexport { Engine };\n")).toEqual([
        '1: src/layers: src/core/text may not import src/core/engine: each stage imports only the stages below it (see CORE_LAYERS in scripts/layers.mjs).',
      ]);
    });

    it('passes on imports the right way, the boundary files of the tree among them', async () => {
      expect(await lint('src/cli/planted.ts', "import { walkFiles } from '../node/discover';\nimport { serveOverStdio } from '../server/stdio';\nimport { Engine } from './core';\nexport { walkFiles, serveOverStdio, Engine };\n")).toEqual([]);
      // Deeper in a folder, its entry is a parent's sibling; the entry itself reaches into the core.
      expect(await lint('src/cli/commands/planted.ts', "import { Engine } from '../core';\nexport { Engine };\n")).toEqual([]);
      expect(await lint('src/cli/commands/planted.ts', "import { Engine } from '../../core/engine';\nexport { Engine };\n")).toEqual([
        '1: src/layers: src/cli reaches src/core only through src/cli/core.ts; import it from there (see CORE_ENTRIES in scripts/layers.mjs).',
      ]);
      for (const file of ['src/extension/nodeWorkspaceFiles.ts', 'src/action/main.ts', 'src/server/stdio.ts', 'src/cli/commands/lsp.ts', 'src/webview/preview.ts']) {
        expect(await lint(file, fs.readFileSync(path.join(ROOT, file), 'utf8')), file).toEqual([]);
      }
    });

    it('holds on every relative import of src, and no folder imports one above it', () => {
      const violations: string[] = [];
      const graph = new Map<string, Set<string>>();
      for (const file of sourceFiles(srcDir)) {
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
          const target = resolveImport(file, m[1] as string);
          const reason = importViolation(file, target, srcDir);
          if (reason) violations.push(`${path.relative(ROOT, file)}: ${reason}`);
          const from = srcFolderOf(file, srcDir) as string;
          const to = srcFolderOf(target, srcDir);
          if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
        }
      }
      expect(violations).toEqual([]);
      // src/extension, src/action and src/server take nothing from the CLI but what the Action runs and prints with.
      expect([...(graph.get('extension') ?? [])].sort()).not.toContain('cli');
      expect([...(graph.get('server') ?? [])].sort()).not.toContain('cli');
      expect(graph.get('node')).toEqual(new Set(['core']));
      expect(Object.keys(SRC_FOLDERS).sort()).toEqual(fs.readdirSync(srcDir).sort());
    });
  });

  it('compiles no schema and builds no function at run time', () => {
    const offenders = [...core, ...sourceFiles(path.join(__dirname, '../../src'))].filter((file) =>
      /new\s+Function\s*\(|\beval\s*\(|new\s+Ajv\b|\.compile\s*\(/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
