import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { builtinFrameworks, type RubricIndex } from '../core';
import { createEngine } from '../../node/analyze';
import { parseCommand } from '../args';
import { writeFilesAtomic } from '../../node/atomicWrite';
import type { Command } from '../command';
import { outputRoot } from '../../node/confinement';
import { displayPath } from '../../node/discover';
import { CliError } from '../../node/errors';
import { FILE_NAMES, STARTER_RUBRIC_ID, starterAssessment, starterDates, starterPlan, starterReadme, starterRubric, starterWorkflow } from '../initTemplates';

const spec = {
  name: 'init',
  options: {
    force: { type: 'boolean' },
    'with-ci': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 0, max: 1, what: 'at most one folder' },
} as const;

export const initCommand: Command = {
  name: 'init',
  help: `Usage: rubrics init [DIR] [--force] [--with-ci]

Creates a folder (default: ./rubrics) to start from:
  ${FILE_NAMES.assessment.padEnd(28)} an assessment against the built-in "${STARTER_RUBRIC_ID}" rubric,
  ${''.padEnd(28)} with two attributes filled in and comments on what to do next
  ${FILE_NAMES.plan.padEnd(28)} a roadmap with one initiative, starting from that assessment
  ${FILE_NAMES.rubric.padEnd(28)} a small rubric of your own to adapt
  ${FILE_NAMES.readme.padEnd(28)} what the files are, the commands, and a CI workflow to copy

Existing files are never replaced: if any of these files exists, nothing is written and the
command exits with 2 naming them (use --force to replace them). The files are written all or
nothing: when one cannot be written, none is changed.

Options:
  --with-ci   also write .github/workflows/rubrics.yml at the root of the git repository
              (or of the current folder outside git)
  --force     replace files that already exist
  -h, --help  show this help
`,
  async run(args, context) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    const directory = path.resolve(context.cwd, positionals[0] ?? 'rubrics');
    const rubric = await starterRubricIndex();
    const root = values['with-ci'] ? await repositoryRoot(context.cwd) : context.cwd;
    const workflow = starterWorkflow(folderPath(directory, root));
    const dates = starterDates(new Date());

    const files: { file: string; text: string }[] = [
      { file: path.join(directory, FILE_NAMES.assessment), text: starterAssessment(rubric, dates) },
      { file: path.join(directory, FILE_NAMES.plan), text: starterPlan(rubric, dates) },
      { file: path.join(directory, FILE_NAMES.rubric), text: starterRubric() },
      { file: path.join(directory, FILE_NAMES.readme), text: starterReadme(folderPath(directory, context.cwd), workflow) },
    ];
    if (values['with-ci']) files.push({ file: path.join(root, '.github', 'workflows', 'rubrics.yml'), text: workflow });

    if (!values.force) {
      const existing: string[] = [];
      for (const { file } of files) if (await exists(file)) existing.push(displayPath(file, context.cwd));
      if (existing.length > 0) {
        throw new CliError(`Not overwriting ${existing.join(', ')}: ${existing.length === 1 ? 'it exists' : 'they exist'} already. Choose another folder ("rubrics init DIR"), or use --force to replace ${existing.length === 1 ? 'it' : 'them'}.`);
      }
    }
    await writeFilesAtomic(files.map(({ file, text }) => ({ file, text, shown: displayPath(file, context.cwd) })), { within: await outputRoot(context) });

    const shown = folderPath(directory, context.cwd);
    context.stdout.write(
      [
        `Created ${shown}/ with:`,
        ...files.map(({ file }) => `  ${displayPath(file, context.cwd)}`),
        '',
        'Next:',
        `  1. Open ${shown}/${FILE_NAMES.assessment} and follow the comments at the top.`,
        // As the README installs the tool (npm install --save-dev, then npx): a bare "rubrics" is not on the PATH.
        `  2. npx rubrics validate ${shown}`,
        `  3. npx rubrics report ${shown}/${FILE_NAMES.assessment}`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};

/** The built-in rubric the starter files score against, read through the engine like any reference. */
async function starterRubricIndex(): Promise<RubricIndex> {
  const framework = builtinFrameworks().get(STARTER_RUBRIC_ID);
  const analysis = framework ? await createEngine().analyze(framework.uri, framework.text) : undefined;
  const document = analysis?.documents.find((d) => d.kind === 'Rubric');
  const index = document?.kind === 'Rubric' ? document.rubricIndex : undefined;
  if (!index) throw new CliError(`This build of rubrics lacks a usable built-in "${STARTER_RUBRIC_ID}" rubric, which the starter files use. Reinstall the tool.`);
  return index;
}

/** The top of the git work tree around `cwd`, or `cwd` itself when it is not in one. */
async function repositoryRoot(cwd: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', '--show-toplevel'], { cwd });
    return path.resolve(stdout.trim());
  } catch {
    return cwd;
  }
}

/** A folder relative to `base` with forward slashes, "." for `base` itself. */
function folderPath(directory: string, base: string): string {
  return path.relative(base, directory).split(path.sep).join('/') || '.';
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
