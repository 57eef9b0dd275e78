import type { DocumentKind } from '../format/types';
import { EDITOR_SCHEMAS } from '../generated/editorSchemas';
import type { PathSegment } from '../document/located';

/**
 * Read-only navigation of the format's JSON Schemas, for completion, hovers and quick fixes.
 * The schemas are bundled as data at build time, with only the keywords read here
 * (src/core/generated/editorSchemas.ts, written by `npm run gen`); nothing here compiles or
 * validates (validation uses the precompiled code in src/core/generated).
 */

export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly items?: SchemaNode;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly $defs?: Readonly<Record<string, SchemaNode>>;
}

const FILES = EDITOR_SCHEMAS as Readonly<Record<string, SchemaNode>>;

const ROOTS: Readonly<Record<DocumentKind, string>> = {
  Rubric: 'rubric.schema.json',
  Assessment: 'assessment.schema.json',
  Plan: 'plan.schema.json',
};

/** A schema with its `$ref` followed; the file it came from resolves the refs inside it. */
export interface ResolvedSchema {
  readonly node: SchemaNode;
  readonly file: string;
}

/**
 * Follows `$ref`s. Keywords written next to a `$ref` (descriptions, mostly) refine the target,
 * the way the schemas use them to describe a shared definition in its context.
 */
export function resolveSchema(node: SchemaNode, file: string, depth = 0): ResolvedSchema {
  if (!node.$ref || depth > 10) return { node, file };
  const [refFile, pointer = ''] = node.$ref.split('#');
  const targetFile = refFile ? refFile : file;
  let target: unknown = FILES[targetFile];
  for (const part of pointer.split('/').filter(Boolean)) {
    target = target && typeof target === 'object' ? (target as Record<string, unknown>)[part] : undefined;
  }
  if (!target || typeof target !== 'object') return { node, file };
  const resolved = resolveSchema(target as SchemaNode, targetFile, depth + 1);
  const { $ref: _ref, ...siblings } = node;
  return { node: { ...resolved.node, ...siblings }, file: resolved.file };
}

export function rootSchema(kind: DocumentKind): ResolvedSchema {
  const file = ROOTS[kind];
  return { node: FILES[file] as SchemaNode, file };
}

/** The schema that applies at a data path (keys and list indexes), or undefined past the schema. */
export function schemaAt(kind: DocumentKind, path: readonly PathSegment[]): ResolvedSchema | undefined {
  let current: ResolvedSchema | undefined = rootSchema(kind);
  for (const segment of path) {
    if (!current) return undefined;
    current = childSchema(current, segment);
  }
  return current;
}

export function childSchema(parent: ResolvedSchema, segment: PathSegment): ResolvedSchema | undefined {
  const node = parent.node;
  if (typeof segment === 'number' || (node.items && /^\d+$/.test(segment) && !node.properties)) {
    return node.items ? resolveSchema(node.items, parent.file) : undefined;
  }
  const property = node.properties?.[segment];
  if (property) return resolveSchema(property, parent.file);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') return resolveSchema(node.additionalProperties, parent.file);
  return undefined;
}

export function types(node: SchemaNode): readonly string[] {
  if (node.type === undefined) {
    if (node.const !== undefined) return [typeof node.const];
    if (node.enum) return [...new Set(node.enum.map((v) => typeof v))];
    return [];
  }
  return typeof node.type === 'string' ? [node.type] : node.type;
}

export function isObjectSchema(node: SchemaNode): boolean {
  return types(node).includes('object') && (node.properties !== undefined || node.additionalProperties !== undefined);
}

/** The documentation shown for a key or value: the Markdown description when there is one. */
export function documentation(node: SchemaNode): string | undefined {
  return node.markdownDescription ?? node.description;
}

/** Named keys the schema defines for a map, in schema order. */
export function propertiesOf(schema: ResolvedSchema): { name: string; schema: ResolvedSchema; required: boolean }[] {
  const required = new Set(schema.node.required ?? []);
  return Object.entries(schema.node.properties ?? {}).map(([name, node]) => ({
    name,
    schema: resolveSchema(node, schema.file),
    required: required.has(name),
  }));
}

/** Whether a map allows keys of the user's choosing (ids) rather than a fixed set. */
export function hasOpenKeys(schema: ResolvedSchema): boolean {
  return typeof schema.node.additionalProperties === 'object';
}

/** Values the schema fixes: an enum, a const, or true/false. */
export function fixedValues(node: SchemaNode): unknown[] {
  if (node.const !== undefined) return [node.const];
  if (node.enum) return [...node.enum];
  if (types(node).includes('boolean')) return [true, false];
  return [];
}
