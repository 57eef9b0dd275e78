export declare const CORE_LAYERS: readonly string[];
export declare const IMPORTABLE_ONLY_BY: Readonly<Record<string, readonly string[]>>;
export declare function coreLayerOf(file: string, coreDir: string): string | undefined;
export declare function layerViolation(importer: string, target: string, coreDir: string): string | undefined;
