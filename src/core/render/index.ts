/**
 * Renderings of reports: Markdown for GitHub, HTML for the preview and for a standalone file,
 * JSON for tools, and the score diff as Markdown for a pull request.
 */
export { renderMarkdown } from './markdown/report';
export { previewReport, renderHtml, reportBody, type HtmlRenderOptions } from './html/renderHtml';
export { previewPage, type PreviewReport } from './html/preview';
export { contentSecurityPolicy, htmlPage, shellKey, type PageMode, type PageSecurity } from './html/page';
export { renderJson } from './json';
export { renderDiffMarkdown } from './markdown/diff';
export { renderMarkdownText, renderMarkdownInline } from './markdown/toHtml';
