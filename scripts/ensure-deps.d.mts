export declare const NPM_CI_ARGS: readonly string[];
/** Why the dependencies at `root` must be installed again, or undefined when they are up to date. */
export declare function staleDependencies(root: string): string | undefined;
/** Installs the dependencies at `root` with npm ci when they are stale; returns the exit code. */
export declare function ensureDependencies(root: string, log?: (line: string) => void): number;
