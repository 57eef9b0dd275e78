/**
 * The benchmark's "did you mean" rows: a rubric of N criteria, each depending on an id that is not
 * one of them (bench/unknownIds.ts), so that the engine looks each of the N unknown ids up among
 * the N known ones. For N = 500, 2,000 and 8,000, in the same rounds: the engine on that rubric,
 * the engine on the same rubric with the dependencies spelled right (what the rest of the
 * analysis costs), and the N searches alone. The ratios to 500 show how the time grows with N
 * (linear: 4x and 16x).
 */
import { Engine } from '../src/core/engine';
import { MemoryFileHost } from '../src/core/resolve/host';
import { newSuggestionWork, Suggester } from '../src/core/text/suggest';
import { measureInterleaved, type Timing } from './measure';
import { unknownIdCase, unknownIdRubric } from './unknownIds';

export const DID_YOU_MEAN_SIZES = [500, 2_000, 8_000] as const;


export interface DidYouMeanRow {
  readonly ids: number;
  readonly unknown: Timing;
  readonly spelledRight: Timing;
  readonly searches: Timing;
  /** Searches that found a suggestion, and the work of all N searches. */
  readonly suggested: number;
  readonly cellsPerSearch: number;
  readonly capped: number;
}

export async function benchDidYouMean(budgetMs: number): Promise<DidYouMeanRow[]> {
  const rows: DidYouMeanRow[] = [];
  for (const ids of DID_YOU_MEAN_SIZES) {
    const idCase = unknownIdCase(ids);
    const rubric = unknownIdRubric(idCase);
    const spelledRight = unknownIdRubric(idCase, true);
    const engine = new Engine(new MemoryFileHost());
    const uri = `file:///bench/did-you-mean/${ids}.rubric.yaml`;
    const first = await engine.analyze(uri, rubric);
    if (!first.diagnostics.some((d) => d.code === 'unknown-criterion' && d.message.includes('Did you mean'))) throw new Error(`The did-you-mean rubric of ${ids} ids got no suggestion; it does not measure what it should.`);
    const right = await engine.analyze(uri, spelledRight);
    if (right.diagnostics.some((d) => d.severity === 'error')) throw new Error(`The rubric of ${ids} ids spelled right has errors: ${right.diagnostics[0]?.message}`);
    const searchAll = () => {
      const suggester = new Suggester(idCase.known);
      let suggested = 0;
      for (const id of idCase.unknown) if (suggester.closest(id) !== undefined) suggested++;
      return suggested;
    };
    const work = newSuggestionWork();
    const suggester = new Suggester(idCase.known);
    let suggested = 0;
    for (const id of idCase.unknown) if (suggester.closest(id, work) !== undefined) suggested++;
    console.log(`  ${ids.toLocaleString('en-US')} unknown ids: measuring...`);
    const [unknown, rightTiming, searches] = (await measureInterleaved([() => engine.analyze(uri, rubric), () => engine.analyze(uri, spelledRight), searchAll], budgetMs)) as [Timing, Timing, Timing];
    rows.push({ ids, unknown, spelledRight: rightTiming, searches, suggested, cellsPerSearch: work.cells / ids, capped: work.capped });
  }
  return rows;
}

const ms = (t: Timing) => t.median.toFixed(t.median < 10 ? 2 : 1);
const times = (a: Timing, b: Timing) => `${(a.median / b.median).toFixed(1)}x`;

export function didYouMeanTable(rows: readonly DidYouMeanRow[]): string {
  const base = rows[0] as DidYouMeanRow;
  const header = '| Unknown ids (and known ids) | Engine on the rubric | Ratio to 500 | Same rubric, ids spelled right | The searches alone | Ratio to 500 | Cells per search | Suggestions | Searches stopped at the cap |';
  const rule = '|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const body = rows.map(
    (r) =>
      `| ${r.ids.toLocaleString('en-US')} | ${ms(r.unknown)} (p90 ${ms({ ...r.unknown, median: r.unknown.p90 })}) | **${times(r.unknown, base.unknown)}** | ${ms(r.spelledRight)} | ${ms(r.searches)} | **${times(r.searches, base.searches)}** | ${r.cellsPerSearch.toFixed(0)} | ${r.suggested.toLocaleString('en-US')} | ${r.capped} |`,
  );
  return [header, rule, ...body].join('\n');
}
