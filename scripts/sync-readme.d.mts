// Types for sync-readme.mjs.
export declare function codesTable(): string;
export declare function limitsTable(): string;
