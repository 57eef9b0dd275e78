// The spreadsheet code (exceljs, csv-parse, csv-stringify, fflate, and what reads and lays out
// answer sheets) lives in bundles of its own, loaded only when a spreadsheet is read or written:
// the rest of the CLI, `rubrics validate`, the extension and the language server stay as small as
// before. The CLI loads the codec (src/core/interchange/sheets/codec.ts) as dist/cli/sheets.js;
// the desktop extension loads the editors' service (…/sheets/service.ts) as dist/sheets.js; the
// web extension runs that service in a worker, dist/web/sheets.js. Shared by
// scripts/cli-bundle.mjs and esbuild.config.mjs.
export const SHEET_CODEC_ENTRY = 'src/core/interchange/sheets/codec.ts';
export const SHEET_SERVICE_ENTRY = 'src/core/interchange/sheets/service.ts';
export const SHEET_WORKER_ENTRY = 'src/extension/spreadsheets/sheetWorker.ts';

/**
 * An esbuild plugin: an import of `module` (a path ending in interchange/sheets/codec or
 * …/service; only `await import(...)` ever imports them) becomes a `require` of its bundle at
 * `target`, relative to the output file, instead of its code.
 */
export function apart(module, target) {
  const filter = new RegExp(`interchange/sheets/${module}$`);
  return {
    name: `sheet-${module}-apart`,
    setup(build) {
      build.onResolve({ filter }, (args) => (args.kind === 'entry-point' ? undefined : { path: target, external: true }));
    },
  };
}

/**
 * The browser build of the service, for the worker: the libraries' browser builds (csv-parse's
 * and csv-stringify's carry what they need of Node's Buffer; exceljs's bare build leaves out the
 * polyfills a current browser does not need).
 */
export const SHEET_WORKER_ALIASES = {
  'csv-parse/sync': 'csv-parse/browser/esm/sync',
  'csv-stringify/sync': 'csv-stringify/browser/esm/sync',
  exceljs: './node_modules/exceljs/dist/exceljs.bare.min.js',
};
