/**
 * The one module of the GitHub Action that imports src/core: the review's shape and the Markdown
 * of its summary and comment. Everything else the Action does goes through the CLI and the Node
 * adapters (the `src/layers` lint, CORE_ENTRIES in scripts/layers.mjs).
 */
export { fitMarkdown, MAX_COMMENT_LENGTH, MAX_SUMMARY_BYTES, renderReviewMarkdown } from '../core/render';
export { markdownCode, markdownTable, markdownText } from '../core/render/markdown/escape';
export { formatScore, shownDelta } from '../core/render/text';
export type { ChangeReview } from '../core/review/change';
