import path from 'node:path';
import YAML from 'yaml';
import { ConversionError, readDsommProgress } from '../core';
import { parseCommand } from '../args';
import type { Command } from '../command';
import { outputRoot } from '../../node/confinement';
import { CliError } from '../../node/errors';
import { readModelFile } from '../../node/readModel';
import { checkWritten, todayIn } from '../importSupport';
import { printable } from '../../node/printable';
import { loadRubric, rubricReference } from '../rubricSource';

const spec = {
  name: 'import dsomm-progress',
  options: {
    rubric: { type: 'string' },
    'out-dir': { type: 'string' },
    evidence: { type: 'string' },
    meta: { type: 'string' },
    organization: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 1, max: 1, what: 'the team progress file (team-progress.yaml)' },
} as const;

export const importProgressCommand: Command = {
  name: 'import dsomm-progress',
  help: `Usage: rubrics import dsomm-progress FILE --rubric DSOMM_RUBRIC --out-dir DIR [--evidence FILE] [--meta FILE] [--organization NAME]

Turns the team progress the OWASP DSOMM application exports (team-progress.yaml; or, from
releases before 4, the model file with teamsImplemented) into one assessment per team against
the DSOMM rubric that "rubrics import dsomm" wrote. Activities are matched by their uuid. Each
answer is the most advanced stage the team reached (no, started, partly, yes; only yes counts as
implemented, as in DSOMM), with the dates of the stages in its note; the team's evidence
(team-evidence.yaml) becomes its links and notes. Each team's file is DIR/dsomm-<team>.assessment.yaml;
all are written, or none.

Options:
      --rubric <file>        the DSOMM rubric ("rubrics import dsomm" writes it)
      --out-dir <dir>        where the teams' assessments go
      --evidence <file>      the team evidence the application exports (team-evidence.yaml)
      --meta <file>          the application's meta.yaml, when it defines its own progress stages
      --organization <name>  the organization the teams belong to
  -h, --help                 show this help

Example:
  rubrics import dsomm-progress team-progress.yaml --evidence team-evidence.yaml --rubric rubrics/dsomm.rubric.yaml --out-dir rubrics/teams --organization "Example Corp"
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    if (values.rubric === undefined || values['out-dir'] === undefined) throw new CliError('"rubrics import dsomm-progress" needs --rubric (the DSOMM rubric) and --out-dir (where the teams\' assessments go).');
    const rubric = await loadRubric(values.rubric, context);
    const outDir = path.resolve(context.cwd, values['out-dir']);
    const read = async (file: string) => {
      try {
        const { shown, documents } = await readModelFile(file, context.cwd);
        return { shown, value: documents.find((d) => d !== null && typeof d === 'object') };
      } catch (error) {
        if (error instanceof ConversionError) throw new CliError(`Cannot read ${printable(file)}: ${error.message}`);
        throw error;
      }
    };
    const progress = await read(positionals[0] as string);
    const evidence = values.evidence !== undefined ? await read(values.evidence) : undefined;
    const meta = values.meta !== undefined ? await read(values.meta) : undefined;
    const result = readDsommProgress(
      { progress: progress.value, progressFile: progress.shown, ...(evidence ? { evidence: evidence.value, evidenceFile: evidence.shown } : {}), ...(meta ? { meta: meta.value } : {}) },
      rubric.index,
      { rubricReference: rubricReference(path.join(outDir, 'team.assessment.yaml'), rubric.absolute), organization: values.organization ?? 'Not named', defaultDate: todayIn() },
    );
    for (const note of result.notes) context.stderr.write(`note: ${printable(note)}\n`);
    for (const problem of result.problems) context.stderr.write(`${printable(problem)}\n`);
    if (result.problems.length > 0 || result.teams.length === 0) {
      context.stderr.write(`Nothing was written${result.problems.length ? `: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}` : ': no team has progress'}.\n`);
      return 1;
    }
    if (values.organization === undefined) context.stderr.write('note: the assessments name the organization "Not named"; give it with --organization.\n');
    const files = result.teams.map((t) => {
      const file = path.join(outDir, `${t.assessment.id}.assessment.yaml`);
      const header = `# DSOMM progress of ${t.team}, converted by "rubrics import dsomm-progress" from ${path.basename(progress.shown)} (${t.answered} activities with progress).\n`;
      return { file, shown: path.relative(context.cwd, file) || file, text: header + YAML.stringify(t.assessment, { lineWidth: 100, minContentWidth: 40, blockQuote: 'literal' }) };
    });
    let hasErrors = false;
    for (const f of files) hasErrors = (await checkWritten(f.text, f.shown, f.file, context)) || hasErrors;
    const { writeFilesAtomic } = await import('../../node/atomicWrite');
    await writeFilesAtomic(files, { within: await outputRoot(context) });
    context.stderr.write(`Wrote ${files.length} assessment${files.length === 1 ? '' : 's'}: ${files.map((f) => printable(f.shown)).join(', ')}.\n`);
    return hasErrors ? 1 : 0;
  },
};
