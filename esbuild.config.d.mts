// Types of esbuild.config.mjs, for the tests and the bench that build with it.
import type { BuildOptions } from 'esbuild';
export declare const builds: (BuildOptions & { entryPoints: string[] | Record<string, string>; outfile?: string; outdir?: string; platform: string })[];
export declare const WEB_BUNDLE_LIMIT: number;
export declare const WEB_BUNDLE_GZIP_LIMIT: number;
export declare function withoutPlainDescriptions<T>(schema: T): T;
