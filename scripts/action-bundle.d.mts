// Types for action-bundle.mjs.
import type { BuildOptions } from 'esbuild';
export declare const actionBundle: BuildOptions & { entryPoints: string[]; outfile: string };
