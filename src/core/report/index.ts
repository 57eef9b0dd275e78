/**
 * Reports: one computed model of a document (buildReport), rendered as Markdown for GitHub,
 * as HTML for the preview or a standalone file, as JSON for tools, and compared for pull requests.
 */
export { buildReport, MAX_REPORTED_PROBLEMS } from './buildReport';
export { renderMarkdown } from './renderMarkdown';
export { renderHtml, reportBody, type HtmlRenderOptions } from './html/renderHtml';
export { renderJson } from './renderJson';
export { diffReports, type ReportDiff, type DimensionChange, type OverallChange, type PlanChange, type RubricChange, type BlockerRef } from './diff';
export { renderDiffMarkdown } from './renderDiff';
export { renderMarkdownText, renderMarkdownInline } from './markdownText';
export { isSafeUrl } from './links';
export * from './model';
