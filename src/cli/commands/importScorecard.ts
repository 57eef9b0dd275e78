import path from 'node:path';
import YAML from 'yaml';
import { ConversionError, parseScorecardResults, rubricYaml, scorecardAssessments, scorecardRubric } from '../core';
import { readUserFile } from '../../node/analyze';
import { parseCommand } from '../args';
import type { Command } from '../command';
import { outputRoot } from '../../node/confinement';
import { displayPath } from '../../node/discover';
import { CliError } from '../../node/errors';
import { checkWritten, validId } from '../importSupport';
import { printable } from '../../node/printable';
import { loadRubric, rubricReference } from '../rubricSource';

const spec = {
  name: 'import scorecard',
  options: {
    'out-dir': { type: 'string' },
    rubric: { type: 'string' },
    id: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 1, max: 1, what: 'the Scorecard results (JSON)' },
} as const;

export const importScorecardCommand: Command = {
  name: 'import scorecard',
  help: `Usage: rubrics import scorecard RESULTS --out-dir DIR [--rubric RUBRIC] [--id ID]

Turns OpenSSF Scorecard results ("scorecard --format json": one repository's result, an array of
them, or one per line) into one assessment per repository, against a Scorecard rubric: each
check rated 0 to 10 as Scorecard rated it, weighted by its risk, so the overall score is
Scorecard's own aggregate; a check Scorecard could not conclude is not applicable, with its
reason. Without --rubric the rubric is written too, as DIR/openssf-scorecard.rubric.yaml. Every
file is written, or none.

Options:
      --out-dir <dir>   where the assessments (and the rubric) go
      --rubric <file>   a Scorecard rubric written before, to score these results against
      --id <id>         the rubric's id when it is written (default openssf-scorecard)
  -h, --help            show this help

Example:
  scorecard --repo=github.com/example/tool --format json > tool.json
  rubrics import scorecard tool.json --out-dir rubrics/scorecard
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    if (values['out-dir'] === undefined) throw new CliError('"rubrics import scorecard" needs --out-dir: where the assessments go.');
    const outDir = path.resolve(context.cwd, values['out-dir']);
    const file = path.resolve(context.cwd, positionals[0] as string);
    const shown = displayPath(file, context.cwd);
    let results;
    try {
      results = parseScorecardResults(await readUserFile(file, shown, 'unconfined'), shown);
    } catch (error) {
      if (error instanceof ConversionError) throw new CliError(`Cannot read ${printable(shown)}: ${error.message}`);
      throw error;
    }
    const files: { file: string; shown: string; text: string }[] = [];
    let rubricFile: string;
    let rubric;
    if (values.rubric !== undefined) {
      const given = await loadRubric(values.rubric, context);
      rubricFile = given.absolute;
      rubric = given.index.rubric;
    } else {
      const conversion = scorecardRubric(results, values.id !== undefined ? { id: validId(values.id) } : {});
      for (const note of conversion.notes) context.stderr.write(`note: ${printable(note)}\n`);
      rubricFile = path.join(outDir, `${conversion.rubric.id}.rubric.yaml`);
      rubric = conversion.rubric;
      files.push({ file: rubricFile, shown: path.relative(context.cwd, rubricFile), text: rubricYaml(conversion, 'rubrics import scorecard') });
    }
    const { assessments, notes } = scorecardAssessments(results, rubric, { rubricReference: rubricReference(path.join(outDir, 'repository.assessment.yaml'), rubricFile) });
    for (const note of notes) context.stderr.write(`note: ${printable(note)}\n`);
    for (const a of assessments) {
      const target = path.join(outDir, `${a.assessment.id}.assessment.yaml`);
      const header = `# OpenSSF Scorecard of ${a.repo}, converted by "rubrics import scorecard" from ${path.basename(shown)}.\n`;
      files.push({ file: target, shown: path.relative(context.cwd, target), text: header + YAML.stringify(a.assessment, { lineWidth: 100, minContentWidth: 40, blockQuote: 'literal' }) });
    }
    let hasErrors = false;
    const rubricWritten = files.filter((f) => f.file.endsWith('.rubric.yaml'));
    for (const f of files) hasErrors = (await checkWritten(f.text, f.shown, f.file, context, rubricWritten)) || hasErrors;
    const { writeFilesAtomic } = await import('../../node/atomicWrite');
    await writeFilesAtomic(files, { within: await outputRoot(context) });
    context.stderr.write(`Wrote ${files.map((f) => printable(f.shown)).join(', ')}.\n`);
    return hasErrors ? 1 : 0;
  },
};

