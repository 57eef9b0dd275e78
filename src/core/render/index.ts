/**
 * Renderings of reports: Markdown for GitHub, HTML for the preview and for a standalone file,
 * JSON for tools, and the score diff as Markdown for a pull request; and of the views across
 * documents (the portfolio, units compared) as Markdown, HTML and CSV.
 */
export { renderMarkdown } from './markdown/report';
export { previewCarriesBody, previewReport, renderHtml, reportBody, type HtmlRenderOptions, type PreviewReportOptions } from './html/renderHtml';
export { previewPage, type PreviewReport } from './html/preview';
export { changeSection } from './html/change';
export { questionnaireBody, questionnairePreview, viewSwitch, type PreviewView } from './html/questionnaireHtml';
export { contentSecurityPolicy, htmlPage, shellKey, type PageMode, type PageSecurity } from './html/page';
export { renderJson } from './json';
export { renderDiffMarkdown, type DiffMarkdownOptions } from './markdown/diff';
export { fitMarkdown, MAX_COMMENT_LENGTH, MAX_SUMMARY_BYTES, renderReviewMarkdown, type ReviewMarkdownOptions, type TextMeasure } from './markdown/review';
export { rubricChangeList, rubricChangeText } from './markdown/rubricChanges';
export { renderMarkdownText, renderMarkdownInline } from './markdown/toHtml';
export { renderComparisonMarkdown, renderPortfolioMarkdown } from './markdown/portfolio';
export { portfolioBody, renderComparisonHtml, renderPortfolioHtml, type PortfolioHtmlOptions } from './html/portfolio';
export { portfolioCss, portfolioPage } from './html/portfolioStyles';
export { csvTable, renderPortfolioCsv, type CsvValue } from './csv';
export { type PortfolioColumns, type PortfolioRenderOptions } from './portfolioText';
