// The GitHub Action's bundle, dist/action/index.js: the Action and the CLI it runs in-process,
// with every dependency inside, for the runner's Node. It is committed at release tags (an Action
// runs from the repository at its tag, with nothing installed: scripts/release-action.mjs), so
// its build options live here, shared by esbuild.config.mjs, the release script and the tests.
// They never depend on --dev, so every build writes the same bytes.
export const actionBundle = {
  entryPoints: ['src/action/index.ts'],
  outfile: 'dist/action/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  // The bundled libraries' licence notices travel with the committed file.
  legalComments: 'eof',
  logLevel: 'info',
};
