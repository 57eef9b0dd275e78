/**
 * The snippets the language server offers: in sync with the built-in frameworks, well formed, and — expanded the
 * way VS Code expands them, with their placeholders at their defaults — accepted by the engine in
 * the place they are meant for. Whole documents are written from snippets alone, as a user would.
 */
import fs from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildSnippetsText, SNIPPETS_FILE } from '../../scripts/generate-snippets.mjs';
import { builtinFrameworks } from '../../src/core/builtins';
import type { FileAnalysis } from '../../src/core/engine';
import type { Rubric } from '../../src/core/format/types';
import { analyzeMemory } from '../support/memory';

interface Snippet {
  name: string;
  prefix: string;
  place: string;
  framework?: string;
  key?: string;
  description: string;
  body: string[];
}

const fileText = fs.readFileSync(SNIPPETS_FILE, 'utf8');
const snippets: Snippet[] = (JSON.parse(fileText) as { snippets: Snippet[] }).snippets;
const byPrefix = new Map(snippets.map((s) => [s.prefix, s]));
const frameworks = new Map([...builtinFrameworks().values()].map((f) => [f.id, parse(f.text) as Rubric]));

function snippet(prefix: string): Snippet {
  const found = byPrefix.get(prefix);
  if (!found) throw new Error(`no snippet with the prefix ${prefix}`);
  return found;
}

// --- a small expander for VS Code's snippet syntax -----------------------------------------

/** The day the tests pretend it is, for $CURRENT_YEAR and friends. */
const TODAY = { CURRENT_YEAR: '2026', CURRENT_MONTH: '03', CURRENT_DATE: '31' };

interface Expanded {
  text: string;
  /** Tab stop numbers in order of appearance ($0 included). */
  stops: number[];
}

/**
 * Expands snippet text the way VS Code inserts it when the user tabs through without typing:
 * placeholders become their default, choices their first option (or the last, with `pick`),
 * variables their value. Throws on syntax VS Code would not accept the same way.
 */
function expandText(source: string, pick: 'first' | 'last' = 'first'): Expanded {
  let i = 0;
  const stops: number[] = [];
  const parseUntil = (terminator: string | undefined): string => {
    let out = '';
    while (i < source.length) {
      const c = source[i]!;
      if (terminator !== undefined && c === terminator) return out;
      if (c === '\\') {
        const next = source[i + 1];
        if (next === '$' || next === '}' || next === '\\') {
          out += next;
          i += 2;
          continue;
        }
        out += c;
        i++;
        continue;
      }
      if (c === '$') {
        out += parseDollar();
        continue;
      }
      out += c;
      i++;
    }
    if (terminator !== undefined) throw new Error(`unclosed placeholder in ${JSON.stringify(source)}`);
    return out;
  };
  const parseDollar = (): string => {
    i++; // $
    const simpleStop = /^\d+/.exec(source.slice(i));
    if (simpleStop) {
      i += simpleStop[0].length;
      stops.push(Number(simpleStop[0]));
      return '';
    }
    const simpleVar = /^[A-Z_][A-Z_0-9]*/.exec(source.slice(i));
    if (simpleVar) {
      i += simpleVar[0].length;
      return variable(simpleVar[0]);
    }
    if (source[i] !== '{') throw new Error(`a lone $ in ${JSON.stringify(source)}: escape it as \\$`);
    i++; // {
    const stop = /^\d+/.exec(source.slice(i));
    if (stop) {
      i += stop[0].length;
      stops.push(Number(stop[0]));
      if (source[i] === '}') {
        i++;
        return '';
      }
      if (source[i] === ':') {
        i++;
        const value = parseUntil('}');
        i++;
        return value;
      }
      if (source[i] === '|') {
        i++;
        const options: string[] = [];
        let current = '';
        while (i < source.length && !(source[i] === '|' && source[i + 1] === '}')) {
          const c = source[i]!;
          if (c === '\\' && /[,|\\$}]/.test(source[i + 1] ?? '')) {
            current += source[i + 1];
            i += 2;
          } else if (c === ',') {
            options.push(current);
            current = '';
            i++;
          } else {
            current += c;
            i++;
          }
        }
        if (i >= source.length) throw new Error(`unclosed choice in ${JSON.stringify(source)}`);
        options.push(current);
        i += 2;
        return (pick === 'first' ? options[0] : options.at(-1)) ?? '';
      }
      throw new Error(`unexpected ${source[i]} in ${JSON.stringify(source)}`);
    }
    const name = /^[A-Z_][A-Z_0-9]*/.exec(source.slice(i));
    if (!name) throw new Error(`bad placeholder in ${JSON.stringify(source)}`);
    i += name[0].length;
    let value = variable(name[0]);
    if (source[i] === ':') {
      i++;
      const fallback = parseUntil('}');
      value ||= fallback;
    }
    if (source[i] !== '}') throw new Error(`unclosed variable in ${JSON.stringify(source)}`);
    i++;
    return value;
  };
  const variable = (name: string): string => {
    const value = (TODAY as Record<string, string>)[name];
    if (value === undefined) throw new Error(`the snippet uses the variable ${name}, which these tests do not know`);
    return value;
  };
  const text = parseUntil(undefined);
  return { text, stops };
}

/** The snippet's lines as inserted at a cursor preceded by `indent` spaces (VS Code indents every line after the first like the cursor's line). */
function expand(prefix: string, indent = 0, pick: 'first' | 'last' = 'first'): string {
  const { text } = expandText(snippet(prefix).body.join('\n'), pick);
  const pad = ' '.repeat(indent);
  return text.split('\n').map((line, n) => (n === 0 ? line : pad + line)).join('\n');
}

/** Puts expanded snippets where a line holds only `@@` (at that line's indentation). */
function fill(template: string, ...prefixes: string[]): string {
  const lines = template.split('\n');
  const at = lines.findIndex((l) => l.trim() === '@@');
  if (at < 0) throw new Error('template without @@');
  const indent = lines[at]!.indexOf('@@');
  const inserted = prefixes.map((p) => ' '.repeat(indent) + expand(p, indent)).join('\n');
  lines.splice(at, 1, inserted);
  return lines.join('\n');
}

function problems(analysis: FileAnalysis, severities: readonly string[] = ['error', 'warning']): string[] {
  return analysis.diagnostics.filter((d) => severities.includes(d.severity)).map((d) => `${d.code}: ${d.message}`);
}

async function analyze(text: string, name = 'snippet.yaml', others: Record<string, string> = {}): Promise<FileAnalysis> {
  return analyzeMemory({ ...others, [name]: text }, name);
}

const assessmentAgainst = (rubric: string) => `apiVersion: rubrics-as-code/v1
kind: Assessment
id: snippet-test
rubric: ${rubric}
subject:
  organization: Kestrel Mutual
date: 2026-03-31
dimensions:
  @@
`;

const planAgainst = (rubric: string, movesTemplate = true) => `apiVersion: rubrics-as-code/v1
kind: Plan
id: snippet-plan
title: Snippet plan
rubric: ${rubric}
horizon:
  start: 2026-04-01
  end: 2028-09-30
initiatives:
  - id: carrier
    title: Carrier initiative
    start: 2026-04-01
    end: 2026-12-31
${movesTemplate ? '    moves:\n      @@' : '  @@'}
`;

// --- the families ------------------------------------------------------------------------------

const families = [
  { prefix: 'attr-', framework: 'seven-attributes', group: undefined },
  { prefix: 'found-', framework: 'nexgen-digital-services', group: 'foundations' },
  { prefix: 'area-', framework: 'nexgen-digital-services', group: 'owned-areas' },
  { prefix: 'rubric-it4it-', framework: 'it4it-legacy-alignment', group: undefined },
] as const;

function dimensionsOf(framework: string, group: string | undefined) {
  const rubric = frameworks.get(framework);
  if (!rubric) throw new Error(`built-in ${framework} missing`);
  return rubric.dimensions.filter((d) => group === undefined || d.group === group);
}

const VALUE_STREAMS = ['strategy-to-portfolio', 'requirement-to-deploy', 'request-to-fulfill', 'detect-to-correct'];

describe('snippet file', () => {
  it('is in sync with the built-in frameworks and the plan schema (run `node scripts/generate-snippets.mjs` if not)', () => {
    expect(fileText).toBe(buildSnippetsText());
  });

  it('uses only prefixes that stay out of the way of ordinary YAML', () => {
    for (const s of snippets) expect(s.prefix).toMatch(/^(rubric|attr|found|area|stream)-[a-z0-9-]+$/);
    expect(new Set(snippets.map((s) => s.prefix)).size).toBe(snippets.length);
  });

  it('has well-formed bodies: tab stops 1..n in order, one final $0, no tabs, no unknown variables', () => {
    for (const s of snippets) {
      const { stops } = expandText(s.body.join('\n'));
      const numbered = stops.filter((n) => n !== 0);
      expect(numbered, s.prefix).toEqual(numbered.map((_, k) => k + 1));
      expect(stops.filter((n) => n === 0), s.prefix).toHaveLength(1);
      expect(s.body.join('\n'), s.prefix).not.toMatch(/\t/);
      expect(s.description.length, s.prefix).toBeGreaterThan(20);
    }
  });

  it('covers the seven attributes, the six foundations, the five owned areas and the four value streams', () => {
    const prefixes = (start: string) => snippets.map((s) => s.prefix).filter((p) => p.startsWith(start) && !p.endsWith('-move'));
    expect(prefixes('attr-')).toHaveLength(7);
    expect(prefixes('found-')).toHaveLength(6);
    expect(prefixes('area-')).toHaveLength(5);
    expect(prefixes('stream-').sort()).toEqual(VALUE_STREAMS.map((v) => `stream-${v}`).sort());
    for (const family of families) {
      for (const d of dimensionsOf(family.framework, family.group)) {
        expect(byPrefix.has(`${family.prefix}${d.id}`), d.id).toBe(true);
        expect(byPrefix.has(`${family.prefix}${d.id}-move`), d.id).toBe(true);
      }
    }
    for (const kind of ['rubric', 'assessment', 'plan', 'initiative', 'criterion', 'dimension']) expect(byPrefix.has(`rubric-${kind}`), kind).toBe(true);
  });
});

describe('assessment entries (attr-, found-, area-, rubric-it4it-)', () => {
  for (const family of families) {
    for (const dimension of dimensionsOf(family.framework, family.group)) {
      const prefix = `${family.prefix}${dimension.id}`;

      it(`${prefix} is accepted under "dimensions:" of an assessment against ${family.framework}`, async () => {
        const text = fill(assessmentAgainst(family.framework), prefix);
        const analysis = await analyze(text);
        expect(problems(analysis)).toEqual([]);
        // It answers every criterion of the dimension, under the dimension's id, with the title in a comment.
        expect(analysis.diagnostics.filter((d) => d.code === 'criterion-not-answered')).toEqual([]);
        expect(text).toContain(`# ${dimension.title}`);
        const assessment = analysis.documents[0];
        expect(assessment?.kind === 'Assessment' && assessment.score?.dimensions.find((d) => d.id === dimension.id)?.status).toBe('scored');
      });

      it(`${prefix} offers only answers of each criterion's scale`, async () => {
        // The last choice of every placeholder (the highest answer, the lowest target) must be valid too.
        const text = assessmentAgainst(family.framework).replace('  @@', `  ${expand(prefix, 2, 'last')}`);
        const analysis = await analyze(text);
        expect(problems(analysis, ['error'])).toEqual([]);
        // Those answers earn credit, so the dimension climbs above the bottom of the scale.
        const assessment = analysis.documents[0];
        const scored = assessment?.kind === 'Assessment' ? assessment.score?.dimensions.find((d) => d.id === dimension.id) : undefined;
        expect(scored?.score).toBeGreaterThan(frameworks.get(family.framework)!.levels[0]!.level);
      });
    }
  }

  for (const [framework] of frameworks) {
    it(`the entries of all dimensions together make a complete assessment against ${framework}`, async () => {
      const prefixes = families.filter((f) => f.framework === framework).flatMap((f) => dimensionsOf(f.framework, f.group).map((d) => `${f.prefix}${d.id}`));
      const analysis = await analyze(fill(assessmentAgainst(framework), ...prefixes));
      expect(problems(analysis, ['error', 'warning', 'information'])).toEqual([]);
    });
  }
});

describe('plan snippets (moves, value streams, initiatives)', () => {
  for (const family of families) {
    for (const dimension of dimensionsOf(family.framework, family.group)) {
      const prefix = `${family.prefix}${dimension.id}-move`;
      it(`${prefix} is accepted under "moves:" of an initiative in a plan against ${family.framework}`, async () => {
        const analysis = await analyze(fill(planAgainst(family.framework), prefix));
        expect(problems(analysis)).toEqual([]);
        const plan = analysis.documents[0];
        expect(plan?.kind === 'Plan' && plan.data?.initiatives[0]?.moves?.[0]?.dimension).toBe(dimension.id);
      });
    }
  }

  it('the four value-stream initiatives and a plain one sit together under "initiatives:"', async () => {
    const analysis = await analyze(fill(planAgainst('seven-attributes', false), ...VALUE_STREAMS.map((v) => `stream-${v}`), 'rubric-initiative'));
    expect(problems(analysis)).toEqual([]);
    const plan = analysis.documents[0];
    const initiatives = plan?.kind === 'Plan' ? plan.data?.initiatives ?? [] : [];
    expect(initiatives.map((i) => i.valueStream)).toEqual([undefined, ...VALUE_STREAMS, undefined]);
  });
});

describe('skeletons', () => {
  it('rubric-rubric is a valid rubric, and rubric-dimension and rubric-criterion extend it', async () => {
    expect(problems(await analyze(expand('rubric-rubric'), 'my-rubric.rubric.yaml'))).toEqual([]);
    // rubric-rubric leaves the cursor in its dimensions list: a new dimension goes there.
    const withDimension = expand('rubric-rubric').replace(/\n {2}$/, `\n  ${expand('rubric-dimension', 2)}`);
    const withCriterion = withDimension.replace(
      '        text: A statement an assessor can check.\n',
      `        text: A statement an assessor can check.\n      ${expand('rubric-criterion', 6)}\n`,
    );
    const analysis = await analyze(withCriterion, 'my-rubric.rubric.yaml');
    expect(problems(analysis)).toEqual([]);
    const rubric = analysis.documents[0];
    expect(rubric?.kind === 'Rubric' && rubric.data?.dimensions.map((d) => [d.id, d.criteria?.map((c) => c.id)])).toEqual([
      ['first-dimension', ['first-dimension-basics', 'new-criterion']],
      ['new-dimension', ['new-dimension-basics']],
    ]);
  });

  it('rubric-assessment assesses the rubric that rubric-rubric creates', async () => {
    const analysis = await analyze(expand('rubric-assessment'), 'org.assessment.yaml', { 'my-rubric.rubric.yaml': expand('rubric-rubric') });
    expect(problems(analysis)).toEqual([]);
    const assessment = analysis.documents[0];
    expect(assessment?.kind === 'Assessment' && assessment.score?.dimensions.map((d) => d.status)).toEqual(['scored']);
  });

  for (const [framework] of frameworks) {
    it(`rubric-assessment-${framework} is a complete assessment with no problems at all`, async () => {
      const analysis = await analyze(expand(`rubric-assessment-${framework}`));
      expect(problems(analysis, ['error', 'warning', 'information'])).toEqual([]);
      const assessment = analysis.documents[0];
      expect(assessment?.kind === 'Assessment' && assessment.data?.date).toBe('2026-03-31');
      expect(assessment?.kind === 'Assessment' && Object.keys(assessment.data?.dimensions ?? {})).toEqual(frameworks.get(framework)!.dimensions.map((d) => d.id));
    });
  }

  it('rubric-plan is a valid plan for every built-in rubric it offers', async () => {
    const plan = snippet('rubric-plan').body.join('\n');
    const offered = /rubric: \$\{\d+\|([^|]*)\|\}/.exec(plan)?.[1]?.split(',');
    expect(offered?.sort()).toEqual([...frameworks.keys()].sort());
    for (const rubric of offered ?? []) {
      const text = expand('rubric-plan').replace(/^rubric: .*$/m, `rubric: ${rubric}`);
      expect(problems(await analyze(text, 'roadmap.plan.yaml')), rubric).toEqual([]);
    }
  });

  it('a plan written from snippets alone: skeleton, value-stream initiatives and moves', async () => {
    // The plan skeleton leaves the cursor in its initiatives list; add an initiative there, then
    // a move under it (the value-stream snippet leaves the cursor inside the initiative).
    const initiative = expand('stream-request-to-fulfill', 2).replace(/\n {4}$/, `\n    moves:\n      ${expand('attr-empower-end-users-move', 6)}`);
    const text = expand('rubric-plan').replace(/\n {2}$/, `\n  ${initiative}`);
    const analysis = await analyze(text, 'roadmap.plan.yaml');
    expect(problems(analysis)).toEqual([]);
    const plan = analysis.documents[0];
    expect(plan?.kind === 'Plan' && plan.data?.initiatives.map((i) => [i.id, i.valueStream, i.moves?.map((m) => `${m.dimension}→${m.to}`)])).toEqual([
      ['first-initiative', undefined, undefined],
      ['request-to-fulfill-initiative', 'request-to-fulfill', ['empower-end-users→3']],
    ]);
  });
});
