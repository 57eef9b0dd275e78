/**
 * Spreadsheets in `npm run bench`: the import of a filled-in sheet of 1,000 rows (one per
 * criterion of a generated rubric) against reading the same answers from the assessment's YAML,
 * and the export of a DSOMM-shaped assessment (194 activities) against writing the same data as
 * YAML, each in XLSX and in CSV, timed in the same interleaved rounds so the ratios are fair.
 * The DSOMM-shaped model is the tests' (test/support/dsommShapedModel.ts).
 */
import YAML from 'yaml';
import { parseDocuments } from '../src/core/document/located';
import { Engine, type AssessmentDocumentAnalysis } from '../src/core/engine';
import { convertDsomm } from '../src/core/interchange/dsomm';
import { rubricYaml } from '../src/core/interchange/rubricYaml';
import { readAnswers } from '../src/core/interchange/sheets/answerImport';
import { answerWorkbook } from '../src/core/interchange/sheets/answerSheet';
import { answerModelOf, currentAnswer, type AnswerModel } from '../src/core/language/answerRows';
import { readSpreadsheet, writeSpreadsheet } from '../src/core/interchange/sheets/codec';
import { MemoryFileHost } from '../src/core/resolve/host';
import { dsommShapedModel } from '../test/support/dsommShapedModel';
import { measureInterleaved as measure, type Timing } from './measure';

type SheetTiming = Timing;

export interface SheetRow {
  readonly task: string;
  readonly size: string;
  readonly xlsx: SheetTiming;
  readonly csv: SheetTiming;
  readonly yaml: SheetTiming;
  readonly yamlWhat: string;
}

const IMPORT_ROWS = 1_000;

/** A rubric of 1,000 criteria (50 dimensions of 20) on a four-answer scale, and an assessment that answers every one, some with notes and evidence. */
function thousandRows(): { rubric: string; assessment: string } {
  const dimensions = Array.from({ length: IMPORT_ROWS / 20 }, (_, d) => ({
    id: `dimension-${d + 1}`,
    title: `Dimension ${d + 1}`,
    criteria: Array.from({ length: 20 }, (_, c) => ({ id: `d${d + 1}-c${c + 1}`, text: `Criterion ${c + 1} of dimension ${d + 1} is in place across the estate.`, level: 1 + (c % 3) })),
  }));
  const rubric = YAML.stringify({
    apiVersion: 'rubrics-as-code/v1',
    kind: 'Rubric',
    id: 'bench-sheets',
    title: 'Bench',
    version: '1.0.0',
    scoring: { method: 'average' },
    defaultAnswerScale: 'coverage',
    answerScales: { coverage: { answers: ['none', 'some', 'most', 'all'].map((value, i) => ({ value, credit: i / 3 })) } },
    levels: [{ level: 1 }, { level: 2 }, { level: 3 }],
    dimensions,
  });
  const answers = ['none', 'some', 'most', 'all'];
  const assessment = YAML.stringify({
    apiVersion: 'rubrics-as-code/v1',
    kind: 'Assessment',
    id: 'bench',
    rubric: './bench.rubric.yaml',
    subject: { organization: 'Bench' },
    date: '2026-03-31',
    dimensions: Object.fromEntries(
      dimensions.map((d, di) => [
        d.id,
        {
          answers: Object.fromEntries(
            d.criteria.map((c, ci) => {
              const answer = answers[(di + ci) % 4] as string;
              return [c.id, ci % 5 === 0 ? { answer, note: `Checked in the review of ${c.id}; see the minutes.`, evidence: [`https://wiki.example/${c.id}`] } : answer];
            }),
          ),
        },
      ]),
    ),
  });
  return { rubric, assessment };
}

async function sheetOf(rubric: string, assessment: string): Promise<{ sheet: AnswerModel; data: unknown }> {
  const engine = new Engine(new MemoryFileHost(new Map([['file:///bench/bench.rubric.yaml', rubric]])));
  const analysis = await engine.analyze('file:///bench/bench.assessment.yaml', assessment);
  const doc = analysis.documents[0] as AssessmentDocumentAnalysis;
  const sheet = answerModelOf(doc);
  if (!sheet) throw new Error('The bench assessment has no rubric.');
  return { sheet, data: doc.parsed.value };
}

/** The answers of an assessment read from its YAML, field by field, as the sheet holds them. */
function answersFromYaml(text: string, sheet: AnswerModel): number {
  const doc = parseDocuments(text).documents[0];
  let fields = 0;
  for (const row of sheet.rows) fields += Object.keys(currentAnswer(doc?.valueAt(['dimensions', row.dimension, 'answers', row.criterion]))).length;
  return fields;
}

export async function benchSheets(budgetMs: number): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const big = thousandRows();
  const { sheet } = await sheetOf(big.rubric, big.assessment);
  const xlsx = await writeSpreadsheet(answerWorkbook(sheet, 'xlsx', 'rubrics import answers'), 'xlsx');
  const csv = await writeSpreadsheet(answerWorkbook(sheet, 'csv', 'rubrics import answers'), 'csv');
  const importOnce = async (bytes: Uint8Array, format: 'xlsx' | 'csv') => {
    const read = await readSpreadsheet(bytes, format, { sheetName: 'answers' });
    if ('refused' in read) throw new Error(read.refused);
    const result = readAnswers(read.workbook, sheet);
    if (result.problems.length || result.rows !== IMPORT_ROWS) throw new Error(`The bench sheet did not import cleanly: ${result.problems[0]?.message ?? `${result.rows} rows`}`);
  };
  console.log(`  import of a ${IMPORT_ROWS.toLocaleString('en-US')}-row sheet: measuring...`);
  const [importXlsx, importCsv, readYaml] = (await measure([() => importOnce(xlsx, 'xlsx'), () => importOnce(csv, 'csv'), () => answersFromYaml(big.assessment, sheet)], budgetMs)) as [SheetTiming, SheetTiming, SheetTiming];
  rows.push({ task: `Import of a filled-in sheet (${IMPORT_ROWS.toLocaleString('en-US')} rows)`, size: `XLSX ${kib(xlsx.length)}, CSV ${kib(csv.length)}, YAML ${kib(big.assessment.length)}`, xlsx: importXlsx, csv: importCsv, yaml: readYaml, yamlWhat: 'the same answers read from the YAML (parse, then each answer\'s fields)' });

  const conversion = convertDsomm(dsommShapedModel().documents, 'model.yaml');
  const dsommRubric = rubricYaml(conversion, 'rubrics import dsomm');
  const criteria = conversion.rubric.dimensions.flatMap((d) => (d.criteria ?? []).map((c, i) => ({ d: d.id, c: c.id, i })));
  const dsommAssessment = YAML.stringify({
    apiVersion: 'rubrics-as-code/v1',
    kind: 'Assessment',
    id: 'dsomm-team',
    rubric: './bench.rubric.yaml',
    subject: { organization: 'Bench', unit: 'Team' },
    date: '2026-03-31',
    dimensions: criteria.reduce<Record<string, { answers: Record<string, unknown> }>>((out, { d, c, i }) => {
      (out[d] ??= { answers: {} }).answers[c] = i % 4 === 0 ? { answer: 'partly', note: 'DSOMM progress: Partly implemented on 2026-01-15.' } : ['yes', 'no', 'started'][i % 3];
      return out;
    }, {}),
  });
  const dsomm = await sheetOf(dsommRubric, dsommAssessment);
  if (dsomm.sheet.rows.length !== 194) throw new Error(`The DSOMM-shaped assessment has ${dsomm.sheet.rows.length} rows, not 194.`);
  console.log('  export of the DSOMM assessment (194 rows): measuring...');
  const [exportXlsx, exportCsv, writeYaml] = (await measure(
    [() => writeSpreadsheet(answerWorkbook(dsomm.sheet, 'xlsx', 'rubrics import answers'), 'xlsx'), () => writeSpreadsheet(answerWorkbook(dsomm.sheet, 'csv', 'rubrics import answers'), 'csv'), () => YAML.stringify(dsomm.data)],
    budgetMs,
  )) as [SheetTiming, SheetTiming, SheetTiming];
  rows.push({ task: 'Export of a DSOMM assessment (194 rows)', size: `YAML ${kib(dsommAssessment.length)}`, xlsx: exportXlsx, csv: exportCsv, yaml: writeYaml, yamlWhat: 'the same assessment written as YAML (yaml.stringify)' });
  return rows;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (t: SheetTiming) => t.median.toFixed(t.median < 10 ? 2 : 1);

export function sheetsTable(rows: readonly SheetRow[]): string {
  const header = '| Task | Sizes | XLSX | CSV | YAML (baseline) | XLSX / YAML | CSV / YAML | Baseline |';
  const rule = '|:---|:---|---:|---:|---:|---:|---:|:---|';
  const ratio = (a: SheetTiming, b: SheetTiming) => `${(a.median / b.median).toFixed(1)}x`;
  return [header, rule, ...rows.map((r) => `| ${r.task} | ${r.size} | ${ms(r.xlsx)} (p90 ${r.xlsx.p90.toFixed(1)}) | ${ms(r.csv)} (p90 ${r.csv.p90.toFixed(1)}) | ${ms(r.yaml)} (p90 ${r.yaml.p90.toFixed(1)}) | **${ratio(r.xlsx, r.yaml)}** | **${ratio(r.csv, r.yaml)}** | ${r.yamlWhat} |`)].join('\n');
}
