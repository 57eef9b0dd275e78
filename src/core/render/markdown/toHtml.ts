import MarkdownIt from 'markdown-it';
import { isExternalUrl, isSafeUrl } from '../../domain/links';
import { escapeHtml } from '../html/escape';

/**
 * Free text from the YAML (descriptions, notes, summaries, guidance) is Markdown written by the
 * document's authors, who may not be the report's reader. One shared renderer turns it into
 * HTML that cannot run anything or load anything:
 * - raw HTML is shown as text (`html: false`);
 * - links with a scheme other than http, https or mailto stay text (javascript:, data:, file:,
 *   vbscript: and custom schemes), relative links are kept;
 * - images are never loaded: each becomes its alt text, linked to the image when the link is safe;
 * - web links get rel="noopener noreferrer";
 * - headings are pushed down below the report's own (a "# Title" in a note becomes an h4);
 * - every text, code and attribute goes through the report's one HTML escape (escapeHtml), and
 *   the author's line breaks are written as references, so the HTML holds no line and no CI log
 *   command from the document (see html/escape.ts).
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

md.validateLink = (url: string) => isSafeUrl(url);

const HEADING_SHIFT = 3;

function shiftHeading(tag: string): string {
  const level = Number(/^h(\d)$/.exec(tag)?.[1] ?? 6);
  return `h${Math.min(6, level + HEADING_SHIFT)}`;
}

md.renderer.rules.text = (tokens, idx) => escapeHtml(tokens[idx]?.content ?? '');
md.renderer.rules.code_inline = (tokens, idx, _options, _env, self) => {
  const token = tokens[idx];
  return token ? `<code${self.renderAttrs(token)}>${escapeHtml(token.content)}</code>` : '';
};
md.renderer.rules.code_block = (tokens, idx, _options, _env, self) => {
  const token = tokens[idx];
  return token ? `<pre${self.renderAttrs(token)}><code>${escapeHtml(token.content)}</code></pre>\n` : '';
};
md.renderer.rules.fence = (tokens, idx, options) => {
  const token = tokens[idx];
  if (!token) return '';
  const language = token.info.trim().split(/\s+/)[0] ?? '';
  const className = language ? ` class="${escapeHtml(options.langPrefix + md.utils.unescapeAll(language))}"` : '';
  return `<pre><code${className}>${escapeHtml(token.content)}</code></pre>\n`;
};
// The author's line breaks: the same whitespace as a newline, written as a reference.
md.renderer.rules.softbreak = () => '&#10;';
md.renderer.rules.hardbreak = () => '<br>&#10;';
md.renderer.renderAttrs = (token) => (token.attrs ?? []).map(([name, value]) => ` ${escapeHtml(name)}="${escapeHtml(value)}"`).join('');

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
  const label = `<span class="md-image">[image: ${escapeHtml(alt)}]</span>`;
  if (!src || !isSafeUrl(src)) return label;
  const rel = isExternalUrl(src) ? ' rel="noopener noreferrer"' : '';
  return `<a href="${escapeHtml(src)}"${rel}>${label}</a>`;
};

/** Renders Markdown free text to safe HTML (block level: paragraphs, lists, tables). */
export function renderMarkdownText(source: string): string {
  return md.render(source);
}

/** Renders one line of Markdown (emphasis, code, links) without a wrapping paragraph. */
export function renderMarkdownInline(source: string): string {
  return md.renderInline(source);
}
