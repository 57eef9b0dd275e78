/**
 * A new assessment against the built-in seven-attributes framework, ending on an empty line under
 * `dimensions:` (after the entries given, as YAML lines), for tests that complete or type there.
 */
export function sevenAttributesAssessment(id: string, organization: string, entries: readonly string[] = []): string {
  return ['apiVersion: rubrics-as-code/v1', 'kind: Assessment', `id: ${id}`, 'rubric: seven-attributes', `subject: { organization: ${organization} }`, 'date: 2026-03-31', 'dimensions:', ...entries, '  '].join('\n');
}
