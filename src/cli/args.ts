import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestMatch } from './core';
import { CliError } from '../node/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec<O extends Options> {
  /** The command as the user types it, for messages: "validate", "builtins show". */
  readonly name: string;
  readonly options: O;
  /** How many positional arguments the command takes. */
  readonly positionals: { readonly min: number; readonly max: number; readonly what: string };
}

/**
 * Parses a command's arguments with Node's parseArgs and turns its errors into messages that
 * say what is wrong and what to run instead (every mistake here exits with 2).
 */
export function parseCommand<O extends Options>(spec: CommandSpec<O>, args: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: spec.options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new CliError(describeParseError(error, spec));
  }
  const { positionals } = parsed;
  if ((parsed.values as { help?: boolean }).help) return parsed; // --help works whatever else is on the line
  if (positionals.length < spec.positionals.min) {
    throw new CliError(`"rubrics ${spec.name}" needs ${spec.positionals.what}. Run "rubrics ${spec.name} --help" for usage.`);
  }
  if (positionals.length > spec.positionals.max) {
    const extra = positionals.slice(spec.positionals.max).map((p) => JSON.stringify(p)).join(', ');
    throw new CliError(`"rubrics ${spec.name}" takes ${spec.positionals.max === 0 ? 'no arguments' : spec.positionals.what}; unexpected: ${extra}. Run "rubrics ${spec.name} --help" for usage.`);
  }
  return parsed;
}

function describeParseError(error: unknown, spec: CommandSpec<Options>): string {
  const help = `Run "rubrics ${spec.name} --help" for usage.`;
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1] ?? '';
    const names = Object.entries(spec.options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
    const suggestion = closestMatch(option.replace(/=.*$/, ''), names);
    return `Unknown option ${option || 'given'} for "rubrics ${spec.name}".${suggestion ? ` Did you mean ${suggestion}?` : ''} ${help}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /'([^']+)'/.exec(message)?.[1];
    return `${option ? `The option ${option.split(' ')[0]}` : 'An option'} ${/argument missing/.test(message) ? 'needs a value' : 'takes no value'}. ${help}`;
  }
  return `${message} ${help}`;
}

/** The options of every command that writes one document: its format, where it goes, and --help. */
export const DOCUMENT_OUTPUT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads an option that must be one of a few words, with a message listing them otherwise. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const suggestion = closestMatch(value, allowed);
  throw new CliError(`${option} must be one of ${allowed.join(', ')}, not "${value}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`);
}

/** Reads an option that must be a whole number at or above `min`. */
export function wholeNumber(value: string | undefined, option: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new CliError(`${option} must be a whole number${min > 0 ? ` from ${min} up` : ''}, not "${value}".`);
  return Number(value);
}
