// The layers of src, checked on every relative import by eslint.config.mjs (the `src/layers` rule)
// and by test/integration/architecture.test.ts:
// - the folders of src: core ← node ← server, cli ← action, extension; webview apart (SRC_FOLDERS);
// - inside src/core, its stages, lowest first: a stage imports only stages below it, so data flows
//   one way: text → … → interchange. `yaml/` is wrapped by `document/`: nothing else reads YAML spans.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The folders of src and the folders each may import. Nothing imports upwards: the core knows no
 * adapter, the Node adapters know no face, and a face (the CLI, the servers, the Action, the
 * extension) reaches another face only where ONLY_THROUGH says.
 */
export const SRC_FOLDERS = {
  core: [], // pure TypeScript: no VS Code, no Node, no DOM
  node: ['core'], // Node adapters shared by the CLI, the Action, the extension host and the Node server: files, discovery, git, writes, the cache
  server: ['core', 'node'], // the language server (Node and browser); only its Node entries (node.ts, stdio.ts) use src/node
  cli: ['core', 'node', 'server'], // the `rubrics` command: parses arguments and prints
  action: ['core', 'node', 'cli'], // the GitHub Action, which runs the bundled CLI in-process
  extension: ['core', 'node', 'server', 'webview'], // the VS Code extension, desktop and web
  webview: ['core'], // browser code of the webviews
};

/**
 * Where a folder may reach into another only through some of its modules (paths under the target
 * folder; a path ending in `/` is a folder).
 */
export const ONLY_THROUGH = {
  'cli→server': ['stdio.ts'], // `rubrics lsp --stdio` starts the server
  'action→cli': ['run.ts', 'context.ts', 'color.ts', 'formatters/'], // the Action runs the CLI and writes its formats
  'extension→server': ['protocol.ts'], // the client speaks the server's protocol, and runs it as a separate bundle
  'extension→webview': ['protocol.ts', 'portfolioProtocol.ts'], // the extension and the webview scripts (the preview's, the portfolio panel's) share their messages only
};

/**
 * Every folder outside the core reaches it through one entry module of its own, `<folder>/core.ts`,
 * which re-exports by name what the folder uses: what a face depends on is one file long, and the
 * core can be reorganised by changing those files only. Lazily loaded parts are exported as loaders
 * (`import()`), and src/core/package.json (`"sideEffects": false`) keeps an entry's unused
 * exports out of each bundle.
 */
export const CORE_ENTRIES = {
  node: ['core.ts'],
  server: ['core.ts'],
  cli: ['core.ts'],
  action: ['core.ts'],
  extension: ['core.ts'],
  webview: ['core.ts'],
};

/** The folder of src a file is in (`core`, `node`, `cli`…), or undefined outside src. */
export function srcFolderOf(file, srcDir) {
  const relative = path.relative(srcDir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep)[0].replace(/\.(ts|js|d\.ts)$/, '');
}

/** Why `importer` may not import `target` (both absolute paths) across the folders of src, or undefined when it may. */
export function folderViolation(importer, target, srcDir) {
  const from = srcFolderOf(importer, srcDir);
  const to = srcFolderOf(target, srcDir);
  if (from === undefined || to === undefined) return undefined;
  if (!(from in SRC_FOLDERS)) return `src/${from} is not a known folder; add it to SRC_FOLDERS in scripts/layers.mjs.`;
  if (from === to) return undefined;
  if (!(to in SRC_FOLDERS)) return `src/${to} is not a known folder; add it to SRC_FOLDERS in scripts/layers.mjs.`;
  if (!SRC_FOLDERS[from].includes(to)) {
    const allowed = SRC_FOLDERS[from].length > 0 ? `it imports only ${SRC_FOLDERS[from].map((f) => `src/${f}`).join(', ')}` : 'it imports no other folder';
    return `src/${from} may not import src/${to}: ${allowed} (see SRC_FOLDERS in scripts/layers.mjs).`;
  }
  const only = ONLY_THROUGH[`${from}→${to}`];
  const within = path.relative(path.join(srcDir, to), target).split(path.sep).join('/');
  if (only && !only.some((entry) => (entry.endsWith('/') ? within.startsWith(entry) : within === entry || `${within}.ts` === entry))) {
    return `src/${from} may import src/${to} only through ${only.map((e) => `src/${to}/${e}`).join(', ')} (see ONLY_THROUGH in scripts/layers.mjs).`;
  }
  const entries = to === 'core' ? CORE_ENTRIES[from] : undefined;
  const importerWithin = path.relative(path.join(srcDir, from), importer).split(path.sep).join('/');
  if (entries && !entries.includes(importerWithin)) {
    return `src/${from} reaches src/core only through ${entries.map((e) => `src/${from}/${e}`).join(', ')}; import it from there (see CORE_ENTRIES in scripts/layers.mjs).`;
  }
  return undefined;
}

export const CORE_LAYERS = [
  'generated', // build output of `npm run gen`: schema validators, types, built-in texts
  'text', // ranges, line index, plurals, did-you-mean
  'diagnostics', // the code registry and the diagnostic shape
  'format', // the format's types and enums, generated from the schemas
  'yaml', // text → YAML documents with spans (fast and full parsers)
  'document', // a located document: values and where each path sits in the text
  'schema', // the JSON Schema stage, with where each error is
  'builtins', // the frameworks shipped with the tool
  'domain', // rubric index and facts: answers, exemptions, evidence, links, dates, terms
  'scoring', // scores and plan projections, pure over domain facts
  'resolve', // references between documents: reading the files, finding the targets
  'rules', // the rule registry: checks that read facts and scores
  'engine', // src/core/engine.ts: parse → envelope → schema → index → score → rules
  'report', // the report model and the score diff
  'review', // a change for a reviewer: rubric changes, why scores moved, impact, history
  'views', // views across documents: the portfolio of many assessments, units compared, plans' trajectories
  'render', // text, Markdown, HTML, JSON and CSV renderings of reports and views
  'language', // editor features over located documents
  'interchange', // other formats: model importers (SAMM, DSOMM, Scorecard), spreadsheets of answers (written back through language/answerEdits)
];

/** Layers that only some layers above them may use. */
export const IMPORTABLE_ONLY_BY = { yaml: ['document'] };

/** The layer of a file under src/core (engine.ts is a layer of its own), or undefined outside src/core. */
export function coreLayerOf(file, coreDir) {
  const relative = path.relative(coreDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const [first, ...rest] = relative.split(path.sep);
  if (rest.length === 0) return first.replace(/\.(ts|js|d\.ts)$/, '');
  return first;
}

/** Why `importer` may not import `target` (both absolute paths) across the stages of src/core, or undefined when it may. */
export function layerViolation(importer, target, coreDir) {
  const from = coreLayerOf(importer, coreDir);
  const to = coreLayerOf(target, coreDir);
  if (from === undefined || to === undefined || from === to) return undefined;
  const fromRank = CORE_LAYERS.indexOf(from);
  const toRank = CORE_LAYERS.indexOf(to);
  if (fromRank < 0) return `src/core/${from} is not a known stage; add it to CORE_LAYERS in scripts/layers.mjs.`;
  if (toRank < 0) return `src/core/${to} is not a known stage; add it to CORE_LAYERS in scripts/layers.mjs.`;
  if (toRank > fromRank) return `src/core/${from} may not import src/core/${to}: each stage imports only the stages below it (see CORE_LAYERS in scripts/layers.mjs).`;
  const only = IMPORTABLE_ONLY_BY[to];
  if (only && !only.includes(from)) return `src/core/${from} may not import src/core/${to}: only ${only.map((l) => `src/core/${l}`).join(', ')} reads it; go through that.`;
  return undefined;
}

/** Why `importer` may not import `target` (both absolute paths): the folders of src first, then the stages of src/core. */
export function importViolation(importer, target, srcDir) {
  return folderViolation(importer, target, srcDir) ?? layerViolation(importer, target, path.join(srcDir, 'core'));
}

/** The file a relative import names, as TypeScript finds it (.ts, .d.ts, index.ts, or as written). */
export function resolveImport(importer, specifier) {
  const base = path.resolve(path.dirname(importer), specifier);
  for (const candidate of [`${base}.ts`, `${base}.d.ts`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return base;
}
