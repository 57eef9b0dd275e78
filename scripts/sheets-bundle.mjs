// The spreadsheet codec (src/core/interchange/sheets/codec.ts: exceljs, csv-parse, csv-stringify,
// fflate) is a bundle of its own, loaded only by the commands that read or write a spreadsheet:
// the rest of the CLI, `rubrics validate`, the extension and the language server stay as small
// as before. Shared by scripts/cli-bundle.mjs and esbuild.config.mjs.
export const SHEET_CODEC_ENTRY = 'src/core/interchange/sheets/codec.ts';

/**
 * An esbuild plugin: an import of the codec (only `await import(...)` ever imports it) becomes
 * a `require` of its bundle at `target`, relative to the output file, instead of its code.
 */
export function codecApart(target) {
  return {
    name: 'sheet-codec-apart',
    setup(build) {
      build.onResolve({ filter: /interchange\/sheets\/codec$/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: target, external: true }));
    },
  };
}
