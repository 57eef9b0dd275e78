// The `rubrics` command's bundles, into a folder `dir`: dir/cli.js loads dir/cli/validate.js for
// `rubrics validate` and dir/cli/main.js, the whole CLI, for every other command line
// (src/cli/launcher.ts says why). Each of the two is complete on its own, but for the spreadsheet
// codec, dir/cli/sheets.js, which main.js loads only for the commands that read or write a
// spreadsheet (scripts/sheets-bundle.mjs). Their build options live here, shared by
// esbuild.config.mjs (dist/), the CLI tests and the bench, so all three run the same files.
import { apart, SHEET_CODEC_ENTRY } from './sheets-bundle.mjs';

const base = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, legalComments: 'none', logLevel: 'info' };

export function cliBuilds(dir, options = {}) {
  return [
    { ...base, ...options, entryPoints: ['src/cli/launcher.ts'], outfile: `${dir}/cli.js`, banner: { js: '#!/usr/bin/env node' }, external: ['./cli/*'] },
    { ...base, ...options, entryPoints: { main: 'src/cli/main.ts', validate: 'src/cli/validateMain.ts', sheets: SHEET_CODEC_ENTRY }, outdir: `${dir}/cli`, plugins: [apart('codec', './sheets.js')] },
  ];
}
