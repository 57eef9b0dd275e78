/**
 * The benchmark behind `npm run bench`: for each document size, in one process, the median and
 * 90th percentile time of
 *   1. the engine's whole pipeline (Engine.analyze on an assessment, its rubric cached, as in the editor),
 *   1b. the engine's YAML step alone (parseYaml: the fast parser on these documents),
 *   2. the same pipeline with the complete `yaml` parser forced,
 *   3. `yaml`'s parseDocument alone,
 *   4. yaml-language-server's in-process doValidation with the same JSON schemas,
 *   5. js-yaml's load (no positions), when js-yaml is installed.
 * Then hostile inputs (bench/hostile.ts), each against a plain file of the same size in the
 * same rounds: a rubric whose dimensions share one anchored levels map (500, 1,000 and 5,000
 * dimensions) and a 2 MB line of spaces, through the whole engine. Then "did you mean"
 * (bench/didYouMean.ts): 500, 2,000 and 8,000 unknown ids against a rubric of as many ids.
 * Results go to the terminal and to bench/results.md. Options:
 *   --sizes 500,5000      sizes in lines (default 500, 5000, 50000)
 *   --budget-ms 3000      time spent per subject and size after warm-up
 *   --no-hostile          skip the hostile inputs
 *   --no-did-you-mean     skip the "did you mean" rows
 *   --no-write            do not update bench/results.md
 *   --write-files DIR     only write the generated rubric and assessments to DIR, then exit
 *   --cli-only            only the CLI over a generated repository (bench/cli.ts)
 *   --no-cli              leave that out
 *   --cli-files 1000      files in that repository (at least 30)
 *   --cli-rounds 5        rounds of it
 *   --sheets-only         only the spreadsheets (bench/sheets.ts)
 *   --no-sheets           leave them out
 *   --portfolio-only      only the portfolio over a generated organization (bench/portfolio.ts)
 *   --no-portfolio        leave that out
 * Then the CLI over a generated 1,000-file repository (bench/cli.ts): `validate` against ajv-cli
 * and the review of a whole change against `validate`, in CPU time of whole processes. Then
 * spreadsheets (bench/sheets.ts): importing a 1,000-row sheet against reading the same answers
 * from YAML, exporting a DSOMM assessment against writing it as YAML. Then the portfolio over a
 * generated organization of 500 units (bench/portfolio.ts): `portfolio` against `validate` over
 * the same files, in CPU time of whole processes, and the size of its HTML page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService.js';
import { Engine, type FileAnalysis } from '../src/core/engine';
import { MemoryFileHost } from '../src/core/resolve/host';
import { parseYaml } from '../src/core/yaml/parse';
import { benchCli, cliTable } from './cli';
import { benchSheets, sheetsTable } from './sheets';
import { benchPortfolio, portfolioTable } from './portfolio';
import { benchDidYouMean, didYouMeanTable, type DidYouMeanRow } from './didYouMean';
import { measureInterleaved, type Timing } from './measure';
import { BENCH_REPOSITORY } from './repository';
import { workUnits } from '../src/core/yaml/work';
import { BENCH_RUBRIC_FILE, BENCH_SIZES, generateBenchDocuments, writeBenchFiles, type BenchDocuments } from './generate';
import { YAML_LIMITS } from '../src/core/yaml/limits';
import { aliasSharedRubric, longSpaceLine, plainRubricOfSize, sameShapeRubric, writtenOutRubric } from './hostile';

interface Options {
  sizes: number[];
  budgetMs: number;
  hostile: boolean;
  didYouMean: boolean;
  sheets: boolean;
  portfolio: boolean;
  write: boolean;
  writeFiles?: string;
  cli: boolean;
  engine: boolean;
  cliFiles: number;
  cliRounds: number;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { sizes: [...BENCH_SIZES], budgetMs: 3000, hostile: true, didYouMean: true, write: true, cli: true, engine: true, sheets: true, portfolio: true, cliFiles: BENCH_REPOSITORY.files, cliRounds: 5 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sizes') options.sizes = String(argv[++i]).split(',').map(Number).filter((n) => n > 0);
    else if (arg === '--budget-ms') options.budgetMs = Number(argv[++i]);
    else if (arg === '--no-write') options.write = false;
    else if (arg === '--no-hostile') options.hostile = false;
    else if (arg === '--no-did-you-mean') options.didYouMean = false;
    else if (arg === '--write-files') options.writeFiles = String(argv[++i]);
    else if (arg === '--cli-only') {
      options.engine = false;
      options.sheets = false;
      options.portfolio = false;
    } else if (arg === '--no-cli') options.cli = false;
    else if (arg === '--sheets-only') {
      options.engine = false;
      options.cli = false;
      options.portfolio = false;
    } else if (arg === '--no-sheets') options.sheets = false;
    else if (arg === '--cli-files') options.cliFiles = Math.max(30, Number(argv[++i]) || BENCH_REPOSITORY.files);
    else if (arg === '--cli-rounds') options.cliRounds = Math.max(1, Number(argv[++i]) || 5);
    else if (arg === '--portfolio-only') {
      options.engine = false;
      options.cli = false;
      options.sheets = false;
    } else if (arg === '--no-portfolio') options.portfolio = false;
    else throw new Error(`Unknown option ${arg}. Options: --sizes 500,5000 --budget-ms 3000 --no-hostile --no-did-you-mean --no-write --write-files DIR --cli-only --no-cli --cli-files 1000 --cli-rounds 5 --sheets-only --no-sheets --portfolio-only --no-portfolio`);
  }
  return options;
}

const repoRoot = path.resolve(__dirname, '..');
const CLI_HEADING = '## The CLI over a repository';
const SHEETS_HEADING = '## Spreadsheets';
const PORTFOLIO_HEADING = '## The portfolio over an organization';
const schemaDir = path.join(repoRoot, 'schemas');

/** yaml-language-server set up as an editor would: the assessment schema, read from disk on request. */
function yamlLanguageServer() {
  const service = getLanguageService({
    schemaRequestService: async (uri: string) => {
      const file = new URL(uri);
      if (file.protocol !== 'file:') throw new Error(`Only file schemas are served here: ${uri}`);
      return fs.readFileSync(file, 'utf8');
    },
    workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).toString() },
  });
  service.configure({
    validate: true,
    hover: false,
    completion: false,
    format: false,
    schemas: [{ uri: pathToFileURL(path.join(schemaDir, 'assessment.schema.json')).toString(), fileMatch: ['*.assessment.yaml'] }],
  });
  let version = 0;
  return {
    /** Validates as after a keystroke: a new document version, so nothing comes from its cache. */
    validate: (uri: string, text: string) => service.doValidation(TextDocument.create(uri, 'yaml', ++version, text), false),
  };
}

type JsYamlLoad = (text: string) => unknown;
function optionalJsYaml(): JsYamlLoad | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('js-yaml') as { load: JsYamlLoad }).load;
  } catch {
    return undefined;
  }
}

interface Row {
  readonly lines: number;
  readonly bytes: number;
  readonly parser: FileAnalysis['parser'];
  readonly diagnostics: number;
  readonly engine: Timing;
  readonly yamlStep: Timing;
  readonly engineFull: Timing;
  readonly parseOnly: Timing;
  readonly yls: Timing;
  readonly jsYaml?: Timing;
}

async function benchSize(size: number, budgetMs: number, yls: ReturnType<typeof yamlLanguageServer>, jsYamlLoad: JsYamlLoad | undefined): Promise<Row> {
  const docs: BenchDocuments = generateBenchDocuments(size);
  const dir = `file:///bench/${size}/`;
  const uri = `${dir}bench-${size}.assessment.yaml`;
  const host = new MemoryFileHost(new Map([[`${dir}${BENCH_RUBRIC_FILE}`, docs.rubric]]));
  const engine = new Engine(host);
  const engineFull = new Engine(host, { parser: 'full' });
  const first = await engine.analyze(uri, docs.assessment);
  const firstFull = await engineFull.analyze(uri, docs.assessment);
  if (first.diagnostics.length !== firstFull.diagnostics.length) {
    throw new Error(`The fast and full parsers disagree on ${uri}: ${first.diagnostics.length} vs ${firstFull.diagnostics.length} diagnostics.`);
  }
  const yamlErrors = (await yls.validate(uri, docs.assessment)).filter((d) => d.severity === 1);
  if (yamlErrors.length > 0) throw new Error(`yaml-language-server finds ${yamlErrors.length} errors in the generated assessment, e.g. ${yamlErrors[0]?.message}`);

  const lines = docs.assessment.split('\n').length - 1;
  console.log(`  ${lines} lines: measuring...`);
  const subjects = [
    () => engine.analyze(uri, docs.assessment),
    () => parseYaml(docs.assessment),
    () => engineFull.analyze(uri, docs.assessment),
    () => parseDocument(docs.assessment),
    () => yls.validate(uri, docs.assessment),
    ...(jsYamlLoad ? [() => jsYamlLoad(docs.assessment)] : []),
  ];
  const [engineTiming, yamlStepTiming, engineFullTiming, parseTiming, ylsTiming, jsYamlTiming] = (await measureInterleaved(subjects, budgetMs)) as [Timing, Timing, Timing, Timing, Timing, Timing | undefined];
  return {
    lines,
    bytes: Buffer.byteLength(docs.assessment),
    parser: first.parser,
    diagnostics: first.diagnostics.length,
    engine: engineTiming,
    yamlStep: yamlStepTiming,
    engineFull: engineFullTiming,
    parseOnly: parseTiming,
    yls: ylsTiming,
    ...(jsYamlTiming ? { jsYaml: jsYamlTiming } : {}),
  };
}

interface HostileRow {
  readonly name: string;
  readonly bytes: number;
  readonly parser: FileAnalysis['parser'];
  readonly plainParser: FileAnalysis['parser'];
  readonly diagnostics: number;
  /** YAML work units (ParseWork) of the hostile file and of the plain one. */
  readonly work: number;
  readonly plainWork: number;
  readonly hostile: Timing;
  readonly plain: Timing;
  /** The same data without aliases, when the input has aliases and that fits under the size limit. */
  readonly writtenOut?: Timing;
  readonly writtenOutBytes?: number;
  /** As many dimensions without aliases (sameShapeRubric): what the structure costs without them. */
  readonly sameShape?: Timing;
}

/** The hostile inputs, each with the plain file of the same size it is measured against. */
function hostileInputs(): { name: string; text: string; writtenOut?: string; sameShape?: string }[] {
  return [
    ...[500, 1_000, 5_000].map((dimensions) => ({ name: `Alias-shared levels, ${dimensions.toLocaleString('en-US')} dimensions`, text: aliasSharedRubric(dimensions), writtenOut: writtenOutRubric(dimensions), sameShape: sameShapeRubric(dimensions) })),
    { name: '2 MiB line of spaces', text: longSpaceLine(2 * 1024 * 1024) },
  ];
}

async function benchHostile(name: string, text: string, writtenOutText: string | undefined, sameShapeText: string | undefined, budgetMs: number): Promise<HostileRow> {
  const plainText = plainRubricOfSize(text.length);
  const engine = new Engine(new MemoryFileHost());
  const uri = 'file:///bench/hostile/input.rubric.yaml';
  const plainUri = 'file:///bench/hostile/plain.rubric.yaml';
  const writtenUri = 'file:///bench/hostile/written-out.rubric.yaml';
  const first = await engine.analyze(uri, text);
  const plainFirst = await engine.analyze(plainUri, plainText);
  // Over the size limit the written-out file would only be refused: nothing to compare with.
  const written = writtenOutText !== undefined && writtenOutText.length <= YAML_LIMITS.maxBytes ? writtenOutText : undefined;
  console.log(`  ${name}: measuring...`);
  const sameShapeUri = 'file:///bench/hostile/same-shape.rubric.yaml';
  const subjects = [
    () => engine.analyze(uri, text),
    () => engine.analyze(plainUri, plainText),
    ...(sameShapeText !== undefined ? [() => engine.analyze(sameShapeUri, sameShapeText)] : []),
    ...(written ? [() => engine.analyze(writtenUri, written)] : []),
  ];
  const timings = await measureInterleaved(subjects, budgetMs);
  const [hostile, plain] = timings as [Timing, Timing];
  const sameShape = sameShapeText !== undefined ? timings[2] : undefined;
  const writtenOut = written ? timings[sameShapeText !== undefined ? 3 : 2] : undefined;
  return {
    ...(writtenOut && written ? { writtenOut, writtenOutBytes: written.length } : {}),
    ...(sameShape ? { sameShape } : {}),
    name,
    bytes: text.length,
    parser: first.parser,
    plainParser: plainFirst.parser,
    diagnostics: first.diagnostics.length,
    work: workUnits(parseYaml(text).work),
    plainWork: workUnits(parseYaml(plainText).work),
    hostile,
    plain,
  };
}

function hostileTable(rows: readonly HostileRow[]): string {
  const header = '| Input | Size | Engine | Plain file of the same size | Ratio | Same dimensions, no aliases | Ratio | Same data written out | Ratio | YAML work units (hostile / plain) | Parser (hostile / plain) | Diagnostics |';
  const rule = '|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|---:|';
  const sameShape = (r: HostileRow) => (r.sameShape ? `${ms(r.sameShape)} | **${ratio(r.hostile, r.sameShape)}**` : 'n/a | n/a');
  const writtenOut = (r: HostileRow) =>
    r.writtenOut && r.writtenOutBytes ? `${ms(r.writtenOut)} (${(r.writtenOutBytes / 2 ** 20).toFixed(1)} MiB) | ${ratio(r.hostile, r.writtenOut)}` : r.name.startsWith('Alias') ? 'over the 16 MiB limit | n/a' : 'no aliases | n/a';
  const body = rows.map(
    (r) =>
      `| ${r.name} | ${(r.bytes / 1024).toFixed(0)} KiB | ${ms(r.hostile)} (p90 ${p90(r.hostile)}) | ${ms(r.plain)} (p90 ${p90(r.plain)}) | **${ratio(r.hostile, r.plain)}** | ${sameShape(r)} | ${writtenOut(r)} | ${r.work.toLocaleString('en-US')} / ${r.plainWork.toLocaleString('en-US')} | ${r.parser} / ${r.plainParser} | ${r.diagnostics} |`,
  );
  return [header, rule, ...body].join('\n');
}

/** yaml-language-server must really validate: a broken copy of the document has to get errors. */
async function checkLanguageServerValidates(yls: ReturnType<typeof yamlLanguageServer>): Promise<void> {
  const docs = generateBenchDocuments(500);
  const broken = docs.assessment.replace(/^( {4})target: \d+$/m, '$1target: high\n$1colour: blue');
  const document = TextDocument.create('file:///bench/check/broken.assessment.yaml', 'yaml', 1, broken);
  const diagnostics = await yls.validate(document.uri, broken);
  const problems = diagnostics.map((d) => `${document.getText(d.range)}: ${d.message}`);
  const typeError = problems.some((m) => /^high: .*(integer|number)/i.test(m));
  // Without a localization bundle, the server reports this one by its message key.
  const extraKey = problems.some((m) => /^colour: .*(not allowed|DisallowedExtraProp)/i.test(m));
  if (!typeError || !extraKey) {
    throw new Error(`yaml-language-server did not report the schema errors planted in a broken copy (got: ${problems.join(' | ') || 'nothing'}); it is not validating.`);
  }
}

const ms = (t: Timing | undefined) => (t ? t.median.toFixed(t.median < 10 ? 2 : 1) : 'n/a');
const p90 = (t: Timing | undefined) => (t ? t.p90.toFixed(t.p90 < 10 ? 2 : 1) : 'n/a');
const ratio = (a: Timing, b: Timing) => `${(a.median / b.median).toFixed(1)}x`;

function table(rows: readonly Row[]): string {
  const header = '| Lines | Engine (fast parser) | of which YAML parsing | Engine (full `yaml` parser) | `yaml` parseDocument only | yaml-language-server doValidation | js-yaml load (no positions) | yaml-language-server / engine | engine / `yaml` parse only | Parser used |';
  const rule = '|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|';
  const body = rows.map(
    (r) =>
      `| ${r.lines.toLocaleString('en-US')} | ${ms(r.engine)} (p90 ${p90(r.engine)}) | ${ms(r.yamlStep)} | ${ms(r.engineFull)} (p90 ${p90(r.engineFull)}) | ${ms(r.parseOnly)} (p90 ${p90(r.parseOnly)}) | ${ms(r.yls)} (p90 ${p90(r.yls)}) | ${ms(r.jsYaml)} | **${ratio(r.yls, r.engine)}** | ${ratio(r.engine, r.parseOnly)} | ${r.parser} |`,
  );
  return [header, rule, ...body].join('\n');
}

function machine(): string {
  const cpus = os.cpus();
  // The load average tells readers how busy the machine was with other work during the run.
  const load = os.loadavg()[0] ?? 0;
  return `${cpus[0]?.model ?? 'unknown CPU'} (${cpus.length} cores), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load average ${load.toFixed(1)} at the start`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.writeFiles) {
    for (const file of writeBenchFiles(options.writeFiles, options.sizes)) console.log(file);
    return;
  }
  const machineInfo = machine();
  let engineSection: string[] = [];
  if (options.engine) engineSection = await benchEngine(options, machineInfo);
  let cliSection: string[] = [];
  if (options.cli) {
    console.log(`\nThe CLI over a generated repository of ${options.cliFiles.toLocaleString('en-US')} files (CPU time of whole processes, interleaved rounds)...`);
    // A smaller repository has as many rubrics, and changes as many assessments, in proportion.
    const scale = options.cliFiles / BENCH_REPOSITORY.files;
    const cli = await benchCli(options.cliRounds, { ...BENCH_REPOSITORY, files: options.cliFiles, rubrics: Math.max(3, Math.round(BENCH_REPOSITORY.rubrics * scale)), changed: Math.max(2, Math.round(BENCH_REPOSITORY.changed * scale)) });
    const table = cliTable(cli);
    console.log(`\n${table}\n`);
    cliSection = [
      CLI_HEADING,
      '',
      `A generated repository (bench/repository.ts): ${cli.repository.rubrics} rubrics and ${cli.repository.assessments} assessments of about 150 lines, and a branch that changes ${cli.repository.changedFiles - 1} assessments and one rubric's group weight, so the review also scores every assessment of that rubric before and after.`,
      `Each cell is the median CPU time (user + system, from bash's \`times\`) of the whole process over ${cli.rounds} interleaved rounds after a warm-up; the rubrics CLI is the minified bundle that \`npm run build\` writes.`,
      '',
      table,
      '',
    ];
  }
  let sheetsSection: string[] = [];
  if (options.sheets) {
    console.log('\nSpreadsheets, each against the same data read or written as YAML (interleaved rounds)...');
    const rows = await benchSheets(options.budgetMs);
    const table = sheetsTable(rows);
    console.log(`\n${table}\n`);
    sheetsSection = [
      SHEETS_HEADING,
      '',
      'What `rubrics import answers` does before it edits (read the file, bounded; read each row against the answer sheet) and what `rubrics export` does (lay out the sheet, write the file), in process, against the same data read from or written as YAML.',
      'The 1,000-row sheet answers a generated rubric of 50 dimensions of 20 criteria, a fifth of them with a note and evidence; the DSOMM assessment answers the 194 activities of the DSOMM-shaped model of the tests.',
      `Each cell is the median time in milliseconds (90th percentile in brackets); runs measured: ${rows.map((r) => `${r.xlsx.iterations}, ${r.csv.iterations} and ${r.yaml.iterations}`).join('; ')}.`,
      '',
      table,
      '',
    ];
  }
  let portfolioSection: string[] = [];
  if (options.portfolio) {
    console.log('\nThe portfolio over a generated organization of 500 units (CPU time of whole processes, interleaved rounds)...');
    const bench = await benchPortfolio();
    const table = portfolioTable(bench);
    console.log(`\n${table}\n`);
    portfolioSection = [
      PORTFOLIO_HEADING,
      '',
      `A generated organization (bench/organization.ts): ${bench.organization.units} units in 8 divisions, each assessed once against one of ${bench.organization.rubrics} rubrics of ${bench.organization.dimensions} capabilities (assessments of about ${bench.organization.assessmentLines} lines), so the portfolio has ${bench.organization.rubrics} tables of ${bench.organization.units / bench.organization.rubrics} units.`,
      `Each cell is the median CPU time (user + system, from bash's \`times\`) of the whole process over ${bench.rounds} interleaved rounds after a warm-up; both commands read, check and score every file through one engine, and the portfolio then builds its model and writes it as JSON.`,
      '',
      table,
      '',
    ];
  }
  if (options.write) {
    const date = new Date().toISOString().slice(0, 10);
    const file = path.join(repoRoot, 'bench', 'results.md');
    // A partial run keeps the other sections of the last full run.
    const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const kept = sectionsOf(previous, [CLI_HEADING, SHEETS_HEADING, PORTFOLIO_HEADING]);
    const md = [engineSection.length ? engineSection : kept.get('') ?? [], cliSection.length ? cliSection : kept.get(CLI_HEADING) ?? [], sheetsSection.length ? sheetsSection : kept.get(SHEETS_HEADING) ?? [], portfolioSection.length ? portfolioSection : kept.get(PORTFOLIO_HEADING) ?? []]
      .filter((s) => s.length > 0)
      .map((s) => s.join('\n'))
      .join('\n\n')
      .replace(/^# Benchmark results\n\nWritten by `npm run bench` on [\d-]+/, `# Benchmark results\n\nWritten by \`npm run bench\` on ${date}`);
    fs.writeFileSync(file, `${md.trimEnd()}\n`);
    console.log('Wrote bench/results.md');
  }
}

/** The sections of the last results, by heading ('' for the engine's, everything before the first of the headings). */
function sectionsOf(previous: string, headings: readonly string[]): Map<string, string[]> {
  const starts = headings.map((h) => [h, previous.indexOf(h)] as const).filter(([, at]) => at >= 0).sort((a, b) => a[1] - b[1]);
  const sections = new Map<string, string[]>();
  const lines = (from: number, to: number) => previous.slice(from, to).trimEnd().split('\n');
  sections.set('', lines(0, starts[0]?.[1] ?? previous.length));
  starts.forEach(([heading, at], i) => sections.set(heading, lines(at, starts[i + 1]?.[1] ?? previous.length)));
  return sections;
}

async function benchEngine(options: Options, machineInfo: string): Promise<string[]> {
  const yls = yamlLanguageServer();
  await checkLanguageServerValidates(yls);
  const jsYamlLoad = optionalJsYaml();
  console.log(`Benchmark on ${machineInfo}; about ${options.budgetMs} ms per subject and size after warm-up, in interleaved rounds. Times in milliseconds.`);
  const rows: Row[] = [];
  for (const size of options.sizes) rows.push(await benchSize(size, options.budgetMs, yls, jsYamlLoad));
  const hostileRows: HostileRow[] = [];
  if (options.hostile) {
    console.log('Hostile inputs, each against a plain rubric of the same size:');
    for (const input of hostileInputs()) hostileRows.push(await benchHostile(input.name, input.text, input.writtenOut, input.sameShape, options.budgetMs));
  }
  let didYouMeanRows: DidYouMeanRow[] = [];
  if (options.didYouMean) {
    console.log('"Did you mean": N unknown ids against a rubric of N ids:');
    didYouMeanRows = await benchDidYouMean(options.budgetMs);
  }
  const output = table(rows);
  console.log(`\n${output}\n`);
  const hostileOutput = hostileRows.length > 0 ? hostileTable(hostileRows) : '';
  if (hostileOutput) console.log(`${hostileOutput}\n`);
  const didYouMeanOutput = didYouMeanRows.length > 0 ? didYouMeanTable(didYouMeanRows) : '';
  if (didYouMeanOutput) console.log(`${didYouMeanOutput}\n`);
  for (const r of rows) {
    console.log(`${r.lines} lines (${(r.bytes / 1024).toFixed(0)} KiB): the engine used the ${r.parser} parser and reported ${r.diagnostics} diagnostics; runs measured: engine ${r.engine.iterations}, full ${r.engineFull.iterations}, parse ${r.parseOnly.iterations}, yaml-language-server ${r.yls.iterations}.`);
  }
  if (!jsYamlLoad) console.log('js-yaml is not installed, so its column is n/a.');
  const date = new Date().toISOString().slice(0, 10);
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${date}. Machine: ${machineInfo}.`,
    '',
    'Each cell is the median time in milliseconds (90th percentile in brackets) over repeated runs after a warm-up, all in one process;',
    'the subjects run in interleaved rounds, so load from other processes falls on all of them alike.',
    'The document is a generated assessment (bench/generate.ts) with scalar and detailed answers, evidence lists, block-scalar notes, metrics, targets and comments;',
    'its rubric is analyzed once and cached, as in the editor. "Engine" is the whole pipeline (parse, schema, semantic rules, scores, diagnostics with positions);',
    '"Of which YAML parsing" times the engine\'s YAML step (parseYaml, with its guards) alone.',
    'yaml-language-server 1.19 runs in-process with the same JSON schemas (schemas/assessment.schema.json and common.schema.json) and validates a new document version each run.',
    '',
    output,
    '',
    ...rows.map((r) => `- ${r.lines.toLocaleString('en-US')} lines, ${(r.bytes / 1024).toFixed(0)} KiB: ${r.diagnostics} diagnostics; runs measured: engine ${r.engine.iterations}, engine with the full parser ${r.engineFull.iterations}, yaml ${r.parseOnly.iterations}, yaml-language-server ${r.yls.iterations}${r.jsYaml ? `, js-yaml ${r.jsYaml.iterations}` : ''}.`),
    '',
    ...(hostileOutput
      ? [
          '## Hostile inputs',
          '',
          'Inputs that once took seconds or minutes (bench/hostile.ts), each timed through the whole engine in the same rounds as a plain rubric of the same size:',
          'dimensions that each write four 900-character level descriptors out, as many as the size takes. The alias-shared rubric writes its descriptors once',
          '(`levels: &lv`) and every other dimension says `levels: *lv`; over 500 dimensions the schema reports the count. The 2 MiB line is `a`, 2 MiB of spaces and `b`.',
          'The ratio is hostile / plain (aim: within 2x). "Same data written out" is the alias-shared rubric with every alias replaced by the four descriptors,',
          'the data the engine really checks: aliases make a small file stand for a large one. "Same dimensions, no aliases" has as many dimensions, each with a',
          'short description instead of `levels: *lv`: its ratio is what the aliases add (aim: within 2x); the plain file of the same size has a few large dimensions',
          'instead of thousands of small ones, so its ratio also counts what thousands of dimensions cost to check, aliases or not.',
          'YAML work units are the parse\'s ParseWork counts (characters scanned, nodes built, alias expansions).',
          '',
          hostileOutput,
          '',
          ...hostileRows.map((r) => `- ${r.name}: runs measured ${[r.hostile, r.plain, r.sameShape, r.writtenOut].filter((t): t is Timing => t !== undefined).map((t) => t.iterations).join(', ')}.`),
          '',
        ]
      : []),
    ...(didYouMeanOutput
      ? [
          '## Did you mean',
          '',
          'A generated rubric of N criteria (bench/unknownIds.ts: ids such as `incident-response-runbook-central`), each depending on an id that is not one of them:',
          'half of them one typo away from a criterion, a fifth two typos away, the rest renamed (`…-v2`) or made up. The engine looks each of the N unknown ids up among the N known ones.',
          '"Same rubric, ids spelled right" is the analysis without any unknown id; "The searches alone" indexes the N ids and runs the N searches without the engine.',
          'The ratios to 500 show how the time grows with N: linear is 4x at 2,000 and 16x at 8,000.',
          '',
          didYouMeanOutput,
          '',
        ]
      : []),
    'Reproduce with `npm run bench` (options after `--`: `--sizes 500,5000`, `--budget-ms 3000`, `--no-hostile`, `--no-did-you-mean`, `--no-write`, `--cli-only`, `--no-cli`, `--sheets-only`, `--no-sheets`, `--portfolio-only`, `--no-portfolio`;',
    '`--write-files DIR` writes the generated documents instead). Absolute times depend on the machine and its load;',
    'the ratios, measured in the same rounds, are the meaningful part.',
  ];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
