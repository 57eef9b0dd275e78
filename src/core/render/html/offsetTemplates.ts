import { BoundedMemo } from '../../resolve/memo';

/**
 * Renders a part of a report once per content, wherever it sits in the text. A keystroke in a
 * large assessment changes one dimension, but moves the source offsets (`sourceOffset`, written
 * as `data-source-offset`) of every dimension after it, so their HTML differs only in those
 * numbers. The part is rendered with its offsets numbered 0, 1, 2… in the order they appear in
 * its data, kept as a template keyed by that data, and each render fills in the real offsets: a
 * dimension whose content did not change is not rendered again (bench/editor-results.md).
 */

/** A rendered part split at its offsets: `text[0]`, offset `slots[0]`, `text[1]`, … */
interface Template {
  readonly text: readonly string[];
  readonly slots: readonly number[];
}

const OFFSET_ATTRIBUTE = / data-source-offset="(\d+)"/g;

export class OffsetTemplates<T> {
  private readonly templates: BoundedMemo<Template>;

  /** `max`: how many templates are kept (a few per part of the largest report is enough). */
  constructor(max: number) {
    this.templates = new BoundedMemo<Template>(max);
  }

  /**
   * The HTML of `value` (plain data) by `render`; `context` is whatever else the HTML depends on
   * (numbering, words), as text.
   */
  render(value: T, context: string, render: (value: T) => string): string {
    const offsets: number[] = [];
    // The data as JSON with its offsets numbered in order: the key, and on a miss the data rendered.
    const numbered = JSON.stringify(value).replace(OFFSET_FIELD, (_whole, offset: string) => {
      offsets.push(Number(offset));
      return `"sourceOffset":${offsets.length - 1}`;
    });
    const template = this.templates.get(`${context}\n${numbered}`, () => split(render(JSON.parse(numbered) as T)));
    let html = template.text[0] as string;
    for (let i = 0; i < template.slots.length; i++) html += ` data-source-offset="${offsets[template.slots[i] as number]}"${template.text[i + 1]}`;
    return html;
  }
}

/** A `sourceOffset` field in JSON (a key that a user's text cannot fake: JSON escapes its quotes). */
const OFFSET_FIELD = /"sourceOffset":(\d+)/g;

function split(html: string): Template {
  const text: string[] = [];
  const slots: number[] = [];
  let at = 0;
  for (const match of html.matchAll(OFFSET_ATTRIBUTE)) {
    text.push(html.slice(at, match.index));
    slots.push(Number(match[1]));
    at = (match.index as number) + match[0].length;
  }
  text.push(html.slice(at));
  return { text, slots };
}
