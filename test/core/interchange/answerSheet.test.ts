/**
 * The answer sheet both ways, on every sample assessment and each of its assessors: exported (XLSX
 * and CSV) and imported without edits, the YAML is byte for byte the same; one changed cell changes
 * one line; what a person writes in each column comes back as the YAML they meant.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { COLUMNS, columnsOf, evidenceCell, parseEvidenceCell } from '../../../src/core/interchange/sheets/answerSheet';
import type { EvidenceValue } from '../../../src/core/language/answerEdits';
import { convertDsomm } from '../../../src/core/interchange/dsomm';
import { rubricYaml } from '../../../src/core/interchange/rubricYaml';
import { convertSamm } from '../../../src/core/interchange/samm';
import { exported, imported, loadAssessment, readBack, SAMPLES, type LoadedAssessment } from '../../support/answerSheets';
import { dsommShapedModel } from '../../support/dsommShapedModel';
import { sammShapedModel } from '../../support/sammShapedModel';
import { pick, seededRandom } from '../../support/seededAnswers';

const SAMPLE_ASSESSMENTS = fs
  .readdirSync(SAMPLES)
  .filter((f) => /\.ya?ml$/.test(f))
  .filter((f) => /kind: Assessment/.test(fs.readFileSync(path.join(SAMPLES, f), 'utf8')))
  .sort();

const column = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;
/** A column's number in the sheet of these answers (an assessor's has fewer columns). */
const columnOf = (loaded: LoadedAssessment, key: string) => columnsOf(loaded.sheet).findIndex((c) => c.key === key) + 1;

/** The exported XLSX with some cells changed through exceljs, as a person saving from Excel would. */
async function editedXlsx(loaded: LoadedAssessment, edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await exported(loaded.sheet, 'xlsx')) as unknown as ArrayBuffer);
  edit(book.getWorksheet('Answers')!);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

const changedLines = (a: string, b: string) => {
  const before = a.split('\n');
  const after = b.split('\n');
  return after.length === before.length ? after.filter((line, i) => line !== before[i]) : ['(line count changed)'];
};

/** Samples whose rubric is rated (a level per dimension, no criteria): an answer sheet has no rows for them. */
const RATED = ['2026-03.claims-platform.assessment.yaml'];
const WITH_CRITERIA = SAMPLE_ASSESSMENTS.filter((name) => !RATED.includes(name));

/** An assessment's answers as data: its agreed ones, and its assessors'. */
interface AnswersData {
  readonly kind?: string;
  readonly dimensions?: Record<string, { answers?: Record<string, unknown> }>;
  readonly responses?: Record<string, { dimensions?: AnswersData['dimensions'] }>;
}

/** A sample's first assessment, as data. */
function assessmentData(name: string): AnswersData {
  return YAML.parseAllDocuments(fs.readFileSync(path.join(SAMPLES, name), 'utf8')).map((d) => d.toJS() as AnswersData).find((d) => d?.kind === 'Assessment')!;
}

/** The dimensions of the answers of `whose` (undefined: the agreed ones). */
const dimensionsOf = (data: AnswersData, whose: string | undefined) => (whose === undefined ? data.dimensions : data.responses?.[whose]?.dimensions) ?? {};

/** The ids of a sample's assessors (the keys of its `responses`), in the order written. */
function assessorsOf(name: string): string[] {
  return Object.keys(assessmentData(name).responses ?? {});
}

/** Every sheet of every sample: its agreed answers, and each of its assessors' answers. */
const SHEETS: [string, string | undefined][] = WITH_CRITERIA.flatMap((name) => [[name, undefined] as [string, string | undefined], ...assessorsOf(name).map((a) => [name, a] as [string, string])]);

/** Whether the answers of `whose` in a sample hold a bare answer (`criterion: value`) a cell can change in place. */
function hasBareAnswer(name: string, whose: string | undefined): boolean {
  return Object.values(dimensionsOf(assessmentData(name), whose)).some((d) => Object.values(d?.answers ?? {}).some((a) => typeof a === 'string'));
}
const ONE_CELL = SHEETS.filter(([name, whose]) => hasBareAnswer(name, whose));

describe('export then import without edits changes nothing', () => {
  it('covers every sample assessment whose rubric has criteria, and each assessor of those with responses; the rated one has none', async () => {
    expect(SAMPLE_ASSESSMENTS.length).toBeGreaterThanOrEqual(7);
    for (const name of RATED) expect((await loadAssessment(path.join(SAMPLES, name))).sheet.rows).toEqual([]);
    expect(assessorsOf('2026-06.digital-channels.assessment.yaml')).toHaveLength(3);
    // Every sample has a sheet whose answers a cell can change in place: the one whose answers are
    // all its assessors' (no agreed answer yet) through an assessor's sheet.
    for (const name of WITH_CRITERIA) expect(ONE_CELL.some(([n]) => n === name)).toBe(true);
    expect(ONE_CELL.filter(([n]) => n === '2026-06.digital-channels.assessment.yaml').map(([, whose]) => whose)).toEqual(assessorsOf('2026-06.digital-channels.assessment.yaml'));
  });

  it.each(SHEETS)('%s, the answers of %s (undefined: the agreed ones): XLSX, CSV, CSV with a BOM and ";"', async (name, whose) => {
    const loaded = await loadAssessment(path.join(SAMPLES, name), whose);
    expect(loaded.sheet.rows.length).toBeGreaterThan(0);
    for (const [format, options] of [['xlsx', {}], ['csv', {}], ['csv', { bom: true, delimiter: ';' }]] as const) {
      const workbook = await readBack(await exported(loaded.sheet, format, options), format);
      const { text, result } = imported(loaded, workbook);
      expect(result.problems).toEqual([]);
      expect(result.changes).toEqual([]);
      expect(result.rows).toBe(loaded.sheet.rows.length);
      expect(text).toBe(loaded.text);
    }
  });

  it.each(ONE_CELL)('%s, the answers of %s (undefined: the agreed ones): one changed answer cell changes one line', async (name, whose) => {
    const loaded = await loadAssessment(path.join(SAMPLES, name), whose);
    // A criterion answered with a bare value, changed to another answer of its scale.
    const index = loaded.sheet.rows.findIndex((r) => typeof r.current.answer === 'string' && Object.keys(r.current).length === 1 && (loaded.sheet.scales[r.scale]?.length ?? 0) > 1);
    expect(index).toBeGreaterThanOrEqual(0);
    const row = loaded.sheet.rows[index]!;
    const other = loaded.sheet.scales[row.scale]!.find((a) => a.toLowerCase() !== String(row.current.answer).toLowerCase())!;
    const bytes = await editedXlsx(loaded, (ws) => {
      ws.getCell(index + 2, columnOf(loaded, 'answer')).value = other;
    });
    const { text, result } = imported(loaded, await readBack(bytes, 'xlsx'));
    expect(result.problems).toEqual([]);
    expect(result.changes).toEqual([{ dimension: row.dimension, criterion: row.criterion, answer: other }]);
    expect(changedLines(loaded.text, text)).toEqual([expect.stringContaining(`${row.criterion}: ${other}`)]);
    // The line is the one of that assessor's answer (or of the agreed one), not another's.
    const value = YAML.parseAllDocuments(text)[loaded.documentIndex]!.toJS() as AnswersData;
    expect(dimensionsOf(value, whose)[row.dimension]?.answers?.[row.criterion]).toBe(other);
  });
});

describe('what a person writes comes back as the YAML they meant', () => {
  it('sets answer, evidence, note, not-applicable and exemption; clearing a cell removes its field', async () => {
    const loaded = await loadAssessment(path.join(SAMPLES, '2026-03.seven-attributes.assessment.yaml'));
    const index = loaded.sheet.rows.findIndex((r) => typeof r.current.answer === 'string' && Object.keys(r.current).length === 1);
    const row = loaded.sheet.rows[index]!;
    const bytes = await editedXlsx(loaded, (ws) => {
      const r = index + 2;
      ws.getCell(r, column('evidence')).value = 'https://wiki.example/a\n[Board minutes, March](https://wiki.example/b)';
      ws.getCell(r, column('note')).value = 'Checked in <b>March</b>; see the minutes.';
      ws.getCell(r, column('exemptionReason')).value = 'Vendor contract';
      ws.getCell(r, column('exemptionApprover')).value = 'CIO';
      ws.getCell(r, column('exemptionExpires')).value = '2027-01-31';
    });
    const { text, result } = imported(loaded, await readBack(bytes, 'xlsx'));
    expect(result.problems).toEqual([]);
    const entry = (YAML.parse(text) as { dimensions: Record<string, { answers: Record<string, unknown> }> }).dimensions[row.dimension]!.answers[row.criterion];
    expect(entry).toEqual({
      answer: row.current.answer,
      evidence: ['https://wiki.example/a', { title: 'Board minutes, March', url: 'https://wiki.example/b' }],
      note: 'Checked in <b>March</b>; see the minutes.',
      exemption: { reason: 'Vendor contract', approver: 'CIO', expires: '2027-01-31' },
    });
    // Everything else in the file is as it was.
    expect(text.startsWith(loaded.text.slice(0, loaded.text.indexOf(`${row.criterion}:`)))).toBe(true);

    // And back: the sheet of the edited file with those cells cleared leaves the answer alone in its map.
    const reloaded = await loadAssessmentFromText({ ...loaded, text });
    const cleared = await editedXlsx(reloaded, (ws) => {
      for (const key of ['evidence', 'note', 'exemptionReason', 'exemptionApprover', 'exemptionExpires']) ws.getCell(index + 2, column(key)).value = null;
    });
    const back = imported(reloaded, await readBack(cleared, 'xlsx')).text;
    expect(back).toBe(loaded.text.replace(`      ${row.criterion}: ${String(row.current.answer)}\n`, `      ${row.criterion}:\n        answer: ${String(row.current.answer)}\n`));
  });

  it('writes evidence cells that read back as the same entries', () => {
    const entries: EvidenceValue[] = ['https://a.example/x', { title: 'A [draft] \\ note', url: 'https://a.example/(y)' }, './evidence/minutes.md', { title: 'Board minutes', url: 'https://a.example/m', asOf: '2026-02-15' }, { url: 'https://a.example/d', asOf: '2025-12-01' }];
    expect(parseEvidenceCell(evidenceCell(entries))).toEqual(entries);
  });
});

/** The assessment loaded again from an edited text (written next to the sample, read, removed). */
async function loadAssessmentFromText(loaded: LoadedAssessment): Promise<LoadedAssessment> {
  const file = path.join(SAMPLES, `.edited-${process.pid}-${path.basename(loaded.file)}`);
  fs.writeFileSync(file, loaded.text);
  try {
    return await loadAssessment(file);
  } finally {
    fs.rmSync(file);
  }
}

describe('full-size models: a SAMM assessment (90 criteria) and a DSOMM one (194)', () => {
  /** A seeded assessment of a converted model, written beside its rubric in a temporary folder. */
  function fullSize(name: string, rubric: string, criteria: { id: string; dimension: string; scale: readonly string[] }[]): string {
    const random = seededRandom(404);
    const dimensions: Record<string, { answers: Record<string, unknown> }> = {};
    for (const c of criteria) {
      const answer = pick(random, [...c.scale]);
      const roll = random();
      (dimensions[c.dimension] ??= { answers: {} }).answers[c.id] = roll < 0.7 ? answer : roll < 0.85 ? { answer, note: `Seen in review ${Math.floor(roll * 100)}.` } : { answer, evidence: [{ title: 'Minutes', url: `https://wiki.example/${c.id}`, asOf: '2026-01-15' }] };
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-sheets-'));
    fs.writeFileSync(path.join(dir, 'model.rubric.yaml'), rubric);
    const file = path.join(dir, `${name}.assessment.yaml`);
    fs.writeFileSync(file, `# A ${name} assessment, written by the test.\n${YAML.stringify({ apiVersion: 'rubrics-as-code/v1', kind: 'Assessment', id: name, rubric: './model.rubric.yaml', subject: { organization: 'Test' }, date: '2026-03-31', dimensions })}`);
    return file;
  }

  const models = () => {
    const samm = convertSamm(sammShapedModel().files, { release: { version: '2.2.0', how: 'test' } });
    const dsomm = convertDsomm(dsommShapedModel().documents, 'model.yaml');
    const criteriaOf = (rubric: typeof samm.rubric) =>
      rubric.dimensions.flatMap((d) => (d.criteria ?? []).map((c) => ({ id: c.id, dimension: d.id, scale: (rubric.answerScales?.[c.answerScale ?? rubric.defaultAnswerScale ?? ''] ?? { answers: [{ value: 'yes' }, { value: 'no' }] }).answers.map((a) => a.value) })));
    return [
      ['samm', rubricYaml(samm, 'rubrics import samm'), criteriaOf(samm.rubric)],
      ['dsomm', rubricYaml(dsomm, 'rubrics import dsomm'), criteriaOf(dsomm.rubric)],
    ] as const;
  };

  it.each(models())('%s: export then import is byte for byte the same, in XLSX and CSV; one changed cell changes one line', async (name, rubric, criteria) => {
    const file = fullSize(name, rubric, criteria);
    try {
      const loaded = await loadAssessment(file);
      expect(loaded.sheet.rows).toHaveLength(name === 'samm' ? 90 : 194);
      for (const format of ['xlsx', 'csv'] as const) {
        const { text, result } = imported(loaded, await readBack(await exported(loaded.sheet, format), format));
        expect([result.problems, result.changes, text === loaded.text]).toEqual([[], [], true]);
      }
      const index = loaded.sheet.rows.findIndex((r) => typeof r.current.answer === 'string' && Object.keys(r.current).length === 1);
      const row = loaded.sheet.rows[index]!;
      const other = loaded.sheet.scales[row.scale]!.find((a) => a !== row.current.answer)!;
      const bytes = await editedXlsx(loaded, (ws) => {
        ws.getCell(index + 2, column('answer')).value = other;
      });
      const { text } = imported(loaded, await readBack(bytes, 'xlsx'));
      expect(changedLines(loaded.text, text)).toEqual([expect.stringContaining(`${row.criterion}: ${YAML.stringify(other).trim()}`)]);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
