import type { BuildOptions } from 'esbuild';
/** The `rubrics` command's files into `dir` (cli.js, cli/main.js, cli/validate.js, cli/sheets.js). */
export declare function cliBuilds(dir: string, options?: BuildOptions): BuildOptions[];
