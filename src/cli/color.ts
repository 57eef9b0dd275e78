import type { OutputStream } from './context';

export interface Palette {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly blue: (text: string) => string;
  readonly green: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly underline: (text: string) => string;
}

/**
 * Colour only for people: on a terminal, unless NO_COLOR is set (https://no-color.org). A
 * FORCE_COLOR other than "0"/"false" turns colour on even in a pipe (CI logs render it), and
 * FORCE_COLOR=0 turns it off; it wins over NO_COLOR because it is the more specific request.
 */
export function colorEnabled(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const COLORS: Palette = {
  red: style(31, 39),
  yellow: style(33, 39),
  blue: style(34, 39),
  green: style(32, 39),
  dim: style(2, 22),
  bold: style(1, 22),
  underline: style(4, 24),
};

const plain = (text: string) => text;
const PLAIN: Palette = { red: plain, yellow: plain, blue: plain, green: plain, dim: plain, bold: plain, underline: plain };

export function palette(enabled: boolean): Palette {
  return enabled ? COLORS : PLAIN;
}
