import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  buildHistory,
  type Confinement,
  type FileAnalysis,
  historyAssessment,
  historyPoint,
  type HistoryPoint,
  renderHistoryHtml,
  renderHistoryMarkdown,
  subjectKey,
} from '../core';
import { createEngine, FileChecker, incompleteLines, readUserFile } from '../../node/analyze';
import { ALLOW_OUTSIDE_SPEC, allowOutsideHelp, cliConfinement } from '../../node/confinement';
import { DOCUMENT_OUTPUT_OPTIONS, oneOf, parseCommand } from '../args';
import type { Command } from '../command';
import type { CliContext } from '../context';
import { displayPath, discoverFiles, refusedNotes } from '../../node/discover';
import { CliError } from '../../node/errors';
import { git, gitUri } from '../../node/gitSource';
import { fileUri } from '../../node/nodeFileHost';
import { emit, FORMAT_NAMES } from '../output';
import { printable, printableJson } from '../../node/printable';
import { SourceReader } from '../../node/sources';

const FORMATS = ['md', 'html', 'json'] as const;
const BY = ['commit', 'date'] as const;

const spec = {
  name: 'history',
  options: {
    by: { type: 'string' },
    ...DOCUMENT_OUTPUT_OPTIONS,
    ...ALLOW_OUTSIDE_SPEC,
  },
  positionals: { min: 1, max: Infinity, what: 'an assessment file' },
} as const;

export const historyCommand: Command = {
  name: 'history',
  help: `Usage: rubrics history FILE [--by commit|date] [paths...] [--format md|html|json] [--out FILE]

The scores of an assessment over time, per dimension and overall.

  --by commit  (default) every commit that touched FILE, oldest first, with its date and
               author (git's rename detection follows the file across renames); each version
               is scored against its rubric as it was at that commit. Uncommitted changes
               come last, as "working tree".
  --by date    every assessment of FILE's subject (its organization and unit) against the
               same rubric, by assessment date, found in the paths given after FILE (default:
               the current folder), as rubrics validate finds files.

Options:
  -f, --format <name>  md (Markdown with a Mermaid line chart, default), html (a
                       self-contained page with an inline SVG chart) or json
  -o, --out <file>     write to this file instead of stdout (written whole or not at all)
${allowOutsideHelp(23)}
  -h, --help           show this help

Exit codes: 0 written, 2 the file or git could not be read, or a version could not be fully
checked (the reasons are on stderr).

Examples:
  rubrics history rubrics/2026-03.seven-attributes.assessment.yaml
  rubrics history rubrics/2026-03.seven-attributes.assessment.yaml --by date rubrics/ --format html --out history.html
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    const format = oneOf(values.format, FORMATS, 'md', '--format');
    const by = oneOf(values.by, BY, 'commit', '--by');
    const [file, ...where] = positionals as [string, ...string[]];
    const absolute = path.resolve(context.cwd, file);
    if (!(await stat(absolute).then((s) => s.isFile(), () => false))) throw new CliError(`Cannot find the file "${file}" (looked in ${absolute}).`);
    if (by === 'commit' && where.length > 0) throw new CliError('Paths after FILE are where --by date looks for the other assessments; --by commit follows FILE alone.');
    const confinement = await cliConfinement(context.cwd, values['allow-outside'], context.root);
    const { points, newest, incomplete } = by === 'commit' ? await byCommit(absolute, context, confinement) : await byDate(absolute, where, context, confinement);
    const history = buildHistory(by, points, newest);
    const text = format === 'json' ? `${printableJson(JSON.stringify(history, null, 2))}\n` : format === 'html' ? renderHistoryHtml(history) : renderHistoryMarkdown(history);
    await emit(text, values.out, context, `the ${FORMAT_NAMES[format]} history of ${printable(file)} (${points.length} version${points.length === 1 ? '' : 's'})`);
    return incomplete ? 2 : 0;
  },
};

interface Collected {
  readonly points: HistoryPoint[];
  readonly newest?: FileAnalysis;
  readonly incomplete: boolean;
}

const RECORD = '\u001e';
const FIELD = '\u001f';

async function byCommit(absolute: string, context: CliContext, confinement: Confinement): Promise<Collected> {
  const reader = new SourceReader(context.cwd);
  try {
    const repository = await reader.repository();
    const repoPath = path.relative(repository.root, absolute).split(path.sep).join('/');
    const log = await git(repository.root, ['log', '--follow', '--name-only', `--format=${RECORD}%H${FIELD}%cs${FIELD}%an${FIELD}%s`, '--', repoPath]).catch((error: Error) => {
      throw new CliError(`git log failed for ${repoPath}: ${error.message}.`);
    });
    const commits = log
      .split(RECORD)
      .filter((r) => r.trim())
      .map((record) => {
        const [header = '', ...rest] = record.split('\n');
        const [commit = '', date = '', author = '', message = ''] = header.split(FIELD);
        return { commit, date, author, message, path: rest.map((l) => l.trim()).find(Boolean) ?? repoPath };
      })
      .reverse();
    const engine = createEngine(reader, confinement);
    const checker = new FileChecker(engine);
    const points: HistoryPoint[] = [];
    let newest: FileAnalysis | undefined;
    let incomplete = false;
    const take = async (uri: string, text: string, shown: string, meta: Parameters<typeof historyPoint>[1]) => {
      const { analysis, incomplete: reasons } = await checker.check(uri, text);
      if (reasons.length > 0 || !analysis) {
        incomplete = true;
        context.stderr.write(incompleteLines(shown, reasons));
        return;
      }
      const point = historyPoint(analysis, meta);
      if (point) {
        points.push(point);
        newest = analysis;
      }
    };
    let headText: string | undefined;
    for (const c of commits) {
      const text = await repository.show(c.commit, c.path);
      if (text === undefined) continue;
      headText = text;
      await take(gitUri(c.commit, c.path), text, `${c.commit.slice(0, 12)}:${c.path}`, { commit: c.commit, date: c.date, author: c.author, message: c.message, path: c.path });
    }
    const working = await readUserFile(absolute, displayPath(absolute, context.cwd), engine);
    if (working !== headText) await take(fileUri(absolute), working, displayPath(absolute, context.cwd), { date: new Date().toISOString().slice(0, 10), message: 'uncommitted changes', path: repoPath });
    if (points.length === 0) context.stderr.write(`rubrics: no version of ${printable(repoPath)} holds an assessment.\n`);
    return { points, ...(newest ? { newest } : {}), incomplete };
  } finally {
    await reader.close();
  }
}

async function byDate(absolute: string, where: readonly string[], context: CliContext, confinement: Confinement): Promise<Collected> {
  const reader = new SourceReader(context.cwd);
  const engine = createEngine(reader, confinement);
  const checker = new FileChecker(engine);
  const shownOf = (file: string) => displayPath(file, context.cwd);
  const own = await checker.check(fileUri(absolute), await readUserFile(absolute, shownOf(absolute), engine));
  const doc = own.analysis ? historyAssessment(own.analysis) : undefined;
  const key = doc ? subjectKey(doc) : undefined;
  if (!key) throw new CliError(`${shownOf(absolute)} holds no assessment that can be scored (check it with "rubrics validate ${shownOf(absolute)}"), so there is no subject to follow.`);
  const { files, skipped, refused } = await discoverFiles(where, context.cwd, (uri) => engine.checkedFileRefusal(uri));
  for (const note of [...skipped, ...refusedNotes(refused, context.cwd)]) context.stderr.write(`rubrics: ${note}\n`);
  if (!files.includes(absolute)) files.push(absolute);
  const found: { point: HistoryPoint; analysis: FileAnalysis }[] = [];
  let incomplete = false;
  for (const file of files) {
    const shown = shownOf(file);
    const { analysis, incomplete: reasons } = await checker.check(fileUri(file), await readUserFile(file, shown, engine));
    if (reasons.length > 0) {
      incomplete = true;
      context.stderr.write(incompleteLines(shown, reasons));
    }
    const candidate = analysis ? historyAssessment(analysis) : undefined;
    if (!analysis || !candidate || subjectKey(candidate) !== key || !candidate.data) continue;
    const point = historyPoint(analysis, { date: candidate.data.date, path: shown, ...(candidate.data.assessors?.length ? { author: candidate.data.assessors.map((a) => a.name).join(', ') } : {}) });
    if (point) found.push({ point, analysis });
  }
  found.sort((a, b) => (a.point.date < b.point.date ? -1 : a.point.date > b.point.date ? 1 : a.point.path < b.point.path ? -1 : 1));
  const newest = found[found.length - 1]?.analysis;
  return { points: found.map((f) => f.point), ...(newest ? { newest } : {}), incomplete };
}
