/**
 * Reports: one computed model of a document (buildReport), rendered as Markdown for GitHub,
 * as HTML for the preview or a standalone file, as JSON for tools, and compared for pull requests.
 */
export { buildReport, MAX_REPORTED_PROBLEMS } from './buildReport';
export { renderMarkdown } from '../render/markdown/report';
export { renderHtml, reportBody, type HtmlRenderOptions } from '../render/html/renderHtml';
export { renderJson } from '../render/json';
export { diffReports, type ReportDiff, type DimensionChange, type OverallChange, type PlanChange, type RubricChange, type BlockerRef } from './diff';
export { renderDiffMarkdown } from '../render/markdown/diff';
export { renderMarkdownText, renderMarkdownInline } from '../render/markdown/toHtml';
export { isSafeUrl } from '../domain/links';
export * from './model';
