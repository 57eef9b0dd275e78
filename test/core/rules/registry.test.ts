/**
 * The registry of rules (src/core/rules/registry.ts): every rule is there once, with its code, the
 * kinds it checks and its check, and a document gets the rules of its kind only.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../../src/core/diagnostics/collector';
import { DIAGNOSTIC_CODES } from '../../../src/core/diagnostics/codes';
import { parseDocuments } from '../../../src/core/document/located';
import type { DocumentKind } from '../../../src/core/format/types';
import { RuleContext } from '../../../src/core/rules/context';
import { SCHEMA_VALID } from '../../../src/core/schema/validateSchema';
import { yaml } from '../../support/memory';

// The registry is imported inside each test rather than at the top: a rule module that throws while
// it loads then fails these tests, instead of stopping the file before any test runs (which
// mutation testing would not count as a failure).
const registry = () => import('../../../src/core/rules/registry');

describe('the registry', () => {
  it('holds every rule once, each with a known code, the kinds it checks and a check', async () => {
    const { RULES } = await registry();
    expect(RULES.length).toBeGreaterThan(30);
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(Object.keys(DIAGNOSTIC_CODES)).toContain(rule.code);
      expect(rule.kinds.length).toBeGreaterThan(0);
      for (const kind of rule.kinds) expect(['Rubric', 'Assessment', 'Plan']).toContain(kind);
      expect(typeof rule.check).toBe('function');
    }
  });

  // A rubric's levels with a gap and an id used twice, read as each kind of document: only a
  // rubric gets the rubric's rules.
  const RUBRIC_BODY = yaml`
    levels: [{ level: 1 }, { level: 3 }]
    dimensions:
      - { id: a, title: A, criteria: [{ id: x, text: X., level: 1 }, { id: x, text: Y., level: 3 }] }
  `;

  async function codesAs(kind: DocumentKind): Promise<string[]> {
    const { runRules } = await registry();
    const out = new DiagnosticCollector();
    runRules(new RuleContext({ kind, document: parseDocuments(RUBRIC_BODY).documents[0]!, verdict: SCHEMA_VALID }, out));
    return out.items.map((d) => d.code);
  }

  it('runs the rules of the document’s kind, and no others', async () => {
    expect(await codesAs('Rubric')).toEqual(expect.arrayContaining(['level-scale-invalid', 'duplicate-id']));
    expect(await codesAs('Plan')).toEqual([]);
    expect(await codesAs('Assessment')).toEqual([]);
  });
});
