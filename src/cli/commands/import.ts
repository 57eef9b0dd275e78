import { type Conversion, ConversionError, convertDsomm, convertSamm, Engine, MemoryFileHost, rubricYaml } from '../core';
import { parseCommand } from '../args';
import type { Command } from '../command';
import type { CliContext } from '../context';
import { CliError } from '../../node/errors';
import { readModelFile, readSammModel, sammRelease } from '../../node/readModel';
import { validId } from '../importSupport';
import { emit } from '../output';
import { printable } from '../../node/printable';
import { reportProblemsToStderr } from '../problems';

const spec = {
  name: 'import',
  options: {
    out: { type: 'string', short: 'o' },
    id: { type: 'string' },
    release: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: { min: 2, max: 2, what: 'a model ("samm" or "dsomm") and where to read it' },
} as const;

const MODELS = ['samm', 'dsomm'] as const;
const MODEL_NAMES: Readonly<Record<(typeof MODELS)[number], string>> = { samm: 'OWASP SAMM', dsomm: 'DSOMM' };

/** What else `rubrics import` reads, each a command of its own, loaded when it runs. */
const OTHER_IMPORTS: Readonly<Record<string, () => Promise<Command>>> = {
  answers: async () => (await import('./importAnswers')).importAnswersCommand,
  'samm-toolbox': async () => (await import('./importToolbox')).importToolboxCommand,
  'dsomm-progress': async () => (await import('./importProgress')).importProgressCommand,
  scorecard: async () => (await import('./importScorecard')).importScorecardCommand,
};

export const importCommand: Command = {
  name: 'import',
  help: `Usage: rubrics import samm DIR [--out FILE] [--id ID]
       rubrics import dsomm FILE [--out FILE] [--id ID]
       rubrics import answers SHEET --into ASSESSMENT      (see "rubrics import answers --help")
       rubrics import samm-toolbox FILE --rubric RUBRIC     (see "rubrics import samm-toolbox --help")
       rubrics import dsomm-progress FILE --rubric RUBRIC --out-dir DIR
                                                            (see "rubrics import dsomm-progress --help")
       rubrics import scorecard RESULTS --out-dir DIR       (see "rubrics import scorecard --help")

Converts a public maturity model from the files its project publishes into a rubric of this
format, with the scoring settings that reproduce the model's own numbers. The texts are your
copy of the model; the tool ships the converter, not the model.

  samm DIR    a checkout of the OWASP SAMM model (github.com/owaspsamm/core, v2.0 to v2.2):
              the repository root or its model/ folder of YAML files (business functions,
              security practices, streams, maturity levels, activities, questions, answer sets).
              Scored with levelSum on a 0 to 3 scale; streams become sub-groups; related
              activities become "related" (advice in reports, no warnings). The rubric's
              version is the release: the checkout's git tag, a version in the folder's name
              (core-2.2.0), or --release.
  dsomm FILE  the generated model of the OWASP DevSecOps Maturity Model (generated/model.yaml of
              the DevSecOps-MaturityModel-data repository, releases 1.x to 4.x). Scored with gated
              on a 0 to 5 scale; dependsOn, references, tags and difficulty are carried over.

The rubric is checked before it is written; its problems, if any, are printed on stderr and the
exit code is 1. What could not be carried over (a link to an activity that does not exist) is
printed as a note.

Options:
  -o, --out <file>  write to this file instead of stdout (written whole or not at all)
      --id <id>     the rubric's id (default owasp-samm or owasp-dsomm)
      --release <v> samm: the release the files come from (2.2.0), when git cannot tell
  -h, --help        show this help

Examples:
  git clone https://github.com/owaspsamm/core samm
  rubrics import samm samm --out rubrics/samm.rubric.yaml
  rubrics import dsomm DevSecOps-MaturityModel-data/generated/model.yaml --out rubrics/dsomm.rubric.yaml
`,
  async run(args, context) {
    const other = OTHER_IMPORTS[args[0] ?? ''];
    if (other) return (await other()).run(args.slice(1), context);
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      context.stdout.write(this.help);
      return 0;
    }
    const [model, where] = positionals as [string, string];
    if (!(MODELS as readonly string[]).includes(model)) throw new CliError(`"rubrics import" converts ${MODELS.join(' or ')}, not "${printable(model)}".`);
    const options = values.id !== undefined ? { id: validId(values.id) } : {};
    let conversion: Conversion;
    try {
      if (model === 'samm') {
        const release = values.release !== undefined ? { version: values.release, how: 'given with --release' } : await sammRelease(where, context.cwd);
        conversion = convertSamm(await readSammModel(where, context.cwd), { ...options, ...(release ? { release } : {}) });
      }
      else {
        const { shown, documents } = await readModelFile(where, context.cwd);
        conversion = convertDsomm(documents, shown, options);
      }
    } catch (error) {
      if (error instanceof ConversionError) throw new CliError(`Cannot convert ${printable(where)}: ${error.message}`);
      throw error;
    }
    for (const note of conversion.notes) context.stderr.write(`note: ${printable(note)}\n`);
    const text = rubricYaml(conversion, `rubrics import ${model}`);
    const hasErrors = await checkRubric(text, values.out ?? `${conversion.rubric.id}.rubric.yaml`, context);
    await emit(text, values.out, context, `the rubric "${conversion.rubric.id}" converted from ${MODEL_NAMES[model as (typeof MODELS)[number]]} ${printable(where)}`);
    return hasErrors ? 1 : 0;
  },
};

/** Checks the converted rubric with the engine, as `validate` would; its problems go to stderr. */
async function checkRubric(text: string, shown: string, context: CliContext): Promise<boolean> {
  const analysis = await new Engine(new MemoryFileHost(new Map())).analyze('file:///import/converted.rubric.yaml', text);
  return reportProblemsToStderr([{ path: shown, analysis, documentIndex: 0 }], context);
}
