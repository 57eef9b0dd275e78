import { BUILTIN_FRAMEWORK_FILES } from '../generated/builtinFrameworks';

/** The URI scheme of the built-in frameworks (read-only documents in the editor). */
export const BUILTIN_SCHEME = 'rubrics-builtin';

export function builtinUri(id: string): string {
  return `${BUILTIN_SCHEME}:/${id}.rubric.yaml`;
}

export function isBuiltinUri(uri: string): boolean {
  return uri.startsWith(`${BUILTIN_SCHEME}:`);
}

export interface BuiltinFramework {
  readonly id: string;
  readonly uri: string;
  readonly fileName: string;
  readonly text: string;
}

let registry: Map<string, BuiltinFramework> | undefined;

/** The frameworks shipped with the tool, addressable by rubric id. */
export function builtinFrameworks(): ReadonlyMap<string, BuiltinFramework> {
  if (!registry) {
    registry = new Map();
    for (const [fileName, text] of Object.entries(BUILTIN_FRAMEWORK_FILES)) {
      const id = /^id:\s*([a-z0-9-]+)\s*$/m.exec(text)?.[1] ?? fileName.replace(/\.rubric\.yaml$/, '');
      registry.set(id, { id, uri: builtinUri(id), fileName, text });
    }
  }
  return registry;
}

export function builtinByUri(uri: string): BuiltinFramework | undefined {
  for (const framework of builtinFrameworks().values()) if (framework.uri === uri) return framework;
  return undefined;
}
