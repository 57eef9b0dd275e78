// The GitHub Action's bundle, dist/action/index.js: the Action and the CLI it runs in-process,
// with every dependency inside, for the runner's Node. It is committed (an Action runs from the
// repository at its tag, with nothing installed), so its build options live here, shared by
// esbuild.config.mjs and the test that checks the committed file is a fresh build. They never
// depend on --dev, so every build writes the same bytes.
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
