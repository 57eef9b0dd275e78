import type { AnswerChangeProblem } from '../../language/answerEdits';
import type { AnswerImport } from './answerImport';
import { sheetPrefix } from './address';

/**
 * Problems the format finds in a sheet's changes (answerChangeProblems: lengths and forms),
 * placed on their cells: their rows give no change. The CLI and the editors run the format's
 * check where its schema is (the CLI here, an editor in its language server).
 */
export function withFormatProblems(result: AnswerImport, problems: readonly AnswerChangeProblem[]): AnswerImport {
  if (problems.length === 0) return result;
  const refused = new Set(problems.map((p) => p.criterion));
  const placed = problems.map((p) => ({ cell: result.cells[p.criterion]?.[p.field] ?? result.cells[p.criterion]?.[p.field.split('.')[0] as string] ?? Object.values(result.cells[p.criterion] ?? {})[0] ?? `${sheetPrefix('Answers')}A1`, message: p.message }));
  return { ...result, changes: result.changes.filter((c) => !refused.has(c.criterion)), problems: [...result.problems, ...placed] };
}

