import type { Plugin } from 'esbuild';
export declare const SHEET_CODEC_ENTRY: string;
export declare const SHEET_SERVICE_ENTRY: string;
export declare const SHEET_WORKER_ENTRY: string;
export declare function apart(module: 'codec' | 'service', target: string): Plugin;
export declare const SHEET_WORKER_ALIASES: Record<string, string>;
