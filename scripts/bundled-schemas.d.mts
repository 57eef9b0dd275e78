import type { Plugin } from 'esbuild';
/** A schema without the `description`s that a `markdownDescription` beside them hides. */
export declare function withoutHiddenDescriptions<T>(node: T): T;
/** esbuild plugin: schemas/*.schema.json bundled through withoutHiddenDescriptions. */
export declare const bundledSchemas: Plugin;
