import { describe, expect, it } from 'vitest';
import { analyzeMemory, codesAt, yaml } from '../../support/memory';

const plan = (dependsOn: string) => yaml`
  apiVersion: rubrics-as-code/v1
  kind: Plan
  id: p
  title: P
  rubric: seven-attributes
  horizon: { start: 2026-04-01, end: 2028-09-30 }
  initiatives:
    - { id: a, title: A, start: 2026-04-01, end: 2026-06-30 }
    - { id: b, title: B, start: 2026-04-01, end: 2026-06-30 }
    - { id: c, title: C, start: 2026-07-01, end: 2026-12-31, dependsOn: ${dependsOn} }
`;

describe('a list with a repeated value (uniqueItems)', () => {
  it('names the items in reading order and underlines the repeat', async () => {
    const analysis = await analyzeMemory({ 'p.plan.yaml': plan('[a, b, a]') }, 'p.plan.yaml');
    // Line 10: `  - { id: c, ..., dependsOn: [a, b, a] }`; the second "a" is the one to remove.
    const line = analysis.text.split('\n')[9]!;
    expect(codesAt(analysis)).toEqual([`schema-invalid@10:${line.lastIndexOf('a]') + 1}`]);
    expect(analysis.diagnostics[0]!.message).toBe('"dependsOn" lists the same value twice (items 1 and 3); list each once.');
  });
});
