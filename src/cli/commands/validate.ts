import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { oneOf, parseCommand, wholeNumber } from '../args';
import { colorEnabled, palette } from '../color';
import type { Command } from '../command';
import type { CliContext } from '../context';
import { createEngine, FileChecker, readUserFile } from '../analyze';
import { cliConfinement } from '../confinement';
import type { Confinement } from '../../core/resolve/confinement';
import { displayPath, discoverFiles } from '../discover';
import { CliError } from '../errors';
import { formatGithub } from '../formatters/github';
import { formatJson } from '../formatters/json';
import { formatSarif } from '../formatters/sarif';
import { formatStylish } from '../formatters/stylish';
import { fileUri, NodeFileHost } from '../nodeFileHost';
import { printable } from '../printable';
import { countTotals, notFullyChecked, plural, toFileResult, type FileResult } from '../results';
import { TOOL_VERSION } from '../version';

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

const spec = {
  name: 'validate',
  options: {
    format: { type: 'string', short: 'f' },
    'max-warnings': { type: 'string' },
    strict: { type: 'boolean' },
    'allow-outside': { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 0, max: Infinity, what: 'paths' },
} as const;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check rubric, assessment and plan files and print their problems.',
  help: `Usage: rubrics validate [paths or globs...] [options]

Checks rubrics, assessments and plans: YAML syntax, the format, references to rubrics and
baselines, and the rules the editor shows. With no path, checks the current directory.

Paths can be files, folders (searched recursively, skipping node_modules and .git) or globs
such as 'samples/**/*.assessment.yaml' (quote them so the shell leaves them alone). Files
named on the command line are always checked. In folders and globs, a YAML file is checked
when it is named *.rubric.yaml, *.assessment.yaml or *.plan.yaml (or .yml), lies under a
folder called rubrics/, or declares "apiVersion: rubrics-as-code/v1". Only regular files
are read, at most 16 MiB each: FIFOs, devices and sockets in folders are skipped with a note.

Options:
  -f, --format <name>     stylish (default), json, sarif or github
      --max-warnings <n>  fail when there are more than n warnings
      --strict            fail on any warning
      --allow-outside <folder>
                          let references (rubric:, baseline:) read files in this folder
                          too; by default they stay inside the git repository (or, outside
                          one, the current folder). Repeat it for several folders
  -h, --help              show this help

Formats:
  stylish  one line per problem (file:line:column  severity  message  code) and a summary;
           coloured on a terminal (NO_COLOR turns colour off, FORCE_COLOR on)
  json     an array with one entry per file checked:
             { "path", "errorCount", "warningCount", "informationCount",
               "diagnostics": [{ "code", "severity", "message", "line", "column",
                                 "endLine", "endColumn", "offset", "endOffset" }] }
           path is relative to the working directory; line and column count from 1; columns
           and offsets count UTF-16 code units; endColumn and endOffset are exclusive; a file
           that could not be fully checked also has "incomplete": ["why", ...]
  sarif    SARIF 2.1.0, for code scanning (upload with github/codeql-action/upload-sarif)
  github   GitHub Actions annotations on the pull request's changed lines
           (sarif and github paths are relative to GITHUB_WORKSPACE when it is set)
  In every format, text from the files is printed on one line, escaped, and shortened
  when it is very long.

Exit codes:
  0  no errors (notes never fail; warnings fail only with --strict or --max-warnings)
  1  problems found
  2  the check could not run, or a file could not be fully checked: unknown option, path
     not found, a file that cannot be read (not a regular file, too large, no permission),
     a referenced file that cannot be read, or a reason the engine gives

Examples:
  rubrics validate
  rubrics validate rubrics/ 'samples/**/*.assessment.yaml' --strict
  rubrics validate --format github
  rubrics validate --format sarif > rubrics.sarif
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    const format = oneOf<Format>(values.format, FORMATS, 'stylish', '--format');
    const maxWarnings = wholeNumber(values['max-warnings'], '--max-warnings', 0);
    const confinement = await cliConfinement(context.cwd, values['allow-outside'], context.root);
    const results = await validatePaths(positionals, context.cwd, (note) => context.stderr.write(`rubrics: ${note}\n`), confinement);
    context.stdout.write(render(results, format, context));

    const totals = countTotals(results);
    if (totals.filesIncomplete > 0) {
      // The human formats show the reasons in place; the machine ones also get them in the log.
      if (format === 'json' || format === 'sarif') {
        for (const r of results) for (const reason of r.incomplete ?? []) context.stderr.write(`rubrics: ${notFullyChecked(printable(r.path), reason)}\n`);
      }
      return 2;
    }
    if (totals.errors > 0) return 1;
    if (values.strict && totals.warnings > 0) {
      context.stderr.write(`rubrics: ${plural(totals.warnings, 'warning')} with --strict.\n`);
      return 1;
    }
    if (maxWarnings !== undefined && totals.warnings > maxWarnings) {
      context.stderr.write(`rubrics: ${plural(totals.warnings, 'warning')}, more than --max-warnings ${maxWarnings} allows.\n`);
      return 1;
    }
    return 0;
  },
};

/**
 * Discovers, reads and analyzes the files, all through one engine. Entries that were skipped
 * (FIFOs, devices, sockets with a YAML name) are passed to `note` as they are found.
 */
export async function validatePaths(inputs: readonly string[], cwd: string, note: (text: string) => void = () => undefined, confinement?: Confinement): Promise<FileResult[]> {
  const { files, skipped } = await discoverFiles(inputs, cwd);
  skipped.forEach(note);
  if (files.length === 0) {
    const where = inputs.length > 0 ? inputs.map((i) => JSON.stringify(i)).join(', ') : 'the current folder';
    throw new CliError(
      `Found no rubric files in ${where}. Files are checked when named *.rubric.yaml, *.assessment.yaml or *.plan.yaml, placed under a rubrics/ folder, or declaring "apiVersion: rubrics-as-code/v1". Name files explicitly to check them anyway, or run "rubrics init" to start.`,
    );
  }
  const checker = new FileChecker(createEngine(new NodeFileHost(), confinement ?? (await cliConfinement(cwd))));
  const results: FileResult[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    const shown = displayPath(file, cwd);
    let text: string;
    try {
      text = await readUserFile(file, shown);
    } catch (error) {
      unreadable.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    const { analysis, incomplete } = await checker.check(fileUri(file), text);
    results.push({ ...toFileResult(shown, analysis ?? { text, diagnostics: [] }, incomplete), absolutePath: file });
  }
  // Nothing has been printed yet: a file that cannot be read fails the run (exit 2) rather than
  // giving a report that silently leaves it out.
  if (unreadable.length > 0) throw new CliError(unreadable.join('\nrubrics: '));
  return results;
}

function render(results: readonly FileResult[], format: Format, context: CliContext): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif': {
      const root = repositoryRoot(context);
      return formatSarif(relativeTo(results, root), { toolVersion: TOOL_VERSION, sourceRootUri: directoryUri(root) });
    }
    case 'github':
      return formatGithub(relativeTo(results, repositoryRoot(context)));
    case 'stylish':
      return formatStylish(results, palette(colorEnabled(context.stdout, context.env)));
  }
}

/**
 * GitHub resolves annotation and code-scanning paths from the repository root, which in Actions
 * is GITHUB_WORKSPACE; elsewhere paths stay relative to the working directory. So the tool can
 * run from a subfolder of the checkout and still annotate the right lines.
 */
function repositoryRoot(context: CliContext): string {
  const workspace = context.env.GITHUB_WORKSPACE;
  return workspace ? path.resolve(context.cwd, workspace) : context.cwd;
}

function relativeTo(results: readonly FileResult[], root: string): FileResult[] {
  return results.map((r) => (r.absolutePath ? { ...r, path: displayPath(r.absolutePath, root) } : r));
}

/** A folder's file:// URI with the trailing slash SARIF's base URIs need. */
export function directoryUri(directory: string): string {
  const uri = pathToFileURL(directory).toString();
  return uri.endsWith('/') ? uri : `${uri}/`;
}
