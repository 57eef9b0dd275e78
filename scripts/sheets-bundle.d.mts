import type { Plugin } from 'esbuild';
export declare const SHEET_CODEC_ENTRY: string;
export declare function codecApart(target: string): Plugin;
