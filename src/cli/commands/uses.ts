import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  builtinFrameworks,
  defaultAssessmentTitle,
  type FileAnalysis,
  formatScore,
  type RubricRef,
  rubricsDefinedIn,
  rubricUsers,
} from '../core';
import { createEngine, FileChecker, incompleteLines, readUserFile } from '../../node/analyze';
import { ALLOW_OUTSIDE_SPEC, allowOutsideHelp, cliConfinement } from '../../node/confinement';
import { DOCUMENT_OUTPUT_OPTIONS, oneOf, parseCommand } from '../args';
import type { Command } from '../command';
import { displayPath, discoverFiles, refusedNotes } from '../../node/discover';
import { CliError } from '../../node/errors';
import { fileUri, NodeFileHost } from '../../node/nodeFileHost';
import { emit } from '../output';
import { printable, printableJson } from '../../node/printable';

const FORMATS = ['text', 'json'] as const;

const spec = {
  name: 'uses',
  options: {
    ...DOCUMENT_OUTPUT_OPTIONS,
    ...ALLOW_OUTSIDE_SPEC,
  },
  positionals: { min: 1, max: Infinity, what: 'a rubric (a rubric file, file#rubric-id, or a built-in id), then optionally where to look' },
} as const;

/** One document that depends on the rubric, as the command lists it. */
export interface RubricUse {
  readonly path: string;
  readonly documentIndex: number;
  readonly kind: 'Assessment' | 'Plan';
  readonly id?: string;
  readonly title?: string;
  readonly overall?: number;
}

export const usesCommand: Command = {
  name: 'uses',
  help: `Usage: rubrics uses RUBRIC [paths or globs...] [--format text|json] [--out FILE]

Lists every assessment and plan scored against RUBRIC: what a change to it moves. RUBRIC is a
rubric file (the first rubric in it, or file#rubric-id for another), or the id of a built-in
rubric (rubrics builtins lists them). A document uses the rubric its reference resolves to, so a
copy of a rubric elsewhere, with the same id, is another rubric. The files searched are those
rubrics validate would check (default: the current folder). The editor's "Find All References"
on a rubric's id gives the same documents.

Options:
  -f, --format <name>  text (default: one line per document) or json
  -o, --out <file>     write to this file instead of stdout
${allowOutsideHelp(23)}
  -h, --help           show this help

Exit codes: 0 listed (also when nothing uses it), 2 the rubric or a path was not found, or a
file could not be fully checked.

Examples:
  rubrics uses rubrics/claims-platform.rubric.yaml
  rubrics uses seven-attributes rubrics/ --format json
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    const format = oneOf(values.format, FORMATS, 'text', '--format');
    const [rubricArg, ...where] = positionals as [string, ...string[]];
    const host = new NodeFileHost();
    const engine = createEngine(host, await cliConfinement(context.cwd, values['allow-outside'], context.root));
    const checker = new FileChecker(engine);
    const rubric = await rubricOf(rubricArg, context.cwd, engine);
    const { files, skipped, refused } = await discoverFiles(where, context.cwd, (uri) => engine.checkedFileRefusal(uri));
    for (const note of [...skipped, ...refusedNotes(refused, context.cwd)]) context.stderr.write(`rubrics: ${note}\n`);
    const uses: RubricUse[] = [];
    let incomplete = false;
    for (const file of files) {
      const shown = displayPath(file, context.cwd);
      const { analysis, incomplete: reasons } = await checker.check(fileUri(file), await readUserFile(file, shown, engine));
      if (reasons.length > 0) {
        incomplete = true;
        context.stderr.write(incompleteLines(shown, reasons));
      }
      if (analysis) uses.push(...usesIn(analysis, rubric, shown));
    }
    const text =
      format === 'json'
        ? `${printableJson(JSON.stringify({ rubric: { id: rubric.id, uri: rubric.uri }, uses }, null, 2))}\n`
        : uses.length === 0
          ? `Nothing in the ${files.length} file${files.length === 1 ? '' : 's'} checked uses ${printable(rubric.id)}.\n`
          : `${uses.map((u) => `${printable(u.path)}  ${u.kind}  ${printable(u.title ?? u.id ?? '')}${u.overall !== undefined ? `  overall ${formatScore(u.overall)}` : ''}`).join('\n')}\n`;
    await emit(text, values.out, context, `the ${uses.length} use${uses.length === 1 ? '' : 's'} of ${printable(rubric.id)}`);
    return incomplete ? 2 : 0;
  },
};

/** The documents of a file that use the rubric, in the order written. */
function usesIn(analysis: FileAnalysis, rubric: RubricRef, shown: string): RubricUse[] {
  return rubricUsers(analysis, rubric).map((doc) => {
    const id = doc.data?.id;
    const title = doc.kind === 'Assessment' ? doc.data?.title ?? (doc.data ? defaultAssessmentTitle(doc.data.subject, doc.data.date) : undefined) : doc.data?.title;
    const overall = doc.kind === 'Assessment' ? doc.score?.overall.score : undefined;
    return { path: shown, documentIndex: doc.index, kind: doc.kind, ...(id ? { id } : {}), ...(title ? { title } : {}), ...(overall !== undefined ? { overall } : {}) };
  });
}

/** The rubric the argument names: a file (with #id for one of several rubrics), or a built-in id. */
async function rubricOf(argument: string, cwd: string, engine: ReturnType<typeof createEngine>): Promise<RubricRef> {
  const hash = argument.lastIndexOf('#');
  const [file, id] = hash > 0 ? [argument.slice(0, hash), argument.slice(hash + 1)] : [argument, undefined];
  const absolute = path.resolve(cwd, file);
  if (await stat(absolute).then((s) => s.isFile(), () => false)) {
    const analysis = await engine.analyze(fileUri(absolute), await readUserFile(absolute, file, engine));
    const rubrics = rubricsDefinedIn(analysis);
    const found = id === undefined ? rubrics[0] : rubrics.find((r) => r.id === id);
    if (!found) {
      throw new CliError(id === undefined ? `${file} holds no rubric that passes its schema. Check it with "rubrics validate ${file}".` : `${file} has no rubric with the id "${id}"${rubrics.length ? ` (it has: ${rubrics.map((r) => r.id).join(', ')})` : ''}.`);
    }
    return found;
  }
  const builtin = builtinFrameworks().get(argument);
  if (builtin) return { uri: builtin.uri, id: argument };
  throw new CliError(`"${argument}" is neither a rubric file nor a built-in rubric (${[...builtinFrameworks().keys()].join(', ')}). Name the rubric's file, e.g. rubrics/team.rubric.yaml.`);
}
