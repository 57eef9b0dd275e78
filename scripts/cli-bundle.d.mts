import type { BuildOptions } from 'esbuild';
/** The `rubrics` command's three files into `dir` (cli.js, cli/main.js, cli/validate.js). */
export declare function cliBuilds(dir: string, options?: BuildOptions): BuildOptions[];
