/**
 * Scalars written as YAML text, for edits that insert values into a user's file: the value a
 * person would type where it is safe (`yes`, `Self-service portal`), double quotes where a plain
 * scalar would be read as something else (`"true"`, `"3"`, `"a: b"`), and a literal block for
 * text of several lines in block context, so that a note reads as it was written.
 */

/** A scalar's text on the key's line, or a block scalar: its header there and its lines under the key. */
export type ScalarText = { readonly inline: string } | { readonly header: string; readonly lines: readonly string[] };

/**
 * Plain scalars we write: they start with a letter, digit or one of a few marks that are no
 * indicator, and hold no character that ends a plain scalar in their context (flow context ends
 * one at `,` `[` `]` `{` `}` and we keep `:` and `#` out of it too).
 */
const PLAIN_FLOW = /^[A-Za-z0-9_./(+][A-Za-z0-9_ ./@()+'-]*$/;
/** Block context also allows `,` `:` `#` and a few more, except `: `, ` #` and a final `:`, which end or change a scalar. */
const PLAIN_BLOCK = /^[A-Za-z0-9_./(+][A-Za-z0-9_ ,./@()+'\-:#?&=%~!*]*$/;
/**
 * Plain texts that YAML's core schema reads as something other than a string, and texts that
 * start like a date and go on (`2026-01-01 10:00`), which YAML 1.1 readers take for a timestamp.
 * A date alone (`2026-01-01`) is written plain, as the format's samples write every date: the
 * core schema, which the engine reads with, keeps it a string.
 */
const NOT_A_STRING = /^(?:true|false|null|~|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|[-+]?\.inf|\.nan|[0-9]{4}-[0-9]{2}-[0-9]{2}.+)$/i;
/** Characters a block scalar cannot hold (it would need escapes): controls other than tab and line feed. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_BLOCK_SAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\r\u2028\u2029]/;

/** The value as YAML text, for a map entry in block context (`context: 'block'`) or inside `{ }` and `[ ]`. */
export function scalarText(value: string | number | boolean, context: 'block' | 'flow'): ScalarText {
  if (typeof value === 'boolean') return { inline: value ? 'true' : 'false' };
  if (typeof value === 'number') return { inline: Number.isFinite(value) ? String(value) : value !== value ? '.nan' : value > 0 ? '.inf' : '-.inf' };
  if (context === 'block' && value.includes('\n') && value.trim() !== '' && !NOT_BLOCK_SAFE.test(value)) return literalBlock(value);
  const plain = context === 'block' ? PLAIN_BLOCK : PLAIN_FLOW;
  if (plain.test(value) && !value.endsWith(' ') && !value.endsWith(':') && !value.includes(': ') && !value.includes(' #') && !NOT_A_STRING.test(value)) return { inline: value };
  return { inline: doubleQuoted(value) };
}

/**
 * Double quotes with JSON's escapes, which YAML's double-quoted style reads the same way
 * (`\"`, `\\`, `\n`, `\t`, `\uXXXX`); JSON leaves U+2028 and U+2029 raw, YAML readers may not.
 */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * `|` with the text's lines: `|-` when it does not end with a line break, `|+` when it ends with
 * more than one. An indentation indicator is added when the first line starts with a space
 * (or a blank line before it holds spaces), where a reader would otherwise guess the indentation
 * from it.
 */
function literalBlock(value: string): ScalarText {
  const trailing = /\n*$/.exec(value)?.[0].length ?? 0;
  const body = trailing > 0 ? value.slice(0, -trailing) : value;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const lines = body.split('\n');
  for (let i = 1; i < trailing; i++) lines.push('');
  const firstContent = lines.find((line) => line.trim() !== '') ?? '';
  const needsIndicator = /^\s/.test(firstContent) || lines.slice(0, lines.indexOf(firstContent)).some((line) => line.length > 0);
  return { header: `|${needsIndicator ? '2' : ''}${chomp}`, lines };
}
