import { buildPortfolio, isRealDate, loadPortfolioCsv, loadPortfolioHtml, loadPortfolioMarkdown, type PortfolioColumns, type PortfolioModel } from '../core';
import { incompleteLines } from '../../node/analyze';
import { DOCUMENT_OUTPUT_OPTIONS, oneOf, parseCommand } from '../args';
import type { Command } from '../command';
import { ALLOW_OUTSIDE_SPEC, allowOutsideHelp, cliConfinement } from '../../node/confinement';
import type { CliContext } from '../context';
import { CliError } from '../../node/errors';
import { emit, FORMAT_NAMES } from '../output';
import { printable, printableJson } from '../../node/printable';
import { readPortfolioFiles, type PortfolioRead } from '../../node/portfolioFiles';

const FORMATS = ['md', 'html', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const COLUMNS = ['dimensions', 'groups', 'streams'] as const;

const spec = {
  name: 'portfolio',
  options: {
    ...DOCUMENT_OUTPUT_OPTIONS,
    'as-of': { type: 'string' },
    ref: { type: 'string' },
    columns: { type: 'string' },
    ...ALLOW_OUTSIDE_SPEC,
  },
  positionals: { min: 0, max: Infinity, what: 'paths' },
} as const;

/** Options every command over many assessments reads the same way: where, as of when. */
export interface PortfolioScope {
  readonly asOf?: string;
  readonly ref?: string;
}

/** --as-of and --ref, checked: a real date, and not both. */
export function portfolioScope(values: { 'as-of'?: string; ref?: string }): PortfolioScope {
  const asOf = values['as-of'];
  if (asOf !== undefined && !isRealDate(asOf)) throw new CliError(`--as-of must be a date written YYYY-MM-DD, such as 2026-03-31, not "${asOf}".`);
  if (asOf !== undefined && values.ref !== undefined) throw new CliError('Give --as-of or --ref, not both: --as-of picks assessments by their date, --ref reads the files as a git revision holds them.');
  return { ...(asOf !== undefined ? { asOf } : {}), ...(values.ref !== undefined ? { ref: values.ref } : {}) };
}

/** Says on stderr what was left out and why; returns the exit code the reading leaves (2: files not fully checked, 1: errors, 0). */
export function reportReading(read: PortfolioRead, context: CliContext): number {
  for (const { path, reasons } of read.incomplete) context.stderr.write(incompleteLines(path, reasons.length ? reasons : ['The check could not finish.']));
  if (read.withErrors.length > 0) {
    const shown = read.withErrors.slice(0, 10).map(printable).join(', ');
    context.stderr.write(`rubrics: ${read.withErrors.length} file${read.withErrors.length === 1 ? ' has' : 's have'} errors, so scores shown for ${read.withErrors.length === 1 ? 'it' : 'them'} may be incomplete: ${shown}${read.withErrors.length > 10 ? ', …' : ''}. Run "rubrics validate" on ${read.withErrors.length === 1 ? 'it' : 'them'} to see the problems.\n`);
  }
  return read.incomplete.length > 0 ? 2 : read.withErrors.length > 0 ? 1 : 0;
}

/** The notices a portfolio carries about files that could not be read. */
export function readingNotices(read: PortfolioRead): string[] {
  return read.incomplete.map(({ path, reasons }) => `${path} is left out: it could not be fully checked${reasons.length ? ` (${reasons.join(' ')})` : ''}.`);
}

export const portfolioCommand: Command = {
  name: 'portfolio',
  help: `Usage: rubrics portfolio [paths...] [--format md|html|json|csv] [--out FILE]
                         [--as-of DATE | --ref REF] [--columns dimensions|groups|streams]

Every unit of an organization in one view. Reads every assessment and plan found in the paths
(files, folders or quoted globs, as rubrics validate finds them; default: the current folder)
and shows, for each rubric they use, one row per unit (its organization and unit) from its
latest assessment by date, and one column per dimension: the score against the unit's target,
coloured on the rubric's scale, with the threshold marked. Units are grouped by subject.group
and totalled per group; then the spread and the weakest dimension across the units, how many
reached the threshold (and how many had at their previous assessment), each unit's change
since its previous assessment, its percentage to target and its progress to date, and, for
units with a plan, the scores the plan projects at each phase end and each year end.

Options:
  -f, --format <name>   md (Markdown, default), html (a self-contained page), json (the
                        model, described by schemas/portfolio.schema.json) or csv (one line
                        per unit and column, for spreadsheets)
  -o, --out <file>      write to this file instead of stdout (written whole or not at all)
      --as-of <date>    only assessments dated on or before this day count (YYYY-MM-DD):
                        the portfolio as it stood then
      --ref <ref>       read the files as a git branch, tag or commit holds them (paths are
                        then folders or files in the repository)
      --columns <kind>  dimensions (default), groups (the rubric's groups) or streams (the
                        sub-groups of its dimensions, as in OWASP SAMM)
${allowOutsideHelp(24)}
  -h, --help            show this help

An assessment that cannot be scored (errors that keep it from being read, an unusable rubric)
is left out and named in the output. A file that cannot be fully checked is left out, with the
reason on stderr.

Exit codes: 0 written; 1 written, but some files have errors (named on stderr; their scores
may be incomplete); 2 could not run, or some files could not be fully checked.

Examples:
  rubrics portfolio rubrics/
  rubrics portfolio rubrics/ --format html --out portfolio.html
  rubrics portfolio --as-of 2025-12-31 --format csv --out portfolio-2025.csv
  rubrics portfolio --ref origin/main rubrics/
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    const format = oneOf<Format>(values.format, FORMATS, 'md', '--format');
    const columns = oneOf<PortfolioColumns>(values.columns, COLUMNS, 'dimensions', '--columns');
    const scope = portfolioScope(values);
    const confinement = await cliConfinement(context.cwd, values['allow-outside'], context.root);
    const read = await readPortfolioFiles({ cwd: context.cwd, paths: positionals, ...(scope.ref !== undefined ? { ref: scope.ref } : {}), confinement, note: (text) => context.stderr.write(`rubrics: ${text}\n`) });
    const model = buildPortfolio(read.entries, { ...scope, notices: readingNotices(read) });
    const units = new Set(model.tables.flatMap((t) => t.units.map((u) => u.key))).size;
    await emit(await renderPortfolio(model, format, columns), values.out, context, `the ${FORMAT_NAMES[format] ?? format.toUpperCase()} portfolio of ${units} unit${units === 1 ? '' : 's'}`);
    return reportReading(read, context);
  },
};

/** The portfolio in a format; each renderer is loaded when its format is asked for (the Markdown one starts a Markdown parser, which JSON does not need). */
async function renderPortfolio(model: PortfolioModel, format: Format, columns: PortfolioColumns): Promise<string> {
  switch (format) {
    case 'md':
      return (await loadPortfolioMarkdown()).renderPortfolioMarkdown(model, { columns });
    case 'html':
      return (await loadPortfolioHtml()).renderPortfolioHtml(model, { mode: 'standalone', columns });
    case 'json':
      return `${printableJson(JSON.stringify(model, null, 2))}\n`;
    case 'csv':
      return (await loadPortfolioCsv()).renderPortfolioCsv(model);
  }
}
