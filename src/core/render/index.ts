/**
 * Renderings of reports: Markdown for GitHub, HTML for the preview and for a standalone file,
 * JSON for tools, and the score diff as Markdown for a pull request.
 */
export { renderMarkdown } from './markdown/report';
export { renderHtml, reportBody, type HtmlRenderOptions } from './html/renderHtml';
export { renderJson } from './json';
export { renderDiffMarkdown } from './markdown/diff';
export { renderMarkdownText, renderMarkdownInline } from './markdown/toHtml';
