import js from '@eslint/js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { layerViolation } from './scripts/layers.mjs';

const coreDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'src', 'core');

/** The file a relative import names, as TypeScript would find it (.ts, .d.ts, index.ts, or as written). */
function resolveImport(importer, specifier) {
  const base = path.resolve(path.dirname(importer), specifier);
  for (const candidate of [`${base}.ts`, `${base}.d.ts`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return base;
}

/** `core/layers`: each stage of src/core imports only the stages below it (see scripts/coreLayers.mjs). */
const layersRule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const reason = layerViolation(context.filename, resolveImport(context.filename, specifier), coreDir);
      if (reason) context.report({ node: node.source, message: reason });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'src/core/generated/**', 'coverage/**', '.scratch/**', 'reports/**', 'stryker-tmp/**', 'stryker-tmp-smoke/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-new-func': 'error',
      'no-eval': 'error',
    },
  },
  {
    // The core is shared by the CLI, the extension host and the worker: it must never depend on VS Code.
    files: ['src/core/**/*.ts'],
    plugins: { core: { rules: { layers: layersRule } } },
    rules: {
      'core/layers': 'error',
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core must stay independent of VS Code; adapt it in src/extension.' }],
        patterns: [{ group: ['**/extension/**', '**/cli/**', '**/webview/**', '**/server/**'], message: 'src/core must not depend on its adapters.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
