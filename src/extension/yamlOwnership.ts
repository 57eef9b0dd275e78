/**
 * Which of our problems Red Hat's YAML extension shows by itself (see yamlExtension.ts): pure, so
 * the rule is tested against yaml-language-server, the server that extension runs.
 */

/** Our codes for problems that Red Hat YAML reports by itself in every YAML file. */
export const SYNTAX_CODES: ReadonlySet<string> = new Set(['yaml-syntax', 'yaml-duplicate-key']);

/** Our codes for problems that Red Hat YAML reports in the files it validates with our schema. */
export const SCHEMA_CODES: ReadonlySet<string> = new Set([
  'schema-required', 'schema-type', 'schema-enum', 'schema-pattern', 'schema-unknown-key', 'schema-range', 'schema-invalid', 'unknown-api-version', 'unknown-kind',
]);

/** Whether Red Hat YAML shows the problem with this code already (`schemaThere`: it validates the file with our schema). */
export function shownByYamlExtension(code: string, schemaThere: boolean): boolean {
  return SYNTAX_CODES.has(code) || (schemaThere && SCHEMA_CODES.has(code));
}
