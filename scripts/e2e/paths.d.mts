// Types for paths.mjs.
export declare const repoRoot: string;
export declare const cacheDir: string;
export declare const stateDir: string;
export declare const node24Dir: string;
export declare const node24: string;
export declare const codeServerDir: string;
export declare const codeServerEntry: string;
