import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  type AssessmentEntry,
  buildPortfolio,
  closestMatch,
  compareUnits,
  type PortfolioEntry,
  type PortfolioModel,
  renderComparisonHtml,
  renderComparisonMarkdown,
  unitKey,
} from '../core';
import { DOCUMENT_OUTPUT_OPTIONS, oneOf, parseCommand } from '../args';
import type { Command } from '../command';
import { ALLOW_OUTSIDE_SPEC, allowOutsideHelp, cliConfinement } from '../../node/confinement';
import { CliError } from '../../node/errors';
import { emit, FORMAT_NAMES } from '../output';
import { printable, printableJson } from '../../node/printable';
import { readPortfolioFiles, type PortfolioRead } from '../../node/portfolioFiles';
import { portfolioScope, readingNotices, reportReading } from './portfolio';

const FORMATS = ['md', 'html', 'json'] as const;

const spec = {
  name: 'compare',
  options: {
    ...DOCUMENT_OUTPUT_OPTIONS,
    in: { type: 'string', multiple: true },
    'as-of': { type: 'string' },
    ref: { type: 'string' },
    ...ALLOW_OUTSIDE_SPEC,
  },
  positionals: { min: 2, max: Infinity, what: 'two or more units: assessment files, or unit names' },
} as const;

export const compareCommand: Command = {
  name: 'compare',
  help: `Usage: rubrics compare A B [C...] [--in PATH]... [--as-of DATE | --ref REF]
                       [--format md|html|json] [--out FILE]

Two or more units side by side: for each rubric they share, the overall score, each group,
dimension and stream with every unit's score against its target, and which unit scores
highest in each. A comparison of peers, not a change over time (for that: rubrics diff).

A, B, ... are assessment files (compared as they are), or unit names (subject.unit, or the
organization for an assessment of a whole organization), looked up in the assessments found
in the --in paths (default: the current folder) as rubrics portfolio finds them: the latest
assessment of each unit, by date.

Options:
      --in <path>      where to look up units named by name (files, folders or quoted globs;
                       give it several times for several)
      --as-of <date>   only assessments dated on or before this day count (YYYY-MM-DD)
      --ref <ref>      read the files as a git branch, tag or commit holds them (units are
                       then named by name)
  -f, --format <name>  md (Markdown, default), html (a self-contained page) or json
  -o, --out <file>     write to this file instead of stdout (written whole or not at all)
${allowOutsideHelp(23)}
  -h, --help           show this help

Exit codes: 0 written; 1 written, but some files have errors; 2 could not compare (a unit
not found, two files of the same unit, files that could not be fully checked).

Examples:
  rubrics compare teams/payments.assessment.yaml teams/lending.assessment.yaml
  rubrics compare "Customer portal" Billing "Mobile app" --in samples/tarn-valley
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    const format = oneOf(values.format, FORMATS, 'md', '--format');
    const scope = portfolioScope(values);
    const confinement = await cliConfinement(context.cwd, values['allow-outside'], context.root);
    const files: string[] = [];
    const names: string[] = [];
    for (const argument of positionals) {
      const isFile = scope.ref === undefined && (await stat(path.resolve(context.cwd, argument)).catch(() => undefined))?.isFile() === true;
      (isFile ? files : names).push(argument);
    }
    const note = (text: string) => context.stderr.write(`rubrics: ${text}\n`);
    const reads: PortfolioRead[] = [];
    const named = files.length ? await readPortfolioFiles({ cwd: context.cwd, paths: files, confinement, note }) : undefined;
    if (named) reads.push(named);
    const found = names.length ? await readPortfolioFiles({ cwd: context.cwd, paths: values.in ?? [], ...(scope.ref !== undefined ? { ref: scope.ref } : {}), confinement, note }) : undefined;
    if (found) reads.push(found);

    // Each file named stands for its unit, as it is: other assessments of that unit found by name are not used.
    const fileKeys = files.map((file) => {
      const assessments = (named?.entries ?? []).filter((e): e is AssessmentEntry => e.kind === 'Assessment' && sameFile(e.source.path, file, context.cwd));
      const keys = [...new Set(assessments.map((e) => unitKey(e.subject)))];
      if (keys.length === 0) throw new CliError(`${printable(file)} holds no assessment that can be scored. Check it with "rubrics validate ${printable(file)}".`);
      return { file, keys };
    });
    const fromFiles = new Set(fileKeys.flatMap((f) => f.keys));
    const entries: PortfolioEntry[] = [...(named?.entries ?? []), ...(found?.entries ?? []).filter((e) => e.kind !== 'Assessment' || !fromFiles.has(unitKey(e.subject)))];
    const portfolio = buildPortfolio(entries, { ...scope, notices: reads.flatMap(readingNotices) });
    const keys = [...fileKeys.flatMap((f) => f.keys), ...names.flatMap((name) => keysNamed(portfolio, name))];
    sameUnitTwice(fileKeys, keys);
    const model = compareUnits(portfolio, keys);
    const text = format === 'json' ? `${printableJson(JSON.stringify(model, null, 2))}\n` : format === 'html' ? renderComparisonHtml(model, { mode: 'standalone' }) : renderComparisonMarkdown(model);
    await emit(text, values.out, context, `the ${FORMAT_NAMES[format]} comparison of ${keys.length} units`);
    const codes = reads.map((read) => reportReading(read, context));
    if (model.comparisons.length === 0) {
      context.stderr.write('rubrics: these units share no rubric, so there is nothing to compare.\n');
      return 2;
    }
    return Math.max(0, ...codes);
  },
};

function sameFile(shown: string, argument: string, cwd: string): boolean {
  return path.resolve(cwd, shown) === path.resolve(cwd, argument);
}

/** The units a name stands for: by unit name (or organization, for a whole organization), ignoring case. */
function keysNamed(portfolio: PortfolioModel, name: string): string[] {
  const units = portfolio.tables.flatMap((t) => t.units);
  const wanted = name.trim().toLowerCase();
  const keys = [...new Set(units.filter((u) => u.label.toLowerCase() === wanted).map((u) => u.key))];
  if (keys.length === 1) return keys;
  if (keys.length > 1) {
    const organizations = [...new Set(units.filter((u) => keys.includes(u.key)).map((u) => u.organization))];
    throw new CliError(`"${printable(name)}" names units of ${organizations.length} organizations (${organizations.map(printable).join(', ')}); name its assessment file instead.`);
  }
  const labels = [...new Set(units.map((u) => u.label))];
  const suggestion = closestMatch(name, labels);
  throw new CliError(
    `No unit is named "${printable(name)}" among the assessments found${suggestion ? `. Did you mean "${printable(suggestion)}"?` : labels.length ? ` (units found: ${labels.slice(0, 10).map(printable).join(', ')}${labels.length > 10 ? ', …' : ''}).` : '; look in another folder with --in.'}`,
  );
}

function sameUnitTwice(fileKeys: readonly { file: string; keys: readonly string[] }[], keys: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const { file, keys: own } of fileKeys) {
    for (const key of own) {
      const other = seen.get(key);
      if (other !== undefined) throw new CliError(`${printable(other)} and ${printable(file)} assess the same unit. To see how a unit changed between two assessments, run "rubrics diff ${printable(other)} ${printable(file)}".`);
      seen.set(key, file);
    }
  }
  if (new Set(keys).size < 2) throw new CliError('Name two or more different units to compare.');
}
