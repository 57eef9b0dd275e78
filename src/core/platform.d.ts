/**
 * The platform globals src/core uses, and only those, for the type check of the core alone
 * (tsconfig.core.json: no DOM types, no Node types). Each is there wherever the core runs: Node 20,
 * VS Code's desktop and web extension hosts, the browser build's worker, a browser. Each declares
 * only the members the core reads, so that anything else a platform offers (fs, process, document,
 * window, fetch) fails to compile in src/core. The main tsconfig.json leaves this file out: there
 * the DOM and Node types declare the same globals in full.
 */

/** WHATWG URL: resolving references and comparing where they point (resolve/, review/, language/). */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly pathname: string;
  search: string;
  hash: string;
  toString(): string;
}

/** UTF-8 bytes of a text, for the hashes of the report's Content Security Policy (render/html/sha256.ts). */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/**
 * V8's stack depth for new errors, set to 0 while `yaml` builds its errors (yaml/yamlLibrary.ts):
 * a hostile file makes a million of them. Engines without it ignore the property.
 */
interface ErrorConstructor {
  stackTraceLimit: number;
}
