import { BUILTIN_FRAMEWORK_FILES } from '../generated/builtinFrameworks';
import { builtinUri } from '../resolve/uris';

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
