import path from 'node:path';
import type { RubricIndex } from './core';
import { createEngine, FileChecker, incompleteLines } from '../node/analyze';
import { cliConfinement } from '../node/confinement';
import type { CliContext } from './context';
import { CliError } from '../node/errors';
import { printable } from '../node/printable';
import { SourceReader } from '../node/sources';

/** A rubric file on disk that assessments can be scored against, with its index. */
export interface RubricSource {
  readonly absolute: string;
  readonly shownPath: string;
  readonly index: RubricIndex;
}

/**
 * Reads the rubric an import writes assessments against (`--rubric`), confined to the repository
 * as every file the CLI checks: it must be a rubric without errors, since scores against it
 * would be wrong otherwise.
 */
export async function loadRubric(argument: string, context: CliContext): Promise<RubricSource> {
  const reader = new SourceReader(context.cwd);
  const engine = createEngine(reader, await cliConfinement(context.cwd, [], context.root));
  const source = await reader.load(argument, engine);
  if (!source.uri.startsWith('file:') || source.text === undefined) throw new CliError(`"${printable(argument)}" is not a file in the working tree.`);
  const { analysis, incomplete } = await new FileChecker(engine).check(source.uri, source.text);
  if (!analysis || incomplete.length > 0) throw new CliError(incompleteLines(source.shownPath, incomplete).trimEnd() || `${printable(source.shownPath)} could not be checked.`);
  const rubric = analysis.documents.find((d) => d.kind === 'Rubric');
  if (!rubric || rubric.kind !== 'Rubric') throw new CliError(`${printable(source.shownPath)} holds no rubric.`);
  if (!rubric.usable || !rubric.rubricIndex) throw new CliError(`The rubric ${printable(source.shownPath)} has errors: run "rubrics validate ${printable(source.shownPath)}" and fix them first.`);
  return { absolute: path.resolve(context.cwd, argument), shownPath: source.shownPath, index: rubric.rubricIndex };
}

/** How an assessment written at `assessmentFile` names the rubric at `rubricFile`: a relative path, starting with ./ or ../. */
export function rubricReference(assessmentFile: string, rubricFile: string): string {
  const relative = path.relative(path.dirname(assessmentFile), rubricFile).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
