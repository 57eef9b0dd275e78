import MarkdownIt from 'markdown-it';
import { isExternalUrl, isSafeUrl } from '../../domain/links';

/**
 * Free text from the YAML (descriptions, notes, summaries, guidance) is Markdown written by the
 * document's authors, who may not be the report's reader. One shared renderer turns it into
 * HTML that cannot run anything or load anything:
 * - raw HTML is shown as text (`html: false`);
 * - links with a scheme other than http, https or mailto stay text (javascript:, data:, file:,
 *   vbscript: and custom schemes), relative links are kept;
 * - images are never loaded: each becomes its alt text, linked to the image when the link is safe;
 * - web links get rel="noopener noreferrer";
 * - headings are pushed down below the report's own (a "# Title" in a note becomes an h4).
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

md.validateLink = (url: string) => isSafeUrl(url);

const HEADING_SHIFT = 3;

function shiftHeading(tag: string): string {
  const level = Number(/^h(\d)$/.exec(tag)?.[1] ?? 6);
  return `h${Math.min(6, level + HEADING_SHIFT)}`;
}

md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  if (token) token.tag = shiftHeading(token.tag);
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_close = md.renderer.rules.heading_open;

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  const href = token?.attrGet('href') ?? '';
  if (token && isExternalUrl(href)) token.attrSet('rel', 'noopener noreferrer');
  return self.renderToken(tokens, idx, options);
};

md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (!token) return '';
  const alt = self.renderInlineAsText(token.children ?? [], options, env) || 'image';
  const src = token.attrGet('src') ?? '';
  const label = `<span class="md-image">[image: ${md.utils.escapeHtml(alt)}]</span>`;
  if (!src || !isSafeUrl(src)) return label;
  const rel = isExternalUrl(src) ? ' rel="noopener noreferrer"' : '';
  return `<a href="${md.utils.escapeHtml(src)}"${rel}>${label}</a>`;
};

/** Renders Markdown free text to safe HTML (block level: paragraphs, lists, tables). */
export function renderMarkdownText(source: string): string {
  return md.render(source);
}

/** Renders one line of Markdown (emphasis, code, links) without a wrapping paragraph. */
export function renderMarkdownInline(source: string): string {
  return md.renderInline(source);
}
