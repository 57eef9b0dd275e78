import js from '@eslint/js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { importViolation, resolveImport } from './scripts/layers.mjs';

const srcDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'src');

/**
 * `src/layers`: the folders of src import only the folders below them, and each stage of src/core
 * only the stages below it (see scripts/layers.mjs).
 */
const layersRule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const reason = importViolation(context.filename, resolveImport(context.filename, specifier), srcDir);
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
    files: ['src/**/*.ts'],
    plugins: { src: { rules: { layers: layersRule } } },
    rules: { 'src/layers': 'error' },
  },
  {
    // Only the extension talks to VS Code: the core, the Node adapters, the CLI, the servers, the Action and the webviews' scripts run without it.
    files: ['src/**/*.ts'],
    ignores: ['src/extension/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'Only src/extension may import vscode; the other folders run without VS Code (see ARCHITECTURE.md).' }],
        patterns: [{ group: ['vscode-languageclient', 'vscode-languageclient/*'], message: 'Only src/extension is the language client.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
