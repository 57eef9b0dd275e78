// Types for pack-cli.mjs.
export interface CliManifest {
  readonly name: string;
  readonly version: string;
  readonly bin: Record<string, string>;
  readonly files: readonly string[];
  readonly engines: { readonly node: string };
  readonly [key: string]: unknown;
}
export declare function stageCliPackage(options: { cli: string; outDir: string }): CliManifest;
export declare function packStagedPackage(stageDir: string, destination: string): { tarball: string; files: string[] };
