import { DEFAULT_SCORING_METHOD } from '../../format/enums';
import type { RuleContext } from '../context';

/** The level scale a rubric document defines, when its whole `levels` list passed the schema. */
export interface OwnScale {
  readonly levels: ReadonlySet<number>;
  readonly min: number;
  /** "1 to 5", for messages. */
  readonly text: string;
}

export function ownScale(ctx: RuleContext): OwnScale | undefined {
  if (!ctx.valid(['levels'])) return undefined;
  const numbers = ctx.items<{ level: number }>(['levels']).map((l) => l.value.level);
  if (numbers.length === 0) return undefined;
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  return { levels: new Set(numbers), min: sorted[0] as number, text: `${sorted[0]} to ${sorted[sorted.length - 1]}` };
}

/** The scoring method a rubric document uses (gated when it says none), unless its `scoring` failed the schema. */
export function ownMethod(ctx: RuleContext): string | undefined {
  if (!ctx.valid(['scoring'])) return undefined;
  return ctx.read<string>(['scoring', 'method']) ?? DEFAULT_SCORING_METHOD;
}
