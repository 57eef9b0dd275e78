import { type BuiltinFramework, builtinFrameworks, closestMatch, type Rubric } from '../core';
import { createEngine } from '../../node/analyze';
import { oneOf, parseCommand } from '../args';
import type { Command } from '../command';
import { CliError } from '../../node/errors';

const spec = {
  name: 'builtins',
  options: {
    format: { type: 'string', short: 'f' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 0, max: 2, what: 'nothing, or "show ID"' },
} as const;

export interface BuiltinSummary {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly method: string;
  readonly levels: readonly { readonly level: number; readonly name?: string }[];
  readonly threshold?: number;
  readonly dimensions: readonly { readonly id: string; readonly title: string; readonly group?: string }[];
}

export const builtinsCommand: Command = {
  name: 'builtins',
  help: `Usage: rubrics builtins [--format table|json]
       rubrics builtins show ID

Lists the rubrics that ship with the tool: an assessment or a plan uses one by writing its id,
for example "rubric: seven-attributes". "show" prints a rubric's YAML, so you can save it as
your own file and adapt it (give it a new id).

Options:
  -f, --format <name>  table (default) or json (for "rubrics builtins")
  -h, --help           show this help

Examples:
  rubrics builtins
  rubrics builtins show seven-attributes > rubrics/our-attributes.rubric.yaml
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    const [action, id] = positionals;
    if (action === undefined) {
      const format = oneOf(values.format, ['table', 'json'] as const, 'table', '--format');
      const summaries = await summarizeBuiltins();
      context.stdout.write(format === 'json' ? `${JSON.stringify(summaries, null, 2)}\n` : formatTable(summaries));
      return 0;
    }
    if (action !== 'show') {
      const suggestion = builtinFrameworks().has(action) ? ` To print it, run "rubrics builtins show ${action}".` : '';
      throw new CliError(`Unknown action "${action}" for "rubrics builtins": use "rubrics builtins" to list or "rubrics builtins show ID" to print one.${suggestion}`);
    }
    if (id === undefined) throw new CliError(`"rubrics builtins show" needs a rubric id: ${knownIds()}.`);
    context.stdout.write(findBuiltin(id).text);
    return 0;
  },
};

export function findBuiltin(id: string): BuiltinFramework {
  const framework = builtinFrameworks().get(id);
  if (framework) return framework;
  const suggestion = closestMatch(id, builtinFrameworks().keys());
  throw new CliError(`No built-in rubric has the id "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} The built-in rubrics are: ${knownIds()}.`);
}

function knownIds(): string {
  const ids = [...builtinFrameworks().keys()];
  return ids.length > 0 ? ids.join(', ') : '(none in this build)';
}

/** What the list shows, read through the engine so it matches what assessments score against. */
export async function summarizeBuiltins(): Promise<BuiltinSummary[]> {
  const engine = createEngine();
  const summaries: BuiltinSummary[] = [];
  for (const framework of builtinFrameworks().values()) {
    const analysis = await engine.analyze(framework.uri, framework.text);
    const rubric = analysis.documents.find((d) => d.kind === 'Rubric')?.data as Rubric | undefined;
    if (!rubric) {
      summaries.push({ id: framework.id, title: '(cannot be read: this build is broken)', version: '', method: '', levels: [], dimensions: [] });
      continue;
    }
    summaries.push({
      id: rubric.id,
      title: rubric.title,
      version: rubric.version,
      method: rubric.scoring?.method ?? 'gated',
      levels: rubric.levels.map((l) => ({ level: l.level, ...(l.name ? { name: l.name } : {}) })),
      ...(rubric.threshold ? { threshold: rubric.threshold.level } : {}),
      dimensions: rubric.dimensions.map((d) => ({ id: d.id, title: d.title, ...(d.group ? { group: d.group } : {}) })),
    });
  }
  return summaries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function formatTable(summaries: readonly BuiltinSummary[]): string {
  if (summaries.length === 0) return 'This build has no built-in rubrics.\n';
  const header = ['ID', 'TITLE', 'VERSION', 'METHOD', 'LEVELS', 'DIMENSIONS'];
  const rows = summaries.map((s) => {
    const first = s.levels[0]?.level;
    const last = s.levels[s.levels.length - 1]?.level;
    const levels = first === undefined ? '' : `${first}..${last}${s.threshold !== undefined ? ` (threshold ${s.threshold})` : ''}`;
    return [s.id, s.title, s.version, s.method, levels, String(s.dimensions.length)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ');
  return [
    line(header),
    ...rows.map(line),
    '',
    'Use one with "rubric: <id>" in an assessment or a plan. Print its YAML with "rubrics builtins show <id>".',
    '',
  ].join('\n');
}
