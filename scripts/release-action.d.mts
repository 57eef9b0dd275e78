/** Tags a commit that is HEAD plus the Action's bundle built from HEAD's sources; returns the commit. */
export declare function releaseAction(options: { repo: string; tag: string }): Promise<string>;
