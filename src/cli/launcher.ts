// Entry point of dist/cli.js, the `rubrics` command: it loads the bundle for the command line.
// `rubrics validate` gets dist/cli/validate.js, which holds validate alone; every other command
// line (including `rubrics help validate`) gets the whole CLI, dist/cli/main.js. Both are
// built by esbuild.config.mjs from src/cli/validateMain.ts and src/cli/main.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- which file to load is known only at run time; esbuild leaves both external
require(process.argv[2] === 'validate' ? './cli/validate.js' : './cli/main.js');
