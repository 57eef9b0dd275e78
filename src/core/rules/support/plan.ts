import { isRealDate } from '../../domain/dates';
import type { Path } from '../../document/located';
import type { Move } from '../../format/types';
import type { RuleContext } from '../context';

/** An initiative of a plan as far as it passed the schema, with its place. */
export interface PlanInitiative {
  readonly index: number;
  readonly path: Path;
  readonly id?: string;
  readonly title: string;
  readonly start?: string;
  readonly end?: string;
  /** Whether the dates are real days. */
  readonly startOk: boolean;
  readonly endOk: boolean;
  readonly status?: string;
  readonly moves: readonly { readonly move: Move; readonly path: Path; readonly index: number }[];
  readonly dependsOn: readonly { readonly id: string; readonly path: Path; readonly index: number }[];
}

const read = new WeakMap<RuleContext, PlanInitiative[]>();

/** The plan's initiatives, read once per document for all the rules that need them. */
export function initiatives(ctx: RuleContext): PlanInitiative[] {
  let list = read.get(ctx);
  if (!list) {
    list = readInitiatives(ctx);
    read.set(ctx, list);
  }
  return list;
}

function readInitiatives(ctx: RuleContext): PlanInitiative[] {
  return ctx.maps(['initiatives']).map(({ index, path }) => {
    const id = ctx.read<string>([...path, 'id']);
    const start = ctx.read<string>([...path, 'start']);
    const end = ctx.read<string>([...path, 'end']);
    const status = ctx.read<string>([...path, 'status']);
    return {
      index,
      path,
      ...(id !== undefined ? { id } : {}),
      title: ctx.read<string>([...path, 'title']) ?? id ?? `initiative ${index + 1}`,
      ...(start !== undefined ? { start } : {}),
      ...(end !== undefined ? { end } : {}),
      startOk: isWrittenRealDate(start),
      endOk: isWrittenRealDate(end),
      ...(status !== undefined ? { status } : {}),
      moves: ctx.items<Move>([...path, 'moves']).map((m) => ({ move: m.value, path: m.path, index: m.index })),
      dependsOn: ctx.items<string>([...path, 'dependsOn']).map((d) => ({ id: d.value, path: d.path, index: d.index })),
    };
  });
}

/** Initiative ids, by the index of the first initiative that declares each. */
export function initiativeIds(list: readonly PlanInitiative[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const i of list) if (i.id !== undefined && !ids.has(i.id)) ids.set(i.id, i.index);
  return ids;
}

/** The plan's horizon dates that passed the schema, and whether they are real and run forwards. */
export function horizonOf(ctx: RuleContext): { start?: string; end?: string; startOk: boolean; endOk: boolean; ok: boolean } {
  const start = ctx.read<string>(['horizon', 'start']);
  const end = ctx.read<string>(['horizon', 'end']);
  const startOk = isWrittenRealDate(start);
  const endOk = isWrittenRealDate(end);
  return { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}), startOk, endOk, ok: startOk && endOk && (end as string) > (start as string) };
}

/** Whether a date was read and names a real day. */
function isWrittenRealDate(date: string | undefined): boolean {
  // Stryker disable next-line ConditionalExpression: isRealDate refuses a missing date too
  return date !== undefined && isRealDate(date);
}
