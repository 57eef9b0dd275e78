/**
 * The Action's inputs, as GitHub passes them: each `with:` value in an INPUT_<NAME> variable
 * (the name upper-cased, spaces as underscores, hyphens kept). Defaults come from action.yml, so
 * an empty value here means the workflow left the input out of a run started some other way.
 */
export const OUTPUT_KINDS = ['annotations', 'sarif', 'summary'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionInputs {
  /** Files, folders or globs to validate, from the repository root. */
  readonly paths: readonly string[];
  /** What to compare with; empty: the pull request's base, or nothing outside a pull request. */
  readonly baseRef: string;
  readonly formats: ReadonlySet<OutputKind>;
  readonly sarifFile: string;
  readonly failOn: FailOn;
  /** Fail when there are more warnings than this (undefined: no limit). */
  readonly maxWarnings: number | undefined;
  /** Fail when a changed assessment's overall score drops by more than this (undefined: never). */
  readonly maxScoreDrop: number | undefined;
  readonly comment: boolean;
  readonly token: string;
}

export class InputError extends Error {}

/** The inputs, each bad one replaced by its default, and what was wrong with them (the run then stops, and says so in every output). */
export interface ReadInputs {
  readonly inputs: ActionInputs;
  readonly problems: readonly string[];
}

function input(env: Readonly<Record<string, string | undefined>>, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Splits a list given one per line, or separated by commas or spaces. */
function list(text: string): string[] {
  return text.split(/[\n,]/).flatMap((part) => part.trim().split(/\s+/)).filter(Boolean);
}

export function readInputs(env: Readonly<Record<string, string | undefined>>): ReadInputs {
  const problems: string[] = [];
  /** The value read, or `fallback` when it is bad (and why, in `problems`). */
  const checked = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
      return fallback;
    }
  };
  const formats = checked(() => {
    const named = list(input(env, 'formats') || OUTPUT_KINDS.join(' '));
    for (const format of named) {
      if (!(OUTPUT_KINDS as readonly string[]).includes(format)) {
        throw new InputError(`Input "formats" has ${JSON.stringify(format)}; use any of ${OUTPUT_KINDS.join(', ')} (separated by spaces, commas or new lines).`);
      }
    }
    return named as OutputKind[];
  }, [...OUTPUT_KINDS]);
  const failOn = checked(() => {
    const value = input(env, 'fail-on') || 'error';
    if (!(FAIL_ON as readonly string[]).includes(value)) throw new InputError(`Input "fail-on" is ${JSON.stringify(value)}; use error, warning or never.`);
    return value as FailOn;
  }, 'error');
  const inputs: ActionInputs = {
    paths: list(input(env, 'paths') || '.'),
    baseRef: input(env, 'base-ref'),
    formats: new Set(formats),
    sarifFile: input(env, 'sarif-file') || 'rubrics.sarif',
    failOn,
    maxWarnings: checked(() => number(input(env, 'max-warnings'), 'max-warnings', true), undefined),
    maxScoreDrop: checked(() => number(input(env, 'max-score-drop'), 'max-score-drop', false), undefined),
    comment: checked(() => boolean(input(env, 'comment'), 'comment'), false),
    token: input(env, 'token'),
  };
  return { inputs, problems };
}

function number(text: string, name: string, whole: boolean): number | undefined {
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (whole && !Number.isInteger(value))) {
    throw new InputError(`Input "${name}" is ${JSON.stringify(text)}; give ${whole ? 'a whole number' : 'a number'} of 0 or more, or leave it out.`);
  }
  return value;
}

function boolean(text: string, name: string): boolean {
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  throw new InputError(`Input "${name}" is ${JSON.stringify(text)}; use true or false.`);
}
