/**
 * The one module of the extension that imports src/core, for the extension host of the desktop
 * and of the web: the preview's and the portfolio panel's pages, the link policy, the limits it
 * checks before reading a file, and revisions. The language features come from the language
 * server, not from here. The rest of src/extension reaches the core only through here (the
 * `src/layers` lint, CORE_ENTRIES in scripts/layers.mjs).
 *
 * The spreadsheet service is exported as a loader: an `import()` stays lazy, and the desktop
 * bundle turns it into a `require` of dist/sheets.js (scripts/sheets-bundle.mjs), so the extension
 * starts without exceljs.
 */
export { classifyLink } from '../core/domain/links';
export { GlobSet } from '../core/format/files';
export type { AnswerImport } from '../core/interchange/sheets/answerImport';
export { withFormatProblems } from '../core/interchange/sheets/formatProblems';
export { bodyPatch } from '../core/render/html/bodyPatch';
export { escapeHtml } from '../core/render/html/escape';
export { htmlPage, type PageSecurity, shellKey } from '../core/render/html/page';
export { portfolioPage } from '../core/render/html/portfolioStyles';
export { previewPage, type PreviewReport } from '../core/render/html/preview';
export { formatScore } from '../core/render/text';
export { resolveRelative } from '../core/resolve/uris';
export { parseRevisionUri, REVISION_SCHEME, revisionUri } from '../core/review/revisionUri';
export { REGULAR_FILES_ONLY, SPLIT_ADVICE, tooLargeReason, YAML_LIMITS } from '../core/yaml/limits';
export type { SheetExport, SheetImport, SheetImportResult } from '../core/interchange/sheets/service';
export const loadSheetService = () => import('../core/interchange/sheets/service');
