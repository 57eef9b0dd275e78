import path from 'node:path';
import { oneOf, parseCommand, wholeNumber } from '../args';
import { colorEnabled, palette } from '../color';
import type { Command } from '../command';
import type { CliContext } from '../context';
import { createEngine, FileChecker } from '../../node/analyze';
import { allowOutsideHelp, ALLOW_OUTSIDE_SPEC, cliConfinement, outputRoot } from '../../node/confinement';
import { type Confinement, refusedFileDiagnostic, type Severity } from '../core';
import { compareStrings, displayPath, discoverFiles, NothingToCheck } from '../../node/discover';
import { readTextFile, UnreadableFile } from '../../node/fileRead';
import { CliError } from '../../node/errors';
import { formatGithub } from '../formatters/github';
import { formatJson } from '../formatters/json';
import { formatJunit } from '../formatters/junit';
import { formatSarif } from '../formatters/sarif';
import { formatStylish } from '../formatters/stylish';
import { directoryUri, fileUri, NodeFileHost } from '../../node/nodeFileHost';
import { emit } from '../output';
import { printable } from '../../node/printable';
import { countTotals, notFullyChecked, plural, toFileResult, type FileResult } from '../../node/results';
import type { ValidateCache } from '../../node/validateCache';
import { TOOL_VERSION } from '../../node/version';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
type Format = (typeof FORMATS)[number];
const SEVERITIES = ['error', 'warning', 'note'] as const;
type SeverityName = (typeof SEVERITIES)[number];
const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, information: 1 };
const FLOOR: Readonly<Record<SeverityName, number>> = { error: 3, warning: 2, note: 1 };

const spec = {
  name: 'validate',
  options: {
    format: { type: 'string', short: 'f', multiple: true },
    output: { type: 'string', short: 'o', multiple: true },
    'max-warnings': { type: 'string' },
    strict: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    'min-severity': { type: 'string' },
    base: { type: 'string' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    ...ALLOW_OUTSIDE_SPEC,
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 0, max: Infinity, what: 'paths' },
} as const;

export const validateCommand: Command = {
  name: 'validate',
  help: `Usage: rubrics validate [paths or globs...] [options]

Checks rubrics, assessments and plans: YAML syntax, the format, references to rubrics and
baselines, and the rules the editor shows. With no path, checks the current directory.

Paths can be files, folders (searched recursively, skipping node_modules and .git) or globs
such as 'samples/**/*.assessment.yaml' (quote them so the shell leaves them alone). Files
named on the command line are always checked. In folders and globs, a YAML file is checked
when it is named *.rubric.yaml, *.assessment.yaml or *.plan.yaml (or .yml), lies under a
folder called rubrics/, or declares "apiVersion: rubrics-as-code/v1", and the nearest
.rubricsignore (in this folder or above it, up to the repository's top) does not leave it out.
Only regular files are read, at most 16 MiB each: FIFOs, devices and sockets in folders are
skipped with a note. A file or folder that lies outside the repository, or leads out of it (or
into .git) through a symbolic link, is never read: it gets a file-outside-workspace error
(--allow-outside widens this as it does for references).

Options:
  -f, --format <name>       stylish (default), json, sarif, github or junit; give it several
                            times for several outputs in one run
  -o, --output <file>       where the --format before it goes (default: stdout, for one
                            format at most); written whole or not at all
  -q, --quiet               report errors only (the same as --min-severity error)
      --min-severity <s>    report only problems at or above error, warning or note
                            (default: note; for github: warning, since notes as annotations
                            would bury the problems)
      --base <ref>          report only the files the change since <ref> touches (the working
                            tree against the merge base, as rubrics diff --base); every file is
                            still checked, and errors elsewhere still fail the run and are named
      --max-warnings <n>    fail when there are more than n warnings
      --strict              fail on any warning
      --cache               keep each file's result and check again only the files that
                            changed, or whose rubric or baseline did (kept in the user's
                            cache folder, one cache per folder the command runs in)
      --cache-location <f>  keep the cache in this file instead (implies --cache), for
                            a CI cache step to save and restore
      --no-color, --color   turn colour off or on (default: on a terminal, unless NO_COLOR)
${allowOutsideHelp(28)}
  -h, --help                show this help

Formats:
  stylish  one line per problem (file:line:column  severity  message  code) and a summary
  json     an array with one entry per file checked:
             { "path", "errorCount", "warningCount", "informationCount",
               "diagnostics": [{ "code", "severity", "message", "line", "column",
                                 "endLine", "endColumn", "offset", "endOffset" }] }
           path is relative to the working directory; line and column count from 1; columns
           and offsets count UTF-16 code units; endColumn and endOffset are exclusive; a file
           that could not be fully checked also has "incomplete": ["why", ...]
  sarif    SARIF 2.1.0, for code scanning (upload with github/codeql-action/upload-sarif);
           every rule has a short and a full description and a link to its README entry
  github   GitHub Actions annotations on the pull request's changed lines
           (sarif and github paths are relative to GITHUB_WORKSPACE when it is set)
  junit    JUnit XML, one test case per file, for CI systems that show test results
  In every format, text from the files is printed on one line, escaped, and shortened
  when it is very long. Whatever stops the check (exit 2: no file matches, a file cannot be
  read), json, sarif and junit are still written and valid, with what was checked; sarif and
  junit also say why, so an upload step that follows finds a file.

Exit codes:
  0  no errors (notes never fail; warnings fail only with --strict or --max-warnings)
  1  problems found
  2  the check could not run, or a file could not be fully checked: unknown option, path
     not found, no file found, a file that cannot be read (not a regular file, too large,
     no permission), a referenced file that cannot be read, or a reason the engine gives

Examples:
  rubrics validate
  rubrics validate rubrics/ 'samples/**/*.assessment.yaml' --strict
  rubrics validate --format github --base origin/main
  rubrics validate -f stylish -f sarif -o rubrics.sarif -f junit -o rubrics.junit.xml
`,
  async run(args, context) {
    const parsed = parseCommand(spec, args);
    const { values, positionals } = parsed;
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    const outputs = pairOutputs(parsed.tokens ?? []);
    if (outputs.filter((o) => o.file === undefined).length > 1) {
      throw new CliError(`Only one format can go to the standard output; give the others a file with --output (e.g. -f ${outputs[1]?.format ?? 'sarif'} -o rubrics.sarif).`);
    }
    const minSeverity = values.quiet ? 'error' : values['min-severity'] === undefined ? undefined : oneOf<SeverityName>(values['min-severity'], SEVERITIES, 'note', '--min-severity');
    const maxWarnings = wholeNumber(values['max-warnings'], '--max-warnings', 0);
    const color = values['no-color'] ? false : values.color ? true : colorEnabled(context.stdout, context.env);
    const confinement = await cliConfinement(context.cwd, values['allow-outside'], context.root);

    let results: FileResult[];
    try {
      const note = (text: string) => context.stderr.write(`rubrics: ${text}\n`);
      const cache = values.cache || values['cache-location'] !== undefined ? await openCache(values['cache-location'], context, note) : undefined;
      results = await validatePaths(positionals, context.cwd, note, confinement, cache);
    } catch (error) {
      // Whatever stopped the check, an upload step after this one still finds a valid file, which says why.
      if (error instanceof CliError) for (const output of outputs) if (output.format !== 'stylish' && output.format !== 'github') await emit(render([], output.format, context, color, [error.message]), output.file, context);
      throw error;
    }
    const change = values.base !== undefined ? await changedPaths(values.base, context.cwd) : undefined;
    const reported = change ? results.filter((r) => !r.absolutePath || change.has(r.absolutePath)) : results;
    for (const output of outputs) {
      const floor = FLOOR[minSeverity ?? (output.format === 'github' ? 'warning' : 'note')];
      await emit(render(atOrAbove(reported, floor), output.format, context, color), output.file, context);
    }

    const judged = atOrAbove(results, FLOOR[minSeverity ?? 'note']);
    const totals = countTotals(judged);
    if (change) {
      const shown = new Set(reported.map((r) => r.path));
      const elsewhere = judged.filter((r) => !shown.has(r.path) && r.diagnostics.some((d) => d.severity === 'error'));
      if (elsewhere.length > 0) context.stderr.write(`rubrics: errors in ${plural(elsewhere.length, 'file')} the change does not touch (not listed above): ${elsewhere.map((r) => printable(r.path)).join(', ')}.\n`);
    }
    if (totals.filesIncomplete > 0) {
      // The human formats show the reasons in place; the machine ones also get them in the log.
      if (outputs.some((o) => o.format !== 'stylish' && o.format !== 'github')) {
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

interface OutputSpec {
  readonly format: Format;
  readonly file?: string;
}

/** Each --output goes with the --format before it; no --format at all means stylish to stdout. */
function pairOutputs(tokens: readonly { kind: string; name?: string; value?: string }[]): OutputSpec[] {
  const outputs: { format: Format; file?: string }[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'format') outputs.push({ format: oneOf<Format>(token.value, FORMATS, 'stylish', '--format') });
    else if (token.name === 'output') {
      const last = outputs[outputs.length - 1];
      if (!last) throw new CliError(`--output ${token.value ?? ''} comes before any --format; write the format first (e.g. -f sarif -o rubrics.sarif).`);
      if (last.file !== undefined) throw new CliError(`--format ${last.format} has two --output files; give each format one.`);
      last.file = token.value;
    }
  }
  return outputs.length > 0 ? outputs : [{ format: 'stylish' }];
}

/** The results with the problems below a severity left out (a file that was not fully checked keeps saying so). */
function atOrAbove(results: readonly FileResult[], floor: number): FileResult[] {
  if (floor <= 1) return [...results];
  return results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => RANK[d.severity] >= floor) }));
}

/** The cache of `--cache`, loaded only then (it hashes with node:crypto, which a plain run does not load). */
async function openCache(location: string | undefined, context: CliContext, note: (text: string) => void): Promise<ValidateCache> {
  const { defaultCacheLocation, ValidateCache } = await import('../../node/validateCache');
  return ValidateCache.open(path.resolve(context.cwd, location ?? defaultCacheLocation(context.cwd)), note, await outputRoot(context));
}

/** The absolute paths of the files a change touched (the working tree against the merge base with `base`). */
async function changedPaths(base: string, cwd: string): Promise<Set<string>> {
  const { listChanges } = await import('../../node/changedFiles');
  const change = await listChanges(cwd, base, 'HEAD', { workingTree: true });
  return new Set(change.files.filter((f) => f.status !== 'deleted').map((f) => path.join(change.root, f.path)));
}

/**
 * Discovers, reads and analyzes the files, all through one engine. Entries that were skipped
 * (FIFOs, devices, sockets with a YAML name) are passed to `note` as they are found. A file or
 * folder that lies outside the root (or leads out of it through a link) is never read: it has a
 * result of its own with the file-outside-workspace error. A file that cannot be read (too large,
 * no permission, not a regular file) is reported as not fully checked, beside the others' results.
 */
export async function validatePaths(inputs: readonly string[], cwd: string, note: (text: string) => void = () => undefined, confinement?: Confinement, cache?: ValidateCache): Promise<FileResult[]> {
  const engine = createEngine(new NodeFileHost(), confinement ?? (await cliConfinement(cwd)));
  const { files, skipped, regular, refused } = await discoverFiles(inputs, cwd, (uri) => engine.checkedFileRefusal(uri));
  skipped.forEach(note);
  if (files.length === 0 && refused.length === 0) {
    const where = inputs.length > 0 ? inputs.map((i) => JSON.stringify(i)).join(', ') : 'the current folder';
    throw new NothingToCheck(
      `Found no rubric files in ${where}. Files are checked when named *.rubric.yaml, *.assessment.yaml or *.plan.yaml, placed under a rubrics/ folder, or declaring "apiVersion: rubrics-as-code/v1". Name files explicitly to check them anyway, or run "rubrics init" to start.`,
    );
  }
  const checker = new FileChecker(engine);
  const results: FileResult[] = refused.map((entry) => {
    const shown = displayPath(entry.path, cwd);
    return { ...toFileResult(shown, { text: '', diagnostics: [refusedFileDiagnostic(shown, entry.refusal, entry.what)] }), absolutePath: entry.path };
  });
  for (const file of files) {
    const shown = displayPath(file, cwd);
    let text: string;
    try {
      text = await readTextFile(file, { seenRegular: regular.has(file) });
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      results.push({ path: shown, absolutePath: file, diagnostics: [], incomplete: [printable(`It was not read: ${error.reason}.${error.advice ? ` ${error.advice}` : ''}`)] });
      continue;
    }
    const uri = fileUri(file);
    const referenced = (other: string) => engine.referencedFile(other, uri);
    const kept = await cache?.lookUp(file, text, referenced);
    if (kept) {
      results.push({ path: shown, diagnostics: kept, absolutePath: file });
      continue;
    }
    const { analysis, incomplete } = await checker.check(uri, text);
    const result = toFileResult(shown, analysis ?? { text, diagnostics: [] }, incomplete);
    if (cache && analysis && result.incomplete === undefined) await cache.keep(file, text, analysis.dependencies, result.diagnostics, referenced);
    results.push({ ...result, absolutePath: file });
  }
  await cache?.save(note);
  // In the order of their paths, files refused and read alike.
  return results.sort((a, b) => compareStrings(a.path, b.path));
}

/** One format of the results; `stopped` says why the check stopped before it could check everything. */
function render(results: readonly FileResult[], format: Format, context: CliContext, color: boolean, stopped: readonly string[] = []): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif': {
      const root = repositoryRoot(context);
      return formatSarif(relativeTo(results, root), { toolVersion: TOOL_VERSION, sourceRootUri: directoryUri(root), stopped });
    }
    case 'github':
      return formatGithub(relativeTo(results, repositoryRoot(context)));
    case 'junit':
      return formatJunit(results, stopped);
    case 'stylish':
      return formatStylish(results, palette(color));
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
