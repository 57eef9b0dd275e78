// Types of esbuild.config.mjs, for the test that keeps the web bundles small.
import type { BuildOptions } from 'esbuild';
export declare const builds: (BuildOptions & { entryPoints: string[]; outfile: string; platform: string })[];
export declare const WEB_BUNDLE_LIMIT: number;
