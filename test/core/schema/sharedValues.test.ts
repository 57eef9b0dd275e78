/**
 * A map or list that aliases repeat is validated once per schema it meets (scripts/generate.mjs
 * makes every map and list schema a function that remembers the shared values that passed it).
 * What the schema says must not change: the same diagnostics as the data written out, each place
 * of an invalid shared value known to be invalid, and the work counted, not timed.
 */
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../../../src/core/document/located';
import { DiagnosticCollector } from '../../../src/core/diagnostics/collector';
import { validateRubric, withSharedValues } from '../../../src/core/generated/validators.js';
import { validateAgainstSchema } from '../../../src/core/schema/validateSchema';
import { aliasSharedRubric, writtenOutRubric } from '../../../bench/hostile';
import { analyzeMemory, codesAt, yaml } from '../../support/memory';

/** A rubric whose three dimensions share `levels` through an alias; `descriptor` is the level 2 text. */
function sharedLevels(descriptor: string): string {
  return yaml`
    apiVersion: rubrics-as-code/v1
    kind: Rubric
    id: shared
    title: Shared levels
    version: 1.0.0
    scoring: { method: rated }
    levels:
      - { level: 1, name: Initial }
      - { level: 2, name: Managed }
    dimensions:
      - id: first
        title: First
        levels: &lv
          1: Work depends on who is there.
          2: ${descriptor}
      - id: second
        title: Second
        levels: *lv
      - id: third
        title: Third
        levels: *lv
  `;
}

/** The object at the anchor, wrapped so that every key the validator reads of it is counted. */
function countingShared(): { data: unknown; shared: Set<object>; reads: () => number } {
  let reads = 0;
  const levels = new Proxy({ 1: 'Work depends on who is there.', 2: 'A written procedure exists.' } as Record<string, string>, {
    get(target, key) {
      if (typeof key === 'string') reads++;
      return target[key as string];
    },
  });
  const dimensions = Array.from({ length: 200 }, (_, i) => ({ id: `d${i}`, title: `D ${i}`, levels }));
  const data = {
    apiVersion: 'rubrics-as-code/v1',
    kind: 'Rubric',
    id: 'shared',
    title: 'Shared',
    version: '1.0.0',
    scoring: { method: 'rated' },
    levels: [{ level: 1, name: 'Initial' }, { level: 2, name: 'Managed' }],
    dimensions,
  };
  return { data, shared: new Set<object>([levels]), reads: () => reads };
}

describe('values shared through aliases', () => {
  it('are validated once for each schema they meet, not at each of their places', () => {
    const once = countingShared();
    expect(withSharedValues(once.shared, () => validateRubric(once.data))).toBe(true);
    const everywhere = countingShared();
    expect(withSharedValues(new Set(), () => validateRubric(everywhere.data))).toBe(true);
    // Its two descriptors are read at one of the 200 places only.
    expect(everywhere.reads()).toBeGreaterThanOrEqual(200 * 2);
    expect(once.reads()).toBeLessThanOrEqual(everywhere.reads() / 100);
  });

  it('give the same verdict and diagnostics as the same data written out', async () => {
    for (const dimensions of [3, 600]) {
      const shared = await analyzeMemory({ 'x.rubric.yaml': aliasSharedRubric(dimensions, 40) }, 'x.rubric.yaml');
      const written = await analyzeMemory({ 'x.rubric.yaml': writtenOutRubric(dimensions, 40) }, 'x.rubric.yaml');
      expect(shared.diagnostics.map((d) => [d.code, d.message])).toEqual(written.diagnostics.map((d) => [d.code, d.message]));
    }
  });

  it('with an error inside: one diagnostic at the anchor, and every place of the value invalid', () => {
    const text = sharedLevels("''");
    const doc = parseDocuments(text).documents[0]!;
    expect(doc.shared.size).toBe(1);
    const out = new DiagnosticCollector();
    const verdict = validateAgainstSchema('Rubric', doc, out);
    expect(out.items.map((d) => d.code)).toEqual(['schema-range']);
    expect(text.slice(out.items[0]!.range.start, out.items[0]!.range.end)).toBe("''");
    for (const index of [0, 1, 2]) {
      expect(verdict.isValid(['dimensions', index, 'levels'])).toBe(false);
      expect(verdict.isValid(['dimensions', index, 'id'])).toBe(true);
    }
  });

  it('are still checked at a place whose schema differs from where they passed', async () => {
    // The shared map passes as a dimension's levels, then stands where a criterion list belongs.
    const text = sharedLevels('A written procedure exists.').replace(/levels: \*lv\n$/, 'criteria: *lv\n');
    expect(text).toContain('criteria: *lv');
    // On the place that holds it wrongly (its key), not at the anchor, where it is right.
    expect(codesAt(await analyzeMemory({ 'x.rubric.yaml': text }, 'x.rubric.yaml'))).toEqual(['schema-type@21:5']);
  });
});
