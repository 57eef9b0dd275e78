// Types of scripts/generate-snippets.mjs, for the test that keeps the snippet file in sync.
export declare const SNIPPETS_FILE: string;
export declare function buildSnippetsText(): string;
