/**
 * The guards in src/core/yaml/limits.ts: hostile or accidental input (deep nesting, alias
 * bombs, huge files) must end in a diagnostic that says what to do, never in an exception, a
 * stack overflow or a hang.
 */
import { describe, expect, it, vi } from 'vitest';
import { Alias } from 'yaml';
import { aliasSharedRubric, longSpaceLine } from '../../../bench/hostile';
import { checkStructure, YAML_LIMITS } from '../../../src/core/yaml/limits';
import { parseYaml } from '../../../src/core/yaml/parse';
import { WorkCounter, workUnits } from '../../../src/core/yaml/work';
import { analyzeMemory } from '../../support/memory';

const header = 'apiVersion: rubrics-as-code/v1\nkind: Rubric\nid: guarded\n';

function issueCodes(text: string): string[] {
  const parsed = parseYaml(text);
  return [...parsed.issues, ...parsed.documents.flatMap((d) => d.issues)].map((i) => i.code);
}

describe('YAML limits', () => {
  it('refuses block maps nested past the limit before parsing', () => {
    const depth = YAML_LIMITS.maxDepth + 20;
    const text = header + Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' leaf\n';
    const parsed = parseYaml(text);
    expect(parsed.documents).toEqual([]);
    expect(parsed.issues.map((i) => i.code)).toEqual(['yaml-too-deep']);
    expect(parsed.issues[0]?.message).toMatch(/flatten/);
  });

  it('refuses deep flow nesting and deep compact sequences on one line', () => {
    expect(issueCodes(`${header}notes: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)).toEqual(['yaml-too-deep']);
    expect(issueCodes(`${header}notes:\n${'- '.repeat(200)}x\n`)).toEqual(['yaml-too-deep']);
    expect(issueCodes(`${header}notes: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`)).toEqual(['yaml-too-deep']);
  });

  it('accepts nesting just inside the limit, on both parsers', () => {
    const depth = YAML_LIMITS.maxDepth - 4;
    const text = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' leaf\n';
    const fast = parseYaml(text);
    const full = parseYaml(text, { parser: 'full' });
    expect(fast.parser).toBe('fast');
    expect(issueCodes(text)).toEqual([]);
    expect(full.documents[0]?.issues).toEqual([]);
  });

  it('does not count the indentation of block scalar text as nesting', () => {
    const body = Array.from({ length: 300 }, (_, i) => `  ${' '.repeat(i)}line ${i}`).join('\n');
    expect(issueCodes(`notes: |\n${body}\n`)).toEqual([]);
  });

  it('stops expanding an alias bomb and reports it (through the full parser)', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const prev = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const text = `${header}${levels.join('\n')}\n`;
    const parsed = parseYaml(text);
    expect(parsed.parser).toBe('full');
    const issues = parsed.documents.flatMap((d) => d.issues);
    expect(issues.map((i) => i.code)).toContain('yaml-alias-limit');
    expect(issues.find((i) => i.code === 'yaml-alias-limit')?.message).toMatch(/reference it by id/);
    // The document's data is dropped rather than half-expanded.
    expect(parsed.documents[0]?.value).toBeNull();
  });

  it('refuses more documents than the limit, on either path, at the first one too many', () => {
    for (const unit of ['a: 1\n---\n', '---\n', '"\n---\n']) {
      const text = unit.repeat(YAML_LIMITS.maxDocuments + 5);
      const parsed = parseYaml(text);
      expect(parsed.documents).toEqual([]);
      expect(parsed.issues.map((i) => i.code)).toEqual(['yaml-too-large']);
      expect(parsed.issues[0]?.message).toMatch(/more than 1,000 YAML documents.*Split it/);
      expect(text.slice(parsed.issues[0]!.range.start, parsed.issues[0]!.range.end)).toBe('---');
      expect(workUnits(parsed.work)).toBeLessThan(8 * text.length);
    }
    // `---` inside a quoted or block text is no marker; `...` ends a document without starting one.
    expect(parseYaml(`a: |\n${'  ---\n'.repeat(YAML_LIMITS.maxDocuments + 5)}`).issues).toEqual([]);
    expect(parseYaml(`a: 1\n${'...\n'.repeat(YAML_LIMITS.maxDocuments + 5)}`).issues).toEqual([]);
  });

  it('keeps at most a thousand problems of one document, and says that there were more', () => {
    const text = `key: ${'"'.repeat(200_000)}\n`;
    const issues = parseYaml(text).documents.flatMap((d) => d.issues);
    expect(issues.length).toBe(YAML_LIMITS.maxIssuesPerDocument + 1);
    expect(issues.at(-1)?.message).toMatch(/more than 1,000 YAML problems/);
    // Each document has its own allowance, so a later one still reports its problems.
    const two = parseYaml(`${text}---\nb: [\n`).documents;
    expect(two.map((d) => d.issues.length > 0)).toEqual([true, true]);
  });

  it('counts `a: a: a:` on one line as nesting, which overflowed yaml\'s parser inside brackets', () => {
    expect(issueCodes(`a: [${'a: '.repeat(40_000)}\n`)).toEqual(['yaml-too-deep']);
    expect(issueCodes(`${'? '.repeat(200)}x\n`)).toEqual(['yaml-too-deep']);
    // Ordinary lines with a colon or two are nowhere near the limit.
    expect(issueCodes('title: "a: b"\nnote: time: 10:30\n').filter((c) => c === 'yaml-too-deep')).toEqual([]);
  });

  it('refuses input larger than the size limit without parsing it', () => {
    const line = 'key: value that repeats to make a very large file\n';
    const text = line.repeat(Math.ceil((YAML_LIMITS.maxBytes + 1) / line.length));
    const parsed = parseYaml(text);
    expect(parsed.documents).toEqual([]);
    expect(parsed.issues.map((i) => i.code)).toEqual(['yaml-too-large']);
    expect(parsed.issues[0]?.message).toMatch(/Split it/);
  });

  it('reads large inputs in linear time: many documents, long lines, a quote left open', () => {
    // Each of these stays quick only if no step rescans the rest of the text for every line or document.
    const documents = 'a: 1\nb:\n---\n'.repeat(YAML_LIMITS.maxDocuments - 1) + `a: ${'x'.repeat(200_000)}\n`;
    const parsed = parseYaml(documents);
    expect(parsed.parser).toBe('fast');
    expect(parsed.documents.length).toBe(YAML_LIMITS.maxDocuments);
    expect(workUnits(parsed.work)).toBeLessThan(6 * documents.length);
    const longLine = `notes: ${'word '.repeat(400_000)}\n`;
    expect((parseYaml(longLine).documents[0]?.value as { notes: string }).notes.length).toBe(2_000_000 - 1);
    const openQuote = `a: "${'x\n  '.repeat(200_000)}\n`;
    expect(parseYaml(openQuote).documents[0]?.issues.length).toBeGreaterThan(0);
  });

  it('turns every guard into an engine diagnostic instead of an exception', async () => {
    const deep = `${header}notes: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    const bomb = `${header}a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n`;
    for (const [text, code] of [[deep, 'yaml-too-deep'], [bomb, 'yaml-alias-limit']] as const) {
      const analysis = await analyzeMemory({ 'x.rubric.yaml': text }, 'x.rubric.yaml');
      expect(analysis.diagnostics.map((d) => d.code)).toContain(code);
    }
  });
});

/**
 * Hostile inputs that used to take minutes. Each test counts work (ParsedYamlFile.work) rather
 * than timing it: the counts do not depend on the machine, and a step that rescans the text
 * shows up in them as growth faster than the text.
 */
describe('YAML work grows linearly with the text', () => {
  it('a rubric whose dimensions share one anchored levels map', async () => {
    const perCharacter: number[] = [];
    for (const dimensions of [250, 500, 1000, 2000]) {
      const text = aliasSharedRubric(dimensions);
      // The fast parser reads anchors and aliases; the complete one must be linear as well.
      for (const parser of ['fast', 'full'] as const) {
        const parsed = parseYaml(text, { parser });
        // Four descriptors and the map: five values repeated by each alias, and nothing else.
        expect(parsed.work.aliasExpansions).toBe(5 * (dimensions - 1));
        perCharacter.push(workUnits(parsed.work) / text.length);
      }
      expect(parseYaml(text).parser).toBe('fast');
    }
    expect(Math.max(...perCharacter)).toBeLessThan(6);
    expect(Math.max(...perCharacter) / Math.min(...perCharacter)).toBeLessThan(1.5);
    // 500 dimensions is what the schema allows: the rubric is valid, and nothing is lost.
    const analysis = await analyzeMemory({ 'shared.rubric.yaml': aliasSharedRubric(500) }, 'shared.rubric.yaml');
    expect(analysis.diagnostics).toEqual([]);
  });

  it("never calls yaml's Alias.resolve, which walks the whole document for each alias", () => {
    const resolve = vi.spyOn(Alias.prototype, 'resolve');
    try {
      parseYaml(aliasSharedRubric(50));
      expect(resolve).not.toHaveBeenCalled();
    } finally {
      resolve.mockRestore();
    }
  });

  it('a 2 MB line of spaces on the full-parser path, and long runs of spaces before a comment', () => {
    const text = longSpaceLine(2_000_000);
    const parsed = parseYaml(text);
    expect(parsed.parser).toBe('full');
    expect(parsed.documents[0]?.value).toBe(text);
    expect(workUnits(parsed.work)).toBeLessThan(8 * text.length);
    for (const line of [`a: |${' '.repeat(1_000_000)}x\n`, `a: b${' '.repeat(1_000_000)}# c\n`, `${' '.repeat(1_000_000)}|\n`]) {
      const work = new WorkCounter();
      expect(checkStructure(line, work)).toBeUndefined();
      expect(work.charactersScanned).toBeLessThan(4 * line.length);
    }
  });

  it('the fast parser on real-sized files: about four characters read per character', () => {
    const perCharacter = [500, 5_000].map((dimensions) => {
      const text = aliasSharedRubric(dimensions).replace(/levels: &lv/, 'levels:').replace(/ +levels: \*lv\n/g, '');
      const parsed = parseYaml(text);
      expect(parsed.parser).toBe('fast');
      return workUnits(parsed.work) / text.length;
    });
    expect(Math.max(...perCharacter)).toBeLessThan(6);
  });
});
